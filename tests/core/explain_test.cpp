// explain() over generated journals (tests engine/core/explain.h): for every figure, the lines it
// cites sum to the status figure; the expense lines counted and left out are all the expense lines;
// each share's floor, plus its leftover cent, is the amount settled, and the shares sum to what was
// shared. The hand-worked seed and avenant cases are in tests/cli/explain_test.cpp.
#include <doctest/doctest.h>

#include <random>

#include "core/explain.h"
#include "generated_journal.h"

using namespace prorata;
using namespace prorata::test;

namespace {

Money sum_of(const Figure& figure) {
  Money sum{};
  for (const CitedLine* line : figure.lines) sum += *line->amount;
  return sum;
}

Money value_of(const Figure& figure) {
  auto parsed = parse_amount(figure.value);
  REQUIRE(parsed.value.has_value());
  return *parsed.value;
}

}  // namespace

TEST_CASE("explain: cited lines add up to every figure, and every expense line is counted or left out") {
  std::mt19937_64 rng(20201215);
  Rules rules = seed_rules();
  rules.eligible_categories = std::vector<std::string>{"coaching", "travel"};
  AmendmentChanges changes;  // from its date, travel is no longer eligible and nord may be called for more
  changes.eligible_categories = std::vector<std::string>{"coaching"};
  changes.caps.push_back({"nord", cents("9500.00"), SourceLoc{}});
  changes.aggregate_cap = cents("45500.00");
  rules.amendments.push_back(Amendment{"avenant-1", "Avenant 1", changes, SourceLoc{"rules.yaml", 1, 1}});
  for (int round = 0; round < 300; ++round) {
    Lines j = random_seed_journal(rng);
    const bool amended = rng() % 2 == 0;
    if (amended) sign(j, "avenant-1", random_day(rng, day("2020-07-21"), 100));
    const JournalFacts facts = load(rules, j);
    ExplainCollector collector("");
    Diagnostics none;
    for (const Event& event : j.events) collector.add(event, none);
    std::size_t expense_lines = 0;
    for (const Event& event : j.events) expense_lines += event.kind == EventKind::expense ? 1 : 0;
    for (const char* as_of : {"2020-07-20", "2020-10-01", "2020-11-20", "2021-03-31"}) {
      CAPTURE(round);
      CAPTURE(as_of);
      const Evaluation evaluation = evaluate_detailed(rules, facts, day(as_of));
      const Status& status = evaluation.status;
      const Explanation e = explain(rules, facts, evaluation, collector, std::nullopt);
      CHECK(e.consistent);
      CHECK(sum_of(e.spending) == status.totals.spending);
      CHECK(max(sum_of(e.eligible_spending), Money{}) == status.totals.eligible_spending);
      std::size_t after_as_of = 0;
      for (const ExcludedLine& x : e.excluded) if (x.line->date > day(as_of)) ++after_as_of;
      CHECK(e.spending.lines.size() + after_as_of == expense_lines);
      CHECK(e.eligible_spending.lines.size() + e.excluded.size() == expense_lines);
      REQUIRE(e.contributors.size() == status.contributors.size());
      Money shared{};
      for (std::size_t i = 0; i < e.contributors.size(); ++i) {
        const ContributorExplanation& c = e.contributors[i];
        const ContributorStatus& row = status.contributors[i];
        REQUIRE(c.id == row.id);
        CHECK(sum_of(c.called) == row.called);
        CHECK(sum_of(c.paid) == row.paid);
        CHECK(sum_of(c.refunded) == row.refunded);
        CHECK(value_of(c.final_contribution) == row.final_contribution);
        CHECK(value_of(c.cap) == row.cap);
        if (!c.share) continue;
        const Money settled = c.share->floor + Money{c.share->leftover_cent ? 1 : 0};
        shared += settled;
        // paid key: the refund share; final = min(paid, cap) - refund.
        CHECK(settled == c.share->basis - row.final_contribution);
        CHECK(c.share->remainder >= 0);
        CHECK(c.share->remainder < 1);
      }
      if (status.basis.unused > Money{}) CHECK(shared == status.basis.unused);
    }
  }
}

TEST_CASE("explain: a second pass that reads other lines than the first is marked inconsistent, not trusted") {
  const Rules rules = seed_rules();
  std::mt19937_64 rng(7);
  const Lines first = random_seed_journal(rng);
  const JournalFacts facts = load(rules, first);
  Lines changed = first;
  changed.add(day("2020-08-01"), EventKind::payment, "nord", cents("0.01"), "V-LATE");  // written in between
  ExplainCollector collector("");
  Diagnostics none;
  for (const Event& event : changed.events) collector.add(event, none);
  const Evaluation evaluation = evaluate_detailed(rules, facts, day("2020-12-31"));
  CHECK_FALSE(explain(rules, facts, evaluation, collector, std::nullopt).consistent);
  ExplainCollector same("");
  for (const Event& event : first.events) same.add(event, none);
  CHECK(explain(rules, facts, evaluation, same, std::nullopt).consistent);
}
