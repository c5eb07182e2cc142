// ExpenseDays: the compact day x category store of a convention's expenses, against sums worked by hand.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>
#include <limits>
#include <map>
#include <utility>

#include "core/expense_days.h"

using namespace prorata;

namespace {
Date day(const char* text) { return *parse_date(text).value; }
Money cents(std::int64_t value) { return Money{value}; }

// A fixed-seed LCG, so that the random journals are the same on every run: next(bound) is in [0, bound).
struct Lcg {
  std::uint64_t state;
  std::uint64_t operator()(std::uint64_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % bound;
  }
};
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
  CHECK(e.cell_count() == 5);  // one cell per day and category
}

namespace {

// The reference: every cell kept as a (day, category, amount) triple, one per day and category, days
// in order, categories of a day in the order they first appeared that day.
struct ReferenceDays {
  std::map<Date, std::vector<std::pair<std::string, std::int64_t>>> days;
  void add(Date d, const std::string& category, std::int64_t cents) {
    auto& cells = days[d];
    for (auto& cell : cells) {
      if (cell.first == category) {
        cell.second += cents;
        return;
      }
    }
    cells.emplace_back(category, cents);
  }
  std::vector<std::string> until(Date last) const {
    std::vector<std::string> out;
    for (const auto& [d, cells] : days) {
      if (d > last) break;
      for (const auto& [category, cents] : cells) out.push_back(format_date(d) + " " + category + " " + std::to_string(cents));
    }
    return out;
  }
};

std::vector<std::string> until(const ExpenseDays& e, Date last) {
  std::vector<std::string> out;
  e.for_each_until(last, [&](Date d, const std::string& category, Money amount) {
    out.push_back(format_date(d) + " " + category + " " + std::to_string(amount.cents));
  });
  return out;
}

}  // namespace

