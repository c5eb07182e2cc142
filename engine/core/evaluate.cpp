#include "core/evaluate.h"

#include <algorithm>

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

const char* to_string(EndReason reason) {
  switch (reason) {
    case EndReason::max_duration: return "max_duration";
    case EndReason::milestone: return "milestone";
    case EndReason::termination: return "termination";
  }
  return "?";
}

namespace {

std::optional<Date> effective_date(const Rules& rules, const JournalFacts& facts, Date as_of) {
  std::optional<Date> effective;
  auto consider = [&](const std::string& id) -> bool {
    const auto& signed_on = facts.parties.at(id).signed_on;
    if (!signed_on || *signed_on > as_of) return false;
    if (!effective || *signed_on > *effective) effective = *signed_on;
    return true;
  };
  if (!consider(rules.beneficiary.id)) return std::nullopt;
  for (const auto& c : rules.contributors) {
    if (!consider(c.id)) return std::nullopt;
  }
  return effective;
}

DayFlows flows_to_date(const PartyFacts& party, Date as_of) {
  DayFlows sum;
  for (auto it = party.flows_by_day.begin(); it != party.flows_by_day.end() && it->first <= as_of; ++it) {
    sum.called += it->second.called;
    sum.paid += it->second.paid;
    sum.refunded += it->second.refunded;
  }
  return sum;
}

}  // namespace

TermStatus evaluate_term(const Rules& rules, const JournalFacts& facts, Date as_of) {
  TermStatus term;
  term.effective = effective_date(rules, facts, as_of);
  if (!term.effective) return term;  // pending, end unknown
  // Candidates in reason order, so that on equal dates the earlier reason wins.
  term.end = add(*term.effective, rules.term.max_duration);
  term.end_reason = EndReason::max_duration;
  auto consider = [&](std::optional<Date> day, EndReason reason) {
    if (day && *day <= as_of && *day < *term.end) {
      term.end = *day;
      term.end_reason = reason;
    }
  };
  if (rules.term.ends_at_milestone) {
    auto milestone = facts.milestones.find(*rules.term.ends_at_milestone);
    if (milestone != facts.milestones.end()) consider(milestone->second, EndReason::milestone);
  }
  consider(facts.termination, EndReason::termination);
  if (as_of < *term.effective) {
    term.state = TermState::pending;
  } else if (as_of <= *term.end) {
    term.state = TermState::running;
  } else {
    term.state = TermState::ended;
  }
  return term;
}

Status evaluate(const Rules& rules, const JournalFacts& facts, Date as_of) {
  Status status;
  status.convention = rules.id;
  status.title = rules.title;
  status.currency = rules.currency;
  status.as_of = as_of;
  status.term = evaluate_term(rules, facts, as_of);

  Money eligible{};
  for (auto it = facts.expenses_by_day.begin(); it != facts.expenses_by_day.end() && it->first <= as_of; ++it) {
    const bool in_term = status.term.effective && *status.term.effective <= it->first && it->first <= *status.term.end;
    for (const auto& [category, amount] : it->second) {
      status.totals.spending += amount;
      if (in_term && rules.is_eligible(category)) eligible += amount;
    }
  }
  status.totals.eligible_spending = max(eligible, Money{});

  const CapsResult caps_result = effective_caps(rules);
  PRORATA_ASSERT(caps_result.value.has_value());  // the rules loader refuses caps over the aggregate
  const std::vector<Money>& caps = caps_result.value->caps;
  std::vector<Money> paid;
  for (std::size_t i = 0; i < rules.contributors.size(); ++i) {
    const Contributor& c = rules.contributors[i];
    DayFlows flows = flows_to_date(facts.parties.at(c.id), as_of);
    ContributorStatus row;
    row.id = c.id;
    row.name = c.name;
    row.cap_agreed = c.cap_agreed;
    row.cap = caps[i];
    row.called = flows.called;
    row.paid = flows.paid;
    row.refunded = flows.refunded;
    row.net_paid = flows.paid - flows.refunded;
    PRORATA_ASSERT(row.net_paid >= Money{});  // the journal checks refunds never pass payments
    paid.push_back(row.paid);
    status.contributors.push_back(row);
  }

  Settlement settlement = settle(rules, caps, paid, status.totals.eligible_spending);
  const std::vector<Money>& finals = settlement.finals;
  status.basis = settlement.basis;
  Totals& totals = status.totals;
  for (std::size_t i = 0; i < status.contributors.size(); ++i) {
    ContributorStatus& row = status.contributors[i];
    row.final_contribution = finals[i];
    PRORATA_ASSERT(row.final_contribution <= row.cap);
    row.balance = row.net_paid - row.final_contribution;
    row.refund_due = max(row.balance, Money{});
    row.amount_due = max(-row.balance, Money{});
    row.outstanding_calls = max(row.called - row.paid, Money{});
    PRORATA_ASSERT(row.final_contribution + row.refund_due - row.amount_due == row.net_paid);
    totals.caps += row.cap;
    totals.called += row.called;
    totals.paid += row.paid;
    totals.refunded += row.refunded;
    totals.covered += row.final_contribution;
    totals.refund_due += row.refund_due;
    totals.amount_due += row.amount_due;
  }
  totals.uncovered = totals.eligible_spending - totals.covered;
  PRORATA_ASSERT(totals.uncovered >= Money{});
  std::sort(status.contributors.begin(), status.contributors.end(),
            [](const ContributorStatus& a, const ContributorStatus& b) { return a.id < b.id; });
  return status;
}

}  // namespace prorata
