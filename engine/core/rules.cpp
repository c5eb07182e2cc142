#include "core/rules.h"

#include <algorithm>

#include "core/allocate.h"

namespace prorata {

const char* to_string(CapPolicy policy) { return policy == CapPolicy::scale ? "scale" : "reject"; }

const char* to_string(ShareKey key) {
  switch (key) {
    case ShareKey::paid: return "paid";
    case ShareKey::caps: return "caps";
    case ShareKey::equal: return "equal";
    case ShareKey::weights: return "weights";
  }
  return "?";
}

const Contributor* Rules::find_contributor(std::string_view contributor_id) const {
  for (const auto& c : contributors) {
    if (c.id == contributor_id) return &c;
  }
  return nullptr;
}

bool Rules::is_party(std::string_view party_id) const {
  return party_id == beneficiary.id || find_contributor(party_id) != nullptr;
}

bool Rules::is_eligible(std::string_view category) const {
  if (!eligible_categories) return true;
  return std::find(eligible_categories->begin(), eligible_categories->end(), category) !=
         eligible_categories->end();
}

bool apply_aggregate_cap(Rules& rules) {
  Money sum{};
  for (const auto& c : rules.contributors) {
    auto next = checked_add(sum, c.cap_agreed);
    if (!next) return false;
    sum = *next;
  }
  const bool over_aggregate = rules.aggregate_cap && sum > *rules.aggregate_cap;
  if (over_aggregate && rules.aggregate_cap_policy == CapPolicy::reject) return false;  // nothing changed
  for (auto& c : rules.contributors) c.cap = c.cap_agreed;
  if (!over_aggregate) return true;
  std::vector<AllocationParty> parties;
  for (const auto& c : rules.contributors) parties.push_back({c.id, Ratio(c.cap_agreed.cents), c.cap_agreed});
  Allocation scaled = allocate(*rules.aggregate_cap, parties);
  for (std::size_t i = 0; i < rules.contributors.size(); ++i) rules.contributors[i].cap = scaled.shares[i];
  return true;
}

}  // namespace prorata