TEST_CASE("packed days: 2,000 random journals, in and out of date order, read back as a plain map of cells") {
  Lcg next{12345};
  const std::vector<std::string> names{"travel", "meals", "study", "coaching", "a-category-with-a-long-name"};
  const Date start = day("2019-12-25");
  for (int journal = 0; journal < 2000; ++journal) {
    ExpenseDays e;
    ReferenceDays reference;
    const std::uint64_t lines = next(60);
    const std::uint64_t late_percent = journal % 3 == 0 ? 0 : next(40);
    Date d = start + date::days{static_cast<int>(next(3))};
    for (std::uint64_t k = 0; k < lines; ++k) {
      d += date::days{static_cast<int>(next(4))};  // often the same day, sometimes a gap
      Date at = d;
      if (next(100) < late_percent) at = d - date::days{static_cast<int>(next(30))};
      // Amounts from one cent to past 2^35 cents, either sign: every width of the packed form.
      const std::uint64_t magnitude = next(4) == 0 ? next(1ULL << 36) : next(100'000) + 1;
      const std::int64_t cents = next(5) == 0 ? -static_cast<std::int64_t>(magnitude) : static_cast<std::int64_t>(magnitude);
      const std::string& category = names[next(names.size())];
      e.add(at, category, Money{cents});
      reference.add(at, category, cents);
    }
    CAPTURE(journal);
    std::size_t cells = 0;
    for (const auto& entry : reference.days) cells += entry.second.size();
    CHECK(e.cell_count() == cells);
    CHECK(e.empty() == reference.days.empty());
    if (reference.days.empty()) continue;
    CHECK(e.last_day() == reference.days.rbegin()->first);  // the latest day, whatever the order
    const Date last = reference.days.rbegin()->first;
    CHECK(until(e, last) == reference.until(last));
    for (int probe = 0; probe < 4; ++probe) {
      const Date cut = start + date::days{static_cast<int>(next(static_cast<std::uint64_t>((last - start).count() + 5)))};
      CHECK(until(e, cut) == reference.until(cut));
      const auto& [probe_day, probe_cells] = *reference.days.lower_bound(std::min(cut, last));
      for (const auto& [category, cents] : probe_cells) CHECK(e.on(probe_day, category).cents == cents);
      CHECK(e.on(probe_day, "none").cents == 0);
    }
  }
}

TEST_CASE("packed days: dates far before 1970 and after 2100, and the extreme amounts, read back exactly") {
  ExpenseDays e;
  const std::int64_t big = std::numeric_limits<std::int64_t>::max() / 4;
  e.add(day("1901-01-01"), "a", Money{-big});
  e.add(day("1901-01-02"), "a", Money{big});
  e.add(day("2199-12-31"), "b", Money{1});
  e.add(day("2200-01-01"), "b", Money{-1});
  CHECK(until(e, day("2200-01-01")) == std::vector<std::string>{"1901-01-01 a " + std::to_string(-big),
                                                                "1901-01-02 a " + std::to_string(big),
                                                                "2199-12-31 b 1", "2200-01-01 b -1"});
  CHECK(e.packed_bytes() > 0);
}

namespace {

std::vector<std::string> sorted_cells(const ExpenseDays& e) {  // within a day, add_all may order cells otherwise
  std::vector<std::string> out = e.empty() ? std::vector<std::string>{} : until(e, e.last_day());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("add_all: a store of later lines merged in equals adding those lines one by one (1,000 random splits)") {
  Lcg next{777};
  const std::vector<std::string> names{"travel", "meals", "study", "coaching", "rent"};


  for (int journal = 0; journal < 1000; ++journal) {
    struct Line {
      Date date;
      std::string category;
      Money amount;
    };
    std::vector<Line> lines;
    Date d = day("2020-01-01") + date::days{static_cast<int>(next(400))};
    const std::uint64_t count = next(50);
    const bool in_order = journal % 2 == 0;
    for (std::uint64_t k = 0; k < count; ++k) {
      d += date::days{static_cast<int>(next(3))};
      Date at = d;
      if (!in_order && next(10) == 0) at = d - date::days{static_cast<int>(next(20))};
      const std::int64_t cents = next(4) == 0 ? -static_cast<std::int64_t>(next(1ULL << 40)) : static_cast<std::int64_t>(next(90'000) + 1);
      lines.push_back({at, names[next(names.size())], Money{cents}});
    }
    const std::size_t split = lines.empty() ? 0 : next(lines.size() + 1);
    ExpenseDays whole, first, second;
    ReferenceDays reference;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      whole.add(lines[k].date, lines[k].category, lines[k].amount);
      (k < split ? first : second).add(lines[k].date, lines[k].category, lines[k].amount);
      reference.add(lines[k].date, lines[k].category, lines[k].amount.cents);
    }
    first.add_all(second);
    CAPTURE(journal);
    CAPTURE(split);
    std::vector<std::string> expected =
        reference.days.empty() ? std::vector<std::string>{} : reference.until(reference.days.rbegin()->first);
    std::sort(expected.begin(), expected.end());
    CHECK(sorted_cells(first) == expected);
    CHECK(first.cell_count() == whole.cell_count());
    CHECK(first.empty() == whole.empty());
    if (!whole.empty()) CHECK(first.last_day() == whole.last_day());
    // Lines added after the merge land where they would have: on the last day, or a later one.
    if (!whole.empty()) {
      const Date after = whole.last_day() + date::days{static_cast<int>(next(2))};
      first.add(after, "travel", Money{3});
      whole.add(after, "travel", Money{3});
      CHECK(sorted_cells(first) == sorted_cells(whole));
    }
  }
}

namespace {

// The sums an evaluation takes on a pinned date p, worked from the lines themselves: per category, the
// net of the lines dated on or before p, and of those dated before p.
struct PinnedSums {
  std::map<std::string, std::int64_t> through;
  std::map<std::string, std::int64_t> before;
  bool operator==(const PinnedSums&) const = default;
};

PinnedSums sums_of(const ExpenseDays& e, Date p) {
  PinnedSums out;
  if (e.empty()) return out;
  e.for_each_until(e.last_day(), [&](Date d, const std::string& category, Money amount) {
    if (d <= p) out.through[category] += amount.cents;
    if (d < p) out.before[category] += amount.cents;
  });
  return out;
}

struct Line {
  Date date;
  std::string category;
  std::int64_t cents;
};

PinnedSums sums_of(const std::vector<Line>& lines, Date p) {
  PinnedSums out;
  for (const Line& line : lines) {
    if (line.date <= p) out.through[line.category] += line.cents;
    if (line.date < p) out.before[line.category] += line.cents;
  }
  return out;
}

void drop_zeros(PinnedSums& sums) {  // a category whose lines net to zero may show as 0 or not at all
  for (auto* m : {&sums.through, &sums.before}) std::erase_if(*m, [](const auto& kv) { return kv.second == 0; });
}

}  // namespace

TEST_CASE("summed days: 2,000 random journals, on every pinned date each sum is the lines' own, entries by pins") {
  Lcg next{4242};
  const std::vector<std::string> names{"travel", "meals", "study", "coaching", "rent", "seminar"};
  int held = 0, summed = 0;
  for (int journal = 0; journal < 2000; ++journal) {
    CAPTURE(journal);
    const bool in_order = journal % 4 != 0;
    const bool merged = journal % 3 == 0;  // the later lines folded apart, then add_all (a second thread)
    const Date start = day("2023-01-01");
    std::vector<Date> pins;
    for (std::uint64_t k = next(8); k > 0; --k) pins.push_back(start + date::days{static_cast<int>(next(200))});
    std::vector<Line> lines;
    Date d = start;
    for (std::uint64_t k = next(300); k > 0; --k) {
      d += date::days{static_cast<int>(next(3))};
      Date at = d;
      if (!in_order && next(10) == 0) at = d - date::days{static_cast<int>(next(30))};
      const std::int64_t cents = next(5) == 0 ? -static_cast<std::int64_t>(next(50'000)) : static_cast<std::int64_t>(next(90'000) + 1);
      lines.push_back({at, names[next(names.size())], cents});
    }
    const std::size_t split = merged && !lines.empty() ? next(lines.size() + 1) : lines.size();
    ExpenseDays e, later;
    for (ExpenseDays* store : {&e, &later}) {
      store->sum_days_between_pins();
      for (Date p : pins) store->pin(p);
    }
    if (split < lines.size()) later.pin(lines[split].date);  // as the second half pins its first date
    for (std::size_t k = 0; k < lines.size(); ++k) {
      (k < split ? e : later).add(lines[k].date, lines[k].category, Money{lines[k].cents});
    }
    if (split < lines.size()) e.add_all(later);
    if (!e.pins_hold()) continue;  // out of order: a summed entry holds a pin (the caller reads again)
    ++held;
    if (in_order && split == lines.size()) {
      // One entry per pinned day, at most one between two pins, and the open day: by the pins, not the days.
      CHECK(e.entry_count() <= 2 * pins.size() + 2);  // and the open day
    }
    if (e.entry_count() < e.cell_count()) ++summed;
    for (Date p : pins) {
      CHECK(e.exact_on(p));
      PinnedSums got = sums_of(e, p), want = sums_of(lines, p);
      drop_zeros(got);
      drop_zeros(want);
      CHECK(got == want);
    }
  }
  CHECK(held > 1500);   // every in-order journal, and some others
  CHECK(summed > 1000);  // days were summed, not kept one by one
}

TEST_CASE("summed days: a date pinned after the days around it were summed is found; one outside them is not") {
  ExpenseDays e;
  e.sum_days_between_pins();
  e.pin(day("2023-03-01"));
  for (int k = 0; k < 10; ++k) e.add(day("2023-02-10") + date::days{k}, "travel", cents(100));  // 10..19 Feb
  e.add(day("2023-03-01"), "travel", cents(7));
  e.add(day("2023-03-05"), "travel", cents(8));
  CHECK(e.entry_count() == 3);  // 10-19 Feb summed, 1 Mar alone, 5 Mar open
  CHECK(until(e, day("2023-03-31")) ==
        std::vector<std::string>{"2023-02-19 travel 1000", "2023-03-01 travel 7", "2023-03-05 travel 8"});
  CHECK(e.pins_hold());
  CHECK(e.exact_on(day("2023-02-09")));
  CHECK_FALSE(e.exact_on(day("2023-02-15")));
  e.pin(day("2023-02-25"));  // after the summed days, before 1 Mar: nothing straddles it
  CHECK(e.pins_hold());
  e.pin(day("2023-02-12"));  // inside 10-19 Feb: the sums no longer answer there
  CHECK_FALSE(e.pins_hold());
  // A line of the open day read after that day's expenses still pins it: the day is summed only once
  // a later day comes.
  ExpenseDays same_day;
  same_day.sum_days_between_pins();
  for (int k = 0; k < 5; ++k) same_day.add(day("2023-04-01") + date::days{k}, "travel", cents(10));  // 1..5 Apr
  same_day.pin(day("2023-04-05"));  // e.g. a payment of 5 Apr, after its expenses in the journal
  same_day.add(day("2023-04-06"), "travel", cents(1));
  CHECK(same_day.pins_hold());
  CHECK(until(same_day, day("2023-04-30")) ==
        std::vector<std::string>{"2023-04-04 travel 40", "2023-04-05 travel 10", "2023-04-06 travel 1"});
  ExpenseDays plain;  // without summing, every day is its own
  for (int k = 0; k < 10; ++k) plain.add(day("2023-02-10") + date::days{k}, "travel", cents(100));
  plain.pin(day("2023-02-12"));
  CHECK(plain.entry_count() == 10);
  CHECK(plain.pins_hold());
  CHECK(plain.exact_on(day("2023-02-15")));
}

TEST_CASE("summed days: add_all of later lines dated across this store's open day keeps every cell") {
  // Out of date order: the later lines' days (15 to 25 Mar, summed) straddle this store's open day (20 Mar).
  ExpenseDays e, later;
  for (ExpenseDays* store : {&e, &later}) store->sum_days_between_pins();
  e.add(day("2023-03-10"), "travel", cents(1));
  e.add(day("2023-03-20"), "travel", cents(2));
  for (int k = 15; k <= 25; ++k) later.add(day("2023-03-01") + date::days{k - 1}, "travel", cents(100));
  e.add_all(later);
  Money total{};
  e.for_each_until(day("2023-12-31"), [&](Date, const std::string&, Money amount) { total += amount; });
  CHECK(total == cents(1 + 2 + 11 * 100));
  CHECK(e.pins_hold());  // nothing pinned: every summed stretch answers alike
  e.add(day("2023-03-30"), "travel", cents(5));  // a later line still lands after them
  total = Money{};
  e.for_each_until(day("2023-12-31"), [&](Date, const std::string&, Money amount) { total += amount; });
  CHECK(total == cents(1 + 2 + 1100 + 5));
}
