#include "core/id_index.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

using prorata::IdIndex;

TEST_CASE("IdIndex: ids numbered in the order added, found again, the same id never added twice") {
  IdIndex index;
  CHECK(index.find("cv0001") == IdIndex::absent);  // empty
  CHECK(index.insert("cv0001") == 0);
  CHECK(index.insert("travel") == 1);
  CHECK(index.insert("cv0001") == 0);  // already there
  CHECK(index.size() == 2);
  CHECK(index.find("travel") == 1);
  CHECK(index.find("cv000") == IdIndex::absent);    // a prefix
  CHECK(index.find("cv00011") == IdIndex::absent);  // one byte more
  CHECK(index.find("") == IdIndex::absent);
  CHECK(index.id(1) == "travel");
}

TEST_CASE("IdIndex: 20,000 random ids against std::unordered_map, stored names never move") {
  std::mt19937_64 random(20261204);
  // Short ids over a small alphabet, so that many share prefixes, lengths and word-sized chunks.
  const auto random_id = [&] {
    std::string id(1 + random() % 20, 'a');
    for (char& c : id) c = "ab-0"[random() % 4];
    return id;
  };
  IdIndex index;
  std::unordered_map<std::string, std::uint32_t> reference;
  std::vector<const std::string*> stored;
  for (int step = 0; step < 20'000; ++step) {
    const std::string id = random_id();
    const auto expected = reference.emplace(id, static_cast<std::uint32_t>(reference.size())).first->second;
    REQUIRE(index.insert(id) == expected);
    if (expected == stored.size()) stored.push_back(&index.id(expected));
    const std::string probe = random_id();
    const auto found = reference.find(probe);
    REQUIRE(index.find(probe) == (found == reference.end() ? IdIndex::absent : found->second));
  }
  REQUIRE(index.size() == reference.size());
  CHECK(reference.size() > 5'000);  // the table grew many times over
  for (const auto& [id, number] : reference) {
    REQUIRE(index.find(id) == number);
    REQUIRE(&index.id(number) == stored[number]);  // the address taken when it was added
    REQUIRE(*stored[number] == id);
  }
}

TEST_CASE("IdIndex::hash: ids that differ only in length or in their padding differ") {
  // The last word is zero-padded: "a" and "a\0" would collide without the length in the hash.
  CHECK(IdIndex::hash(std::string_view("a", 1)) != IdIndex::hash(std::string_view("a\0", 2)));
  CHECK(IdIndex::hash("abcdefgh") != IdIndex::hash(std::string_view("abcdefgh\0", 9)));
  CHECK(IdIndex::hash("cv0001") != IdIndex::hash("cv0002"));
}

TEST_CASE("IdIndex: two ids of one length whose hashes share their upper half are still told apart") {
  // The slot keeps the hash's upper 32 bits and an index of 16 slots takes its lowest 4: among a
  // million ids of 8 bytes, two share those 36 bits (the birthday bound: about 310,000 for even odds),
  // and only the compare of the ids themselves tells them apart. Found here, then both added.
  std::unordered_map<std::uint64_t, std::string> by_upper_half;
  std::string first;
  std::string second;
  for (int k = 0; k < 2'000'000 && first.empty(); ++k) {
    std::string id = std::to_string(10'000'000 + k);  // 8 digits
    const std::uint64_t hash = IdIndex::hash(id);
    const std::uint64_t upper = (hash >> 32 << 4) | (hash & 15);
    auto [it, inserted] = by_upper_half.emplace(upper, id);
    if (!inserted) {
      first = it->second;
      second = id;
    }
  }
  REQUIRE(!first.empty());
  IdIndex index;
  CHECK(index.insert(first) == 0);
  CHECK(index.find(second) == IdIndex::absent);
  CHECK(index.insert(second) == 1);
  CHECK(index.find(first) == 0);
  CHECK(index.find(second) == 1);
}
