// The yearly management report's figures (core/management_report.h): to date they are the status as of
// 31 December, of the year they are the journal's lines dated in the year. Checked on generated journals
// against sums made here from the generated events alone (an independent reading of the convention:
// E = the last signature, end = the earlier of E + 6 months and phase 5, eligible = coaching within
// [E, end]), and against evaluate_detailed as of 31 December.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>

#include "core/management_report.h"
#include "generated_journal.h"
#include "seed_convention.h"

using namespace prorata;
using namespace prorata::test;

namespace {

struct ExpectedFlows {
  Money called, paid, refunded;
};

struct ExpectedCategory {
  Money eligible, not_eligible;
};

struct Expected {
  std::map<std::string, ExpectedFlows> year, to_date;       // by contributor
  std::map<std::string, ExpectedCategory> spending_year, spending_to_date;  // by category
};

// The convention read from the events by hand, as of `to` = 31 December of `year`.
Expected expected_from_events(const Lines& j, int year) {
  const Date from = Date{date::year{year} / 1 / 1};
  const Date to = Date{date::year{year} / 12 / 31};
  Date effective = Date::min();
  std::optional<Date> phase5;
  for (const Event& e : j.events) {
    if (e.kind == EventKind::signature && e.ref.empty()) effective = std::max(effective, e.date);
    if (e.kind == EventKind::milestone && e.date <= to) phase5 = e.date;
  }
  Date end = effective + date::days{184};  // 2020-07-21 + 6 months = 2021-01-21
  REQUIRE(format_date(end) == "2021-01-21");
  if (phase5 && *phase5 < end) end = *phase5;
  const bool started = effective <= to;
  Expected out;
  for (const char* id : seed_ids) {
    out.year[id] = {};
    out.to_date[id] = {};
  }
  for (const Event& e : j.events) {
    if (e.date > to) continue;
    for (auto* flows : {&out.to_date, &out.year}) {
      if (flows == &out.year && e.date < from) continue;
      if (e.kind == EventKind::statement) (*flows)[e.party].called += *e.amount;
      if (e.kind == EventKind::payment) (*flows)[e.party].paid += *e.amount;
      if (e.kind == EventKind::refund) (*flows)[e.party].refunded += *e.amount;
    }
    if (e.kind != EventKind::expense) continue;
    const bool eligible = started && effective <= e.date && e.date <= end && e.category == "coaching";
    for (auto* spending : {&out.spending_to_date, &out.spending_year}) {
      if (spending == &out.spending_year && e.date < from) continue;
      ExpectedCategory& row = (*spending)[e.category];
      (eligible ? row.eligible : row.not_eligible) += *e.amount;
    }
  }
  // A category spent in to date is listed for the year too, with zeros when the year had none of it.
  for (const auto& [category, row] : out.spending_to_date) out.spending_year[category];
  return out;
}

// Refunds of a cent in December 2020 and in January 2021 to each contributor that paid two cents or
// more (payments of the generated journals end by 2020-12-18): a refund shows in its own year only.
void add_refunds(Lines& j) {
  std::map<std::string, Money> paid;
  for (const Event& e : j.events) {
    if (e.kind == EventKind::payment) paid[e.party] += *e.amount;
  }
  for (const auto& [party, amount] : paid) {
    if (amount < Money::from_cents(2)) continue;
    j.add(day("2020-12-30"), EventKind::refund, party, Money::from_cents(1), "R1-" + party);
    j.add(day("2021-01-05"), EventKind::refund, party, Money::from_cents(1), "R2-" + party);
  }
}

void check_spending(const SpendingFigures& figures, const std::map<std::string, ExpectedCategory>& expected) {
  REQUIRE(figures.categories.size() == expected.size());
  Money eligible, not_eligible;
  for (const CategorySpending& line : figures.categories) {
    const ExpectedCategory& want = expected.at(line.category);
    CHECK(line.eligible == want.eligible);
    CHECK(line.not_eligible == want.not_eligible);
    eligible += want.eligible;
    not_eligible += want.not_eligible;
  }
  CHECK(figures.eligible == eligible);
  CHECK(figures.not_eligible == not_eligible);
  CHECK(figures.total == eligible + not_eligible);
}

}  // namespace

