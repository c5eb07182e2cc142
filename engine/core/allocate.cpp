#include "core/allocate.h"

#include <algorithm>
#include <numeric>
#include <set>

#include "core/assert.h"

namespace prorata {

namespace {

std::int64_t to_int64(const BigInt& value) {
  PRORATA_ASSERT(value >= INT64_MIN && value <= INT64_MAX);
  return value.convert_to<std::int64_t>();
}

BigInt floor_of(const Ratio& value) {
  // numerator / denominator truncates toward zero; shares are non-negative so that is the floor.
  PRORATA_ASSERT(value >= 0);
  return boost::multiprecision::numerator(value) / boost::multiprecision::denominator(value);
}

// The exact shares x_i = min(c_i, lambda * w_i) with sum x_i = total, for parties whose caps sum to
// more than total. Parties are visited by ascending c_i / w_i: while the cheapest-to-fill party is
// filled by the current level, it takes its cap and leaves the pool.
std::vector<Ratio> water_fill(Money total, std::span<const AllocationParty> parties,
                              const std::vector<std::size_t>& active, Ratio& level_out) {
  std::vector<std::size_t> order = active;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    // c_a / w_a < c_b / w_b  <=>  c_a * w_b < c_b * w_a (weights > 0)
    Ratio left = Ratio(parties[a].cap.cents) * parties[b].weight;
    Ratio right = Ratio(parties[b].cap.cents) * parties[a].weight;
    if (left != right) return left < right;
    return parties[a].id < parties[b].id;
  });
  Ratio remaining = total.cents;
  Ratio weight_left = 0;
  for (std::size_t i : order) weight_left += parties[i].weight;

  std::vector<Ratio> exact(parties.size(), Ratio(0));
  std::size_t next = 0;
  for (; next < order.size(); ++next) {
    const AllocationParty& party = parties[order[next]];
    Ratio level = remaining / weight_left;  // lambda if nobody else is capped
    if (Ratio(party.cap.cents) > level * party.weight) break;
    exact[order[next]] = party.cap.cents;
    remaining -= party.cap.cents;
    weight_left -= party.weight;
  }
  PRORATA_ASSERT(next < order.size());  // caps sum to more than total: someone stays uncapped
  Ratio level = remaining / weight_left;
  for (; next < order.size(); ++next) exact[order[next]] = level * parties[order[next]].weight;
  level_out = level;
  return exact;
}

}  // namespace

Allocation allocate(Money total, std::span<const AllocationParty> parties) {
  return allocate_explained(total, parties).allocation;
}

AllocationDetail allocate_explained(Money total, std::span<const AllocationParty> parties) {
  PRORATA_ASSERT(total.cents >= 0);
  std::set<std::string_view> ids;
  std::vector<std::size_t> active;
  BigInt cap_sum = 0;
  for (std::size_t i = 0; i < parties.size(); ++i) {
    PRORATA_ASSERT(parties[i].weight >= 0);
    PRORATA_ASSERT(parties[i].cap.cents >= 0);
    PRORATA_ASSERT(ids.insert(parties[i].id).second);
    if (parties[i].weight > 0 && parties[i].cap.cents > 0) {
      active.push_back(i);
      cap_sum += parties[i].cap.cents;
    }
  }

  AllocationDetail detail;
  Allocation& result = detail.allocation;
  result = Allocation{std::vector<Money>(parties.size(), Money{}), Money{}, Money{}};
  detail.rank.assign(parties.size(), 0);
  if (cap_sum <= total.cents) {
    detail.exact.assign(parties.size(), Ratio(0));
    for (std::size_t i : active) {
      result.shares[i] = parties[i].cap;
      detail.exact[i] = parties[i].cap.cents;
    }
    result.allocated = Money{to_int64(cap_sum)};
    result.uncovered = total - result.allocated;
    detail.all_at_cap = true;
    return detail;
  }

  detail.exact = water_fill(total, parties, active, detail.level);
  const std::vector<Ratio>& exact = detail.exact;
  BigInt floor_sum = 0;
  std::vector<Ratio> fraction(parties.size(), Ratio(0));
  for (std::size_t i : active) {
    BigInt whole = floor_of(exact[i]);
    result.shares[i] = Money{to_int64(whole)};
    fraction[i] = exact[i] - Ratio(whole);
    floor_sum += whole;
  }
  BigInt leftover = BigInt(total.cents) - floor_sum;
  PRORATA_ASSERT(leftover >= 0 && leftover < BigInt(active.size()) + 1);

  std::vector<std::size_t> by_remainder = active;
  std::sort(by_remainder.begin(), by_remainder.end(), [&](std::size_t a, std::size_t b) {
    if (fraction[a] != fraction[b]) return fraction[a] > fraction[b];
    if (parties[a].weight != parties[b].weight) return parties[a].weight > parties[b].weight;
    return parties[a].id < parties[b].id;  // std::string compares bytes
  });
  // Ranked: the parties with something to round (a fractional part), in the leftover-cent order.
  for (std::size_t k = 0; k < by_remainder.size(); ++k) {
    if (fraction[by_remainder[k]] > 0) detail.rank[by_remainder[k]] = k + 1;
  }
  detail.leftover_cents = static_cast<std::size_t>(leftover);
  for (std::size_t k = 0; k < static_cast<std::size_t>(leftover); ++k) {
    PRORATA_ASSERT(fraction[by_remainder[k]] > 0);
    result.shares[by_remainder[k]] += Money{1};
  }

  result.allocated = total;
  result.uncovered = Money{};
  // Paired checks: the shares sum to the total and respect every cap.
  Money sum{};
  for (std::size_t i = 0; i < parties.size(); ++i) {
    PRORATA_ASSERT(result.shares[i] >= Money{});
    PRORATA_ASSERT(result.shares[i] <= parties[i].cap);
    sum += result.shares[i];
  }
  PRORATA_ASSERT(sum == total);
  return detail;
}

}  // namespace prorata
