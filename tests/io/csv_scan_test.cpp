// The line cutter of the CSV reader's fast path (io/csv_scan.h), 16, 8 and 1 bytes at a time, against
// a byte-at-a-time cut of the same line.
#include "io/csv_scan.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

using prorata::io::detail::plain_line_fields;

namespace {

using Fields = std::vector<std::pair<std::size_t, std::size_t>>;

// What plain_line_fields must answer: the fields, or nothing when a byte is not printable ASCII or
// is a quote, or there are fields_max fields or more.
std::pair<bool, Fields> reference_cut(const std::string& line, std::size_t fields_max) {
  Fields fields;
  std::size_t begin = 0;
  for (std::size_t at = 0; at < line.size(); ++at) {
    const auto byte = static_cast<unsigned char>(line[at]);
    if (byte < 0x20 || byte >= 0x7F || byte == '"') return {false, {}};
    if (byte == ',') {
      fields.emplace_back(begin, at);
      begin = at + 1;
    }
  }
  fields.emplace_back(begin, line.size());
  if (fields.size() >= fields_max + 1) return {false, {}};
  return {true, fields};
}

}  // namespace

TEST_CASE("plain_line_fields: a journal line, cut by hand") {
  const std::string line = "2023-01-02,expense,,12.50,,travel,train,cv0001";  // 46 bytes: 16 + 16 + 8 + 6
  REQUIRE(line.size() == 46);
  Fields fields;
  REQUIRE(plain_line_fields(line.data(), line.size(), 64, [&](std::size_t b, std::size_t e) { fields.emplace_back(b, e); }));
  const Fields expected = {{0, 10}, {11, 18}, {19, 19}, {20, 25}, {26, 26}, {27, 33}, {34, 39}, {40, 46}};
  CHECK(fields == expected);
  for (std::size_t place : {std::size_t{3}, std::size_t{17}, std::size_t{35}, std::size_t{45}}) {
    for (char bad : {'"', '\t', '\x7F', '\x80', '\xE9', '\0'}) {
      std::string spoiled = line;
      spoiled[place] = bad;
      CHECK_FALSE(plain_line_fields(spoiled.data(), spoiled.size(), 64, [](std::size_t, std::size_t) {}));
    }
  }
}

TEST_CASE("plain_line_fields: 200,000 random lines agree with a byte-at-a-time cut") {
  std::mt19937_64 random(4122026);
  // Mostly plain bytes and commas, sometimes one that is not plain, at any place of any word.
  const std::string plain = "abc-019. ,,,";
  const std::string odd = std::string("\"\t\x7F\x80\xFF\x1F\x20\x7E", 8) + std::string(1, '\0');
  for (int round = 0; round < 200'000; ++round) {
    std::string line(random() % 70, 'a');
    for (char& c : line) c = random() % 50 == 0 ? odd[random() % odd.size()] : plain[random() % plain.size()];
    const std::size_t fields_max = 1 + random() % 24;
    Fields fields;
    const bool ok = plain_line_fields(line.data(), line.size(), fields_max,
                                      [&](std::size_t b, std::size_t e) { fields.emplace_back(b, e); });
    const auto [expected_ok, expected_fields] = reference_cut(line, fields_max);
    REQUIRE(ok == expected_ok);
    if (ok) REQUIRE(fields == expected_fields);
  }
}
