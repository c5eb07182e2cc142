// Expense days summed between the dates that matter (JournalBuilder::answer_only_on,
// core/expense_days.h) evaluate, on the dates given, to exactly what day-by-day cells give: a
// journal of two conventions read once day by day (the reference) and again summing, on one thread
// and in two halves on two threads (the second thread sums once the first has published the term's
// dates) with several block sizes; the statuses' figures must be equal to the cent, the summed
// stores must hold fewer entries than days, and the check must hold. A journal whose payment is moved
// to the end, out of date order, makes the check fail, as the CLI's second reading requires.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/evaluate.h"
#include "core/journal.h"
#include "core/rules.h"
#include "io/journal_csv.h"

using namespace prorata;

namespace {

Rules rules_of(const std::string& id) {
  Rules rules;
  rules.id = id;
  rules.title = id;
  rules.beneficiary = {"op", "op"};
  rules.term.max_duration = Duration{6, Duration::Unit::months};  // ends mid-year: in the second half
  for (const char* party : {"d1", "d2"}) {
    Contributor c;
    c.id = party;
    c.name = party;
    c.cap_agreed = Money::from_cents(2'000'000);
    rules.contributors.push_back(c);
  }
  rules.eligible_categories = std::vector<std::string>{"coaching", "travel"};
  return rules;
}

// Two conventions over 2023, in date order: signatures in January, a statement and a payment per
// contributor in spring, then in autumn; an expense every day in one of three categories (one not
// eligible), a credit note now and then.
std::string journal_text() {
  std::string text = "date,event,party,amount,ref,category,memo,convention\n";
  const Date start = *parse_date("2023-01-02").value;
  const std::vector<std::string> categories{"coaching", "travel", "catering"};
  for (int k = 0; k < 360; ++k) {
    const std::string day = format_date(start + date::days{k});
    for (const std::string cv : {"cv-a", "cv-b"}) {
      if (k == 3 || k == 17) {
        for (const char* party : {"op", "d1", "d2"}) {
          if ((k == 3) == (party[0] != 'd' || cv == "cv-a")) text += day + ",signature," + party + ",,,,," + cv + "\n";
        }
      }
      if (k == 90 || k == 250) {
        for (const char* party : {"d1", "d2"}) {
          const std::string ref = cv + "-" + party + "-" + std::to_string(k);
          text += day + ",statement," + party + ",4000.00,ESD-" + ref + ",,," + cv + "\n";
          text += day + ",payment," + party + ",4000.00,VIR-" + ref + ",,," + cv + "\n";
        }
      }
      const int cents = 1'000 + (k * 7'919 + static_cast<int>(cv.back()) * 131) % 90'000;
      const bool credit = k % 29 == 5;
      text += day + ",expense,," + (credit ? "-" : "") + std::to_string(cents / 100) + "." +
              (cents % 100 < 10 ? "0" : "") + std::to_string(cents % 100) + ",," +
              categories[static_cast<std::size_t>(k % 3)] + ",," + cv + "\n";
    }
  }
  return text;
}

struct Read {
  std::vector<std::unique_ptr<JournalBuilder>> builders;
  Diagnostics diagnostics;
};

void read(const std::filesystem::path& path, const std::vector<Rules>& rules, Read& out, const std::vector<Date>* dates,
          unsigned threads, std::size_t block) {
  std::vector<io::ConventionLoad> loads;
  for (const Rules& r : rules) {
    out.builders.push_back(std::make_unique<JournalBuilder>(r));
    if (dates) out.builders.back()->answer_only_on(*dates);
    loads.push_back({&r, out.builders.back().get()});
  }
  io::JournalReadOptions options;
  options.threads = threads;
  options.block_bytes = block;
  options.split_bytes_min = 0;  // two halves on two threads, whatever the size
  std::map<std::string, std::uint64_t> other;
  io::load_journal_portfolio_file(path.string(), loads, other, out.diagnostics, options);
}

void check_same_figures(const Status& got, const Status& want) {
  CHECK(got.term.state == want.term.state);
  CHECK(got.term.end == want.term.end);
  CHECK(got.totals.spending == want.totals.spending);
  CHECK(got.totals.eligible_spending == want.totals.eligible_spending);
  CHECK(got.totals.covered == want.totals.covered);
  CHECK(got.totals.refund_due == want.totals.refund_due);
  CHECK(got.totals.amount_due == want.totals.amount_due);
  REQUIRE(got.contributors.size() == want.contributors.size());
  for (std::size_t i = 0; i < got.contributors.size(); ++i) {
    CHECK(got.contributors[i].final_contribution == want.contributors[i].final_contribution);
    CHECK(got.contributors[i].refund_due == want.contributors[i].refund_due);
  }
}

}  // namespace

TEST_CASE("summed expense days: the same figures as day by day on the dates given, on one thread and two") {
  const std::vector<Rules> rules{rules_of("cv-a"), rules_of("cv-b")};
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "prorata-summed-days.csv";
  { std::ofstream(path, std::ios::binary) << journal_text(); }
  for (const char* as_of_text : {"2023-05-31", "2023-07-19", "2023-12-31"}) {
    CAPTURE(as_of_text);
    const Date as_of = *parse_date(as_of_text).value;
    Read day_by_day;
    read(path, rules, day_by_day, nullptr, 1, std::size_t{64} << 10);
    REQUIRE(day_by_day.diagnostics.empty());
    const std::vector<Date> dates{as_of};
    for (unsigned threads : {1u, 2u}) {
      for (std::size_t block : {std::size_t{7}, std::size_t{4096}, std::size_t{64} << 10}) {
        CAPTURE(threads);
        CAPTURE(block);
        Read summed;
        read(path, rules, summed, &dates, threads, block);
        REQUIRE(summed.diagnostics.empty());
        for (std::size_t k = 0; k < rules.size(); ++k) {
          const JournalFacts& facts = summed.builders[k]->facts();
          CHECK(summed.builders[k]->expense_days_hold());
          // 360 days with an expense; the pinned dates are about 20: far fewer entries than days.
          CHECK(day_by_day.builders[k]->facts().expenses.entry_count() == 360);
          CHECK(facts.expenses.entry_count() < 60);
          check_same_figures(evaluate(rules[k], facts, as_of), evaluate(rules[k], day_by_day.builders[k]->facts(), as_of));
        }
      }
    }
  }
  // Out of date order: cv-a's spring statements and payments moved to the end come after the days
  // around theirs were summed (a date already pinned by another line of that day would not).
  std::string text = journal_text();
  std::string moved;
  for (const char* party : {"d1", "d2"}) {
    for (const std::string kind : {"statement", "payment"}) {
      const std::string line = "2023-04-02," + kind + "," + party + ",4000.00," + (kind == "statement" ? "ESD" : "VIR") +
                               "-cv-a-" + party + "-90,,,cv-a\n";
      const auto at = text.find(line);
      REQUIRE(at != std::string::npos);
      text.erase(at, line.size());
      moved += line;
    }
  }
  text += moved;
  { std::ofstream(path, std::ios::binary) << text; }
  const std::vector<Date> dates{*parse_date("2023-12-31").value};
  for (unsigned threads : {1u, 2u}) {
    Read summed;
    read(path, rules, summed, &dates, threads, std::size_t{64} << 10);
    CHECK(summed.diagnostics.error_count() == 0);
    CHECK_FALSE(summed.builders[0]->expense_days_hold());
    CHECK(summed.builders[1]->expense_days_hold());
  }
  std::filesystem::remove(path);
}
