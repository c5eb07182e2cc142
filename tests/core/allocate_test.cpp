// allocate(): capped pro-rata sharing to the cent (tests engine/core/allocate.h). Hand-worked cases
// first, each expected value derived in its comment; then generated cases checked against an
// independent reference (bisection on lambda in exact rationals + largest remainder).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/allocate.h"

using prorata::Allocation;
using prorata::AllocationParty;
using prorata::BigInt;
using prorata::Money;
using prorata::Ratio;

namespace {

AllocationParty party(const char* id, Ratio weight, std::int64_t cap_cents) {
  return AllocationParty{id, std::move(weight), Money::from_cents(cap_cents)};
}

using SharesById = std::map<std::string, std::int64_t>;

// Allocates, checks the result does not depend on the order of the parties (given order and
// reversed), and returns the shares by id.
SharesById allocate_by_id(std::int64_t total_cents, std::vector<AllocationParty> parties,
                          std::int64_t expected_uncovered_cents = 0) {
  const Money total = Money::from_cents(total_cents);
  const Allocation forward = prorata::allocate(total, parties);
  REQUIRE(forward.shares.size() == parties.size());
  CHECK(forward.uncovered.cents == expected_uncovered_cents);
  CHECK(forward.allocated.cents == total_cents - expected_uncovered_cents);
  SharesById by_id;
  for (std::size_t i = 0; i < parties.size(); ++i) by_id[parties[i].id] = forward.shares[i].cents;

  std::reverse(parties.begin(), parties.end());
  const Allocation backward = prorata::allocate(total, parties);
  for (std::size_t i = 0; i < parties.size(); ++i) CHECK(backward.shares[i].cents == by_id[parties[i].id]);
  CHECK(backward.uncovered == forward.uncovered);
  return by_id;
}

}  // namespace

TEST_CASE("100 cents among three equal weights: 34/33/33, the tie goes to the smallest id") {
  // x = 100/3 = 33.33.. each; floors 33+33+33 = 99; 1 cent left; fractions and weights are equal,
  // so the id decides: "a" < "b" < "c".
  auto shares = allocate_by_id(100, {party("c", 1, 1000), party("a", 1, 1000), party("b", 1, 1000)});
  CHECK(shares == SharesById{{"a", 34}, {"b", 33}, {"c", 33}});
}

TEST_CASE("leftover cents go one each to the largest fractional parts") {
  // 103 cents, five equal weights: 20.6 each; floors 100; 3 cents left to the three smallest ids.
  auto five = allocate_by_id(103, {party("e", 1, 500), party("d", 1, 500), party("c", 1, 500),
                                   party("b", 1, 500), party("a", 1, 500)});
  CHECK(five == SharesById{{"a", 21}, {"b", 21}, {"c", 21}, {"d", 20}, {"e", 20}});
  // 2 cents, weights a:2, b:1 (sum 3): x_a = 4/3, x_b = 2/3; floors 1 + 0; the cent left goes to the
  // larger fraction 2/3 (b) although a has the larger weight and the smaller id.
  auto fraction_first = allocate_by_id(2, {party("a", 2, 100), party("b", 1, 100)});
  CHECK(fraction_first == SharesById{{"a", 1}, {"b", 1}});
}

TEST_CASE("equal fractions: the larger weight wins before the id") {
  // 2 cents, weights a:1, b:3 (sum 4): x_a = 0.5, x_b = 1.5; floors 0 + 1; fractions tie at 0.5;
  // b has the larger weight, so b gets the cent although "a" sorts first.
  auto shares = allocate_by_id(2, {party("a", 1, 100), party("b", 3, 100)});
  CHECK(shares == SharesById{{"a", 0}, {"b", 2}});
  // 700 cents, weights a:0.5, b:2.5, c:1 (sum 4), caps 1000/500/1000: lambda = 700/4 = 175 and
  // b's 2.5 * 175 = 437.5 stays under 500. x = 87.5, 437.5, 175; floors 87 + 437 + 175 = 699;
  // a and b tie at .5, b weighs more: b = 438.
  auto fractional = allocate_by_id(700, {party("a", Ratio(1, 2), 1000), party("b", Ratio(5, 2), 500),
                                         party("c", 1, 1000)});
  CHECK(fractional == SharesById{{"a", 87}, {"b", 438}, {"c", 175}});
}

