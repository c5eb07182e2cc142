// Fuzzes allocate(total, parties) with totals and caps over the whole non-negative 64-bit range and
// exact weights of up to 18 digits, checking its promises independently of how it computes them:
// the shares sum exactly to min(total, sum of the active caps), none is negative or above its cap,
// parties of weight 0 or cap 0 get nothing, an uncapped share is within a cent of the exact pro-rata
// level, and permuting the parties changes no party's share.
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/allocate.h"
#include "core/limits.h"
#include "fuzz_check.h"

namespace {

using prorata::AllocationParty;
using prorata::BigInt;
using prorata::Money;
using prorata::Ratio;

constexpr std::size_t parties_max = 24;

std::int64_t pick_amount(prorata::fuzz::ByteReader& bytes) {
  // Mostly small amounts (where rounding ties are frequent), sometimes anything up to INT64_MAX.
  switch (bytes.byte() % 4) {
    case 0: return bytes.up_to(100);
    case 1: return bytes.up_to(100'000);
    case 2: return bytes.up_to(prorata::limits::amount_cents_max);
    default: return bytes.up_to(INT64_MAX - 1);
  }
}

Ratio pick_weight(prorata::fuzz::ByteReader& bytes, Money cap) {
  switch (bytes.byte() % 4) {
    case 0: return Ratio(cap.cents);  // share_key caps, and the refund pro rata to the amounts paid
    case 1: return Ratio(1);          // share_key equal
    case 2: return Ratio(bytes.byte() % 4);
    default: {                        // share_key weights: a decimal of at most 18 digits
      const std::int64_t numerator = bytes.up_to(999'999'999'999'999'999);
      BigInt denominator = 1;
      for (int scale = bytes.byte() % 19; scale > 0; --scale) denominator *= 10;
      return Ratio(BigInt(numerator), denominator);
    }
  }
}

std::vector<AllocationParty> decode_parties(prorata::fuzz::ByteReader& bytes) {
  std::vector<AllocationParty> parties;
  const std::size_t count = bytes.byte() % (parties_max + 1);
  for (std::size_t i = 0; i < count; ++i) {
    const Money cap = Money::from_cents(pick_amount(bytes));
    parties.push_back({"p" + std::to_string(i), pick_weight(bytes, cap), cap});
  }
  return parties;
}

void check_allocation(Money total, const std::vector<AllocationParty>& parties, const prorata::Allocation& result) {
  FUZZ_CHECK(result.shares.size() == parties.size());
  BigInt active_caps = 0;
  BigInt sum = 0;
  for (std::size_t i = 0; i < parties.size(); ++i) {
    const bool active = parties[i].weight > 0 && parties[i].cap.cents > 0;
    if (active) active_caps += parties[i].cap.cents;
    FUZZ_CHECK(result.shares[i].cents >= 0);
    FUZZ_CHECK(result.shares[i] <= parties[i].cap);
    FUZZ_CHECK(active || result.shares[i].cents == 0);
    sum += result.shares[i].cents;
  }
  const BigInt total_cents = total.cents;
  const BigInt expected = active_caps < total_cents ? active_caps : total_cents;
  FUZZ_CHECK(sum == expected);
  FUZZ_CHECK(BigInt(result.allocated.cents) == expected);
  FUZZ_CHECK(BigInt(result.uncovered.cents) == BigInt(total.cents) - expected);
  if (active_caps <= total.cents) return;
  // Water-filling: x_i = min(c_i, lambda * w_i). A share below its cap is uncapped, so
  // s_i > lambda * w_i - 1, and every share is s_j < lambda * w_j + 1: (s_j - 1) * w_i < (s_i + 1) * w_j.
  for (std::size_t i = 0; i < parties.size(); ++i) {
    if (!(parties[i].weight > 0) || result.shares[i] >= parties[i].cap) continue;
    for (std::size_t j = 0; j < parties.size(); ++j) {
      if (!(parties[j].weight > 0) || parties[j].cap.cents == 0) continue;
      FUZZ_CHECK(Ratio(result.shares[j].cents - 1) * parties[i].weight <
                 Ratio(result.shares[i].cents + 1) * parties[j].weight);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) { return 0; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 1024) return 0;
  prorata::fuzz::ByteReader bytes(data, size);
  const Money total = Money::from_cents(pick_amount(bytes));
  std::vector<AllocationParty> parties = decode_parties(bytes);
  const prorata::Allocation result = prorata::allocate(total, parties);
  check_allocation(total, parties, result);

  // Order independence: the same parties reversed and rotated give every party the same share.
  std::map<std::string, Money> share_by_id;
  for (std::size_t i = 0; i < parties.size(); ++i) share_by_id[parties[i].id] = result.shares[i];
  std::reverse(parties.begin(), parties.end());
  if (!parties.empty()) std::rotate(parties.begin(), parties.begin() + static_cast<std::ptrdiff_t>(bytes.byte() % parties.size()), parties.end());
  const prorata::Allocation permuted = prorata::allocate(total, parties);
  check_allocation(total, parties, permuted);
  for (std::size_t i = 0; i < parties.size(); ++i) FUZZ_CHECK(permuted.shares[i] == share_by_id.at(parties[i].id));
  return 0;
}
