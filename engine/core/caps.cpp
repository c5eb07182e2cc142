#include "core/caps.h"

#include "core/assert.h"

namespace prorata {

CapsResult effective_caps(const Rules& rules) {
  CapsResult result;
  Money sum{};
  for (const auto& c : rules.contributors) {
    auto next = checked_add(sum, c.cap_agreed);
    if (!next) {
      result.overflow = true;
      return result;
    }
    sum = *next;
  }
  result.agreed_sum = sum;
  const bool over_aggregate = rules.aggregate_cap && sum > *rules.aggregate_cap;
  if (over_aggregate && rules.aggregate_cap_policy == CapPolicy::reject) return result;
  EffectiveCaps caps;
  caps.agreed_sum = sum;
  if (!over_aggregate) {
    for (const auto& c : rules.contributors) caps.caps.push_back(c.cap_agreed);
    caps.sum = sum;
  } else {
    std::vector<AllocationParty> parties;
    for (const auto& c : rules.contributors) parties.push_back({c.id, Ratio(c.cap_agreed.cents), c.cap_agreed});
    caps.scaling = allocate_explained(*rules.aggregate_cap, parties);
    caps.caps = caps.scaling.allocation.shares;
    caps.sum = caps.scaling.allocation.allocated;
    caps.scaled = true;
    PRORATA_ASSERT(caps.sum == *rules.aggregate_cap);
  }
  PRORATA_ASSERT(caps.caps.size() == rules.contributors.size());
  for (std::size_t i = 0; i < caps.caps.size(); ++i) PRORATA_ASSERT(caps.caps[i] <= rules.contributors[i].cap_agreed);
  result.value = std::move(caps);
  return result;
}

std::optional<std::size_t> contributor_index(const Rules& rules, std::string_view id) {
  for (std::size_t i = 0; i < rules.contributors.size(); ++i) {
    if (rules.contributors[i].id == id) return i;
  }
  return std::nullopt;
}

}  // namespace prorata