TEST_CASE("report figures equal the status as of 31 December and the generated events, on generated journals") {
  Rules rules = seed_rules();
  rules.eligible_categories = std::vector<std::string>{"coaching"};  // travel is spent but never eligible
  std::size_t reports_checked = 0;
  for (std::uint64_t seed = 1; seed <= 150; ++seed) {
    CAPTURE(seed);
    std::mt19937_64 rng(seed);
    Lines j = random_seed_journal(rng);
    add_refunds(j);
    const JournalFacts facts = load(rules, j);
    for (int year : {2019, 2020, 2021}) {
      CAPTURE(year);
      const Date december_31 = Date{date::year{year} / 12 / 31};
      const Expected expected = expected_from_events(j, year);
      const Status status = evaluate_detailed(rules, facts, december_31).status;
      const auto reports = build_management_reports(rules, facts, year, december_31 + date::days{20});
      REQUIRE(reports.size() == status.contributors.size());
      REQUIRE(reports.size() == 5);
      for (std::size_t i = 0; i < reports.size(); ++i) {
        const ManagementReport& r = reports[i];
        const ContributorStatus& row = status.contributors[i];
        REQUIRE(r.contributor_id == row.id);
        // To date: the status as of 31 December, to the cent, and the events summed by hand.
        CHECK(r.to_date.called == row.called);
        CHECK(r.to_date.paid == row.paid);
        CHECK(r.to_date.refunded == row.refunded);
        CHECK(r.to_date.net_paid == row.net_paid);
        CHECK(r.to_date.called == expected.to_date.at(row.id).called);
        CHECK(r.to_date.paid == expected.to_date.at(row.id).paid);
        CHECK(r.to_date.refunded == expected.to_date.at(row.id).refunded);
        CHECK(r.to_date.cancelled == Money{});
        // The year: only its lines.
        CHECK(r.in_year.called == expected.year.at(row.id).called);
        CHECK(r.in_year.paid == expected.year.at(row.id).paid);
        CHECK(r.in_year.refunded == expected.year.at(row.id).refunded);
        // What it means at settlement: the status's figures as of 31 December.
        CHECK(r.settlement.final_contribution == row.final_contribution);
        CHECK(r.settlement.balance == row.balance);
        CHECK(r.settlement.refund_due == row.refund_due);
        CHECK(r.settlement.amount_due == row.amount_due);
        CHECK(r.settlement.outstanding_calls == row.outstanding_calls);
        CHECK(r.settlement.provisional == (status.term.state != TermState::ended));
        CHECK(r.settlement.eligible_spending == status.totals.eligible_spending);
        check_spending(r.spending_to_date, expected.spending_to_date);
        check_spending(r.spending_in_year, expected.spending_year);
        CHECK(max(r.spending_to_date.eligible, Money{}) == status.totals.eligible_spending);
        CHECK(r.spending_to_date.total == status.totals.spending);
        ++reports_checked;
      }
    }
  }
  CHECK(reports_checked == 150 * 3 * 5);
}

