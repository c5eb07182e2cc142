#include "core/evaluate.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/assert.h"
#include "core/caps.h"
#include "core/settle.h"

namespace prorata {

const char* to_string(TermState state) {
  switch (state) {
    case TermState::pending: return "pending";
    case TermState::running: return "running";
    case TermState::ended: return "ended";
  }
  return "?";
}

namespace {

DayFlows flows_to_date(const PartyFacts& party, Date as_of) {
  DayFlows sum;
  for (auto it = party.flows_by_day.begin(); it != party.flows_by_day.end() && it->first <= as_of; ++it) {
    sum.called += it->second.called;
    sum.paid += it->second.paid;
    sum.refunded += it->second.refunded;
    sum.cancelled += it->second.cancelled;
  }
  return sum;
}

}  // namespace

TermStatus evaluate_term(const Rules& rules, const JournalFacts& facts, Date as_of) {
  (void)rules;  // the timeline holds every version of the rules
  const Timeline& timeline = facts.timeline;
  TermStatus term;
  if (!timeline.effective || *timeline.effective > as_of) return term;  // pending, end unknown
  term.effective = timeline.effective;
  const TermEnd end =
      term_end(timeline.on(as_of).rules(rules), *term.effective, facts.milestones, facts.termination, as_of);
  term.end = end.end;
  term.end_reason = end.reason;
  term.state = as_of <= *term.end ? TermState::running : TermState::ended;
  return term;
}

Evaluation evaluate_detailed(const Rules& rules, const JournalFacts& facts, Date as_of) {
  PRORATA_ASSERT(!facts.timeline.versions.empty());  // JournalBuilder::finish built the timeline
  Evaluation out;
  Status& status = out.status;
  status.convention = rules.id;
  status.title = rules.title;
  status.currency = rules.currency;
  status.as_of = as_of;
  status.term = evaluate_term(rules, facts, as_of);
  status.amendments = amendment_statuses(rules, facts.timeline, as_of);
  const Date settled_on = status.term.end ? std::min(as_of, *status.term.end) : as_of;
  out.version = &facts.timeline.on(settled_on);
  const Rules& version = out.version->rules(rules);
  for (std::size_t k : facts.timeline.in_force(settled_on)) status.amendments_in_force.push_back(rules.amendments[k].id);

  // Expense days summed between pinned dates (core/expense_days.h) answer exactly on those dates only.
  PRORATA_ASSERT(facts.expenses.exact_on(as_of));
  if (status.term.effective) PRORATA_ASSERT(facts.expenses.exact_on(*status.term.effective));
  if (status.term.end) PRORATA_ASSERT(facts.expenses.exact_on(*status.term.end));
  for (const RulesVersion& v : facts.timeline.versions) {
    if (v.from) PRORATA_ASSERT(facts.expenses.exact_on(*v.from));
  }

  Money eligible{};
  // Eligibility as on the expense's own date: decided once per version of the rules and category (a
  // version holds for days on end, and cells come in date order), not once per cell.
  const std::vector<std::string>& categories = facts.expenses.categories();
  const RulesVersion* decided_for = nullptr;
  std::vector<bool> eligible_category;  // by category index, under `decided_for`
  facts.expenses.for_each_indexed_until(as_of, [&](Date day, std::uint32_t category, Money amount) {
    status.totals.spending += amount;
    if (!status.term.effective || day < *status.term.effective || day > *status.term.end) return;
    const RulesVersion& in_force = facts.timeline.on(day);
    if (&in_force != decided_for) {
      decided_for = &in_force;
      const Rules& rules_then = in_force.rules(rules);
      eligible_category.assign(categories.size(), false);
      for (std::size_t k = 0; k < categories.size(); ++k) eligible_category[k] = rules_then.is_eligible(categories[k]);
    }
    PRORATA_ASSERT(category < eligible_category.size());
    if (eligible_category[category]) eligible += amount;
  });
  status.totals.eligible_spending = max(eligible, Money{});

  CapsResult caps_result = effective_caps(version);
  PRORATA_ASSERT(caps_result.value.has_value());  // the timeline keeps only versions whose caps hold
  out.caps = std::move(*caps_result.value);
  const std::vector<Money>& caps = out.caps.caps;
  // Sized once: a portfolio holds a thousand of these at the end of a run (doubling left 3 of 8 unused).
  status.contributors.reserve(version.contributors.size());
  out.paid.reserve(version.contributors.size());
  for (std::size_t i = 0; i < version.contributors.size(); ++i) {
    const Contributor& c = version.contributors[i];
    DayFlows flows = flows_to_date(facts.parties.at(c.id), as_of);
    ContributorStatus row;
    row.id = c.id;
    row.name = c.name;
    row.siren = c.siren;
    row.cap_agreed = c.cap_agreed;
    row.cap = caps[i];
    row.called = flows.called;
    row.cancelled = flows.cancelled;
    row.paid = flows.paid;
    row.refunded = flows.refunded;
    row.net_paid = flows.paid - flows.refunded;
    PRORATA_ASSERT(row.net_paid >= Money{});  // the journal checks refunds never pass payments
    out.paid.push_back(row.paid);
    status.contributors.push_back(row);
  }

  out.settlement = settle(version, caps, out.paid, status.totals.eligible_spending);
  const std::vector<Money>& finals = out.settlement.finals;
  status.basis = out.settlement.basis;
  Totals& totals = status.totals;
  for (std::size_t i = 0; i < status.contributors.size(); ++i) {
    ContributorStatus& row = status.contributors[i];
    row.final_contribution = finals[i];
    PRORATA_ASSERT(row.final_contribution <= row.cap);
    row.balance = row.net_paid - row.final_contribution;
    row.refund_due = max(row.balance, Money{});
    row.amount_due = max(-row.balance, Money{});
    row.outstanding_calls = max(row.called - row.cancelled - row.paid, Money{});
    PRORATA_ASSERT(row.final_contribution + row.refund_due - row.amount_due == row.net_paid);
    totals.caps += row.cap;
    totals.called += row.called;
    totals.cancelled += row.cancelled;
    totals.paid += row.paid;
    totals.refunded += row.refunded;
    totals.covered += row.final_contribution;
    totals.refund_due += row.refund_due;
    totals.amount_due += row.amount_due;
    totals.outstanding_calls += row.outstanding_calls;
  }
  totals.uncovered = totals.eligible_spending - totals.covered;
  PRORATA_ASSERT(totals.uncovered >= Money{});
  PRORATA_ASSERT(totals.caps == out.caps.sum);  // paired: the caps in force, summed twice
  std::sort(status.contributors.begin(), status.contributors.end(),
            [](const ContributorStatus& a, const ContributorStatus& b) { return a.id < b.id; });
  return out;
}

Status evaluate(const Rules& rules, const JournalFacts& facts, Date as_of) {
  return evaluate_detailed(rules, facts, as_of).status;
}

}  // namespace prorata
