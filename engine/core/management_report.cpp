#include "core/management_report.h"

#include <algorithm>
#include <map>

#include "core/assert.h"
#include "core/document_number.h"

namespace prorata {

Date year_start(std::int32_t year) {
  PRORATA_ASSERT(year >= report_year_min && year <= report_year_max);
  return Date{date::year{year} / date::January / 1};
}

Date year_end(std::int32_t year) {
  PRORATA_ASSERT(year >= report_year_min && year <= report_year_max);
  return Date{date::year{year} / date::December / 31};
}

namespace {

// A contributor's calls, payments and refunds dated in [from, to].
ContributorFlows flows_between(const PartyFacts& party, Date from, Date to) {
  ContributorFlows sum;
  for (auto it = party.flows_by_day.lower_bound(from); it != party.flows_by_day.end() && it->first <= to; ++it) {
    sum.called += it->second.called;
    sum.cancelled += it->second.cancelled;
    sum.paid += it->second.paid;
    sum.refunded += it->second.refunded;
  }
  sum.net_paid = sum.paid - sum.refunded;
  return sum;
}

// Whether an expense of `day` in `category` counts as eligible: the test evaluate() applies (within the
// term known on the evaluation date, category eligible in the version in force on the expense's date).
// The report's eligible sum to date is asserted equal to the status's, so the two cannot drift apart.
bool counts_as_eligible(const Rules& rules, const JournalFacts& facts, const TermStatus& term, Date day,
                        const std::string& category) {
  const bool in_term = term.effective && *term.effective <= day && term.end && day <= *term.end;
  return in_term && facts.timeline.on(day).rules(rules).is_eligible(category);
}

// The convention's spending by category: dated in [from, to] into `year`, and up to `to` into `to_date`.
void sum_spending(const Rules& rules, const JournalFacts& facts, const TermStatus& term, Date from, Date to,
                  SpendingFigures& year, SpendingFigures& to_date) {
  std::map<std::string, CategorySpending> in_year;
  std::map<std::string, CategorySpending> cumulated;
  PRORATA_ASSERT(facts.expenses.exact_on(from) && facts.expenses.exact_on(to));  // summed days (core/expense_days.h)
  facts.expenses.for_each_until(to, [&](Date day, const std::string& category, Money amount) {
    const bool eligible = counts_as_eligible(rules, facts, term, day, category);
    for (auto* sums : {&cumulated, &in_year}) {
      if (sums == &in_year && day < from) continue;
      CategorySpending& row = (*sums)[category];
      row.category = category;
      (eligible ? row.eligible : row.not_eligible) += amount;
    }
  });
  PRORATA_ASSERT(in_year.size() <= cumulated.size());  // a category of the year is one to date
  for (const auto& [category, row] : cumulated) {
    CategorySpending of_year{category, {}, {}};
    if (auto found = in_year.find(category); found != in_year.end()) of_year = found->second;
    for (auto [figures, line] : {std::pair{&year, of_year}, std::pair{&to_date, row}}) {
      figures->categories.push_back(line);
      figures->eligible += line.eligible;
      figures->not_eligible += line.not_eligible;
    }
  }
  year.total = year.eligible + year.not_eligible;
  to_date.total = to_date.eligible + to_date.not_eligible;
}

std::vector<ReportAmendment> amendments_signed_in(const Rules& rules, const JournalFacts& facts, Date from, Date to) {
  const std::vector<AmendmentStatus> statuses = amendment_statuses(rules, facts.timeline, to);
  PRORATA_ASSERT(statuses.size() == rules.amendments.size());
  std::vector<ReportAmendment> out;
  for (std::size_t k = 0; k < rules.amendments.size(); ++k) {
    std::vector<AmendmentSignature> days;
    for (const auto& [party, signature] : facts.timeline.amendments[k].signatures) {
      if (from <= signature.date && signature.date <= to) days.push_back({party, signature.date});
    }
    if (days.empty()) continue;
    std::sort(days.begin(), days.end(), [](const AmendmentSignature& a, const AmendmentSignature& b) {
      return a.date != b.date ? a.date < b.date : a.party < b.party;
    });
    const auto status = std::find_if(statuses.begin(), statuses.end(),
                                     [&](const AmendmentStatus& s) { return s.id == rules.amendments[k].id; });
    PRORATA_ASSERT(status != statuses.end());
    out.push_back({rules.amendments[k].id, rules.amendments[k].title, std::move(days), *status});
  }
  return out;
}

std::vector<AmendmentRef> amendments_in_force(const Rules& rules, const JournalFacts& facts, Date day) {
  std::vector<AmendmentRef> out;
  for (std::size_t k : facts.timeline.in_force(day)) {
    out.push_back({rules.amendments[k].id, rules.amendments[k].title, *facts.timeline.amendments[k].effective});
  }
  return out;
}

SettlementOutlook outlook_of(const Status& status, const ContributorStatus& row) {
  SettlementOutlook out;
  out.provisional = status.term.state != TermState::ended;
  out.cap = row.cap;
  out.eligible_spending = status.totals.eligible_spending;
  out.covered = status.totals.covered;
  out.final_contribution = row.final_contribution;
  out.balance = row.balance;
  out.refund_due = row.refund_due;
  out.amount_due = row.amount_due;
  out.outstanding_calls = row.outstanding_calls;
  return out;
}

}  // namespace

std::vector<ManagementReport> build_management_reports(const Rules& rules, const JournalFacts& facts,
                                                       std::int32_t year, Date issued) {
  const Date from = year_start(year);
  const Date to = year_end(year);
  PRORATA_ASSERT(issued >= to);  // a year is reported once it has ended (the CLI refuses earlier dates)
  // Every figure is as of 31 December: nothing dated later is read, whatever the run's date.
  const Evaluation evaluation = evaluate_detailed(rules, facts, to);
  const Status& status = evaluation.status;

  SpendingFigures spending_in_year;
  SpendingFigures spending_to_date;
  sum_spending(rules, facts, status.term, from, to, spending_in_year, spending_to_date);
  // Paired with evaluate(): the same expenses, judged the same way, give the status's figures.
  PRORATA_ASSERT(spending_to_date.total == status.totals.spending);
  PRORATA_ASSERT(max(spending_to_date.eligible, Money{}) == status.totals.eligible_spending);

  const Date settled_on = status.term.end ? std::min(to, *status.term.end) : to;
  const std::vector<ReportAmendment> signed_in_year = amendments_signed_in(rules, facts, from, to);
  std::vector<ManagementReport> reports;
  for (const ContributorStatus& row : status.contributors) {  // sorted by id
    const Contributor* contributor = evaluation.version->rules(rules).find_contributor(row.id);
    PRORATA_ASSERT(contributor != nullptr);
    const PartyFacts& party = facts.parties.at(row.id);
    ManagementReport report;
    report.year = year;
    report.period_start = from;
    report.period_end = to;
    report.issued = issued;
    report.issuer = rules.beneficiary.organisation();
    report.contributor = contributor->organisation();
    report.contributor_id = row.id;
    report.convention_id = rules.id;
    report.convention_title = rules.title;
    report.signed_on = status.term.effective;
    report.amendments = amendments_in_force(rules, facts, settled_on);
    report.term = status.term;
    if (status.term.end_reason == EndReason::milestone) {
      // evaluate_term judges the end by the version in force on the evaluation date.
      const Rules& judged_by = facts.timeline.on(to).rules(rules);
      PRORATA_ASSERT(judged_by.term.ends_at_milestone.has_value());
      report.end_milestone = *judged_by.term.ends_at_milestone;
    }
    report.in_year = flows_between(party, from, to);
    report.to_date = ContributorFlows{row.called, row.cancelled, row.paid, row.refunded, row.net_paid};
    // Paired: the same lines summed from the beginning give the status's figures.
    const ContributorFlows again = flows_between(party, Date::min(), to);
    PRORATA_ASSERT(again.called == row.called);
    PRORATA_ASSERT(again.cancelled == row.cancelled);
    PRORATA_ASSERT(again.paid == row.paid);
    PRORATA_ASSERT(again.refunded == row.refunded);
    report.spending_in_year = spending_in_year;
    report.spending_to_date = spending_to_date;
    report.settlement = outlook_of(status, row);
    report.amendments_signed = signed_in_year;
    report.legal_basis = "Décret n° 2007-44, art. 6";
    report.place = rules.documents.place;
    report.signatory = rules.documents.signatory;
    check_management_report(report);
    reports.push_back(std::move(report));
  }
  return reports;
}

void check_management_report(const ManagementReport& report) {
  PRORATA_ASSERT(report.period_start == year_start(report.year));
  PRORATA_ASSERT(report.period_end == year_end(report.year));
  PRORATA_ASSERT(report.issued >= report.period_end);
  if (report.mark == DocumentMark::preview) PRORATA_ASSERT(report.number.empty());
  if (report.mark == DocumentMark::issued) PRORATA_ASSERT(is_file_safe_number(report.number));
  for (const ContributorFlows* flows : {&report.in_year, &report.to_date}) {
    PRORATA_ASSERT(flows->net_paid == flows->paid - flows->refunded);
    PRORATA_ASSERT(flows->cancelled >= Money{});
  }
  PRORATA_ASSERT(report.in_year.called <= report.to_date.called);
  PRORATA_ASSERT(report.in_year.cancelled <= report.to_date.cancelled);
  PRORATA_ASSERT(report.in_year.paid <= report.to_date.paid);
  PRORATA_ASSERT(report.in_year.refunded <= report.to_date.refunded);
  for (const SpendingFigures* spending : {&report.spending_in_year, &report.spending_to_date}) {
    Money eligible;
    Money not_eligible;
    for (const CategorySpending& line : spending->categories) {
      eligible += line.eligible;
      not_eligible += line.not_eligible;
    }
    PRORATA_ASSERT(eligible == spending->eligible && not_eligible == spending->not_eligible);
    PRORATA_ASSERT(spending->total == spending->eligible + spending->not_eligible);
  }
  PRORATA_ASSERT(report.spending_in_year.categories.size() == report.spending_to_date.categories.size());
  const SettlementOutlook& s = report.settlement;
  PRORATA_ASSERT(s.balance == report.to_date.net_paid - s.final_contribution);
  PRORATA_ASSERT(s.refund_due - s.amount_due == s.balance);
  PRORATA_ASSERT(s.refund_due >= Money{} && s.amount_due >= Money{});
  PRORATA_ASSERT(s.final_contribution <= s.cap);
}

}  // namespace prorata
