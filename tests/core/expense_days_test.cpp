// ExpenseDays: the compact day x category store of a convention's expenses, against sums worked by hand.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/expense_days.h"

using namespace prorata;

namespace {
Date day(const char* text) { return *parse_date(text).value; }
Money cents(std::int64_t value) { return Money{value}; }
}  // namespace

TEST_CASE("expenses in date order, out of order and on one day: net per day and category, days in order") {
  ExpenseDays e;
  CHECK(e.empty());
  e.add(day("2021-03-01"), "travel", cents(10'000));
  e.add(day("2021-03-01"), "meals", cents(2'550));
  e.add(day("2021-03-01"), "travel", cents(-1'000));   // a credit note the same day
  e.add(day("2021-03-05"), "travel", cents(700));
  e.add(day("2021-02-20"), "meals", cents(1'200));     // an earlier day, recorded late
  e.add(day("2021-03-01"), "study", cents(5));         // a new category on a day already there
  e.add(day("2021-02-20"), "meals", cents(300));
  CHECK(e.on(day("2021-03-01"), "travel") == cents(9'000));  // 10 000 - 1 000
  CHECK(e.on(day("2021-03-01"), "meals") == cents(2'550));
  CHECK(e.on(day("2021-02-20"), "meals") == cents(1'500));   // 1 200 + 300
  CHECK(e.on(day("2021-03-05"), "meals") == cents(0));
  CHECK(e.last_day() == day("2021-03-05"));
  std::vector<std::string> seen;
  Money total{};
  e.for_each_until(day("2021-03-01"), [&](Date d, const std::string& category, Money amount) {
    seen.push_back(format_date(d) + " " + category);
    total += amount;
  });
  CHECK(seen == std::vector<std::string>{"2021-02-20 meals", "2021-03-01 travel", "2021-03-01 meals",
                                         "2021-03-01 study"});
  CHECK(total == cents(1'500 + 9'000 + 2'550 + 5));
  CHECK(e.cells().size() == 5);  // one cell per day and category
}
