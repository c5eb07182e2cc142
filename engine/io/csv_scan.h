// The CSV reader's scanning loop: how many bytes at the front of a block need no decision of their
// own. Most of a journal is such bytes (ASCII letters, digits, '-', '.', ' '), so the reader copies
// them into the record in whole runs and looks at the others one at a time (io/csv_reader.cpp).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace prorata::io::detail {

// Which bytes end a run, per state of the reader. Outside quotes: the separators (',' CR LF), a quote,
// and the bytes the record checks (NUL, every byte >= 0x80: only those go through the UTF-8 checker).
// Inside quotes, ',' and CR are plain text; LF still ends a run because it moves the line count.
enum ByteStops : std::uint8_t { stops_unquoted = 1, stops_quoted = 2 };

inline constexpr std::array<std::uint8_t, 256> byte_stops = [] {
  std::array<std::uint8_t, 256> stops{};
  for (std::size_t byte = 0x80; byte < stops.size(); ++byte) stops[byte] = stops_unquoted | stops_quoted;
  for (char byte : {'\0', '"', '\n'}) stops[static_cast<unsigned char>(byte)] = stops_unquoted | stops_quoted;
  for (char byte : {',', '\r'}) stops[static_cast<unsigned char>(byte)] = stops_unquoted;
  return stops;
}();

// Nonzero when one of the 8 bytes of `word` is zero (the classic SWAR test: exact as a yes/no, even if
// bits above the first zero byte may be wrong).
constexpr std::uint64_t has_zero_byte(std::uint64_t word) {
  constexpr std::uint64_t ones = 0x0101010101010101;
  constexpr std::uint64_t highs = 0x8080808080808080;
  return (word - ones) & ~word & highs;
}

constexpr std::uint64_t each_byte(unsigned char byte) { return std::uint64_t{0x0101010101010101} * byte; }

// Whether any of the 8 bytes of `word` is in `stops` (one of the two classes above).
constexpr bool word_has_stop(std::uint64_t word, ByteStops stops) {
  std::uint64_t found = (word & each_byte(0x80)) | has_zero_byte(word) | has_zero_byte(word ^ each_byte('"')) |
                        has_zero_byte(word ^ each_byte('\n'));
  if (stops == stops_unquoted) found |= has_zero_byte(word ^ each_byte(',')) | has_zero_byte(word ^ each_byte('\r'));
  return found != 0;
}

// The length of the longest prefix of bytes[0, size) holding no byte of `stops`: 8 bytes at a time
// while none is there, then byte by byte through the table.
inline std::size_t plain_prefix_bytes(const char* bytes, std::size_t size, ByteStops stops) {
  std::size_t at = 0;
  for (; at + 8 <= size; at += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes + at, sizeof word);  // any alignment; compiled to one load
    if (word_has_stop(word, stops)) break;
  }
  while (at < size && (byte_stops[static_cast<unsigned char>(bytes[at])] & stops) == 0) ++at;
  return at;
}

}  // namespace prorata::io::detail