TEST_CASE("ids break the last ties in byte order") {
  // 1 cent, two equal weights: 0.5 each. 'B' (0x42) < 'a' (0x61); '-' (0x2d) < '_' (0x5f);
  // 'z' (0x7a) < 'é' (0xc3 0xa9, compared as unsigned bytes); "a" < "ab" (a prefix first).
  CHECK(allocate_by_id(1, {party("a", 1, 10), party("B", 1, 10)}) == SharesById{{"B", 1}, {"a", 0}});
  CHECK(allocate_by_id(1, {party("a_b", 1, 10), party("a-b", 1, 10)}) == SharesById{{"a-b", 1}, {"a_b", 0}});
  CHECK(allocate_by_id(1, {party("\xc3\xa9", 1, 10), party("z", 1, 10)}) == SharesById{{"z", 1}, {"\xc3\xa9", 0}});
  CHECK(allocate_by_id(1, {party("ab", 1, 10), party("a", 1, 10)}) == SharesById{{"a", 1}, {"ab", 0}});
}

TEST_CASE("water-filling: a binding cap is filled and the others share the rest") {
  // 1000 cents, weights 1/1/2, caps a:100, b:10000, c:10000. Uncapped lambda = 1000/4 = 250 would
  // give a 250 > 100, so a takes its cap; lambda = (1000 - 100) / 3 = 300: b = 300, c = 600.
  CHECK(allocate_by_id(1000, {party("a", 1, 100), party("b", 1, 10000), party("c", 2, 10000)}) ==
        SharesById{{"a", 100}, {"b", 300}, {"c", 600}});
  // Same with 1001 cents: a capped (250.25 > 100); lambda = 901/3 = 300.33..: b = 300.33, c = 600.67;
  // floors 300 + 600 + 100 = 1000; the cent goes to the larger fraction .67: c = 601.
  CHECK(allocate_by_id(1001, {party("a", 1, 100), party("b", 1, 10000), party("c", 2, 10000)}) ==
        SharesById{{"a", 100}, {"b", 300}, {"c", 601}});
  // Two rounds: 1000 cents, four weights 1, caps 100/280/10000/10000. lambda = 250 caps a (100);
  // lambda = 900/3 = 300 caps b (280 <= 300); lambda = 620/2 = 310 for c and d.
  CHECK(allocate_by_id(1000, {party("d", 1, 10000), party("c", 1, 10000), party("b", 1, 280),
                              party("a", 1, 100)}) == SharesById{{"a", 100}, {"b", 280}, {"c", 310}, {"d", 310}});
  // A cap equal to lambda * w is filled exactly: 300 cents, weights 1/1/1, caps 100/1000/1000:
  // lambda = 100 = a's cap, so a = 100 and b = c = 100.
  CHECK(allocate_by_id(300, {party("a", 1, 100), party("b", 1, 1000), party("c", 1, 1000)}) ==
        SharesById{{"a", 100}, {"b", 100}, {"c", 100}});
}

TEST_CASE("weight 0 or cap 0 gets nothing and takes no part in the sharing") {
  // a has weight 0: b and c share 100 as if alone, 50 each.
  CHECK(allocate_by_id(100, {party("a", 0, 1000), party("b", 1, 1000), party("c", 1, 1000)}) ==
        SharesById{{"a", 0}, {"b", 50}, {"c", 50}});
  // a has cap 0 and a large weight: it gets 0 and its weight does not dilute the others.
  CHECK(allocate_by_id(100, {party("a", 5, 0), party("b", 1, 1000), party("c", 1, 1000)}) ==
        SharesById{{"a", 0}, {"b", 50}, {"c", 50}});
  // A zero-cap party does not count in the caps either: caps 0 + 40 + 40 = 80 < 100, 20 uncovered.
  CHECK(allocate_by_id(100, {party("a", 1, 0), party("b", 1, 40), party("c", 1, 40)}, 20) ==
        SharesById{{"a", 0}, {"b", 40}, {"c", 40}});
  // Nobody can take anything: everything is uncovered.
  CHECK(allocate_by_id(100, {party("a", 0, 1000), party("b", 1, 0)}, 100) == SharesById{{"a", 0}, {"b", 0}});
  CHECK(allocate_by_id(100, {}, 100).empty());
}

