#include "core/document_parts.h"

#include <algorithm>

#include "core/assert.h"

namespace prorata::detail {

ConventionRef convention_on(const Rules& rules, const JournalFacts& facts, Date day) {
  ConventionRef out{rules.id, rules.title, facts.timeline.effective, {}};
  for (std::size_t k : facts.timeline.in_force(day)) {
    out.amendments.push_back({rules.amendments[k].id, rules.amendments[k].title, *facts.timeline.amendments[k].effective});
  }
  return out;
}

TermEndRef term_end_of(const Rules& rules, const JournalFacts& facts, const TermStatus& term) {
  PRORATA_ASSERT(term.end && term.end_reason);
  TermEndRef out;
  out.end = *term.end;
  out.reason = *term.end_reason;
  const Rules& version = facts.timeline.on(*term.end).rules(rules);
  out.max_duration = version.term.max_duration;
  if (out.reason == EndReason::milestone) out.milestone = version.term.ends_at_milestone.value_or("");
  if (out.reason == EndReason::termination) {
    for (Date notice : facts.notices) {
      if (notice <= out.end && (!out.notice || notice > *out.notice)) out.notice = notice;
    }
  }
  return out;
}

Signature signature_of(const Rules& rules) { return {rules.documents.place, rules.documents.signatory}; }

std::optional<Date> due_date(const Rules& rules, Date issued) {
  if (!rules.documents.payment_term) return std::nullopt;
  return add(issued, *rules.documents.payment_term);
}

int year_of(Date day) { return static_cast<int>(date::year_month_day{day}.year()); }

const ContributorStatus& row_of(const Status& status, const std::string& party) {
  auto it = std::find_if(status.contributors.begin(), status.contributors.end(),
                         [&](const ContributorStatus& c) { return c.id == party; });
  PRORATA_ASSERT(it != status.contributors.end());
  return *it;
}

const Contributor& contributor_on(const Rules& rules, const JournalFacts& facts, const std::string& party, Date day) {
  const Contributor* contributor = facts.timeline.on(day).rules(rules).find_contributor(party);
  PRORATA_ASSERT(contributor != nullptr);  // the journal builder checked the party is one on that date
  return *contributor;
}

std::vector<const StatementLine*> statements_of(const JournalFacts& facts, const std::string& party, Date day) {
  std::vector<const StatementLine*> out;
  for (const StatementLine& line : facts.statements) {
    if (line.party == party && line.date <= day) out.push_back(&line);
  }
  std::stable_sort(out.begin(), out.end(), [](const StatementLine* a, const StatementLine* b) {
    return a->date != b->date ? a->date < b->date : a->loc.line < b->loc.line;
  });
  return out;
}

Money paid_to_date(const JournalFacts& facts, const std::string& party, Date day) {
  Money paid{};
  const PartyFacts& flows = facts.parties.at(party);
  for (auto it = flows.flows_by_day.begin(); it != flows.flows_by_day.end() && it->first <= day; ++it) {
    paid += it->second.paid;
  }
  return paid;
}

}  // namespace prorata::detail
