#include "core/rules.h"

#include <algorithm>


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

}  // namespace prorata
