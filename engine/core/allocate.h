// allocate(total, parties): share an amount of cents among parties by weight, each capped, exactly.
//
// Parties with weight 0 or cap 0 get 0. When the caps of the others sum to <= total, each gets its
// cap and the rest is uncovered. Otherwise the exact shares are x_i = min(c_i, lambda * w_i) with
// sum x_i = total (water-filling in exact rationals); each party gets floor(x_i) and the leftover
// cents go one each to the largest fractional parts, ties broken by larger weight, then by id in byte
// order. The result never depends on the order of the parties, sums exactly to `allocated`, and
// never exceeds a cap.
#pragma once
#include <span>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/ratio.h"

namespace prorata {

struct AllocationParty {
  std::string id;  // unique among the parties: the last tie-breaker
  Ratio weight;    // >= 0
  Money cap;       // >= 0
};

struct Allocation {
  std::vector<Money> shares;  // one per party, in the order given
  Money allocated;            // sum of shares
  Money uncovered;            // total - allocated (> 0 only when the caps are too small)
};

// How an allocation came about, for `explain`: the exact shares, and who got the leftover cents.
struct AllocationDetail {
  Allocation allocation;
  std::vector<Ratio> exact;         // x_i in cents, exactly (0 for parties with weight or cap 0)
  std::vector<std::size_t> rank;    // 1-based place in the leftover-cent order; 0 = nothing to round
  Ratio level;                      // lambda: exact_i = min(cap_i, level * weight_i) (0 when all at cap)
  std::size_t leftover_cents = 0;   // total - sum of floors: ranks 1..leftover_cents get one cent each
  bool all_at_cap = false;          // the caps sum to <= total: each party gets its cap, nothing is rounded
};

// Preconditions (asserted): total >= 0, weights >= 0, caps >= 0, ids unique.
Allocation allocate(Money total, std::span<const AllocationParty> parties);
AllocationDetail allocate_explained(Money total, std::span<const AllocationParty> parties);

}  // namespace prorata
