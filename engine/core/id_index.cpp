#include "core/id_index.h"

#include <bit>
#include <cstring>

#include "core/assert.h"

namespace prorata {

// A multiply-rotate mix of each 8-byte word (the last one zero-padded) and of the length: ids that
// differ in any byte or in length get unrelated hashes, and an id of up to 16 bytes costs two words.
std::uint64_t IdIndex::hash(std::string_view id) {
  constexpr std::uint64_t multiplier = 0x9E3779B97F4A7C15;  // 2^64 / the golden ratio, odd
  std::uint64_t h = id.size() * multiplier;
  std::size_t at = 0;
  for (; at + 8 <= id.size(); at += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, id.data() + at, sizeof word);
    h = std::rotl((h ^ word) * multiplier, 29);
  }
  if (at < id.size()) {
    std::uint64_t word = 0;
    std::memcpy(&word, id.data() + at, id.size() - at);
    h = std::rotl((h ^ word) * multiplier, 29);
  }
  h ^= h >> 32;
  return h * multiplier;
}

std::size_t IdIndex::slot_of(std::string_view id, std::uint64_t hash) const {
  PRORATA_ASSERT(!slots_.empty());
  const std::size_t mask = slots_.size() - 1;
  const auto high = static_cast<std::uint32_t>(hash >> 32);
  for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {  // linear probing; never full
    const Slot& here = slots_[slot];
    if (here.number == absent) return slot;
    if (here.hash_high == high && here.id == id) return slot;
  }
}

std::uint32_t IdIndex::find(std::string_view id) const {
  if (slots_.empty()) return absent;
  return slots_[slot_of(id, hash(id))].number;
}

std::uint32_t IdIndex::insert(std::string_view id) {
  if ((ids_.size() + 1) * 2 > slots_.size()) grow();
  const std::uint64_t h = hash(id);
  Slot& slot = slots_[slot_of(id, h)];
  if (slot.number != absent) return slot.number;
  PRORATA_ASSERT(ids_.size() < absent);
  const auto number = static_cast<std::uint32_t>(ids_.size());
  const std::string& stored = ids_.emplace_back(id);
  slot = Slot{static_cast<std::uint32_t>(h >> 32), number, stored};
  return number;
}

void IdIndex::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& moved : old) {
    if (moved.number == absent) continue;
    std::size_t slot = hash(moved.id) & mask;
    while (slots_[slot].number != absent) slot = (slot + 1) & mask;
    slots_[slot] = moved;
  }
}

}  // namespace prorata
