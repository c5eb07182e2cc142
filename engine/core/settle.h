// Final contributions: how much of the eligible spending each contributor bears, per share key.
#pragma once
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

}  // namespace prorata
