// Final contributions: how much of the eligible spending each contributor bears, per share key.
#pragma once
#include <vector>

#include "core/money.h"
#include "core/rules.h"

namespace prorata {

// net_paid[i] belongs to rules.contributors[i]; the result too.
//  - paid (art. 4.5 of the reference: unused credits are refunded pro rata to the amounts paid, so
//    the rounding falls on the refund): p_i = min(net_paid_i, cap_i); if eligible >= sum p, F = p;
//    else U = sum p - eligible is shared as u = allocate(U, weight = cap = p) and F_i = p_i - u_i.
//  - caps / equal / weights: F = allocate(eligible, weight = cap | 1 | given weight, cap = cap)
//    (the contribution itself is shared, so the rounding falls on it).
std::vector<Money> final_contributions(const Rules& rules, const std::vector<Money>& net_paid,
                                       Money eligible_spending);

}  // namespace prorata
