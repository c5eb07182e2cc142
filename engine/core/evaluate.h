// evaluate(rules, facts, as_of): the state of a convention on a date, to the cent. Pure: reads no
// file, clock or environment; the same inputs always give the same Status.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/caps.h"
#include "core/journal.h"
#include "core/money.h"
#include "core/rules.h"
#include "core/settle.h"
#include "core/timeline.h"

namespace prorata {

enum class TermState { pending, running, ended };
const char* to_string(TermState state);

struct TermStatus {
  TermState state = TermState::pending;
  std::optional<Date> effective;  // the last first-signature of the required parties
  std::optional<Date> end;
  std::optional<EndReason> end_reason;
};

struct ContributorStatus {
  std::string id;
  std::string name;
  std::string siren;  // as in the rules; may be empty
  Money cap_agreed;
  Money cap;
  Money called;
  Money cancelled;           // calls reduced or cancelled (`cancellation` lines)
  Money paid;
  Money refunded;
  Money net_paid;            // paid - refunded
  Money final_contribution;  // F
  Money balance;             // net_paid - F
  Money refund_due;          // max(0, balance)
  Money amount_due;          // max(0, -balance)
  Money outstanding_calls;   // max(0, called - cancelled - paid)
};

struct Totals {
  Money caps;  // sum of effective caps
  Money called;
  Money cancelled;
  Money paid;
  Money refunded;
  Money spending;           // every expense to date
  Money eligible_spending;  // eligible category, within [effective, end], floored at 0
  Money covered;            // sum of final contributions
  Money uncovered;          // eligible_spending - covered: borne by the beneficiary
  Money refund_due;
  Money amount_due;
  Money outstanding_calls;  // sum of the contributors' outstanding calls
};

struct Status {
  std::string convention;
  std::string title;
  std::string currency;
  Date as_of;
  TermStatus term;
  Totals totals;
  std::vector<ContributorStatus> contributors;  // sorted by id (byte order)
  SettlementBasis basis;                        // why the final contributions are what they are
  std::vector<AmendmentStatus> amendments;      // every amendment of the rules: in force or pending
  std::vector<std::string> amendments_in_force;  // ids, in the order applied to the version settled
};

// Everything the status is computed from, kept for `explain`: the version of the rules settled (in
// force on min(as-of, end)), its caps and the settlement, indexed like version.contributors.
struct Evaluation {
  Status status;
  const RulesVersion* version = nullptr;  // points into facts.timeline
  EffectiveCaps caps;
  Settlement settlement;
  std::vector<Money> paid;                // gross payments to date, one per version contributor
};

TermStatus evaluate_term(const Rules& rules, const JournalFacts& facts, Date as_of);
// `facts` must outlive the result (it points at the version in facts.timeline).
Evaluation evaluate_detailed(const Rules& rules, const JournalFacts& facts, Date as_of);
Status evaluate(const Rules& rules, const JournalFacts& facts, Date as_of);

}  // namespace prorata
