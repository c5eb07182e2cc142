// Final contributions: how much of the eligible spending each contributor bears, per share key.
#pragma once
#include <span>
#include <string>
#include <vector>

#include "core/allocate.h"
#include "core/money.h"
#include "core/rules.h"

namespace prorata {

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

// The settlement of one version of the rules: caps[i] (the caps in force, core/caps.h) and paid[i]
// (gross payments, before any refund) belong to rules.contributors[i]; so do the results.
//  - paid (art. 4.5 of the reference: unused credits are refunded pro rata to the amounts paid, so
//    the rounding falls on the refund): p_i = min(paid_i, cap_i); if eligible >= sum p, F = p;
//    else U = sum p - eligible is shared as u = allocate(U, weight = cap = p) and F_i = p_i - u_i.
//  - caps / equal / weights: F = allocate(eligible, weight = cap | 1 | given weight, cap = cap)
//    (the contribution itself is shared, so the rounding falls on it).
// The basis is the gross amount paid, not net of refunds: the refunds of the journal are these very
// restitutions, and paying one must not move anybody's final contribution (with a net basis, paying
// the Somme its 1 411,11 € would make it owed a second, smaller refund; fixtures/seed-refunded).
struct Settlement {
  std::vector<Money> finals;    // final contribution F_i
  std::vector<Money> retained;  // paid key: p_i = min(paid_i, cap_i); other keys: empty
  std::vector<Ratio> weights;   // the allocation's weights (paid key: p_i; caps: cap_i; equal: 1; weights)
  // The allocation made: paid key, of the unused amount U among the p_i (empty when U = 0); other
  // keys, of the eligible spending among the contributors.
  AllocationDetail allocation;
  bool allocated = false;       // false when nothing had to be shared (paid key, U = 0)
  SettlementBasis basis;
};

Settlement settle(const Rules& rules, std::span<const Money> caps, std::span<const Money> paid, Money eligible_spending);

}  // namespace prorata
