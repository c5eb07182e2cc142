#include "core/settle.h"

#include <algorithm>

#include <boost/multiprecision/cpp_int.hpp>

#include "core/allocate.h"
#include "core/assert.h"

namespace prorata {

namespace {

std::vector<Money> refund_pro_rata_to_paid(const Rules& rules, const std::vector<Money>& paid,
                                           Money eligible_spending) {
  std::vector<AllocationParty> parties;
  std::vector<Money> retained;
  Money retained_sum{};
  for (std::size_t i = 0; i < rules.contributors.size(); ++i) {
    Money p = min(max(paid[i], Money{}), rules.contributors[i].cap);
    retained.push_back(p);
    retained_sum += p;
    parties.push_back({rules.contributors[i].id, Ratio(p.cents), p});
  }
  if (eligible_spending >= retained_sum) return retained;
  Money unused = retained_sum - eligible_spending;
  Allocation refunds = allocate(unused, parties);
  PRORATA_ASSERT(refunds.uncovered == Money{});
  for (std::size_t i = 0; i < retained.size(); ++i) retained[i] -= refunds.shares[i];
  return retained;
}

Ratio weight_of(const Rules& rules, const Contributor& contributor) {
  switch (rules.share_key) {
    case ShareKey::caps: return Ratio(contributor.cap.cents);
    case ShareKey::equal: return Ratio(1);
    case ShareKey::weights: return rules.weights.at(contributor.id);
    case ShareKey::paid: break;
  }
  PRORATA_ASSERT(false);
  return Ratio(0);
}

}  // namespace

std::vector<Money> final_contributions(const Rules& rules, const std::vector<Money>& paid,
                                       Money eligible_spending) {
  PRORATA_ASSERT(paid.size() == rules.contributors.size());
  PRORATA_ASSERT(eligible_spending >= Money{});
  if (rules.share_key == ShareKey::paid) return refund_pro_rata_to_paid(rules, paid, eligible_spending);
  std::vector<AllocationParty> parties;
  for (const auto& c : rules.contributors) parties.push_back({c.id, weight_of(rules, c), c.cap});
  return allocate(eligible_spending, parties).shares;
}

SettlementBasis settlement_basis(const Rules& rules, const std::vector<Money>& paid, Money eligible_spending,
                                 const std::vector<Money>& finals) {
  PRORATA_ASSERT(paid.size() == rules.contributors.size() && finals.size() == paid.size());
  SettlementBasis basis;
  basis.share_key = rules.share_key;
  if (rules.share_key != ShareKey::paid) {
    // Among the contributors who share (weight and cap above 0): those at their cap, if others are not.
    bool some_below_cap = false;
    for (std::size_t i = 0; i < finals.size(); ++i) {
      const Contributor& contributor = rules.contributors[i];
      if (!(weight_of(rules, contributor) > 0) || contributor.cap == Money{}) continue;
      if (finals[i] == contributor.cap) basis.held_at_cap.push_back(contributor.id);
      some_below_cap = some_below_cap || finals[i] < contributor.cap;
    }
    if (!some_below_cap) basis.held_at_cap.clear();  // all at their caps: the uncovered part says it
    std::sort(basis.held_at_cap.begin(), basis.held_at_cap.end());
    return basis;
  }
  std::vector<Money> retained;
  for (std::size_t i = 0; i < paid.size(); ++i) {
    retained.push_back(min(max(paid[i], Money{}), rules.contributors[i].cap));
    basis.retained += retained.back();
  }
  basis.unused = max(basis.retained - eligible_spending, Money{});
  if (basis.unused == Money{}) return basis;
  // Each refund is u_i = p_i - F_i; its exact value is unused * p_i / retained (no cap binds: u_i <= p_i),
  // so a refund above the floor of that got a leftover cent.
  for (std::size_t i = 0; i < paid.size(); ++i) {
    using Wide = boost::multiprecision::checked_int128_t;  // unused * p_i < 2^126: no overflow, checked anyway
    const Wide exact_floor = Wide(basis.unused.cents) * retained[i].cents / basis.retained.cents;
    const Wide refund = Wide((retained[i] - finals[i]).cents);
    PRORATA_ASSERT(refund == exact_floor || refund == exact_floor + 1);
    if (refund > exact_floor) basis.leftover_cent_to.push_back(rules.contributors[i].id);
  }
  std::sort(basis.leftover_cent_to.begin(), basis.leftover_cent_to.end());
  return basis;
}

}  // namespace prorata
