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

const Amendment* Rules::find_amendment(std::string_view amendment_id) const {
  for (const auto& a : amendments) {
    if (a.id == amendment_id) return &a;
  }
  return nullptr;
}

Rules apply_amendment(const Rules& rules, const Amendment& amendment) {
  Rules next = rules;
  const AmendmentChanges& changes = amendment.changes;
  if (changes.max_duration) next.term.max_duration = *changes.max_duration;
  if (changes.ends_at_milestone) next.term.ends_at_milestone = *changes.ends_at_milestone;
  if (changes.aggregate_cap) {
    next.aggregate_cap = *changes.aggregate_cap;
    next.aggregate_cap_loc = amendment.loc;
  }
  if (changes.aggregate_cap_policy) next.aggregate_cap_policy = *changes.aggregate_cap_policy;
  if (changes.eligible_categories) next.eligible_categories = *changes.eligible_categories;
  for (const CapChange& change : changes.caps) {
    for (auto& c : next.contributors) {
      if (c.id != change.id) continue;
      c.cap_agreed = change.cap_agreed;
      c.loc = change.loc;
    }
  }
  for (const Contributor& c : changes.joining) next.contributors.push_back(c);
  for (const auto& [id, weight] : changes.weights) next.weights[id] = weight;
  return next;
}

}  // namespace prorata
