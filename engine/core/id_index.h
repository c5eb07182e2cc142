// Short ids (conventions, categories) numbered in the order added and found again from a view of a
// journal cell: one hash of the cell's bytes, a word at a time, and one compare of the id whose hash
// matches. Read for every line of a shared journal, where a std::unordered_map<std::string> cost a
// node walk, a byte-wise hash and a memcmp a line (about 13 % of a 1,000-convention portfolio run).
// Open addressing, at most half full; the ids are stored once, never move, and are read by number.
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace prorata {

class IdIndex {
 public:
  static constexpr std::uint32_t absent = UINT32_MAX;

  // The number of `id`, or `absent`.
  [[nodiscard]] std::uint32_t find(std::string_view id) const;
  // The number of `id`, added with the next number if new.
  std::uint32_t insert(std::string_view id);
  [[nodiscard]] std::size_t size() const { return ids_.size(); }
  // The id numbered `number` (< size()); the reference stays valid as long as the index.
  [[nodiscard]] const std::string& id(std::uint32_t number) const { return ids_[number]; }

  static std::uint64_t hash(std::string_view id);

 private:
  struct Slot {
    std::uint32_t hash_high = 0;  // the hash's upper half: most other ids differ there
    std::uint32_t number = absent;
    std::string_view id;  // of ids_[number], beside the hash: one place in memory a look-up
  };
  [[nodiscard]] std::size_t slot_of(std::string_view id, std::uint64_t hash) const;
  void grow();

  std::deque<std::string> ids_;  // by number; a deque: references stay valid as ids are added
  std::vector<Slot> slots_;      // a power of two in size, or empty
};

}  // namespace prorata