TEST_CASE("caps too small: each gets its cap and the rest is uncovered") {
  // Caps 30 + 40 = 70 < 100: shares 30 and 40 whatever the weights, 30 uncovered.
  CHECK(allocate_by_id(100, {party("a", 7, 30), party("b", 1, 40)}, 30) == SharesById{{"a", 30}, {"b", 40}});
  // Caps summing exactly to the total (boundary <=): each gets its cap, nothing uncovered.
  CHECK(allocate_by_id(100, {party("a", 7, 60), party("b", 1, 40)}, 0) == SharesById{{"a", 60}, {"b", 40}});
  // One cent more of caps than the total: water-filling with a 1-cent shortfall.
  // 99 cents, weights 1/1, caps 60/40: lambda = 49.5 caps b (40); a = 59.
  CHECK(allocate_by_id(99, {party("a", 1, 60), party("b", 1, 40)}, 0) == SharesById{{"a", 59}, {"b", 40}});
}

TEST_CASE("total 0 gives everybody 0") {
  CHECK(allocate_by_id(0, {party("a", 1, 100), party("b", 3, 100)}) == SharesById{{"a", 0}, {"b", 0}});
  CHECK(allocate_by_id(0, {party("a", 0, 0)}) == SharesById{{"a", 0}});
}

namespace {

// Reference: x_i = min(c_i, lambda * w_i) with sum x_i = total, lambda found by bisection in exact
// rationals, then made exact from the set of capped parties and verified by substitution.
struct Reference {
  std::vector<Ratio> exact;
  std::int64_t uncovered_cents = 0;
};

Reference reference_exact(std::int64_t total, const std::vector<AllocationParty>& parties) {
  Reference out{std::vector<Ratio>(parties.size(), Ratio(0)), 0};
  std::vector<std::size_t> active;
  std::int64_t cap_sum = 0;
  for (std::size_t i = 0; i < parties.size(); ++i) {
    if (parties[i].weight > 0 && parties[i].cap.cents > 0) {
      active.push_back(i);
      cap_sum += parties[i].cap.cents;
    }
  }
  if (cap_sum <= total) {
    for (std::size_t i : active) out.exact[i] = parties[i].cap.cents;
    out.uncovered_cents = total - cap_sum;
    return out;
  }
  if (total == 0) return out;
  auto level_sum = [&](const Ratio& lambda) {
    Ratio sum = 0;
    for (std::size_t i : active) sum += std::min(Ratio(parties[i].cap.cents), Ratio(lambda * parties[i].weight));
    return sum;
  };
  auto capped_at = [&](const Ratio& lambda) {
    std::vector<bool> capped(parties.size(), false);
    for (std::size_t i : active) capped[i] = Ratio(parties[i].cap.cents) <= lambda * parties[i].weight;
    return capped;
  };
  Ratio low = 0;
  Ratio high = 0;
  for (std::size_t i : active) high = std::max(high, Ratio(Ratio(parties[i].cap.cents) / parties[i].weight));
  // Invariant: level_sum(low) < total <= level_sum(high).
  for (int step = 0; step < 48 && capped_at(low) != capped_at(high); ++step) {
    Ratio middle = (low + high) / 2;
    if (level_sum(middle) < total) low = middle; else high = middle;
  }
  for (const Ratio& side : {low, high}) {
    std::vector<bool> capped = capped_at(side);
    Ratio rest = total;
    Ratio weight_free = 0;
    for (std::size_t i : active) {
      if (capped[i]) rest -= parties[i].cap.cents; else weight_free += parties[i].weight;
    }
    if (weight_free == 0) continue;
    Ratio lambda = rest / weight_free;
    if (level_sum(lambda) != total) continue;
    for (std::size_t i : active) out.exact[i] = std::min(Ratio(parties[i].cap.cents), Ratio(lambda * parties[i].weight));
    return out;
  }
  FAIL("the reference found no lambda");
  return out;
}

// Reference rounding: floors, then one cent each by (fraction desc, weight desc, id bytes asc).
std::vector<std::int64_t> reference_shares(std::int64_t total, const std::vector<AllocationParty>& parties,
                                           const Reference& reference) {
  std::vector<std::int64_t> shares(parties.size(), 0);
  std::vector<Ratio> fraction(parties.size(), Ratio(0));
  std::int64_t left = total - reference.uncovered_cents;
  for (std::size_t i = 0; i < parties.size(); ++i) {
    const Ratio& x = reference.exact[i];
    BigInt whole = boost::multiprecision::numerator(x) / boost::multiprecision::denominator(x);
    shares[i] = whole.convert_to<std::int64_t>();
    fraction[i] = x - Ratio(whole);
    left -= shares[i];
  }
  std::vector<std::size_t> order(parties.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (fraction[a] != fraction[b]) return fraction[a] > fraction[b];
    if (parties[a].weight != parties[b].weight) return parties[a].weight > parties[b].weight;
    return parties[a].id.compare(parties[b].id) < 0;
  });
  REQUIRE(left >= 0);
  REQUIRE(left <= static_cast<std::int64_t>(parties.size()));
  for (std::size_t k = 0; k < static_cast<std::size_t>(left); ++k) ++shares[order[k]];
  return shares;
}

