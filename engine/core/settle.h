// Final contributions: how much of the eligible spending each contributor bears, per share key.
#pragma once
#include <string>
#include <vector>

#include "core/money.h"
#include "core/rules.h"

namespace prorata {

// paid[i] (gross payments, before any refund) belongs to rules.contributors[i]; the result too.
//  - paid (art. 4.5 of the reference: unused credits are refunded pro rata to the amounts paid, so
//    the rounding falls on the refund): p_i = min(paid_i, cap_i); if eligible >= sum p, F = p;
//    else U = sum p - eligible is shared as u = allocate(U, weight = cap = p) and F_i = p_i - u_i.
//  - caps / equal / weights: F = allocate(eligible, weight = cap | 1 | given weight, cap = cap)
//    (the contribution itself is shared, so the rounding falls on it).
// The basis is the gross amount paid, not net of refunds: the refunds of the journal are these very
// restitutions, and paying one must not move anybody's final contribution (with a net basis, paying
// the Somme its 1 411,11 € would make it owed a second, smaller refund; fixtures/seed-refunded).
std::vector<Money> final_contributions(const Rules& rules, const std::vector<Money>& paid,
                                       Money eligible_spending);

// Why the final contributions are what they are, for the people who read a status.
struct SettlementBasis {
  ShareKey share_key = ShareKey::paid;
  Money retained;  // paid key: sum of min(paid_i, cap_i), what the payments can cover
  Money unused;    // paid key: max(0, retained - eligible spending), refunded pro rata to the amounts paid
  // paid key: the contributors whose refund, after rounding every refund down to the cent, got one of
  // the leftover cents (largest remainders), by id.
  std::vector<std::string> leftover_cent_to;
  // caps / equal / weights: the contributors held at their cap while others are not, by id.
  std::vector<std::string> held_at_cap;
};

// `finals` is what final_contributions(rules, paid, eligible_spending) returned.
SettlementBasis settlement_basis(const Rules& rules, const std::vector<Money>& paid, Money eligible_spending,
                                 const std::vector<Money>& finals);

}  // namespace prorata
