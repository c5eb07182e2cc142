#include "core/settle.h"

#include <algorithm>

#include <boost/multiprecision/cpp_int.hpp>

#include "core/allocate.h"
#include "core/assert.h"

namespace prorata {

namespace {

Ratio weight_of(const Rules& rules, const Contributor& contributor, Money cap) {
  switch (rules.share_key) {
    case ShareKey::caps: return Ratio(cap.cents);
    case ShareKey::equal: return Ratio(1);
    case ShareKey::weights: return rules.weights.at(contributor.id);
    case ShareKey::paid: break;
  }
  PRORATA_ASSERT(false);
  return Ratio(0);
}

void refund_pro_rata_to_paid(const Rules& rules, std::span<const Money> caps, std::span<const Money> paid,
                             Money eligible_spending, Settlement& out) {
  std::vector<AllocationParty> parties;
  Money retained_sum{};
  for (std::size_t i = 0; i < rules.contributors.size(); ++i) {
    Money p = min(max(paid[i], Money{}), caps[i]);
    out.retained.push_back(p);
    out.weights.push_back(Ratio(p.cents));
    retained_sum += p;
    parties.push_back({rules.contributors[i].id, Ratio(p.cents), p});
  }
  out.finals = out.retained;
  SettlementBasis& basis = out.basis;
  basis.retained = retained_sum;
  basis.unused = max(retained_sum - eligible_spending, Money{});
  if (basis.unused == Money{}) return;
  out.allocation = allocate_explained(basis.unused, parties);
  out.allocated = true;
  const Allocation& refunds = out.allocation.allocation;
  PRORATA_ASSERT(refunds.uncovered == Money{});
  for (std::size_t i = 0; i < out.finals.size(); ++i) {
    out.finals[i] -= refunds.shares[i];
    // Paired check: no cap binds (u_i <= p_i), so the refund is the floor of unused * p_i / retained, or
    // one cent more for those ranked within the leftover cents.
    using Wide = boost::multiprecision::checked_int128_t;  // unused * p_i < 2^126: no overflow, checked anyway
    const Wide exact_floor = Wide(basis.unused.cents) * out.retained[i].cents / basis.retained.cents;
    const bool got_cent = out.allocation.rank[i] != 0 && out.allocation.rank[i] <= out.allocation.leftover_cents;
    PRORATA_ASSERT(Wide(refunds.shares[i].cents) == exact_floor + (got_cent ? 1 : 0));
    if (got_cent) basis.leftover_cent_to.push_back(rules.contributors[i].id);
  }
  std::sort(basis.leftover_cent_to.begin(), basis.leftover_cent_to.end());
}

// Among the contributors who share (weight and cap above 0): those at their cap, if others are not.
std::vector<std::string> held_at_cap(const Rules& rules, std::span<const Money> caps, const Settlement& s) {
  std::vector<std::string> held;
  bool some_below_cap = false;
  for (std::size_t i = 0; i < s.finals.size(); ++i) {
    if (!(s.weights[i] > 0) || caps[i] == Money{}) continue;
    if (s.finals[i] == caps[i]) held.push_back(rules.contributors[i].id);
    some_below_cap = some_below_cap || s.finals[i] < caps[i];
  }
  if (!some_below_cap) held.clear();  // all at their caps: the uncovered part says it
  std::sort(held.begin(), held.end());
  return held;
}

}  // namespace

Settlement settle(const Rules& rules, std::span<const Money> caps, std::span<const Money> paid,
                  Money eligible_spending) {
  PRORATA_ASSERT(paid.size() == rules.contributors.size());
  PRORATA_ASSERT(caps.size() == rules.contributors.size());
  PRORATA_ASSERT(eligible_spending >= Money{});
  Settlement out;
  out.basis.share_key = rules.share_key;
  if (rules.share_key == ShareKey::paid) {
    refund_pro_rata_to_paid(rules, caps, paid, eligible_spending, out);
  } else {
    std::vector<AllocationParty> parties;
    for (std::size_t i = 0; i < rules.contributors.size(); ++i) {
      out.weights.push_back(weight_of(rules, rules.contributors[i], caps[i]));
      parties.push_back({rules.contributors[i].id, out.weights.back(), caps[i]});
    }
    out.allocation = allocate_explained(eligible_spending, parties);
    out.allocated = true;
    out.finals = out.allocation.allocation.shares;
    out.basis.held_at_cap = held_at_cap(rules, caps, out);
  }
  Money covered{};
  for (std::size_t i = 0; i < out.finals.size(); ++i) {
    PRORATA_ASSERT(out.finals[i] >= Money{});
    PRORATA_ASSERT(out.finals[i] <= caps[i]);
    covered += out.finals[i];
  }
  PRORATA_ASSERT(covered <= eligible_spending);
  return out;
}

}  // namespace prorata