std::vector<AllocationParty> generate_parties(std::mt19937_64& rng) {
  std::vector<std::string> pool = {"a", "b", "c", "d", "B", "ab", "a-1", "z", "\xc3\xa9"};
  std::shuffle(pool.begin(), pool.end(), rng);
  const std::size_t count = 1 + static_cast<std::size_t>(rng() % 6);
  std::vector<AllocationParty> parties;
  for (std::size_t i = 0; i < count; ++i) {
    const std::int64_t denominators[] = {1, 2, 3, 4};
    Ratio weight = rng() % 7 == 0 ? Ratio(0)
                                  : Ratio(1 + static_cast<std::int64_t>(rng() % 12), denominators[rng() % 4]);
    std::int64_t cap = rng() % 7 == 0 ? 0 : 1 + static_cast<std::int64_t>(rng() % 600);
    if (rng() % 5 == 0) cap = 100'000;
    parties.push_back(AllocationParty{pool[i], weight, Money::from_cents(cap)});
  }
  return parties;
}

}  // namespace

TEST_CASE("generated cases: sums, caps, signs, order independence and the exact reference") {
  std::mt19937_64 rng(45000);
  int water_filled = 0;
  for (int n = 0; n < 3000; ++n) {
    std::vector<AllocationParty> parties = generate_parties(rng);
    const std::int64_t total = rng() % 10 == 0 ? 0 : static_cast<std::int64_t>(rng() % 1500);
    const Allocation result = prorata::allocate(Money::from_cents(total), parties);
    REQUIRE(result.shares.size() == parties.size());

    std::int64_t sum = 0;
    for (std::size_t i = 0; i < parties.size(); ++i) {
      CHECK(result.shares[i].cents >= 0);
      CHECK(result.shares[i] <= parties[i].cap);
      if (parties[i].weight == 0 || parties[i].cap.cents == 0) CHECK(result.shares[i].cents == 0);
      sum += result.shares[i].cents;
    }
    CHECK(sum == result.allocated.cents);
    CHECK(result.allocated.cents + result.uncovered.cents == total);
    CHECK(result.uncovered.cents >= 0);

    const Reference reference = reference_exact(total, parties);
    CHECK(result.uncovered.cents == reference.uncovered_cents);
    if (reference.uncovered_cents == 0 && total > 0) ++water_filled;
    const std::vector<std::int64_t> expected = reference_shares(total, parties, reference);
    for (std::size_t i = 0; i < parties.size(); ++i) {
      // Within one cent of the exact share, and exactly the reference's rounding.
      const Ratio gap = Ratio(result.shares[i].cents) - reference.exact[i];
      CHECK(gap > -1);
      CHECK(gap < 1);
      CHECK(result.shares[i].cents == expected[i]);
    }

    SharesById by_id;
    for (std::size_t i = 0; i < parties.size(); ++i) by_id[parties[i].id] = result.shares[i].cents;
    std::shuffle(parties.begin(), parties.end(), rng);
    const Allocation permuted = prorata::allocate(Money::from_cents(total), parties);
    for (std::size_t i = 0; i < parties.size(); ++i) CHECK(permuted.shares[i].cents == by_id[parties[i].id]);
    CHECK(permuted.uncovered == result.uncovered);
  }
  CHECK(water_filled > 1000);  // most generated cases exercise the water-filling, not the caps-only path
}
