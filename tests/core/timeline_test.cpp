// Amendments over generated journals (tests engine/core/timeline.h, timeline_check.h): an amendment
// that repeats the base rules changes no figure; the order of amendments in the file changes nothing
// when their effective dates differ (they apply by date); a later cap change wins over an earlier one.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/evaluate.h"
#include "core/journal.h"
#include "generated_journal.h"
#include "seed_convention.h"

using namespace prorata;
using namespace prorata::test;

namespace {

// Every figure of a status, as text.
std::string figures(const Status& s) {
  std::string out = std::string(to_string(s.term.state)) + (s.term.end ? format_date(*s.term.end) : "-");
  const Totals& t = s.totals;
  for (Money m : {t.caps, t.called, t.paid, t.refunded, t.spending, t.eligible_spending, t.covered, t.uncovered,
                  t.refund_due, t.amount_due}) {
    out += " " + format_amount(m);
  }
  for (const auto& c : s.contributors) {
    out += " | " + c.id;
    for (Money m : {c.cap_agreed, c.cap, c.called, c.paid, c.refunded, c.final_contribution, c.refund_due, c.amount_due}) {
      out += " " + format_amount(m);
    }
  }
  return out;
}

Amendment amendment(const char* id, AmendmentChanges changes) {
  return Amendment{id, std::string("Avenant ") + id, std::move(changes), SourceLoc{"rules.yaml", 1, 1}};
}

}  // namespace

TEST_CASE("an amendment that repeats the base rules changes no figure, on any date") {
  std::mt19937_64 rng(20201130);
  const Rules base = seed_rules();
  Rules repeated = base;
  AmendmentChanges same;
  same.max_duration = base.term.max_duration;
  same.ends_at_milestone = base.term.ends_at_milestone;
  same.aggregate_cap = base.aggregate_cap;
  same.aggregate_cap_policy = base.aggregate_cap_policy;
  for (const auto& c : base.contributors) same.caps.push_back({c.id, c.cap_agreed, SourceLoc{}});
  repeated.amendments.push_back(amendment("avenant-1", same));
  for (int round = 0; round < 200; ++round) {
    const Lines plain = random_seed_journal(rng);
    Lines amended = plain;
    const Date signed_on = random_day(rng, day("2020-07-21"), 100);  // before any end: 2020-11-01 at the earliest
    sign(amended, "avenant-1", signed_on);
    const JournalFacts base_facts = load(base, plain);
    const JournalFacts amended_facts = load(repeated, amended);
    REQUIRE(amended_facts.timeline.versions.size() == 2);
    for (const char* as_of : {"2020-07-20", "2020-09-15", "2020-11-30", "2021-03-01"}) {
      CAPTURE(round);
      CAPTURE(as_of);
      const Status a = evaluate(base, base_facts, day(as_of));
      const Status b = evaluate(repeated, amended_facts, day(as_of));
      CHECK(figures(a) == figures(b));
      REQUIRE(b.amendments.size() == 1);
      CHECK((b.amendments[0].state == AmendmentState::in_force) == (signed_on <= day(as_of)));
    }
  }
}

TEST_CASE("amendments apply by effective date: their order in the file changes nothing") {
  std::mt19937_64 rng(20201201);
  Rules first_second = seed_rules();
  first_second.aggregate_cap = cents("60000.00");
  AmendmentChanges raise;  // nord 9 500.00, 8 months
  raise.caps.push_back({"nord", cents("9500.00"), SourceLoc{}});
  raise.max_duration = Duration{8, Duration::Unit::months};
  AmendmentChanges raise_again;  // nord 9 800.00, oise 9 900.00, coaching only
  raise_again.caps.push_back({"nord", cents("9800.00"), SourceLoc{}});
  raise_again.caps.push_back({"oise", cents("9900.00"), SourceLoc{}});
  raise_again.eligible_categories = std::vector<std::string>{"coaching"};
  first_second.amendments = {amendment("avenant-a", raise), amendment("avenant-b", raise_again)};
  Rules second_first = first_second;
  std::swap(second_first.amendments[0], second_first.amendments[1]);
  for (int round = 0; round < 200; ++round) {
    Lines j = random_seed_journal(rng);
    const Date a_on = random_day(rng, day("2020-07-21"), 100);
    Date b_on = random_day(rng, day("2020-07-21"), 100);
    if (b_on == a_on) b_on += date::days{1};
    sign(j, "avenant-a", a_on);
    sign(j, "avenant-b", b_on);
    const JournalFacts f1 = load(first_second, j);
    const JournalFacts f2 = load(second_first, j);
    for (const char* as_of : {"2020-08-01", "2020-10-15", "2020-12-31", "2021-06-30"}) {
      CAPTURE(round);
      CAPTURE(as_of);
      const Status s1 = evaluate(first_second, f1, day(as_of));
      const Status s2 = evaluate(second_first, f2, day(as_of));
      CHECK(figures(s1) == figures(s2));
      // Nord's agreed cap is the one of the latest amendment in force (worked from the dates alone).
      const Date d = day(as_of);
      std::string expected = "9000.00";
      const bool a_in = a_on <= d, b_in = b_on <= d;
      if (a_in && b_in) expected = a_on > b_on ? "9500.00" : "9800.00";
      else if (a_in) expected = "9500.00";
      else if (b_in) expected = "9800.00";
      CHECK(format_amount(row(s1, "nord").cap_agreed) == expected);
    }
  }
}

TEST_CASE("an expense is eligible under the rules in force on its own day, as an amendment changes them") {
  std::mt19937_64 rng(20201204);
  Rules rules = seed_rules();  // every category eligible
  AmendmentChanges coaching_only;
  coaching_only.eligible_categories = std::vector<std::string>{"coaching"};
  rules.amendments = {amendment("avenant-c", coaching_only)};
  for (int round = 0; round < 200; ++round) {
    Lines j = random_seed_journal(rng);
    const Date signed_on = random_day(rng, day("2020-07-21"), 100);
    sign(j, "avenant-c", signed_on);
    const JournalFacts facts = load(rules, j);
    for (const char* as_of : {"2020-08-01", "2020-10-15", "2021-06-30"}) {
      CAPTURE(round);
      CAPTURE(as_of);
      const Status s = evaluate(rules, facts, day(as_of));
      REQUIRE(s.term.effective.has_value());
      REQUIRE(s.term.end.has_value());
      // Worked from the lines alone: within the term and up to the date, every category before the
      // amendment's day, coaching only from it on; a negative net counts as nothing.
      std::int64_t spending = 0;
      std::int64_t eligible = 0;
      for (const Event& e : j.events) {
        if (e.kind != EventKind::expense || e.date > day(as_of)) continue;
        spending += e.amount->cents;
        const bool in_term = *s.term.effective <= e.date && e.date <= *s.term.end;
        if (in_term && (e.date < signed_on || e.category == "coaching")) eligible += e.amount->cents;
      }
      CHECK(s.totals.spending.cents == spending);
      CHECK(s.totals.eligible_spending.cents == std::max<std::int64_t>(eligible, 0));
    }
  }
}
