// The caps in force: what the rules agree (Contributor::cap_agreed) and what follows from them. Under
// aggregate_cap_policy: scale, agreed caps that sum to more than the aggregate cap are scaled down to it:
// allocate(aggregate_cap, weight = agreed cap, cap = agreed cap). Derived here, once; never stored in
// the rules.
#pragma once
#include <optional>
#include <vector>

#include "core/allocate.h"
#include "core/money.h"
#include "core/rules.h"

namespace prorata {

struct EffectiveCaps {
  std::vector<Money> caps;  // one per rules.contributors, in the same order
  Money agreed_sum;         // sum of the agreed caps
  Money sum;                // sum of `caps`
  bool scaled = false;      // the agreed caps were scaled down to the aggregate cap
  AllocationDetail scaling;  // how, when scaled (exact shares, floors, leftover cents)
};

struct CapsResult {
  std::optional<EffectiveCaps> value;  // empty: over the aggregate under `reject`, or an overflow
  Money agreed_sum;                    // when no overflow
  bool overflow = false;               // the agreed caps add up past the int64 range of cents
};

CapsResult effective_caps(const Rules& rules);

// The index of `id` in rules.contributors, or nullopt.
std::optional<std::size_t> contributor_index(const Rules& rules, std::string_view id);

}  // namespace prorata