TEST_CASE("a year before the signatures, and a year without a line, still give a report of zeros") {
  const Rules rules = seed_rules();
  Lines j;
  j.add(day("2020-07-21"), EventKind::signature, "dinum", std::nullopt, "");
  for (const char* id : seed_ids) j.add(day("2020-07-06"), EventKind::signature, id, std::nullopt, "");
  j.add(day("2020-07-22"), EventKind::statement, "nord", cents("9000.00"), "ESD-2020-0001");
  j.add(day("2020-08-05"), EventKind::payment, "nord", cents("9000.00"), "VIR-1");
  j.add(day("2020-09-30"), EventKind::expense, "dinum", cents("7250.00"), "F-1", "coaching");
  j.add(day("2020-12-15"), EventKind::milestone, "", std::nullopt, "phase-5-end");
  const JournalFacts facts = load(rules, j);

  const auto before = build_management_reports(rules, facts, 2019, day("2020-01-31"));
  REQUIRE(before.size() == 5);
  for (const ManagementReport& r : before) {
    CHECK(r.term.state == TermState::pending);
    CHECK(r.to_date.called == Money{});
    CHECK(r.to_date.paid == Money{});
    CHECK(r.in_year.net_paid == Money{});
    CHECK(r.spending_to_date.categories.empty());
    CHECK(r.settlement.provisional);
    CHECK(r.settlement.refund_due == Money{});
    CHECK(r.amendments_signed.empty());
    CHECK(!r.signed_on.has_value());
  }

  // 2021: nothing happened in it; to date is 2020's work, final since phase 5 ended the term.
  const auto quiet = build_management_reports(rules, facts, 2021, day("2022-01-31"));
  REQUIRE(quiet.size() == 5);
  const ManagementReport& nord = quiet[0];
  REQUIRE(nord.contributor_id == "nord");
  CHECK(nord.in_year.called == Money{});
  CHECK(nord.in_year.paid == Money{});
  CHECK(nord.to_date.called == cents("9000.00"));
  CHECK(nord.to_date.paid == cents("9000.00"));
  REQUIRE(nord.spending_in_year.categories.size() == 1);  // the category spent in to date, with 0 this year
  CHECK(nord.spending_in_year.categories[0].eligible == Money{});
  CHECK(nord.spending_in_year.total == Money{});
  CHECK(nord.spending_to_date.eligible == cents("7250.00"));
  CHECK_FALSE(nord.settlement.provisional);
  CHECK(nord.term.state == TermState::ended);
  // Only the Nord paid: 9 000,00 − 7 250,00 comes back to it.
  CHECK(nord.settlement.final_contribution == cents("7250.00"));
  CHECK(nord.settlement.refund_due == cents("1750.00"));
  CHECK(nord.issued == day("2022-01-31"));
  CHECK(nord.period_start == day("2021-01-01"));
  CHECK(nord.period_end == day("2021-12-31"));
  CHECK(nord.mark == DocumentMark::preview);
  CHECK(nord.number.empty());
}

TEST_CASE("nothing after 31 December is read, whatever the report's date") {
  const Rules rules = seed_rules();
  Lines j;
  j.add(day("2020-07-21"), EventKind::signature, "dinum", std::nullopt, "");
  for (const char* id : seed_ids) j.add(day("2020-07-06"), EventKind::signature, id, std::nullopt, "");
  j.add(day("2020-07-22"), EventKind::statement, "oise", cents("9000.00"), "ESD-2020-0003");
  j.add(day("2020-12-31"), EventKind::payment, "oise", cents("100.00"), "VIR-1");
  j.add(day("2021-01-01"), EventKind::payment, "oise", cents("8900.00"), "VIR-2");  // the next year
  j.add(day("2021-01-02"), EventKind::expense, "dinum", cents("500.00"), "F-1", "coaching");
  const JournalFacts facts = load(rules, j);
  const auto reports = build_management_reports(rules, facts, 2020, day("2021-01-31"));
  const ManagementReport& oise = reports[1];
  REQUIRE(oise.contributor_id == "oise");
  CHECK(oise.to_date.paid == cents("100.00"));
  CHECK(oise.in_year.paid == cents("100.00"));
  CHECK(oise.spending_to_date.total == Money{});
  CHECK(oise.term.state == TermState::running);  // on 31 December 2020 the term ran to 2021-01-21
  CHECK(oise.settlement.provisional);
  CHECK(oise.settlement.refund_due == cents("100.00"));  // nothing spent by 31 December
  CHECK(oise.settlement.outstanding_calls == cents("8900.00"));
}
