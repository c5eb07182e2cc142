// The CSV reader's scanning loop: how many bytes at the front of a block need no decision of their
// own. Most of a journal is such bytes (ASCII letters, digits, '-', '.', ' '), so the reader copies
// them into the record in whole runs and looks at the others one at a time (io/csv_reader.cpp).
#pragma once
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "io/text_checks.h"

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

// The high bit of each zero byte of `word` (the classic SWAR test). Bytes above a zero byte may be
// marked wrongly (the borrow), never the ones below it: so the lowest mark is always the first zero.
constexpr std::uint64_t has_zero_byte(std::uint64_t word) {
  constexpr std::uint64_t ones = 0x0101010101010101;
  constexpr std::uint64_t highs = 0x8080808080808080;
  return (word - ones) & ~word & highs;
}

constexpr std::uint64_t each_byte(unsigned char byte) { return std::uint64_t{0x0101010101010101} * byte; }

// The high bit of the bytes of `word` that are in `stops` (one of the two classes above), with the
// same guarantee: the lowest mark is the first such byte, and no mark means none.
constexpr std::uint64_t stop_marks(std::uint64_t word, ByteStops stops) {
  std::uint64_t marks = (word & each_byte(0x80)) | has_zero_byte(word) | has_zero_byte(word ^ each_byte('"')) |
                        has_zero_byte(word ^ each_byte('\n'));
  if (stops == stops_unquoted) marks |= has_zero_byte(word ^ each_byte(',')) | has_zero_byte(word ^ each_byte('\r'));
  return marks;
}

// The length of the longest prefix of bytes[0, size) holding no byte of `stops`: 8 bytes at a time
// (on a little-endian machine the first byte loaded is the lowest, so the lowest mark's byte is the
// first stop), then the last few byte by byte through the table.
inline std::size_t plain_prefix_bytes(const char* bytes, std::size_t size, ByteStops stops) {
  std::size_t at = 0;
  if constexpr (std::endian::native == std::endian::little) {
    for (; at + 8 <= size; at += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, bytes + at, sizeof word);  // any alignment; compiled to one load
      const std::uint64_t marks = stop_marks(word, stops);
      if (marks != 0) return at + static_cast<std::size_t>(std::countr_zero(marks)) / 8;
    }
  }
  while (at < size && (byte_stops[static_cast<unsigned char>(bytes[at])] & stops) == 0) ++at;
  return at;
}

// The high bit of each byte of `word` that is zero, and of no other (exact, unlike has_zero_byte).
constexpr std::uint64_t zero_bytes(std::uint64_t word) {
  constexpr std::uint64_t lows = 0x7F7F7F7F7F7F7F7F;
  return ~(((word & lows) + lows) | word | lows);
}

// The high bit of each byte of `word` that is not printable ASCII or is a quote: the bytes that keep a
// line from being read in place.
constexpr std::uint64_t not_plain_bytes(std::uint64_t word) {
  return not_printable_ascii_bytes(word) | zero_bytes(word ^ each_byte('"'));
}

constexpr bool is_plain_byte(unsigned char byte) { return byte >= 0x20 && byte < 0x7F && byte != '"'; }

// Cuts bytes[0, size), a line without its line ending, into its comma-separated fields, calling
// field(begin, end) for each in order: 16 bytes at a time where SSE2 is, then 8 (SWAR), then one.
// False (after some calls) when the line holds a byte that is not plain (not_plain_bytes) or has more
// than `fields_max` fields.
template <typename Field>
bool plain_line_fields(const char* bytes, std::size_t size, std::size_t fields_max, Field&& field) {
  std::size_t field_begin = 0;
  std::size_t fields = 0;
  const auto comma_at = [&](std::size_t at) {
    if (++fields >= fields_max) return false;  // this one and the one after the comma
    field(field_begin, at);
    field_begin = at + 1;
    return true;
  };
  std::size_t at = 0;
#if defined(__SSE2__)
  // 16 bytes at a time (SSE2 is in every x86-64): a byte is not plain when, compared as signed, it is
  // below 0x20 (the controls, and every byte >= 0x80, negative), or is DEL or a quote.
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i del = _mm_set1_epi8(0x7F);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i comma = _mm_set1_epi8(',');
  for (; at + 16 <= size; at += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at));
    const __m128i not_plain = _mm_or_si128(_mm_cmplt_epi8(chunk, space),
                                           _mm_or_si128(_mm_cmpeq_epi8(chunk, del), _mm_cmpeq_epi8(chunk, quote)));
    if (_mm_movemask_epi8(not_plain) != 0) return false;
    for (auto commas = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, comma))); commas != 0;
         commas &= commas - 1) {
      if (!comma_at(at + static_cast<std::size_t>(std::countr_zero(commas)))) return false;
    }
  }
#endif
  if constexpr (std::endian::native == std::endian::little) {
    for (; at + 8 <= size; at += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, bytes + at, sizeof word);
      if (not_plain_bytes(word) != 0) return false;
      for (std::uint64_t commas = zero_bytes(word ^ each_byte(',')); commas != 0; commas &= commas - 1) {
        if (!comma_at(at + static_cast<std::size_t>(std::countr_zero(commas)) / 8)) return false;
      }
    }
  }
  for (; at < size; ++at) {
    const auto byte = static_cast<unsigned char>(bytes[at]);
    if (!is_plain_byte(byte)) return false;
    if (byte == ',' && !comma_at(at)) return false;
  }
  field(field_begin, size);
  return true;
}

// Every byte value at each place of a word, checked against the byte-wise definitions when compiling.
constexpr bool words_agree_with_bytes() {
  for (unsigned value = 0; value < 256; ++value) {
    for (unsigned place = 0; place < 8; ++place) {
      for (unsigned other : {0x2Cu, 0x2Du, 0x00u}) {
        std::uint64_t word = each_byte(static_cast<unsigned char>(other));
        word = (word & ~(std::uint64_t{0xFF} << (8 * place))) | (std::uint64_t{value} << (8 * place));
        for (unsigned k = place; k < 8 && k <= place + 1; ++k) {  // a carry or borrow would reach the byte above
          const auto byte = static_cast<unsigned char>(word >> (8 * k));
          const bool marked_zero = ((zero_bytes(word) >> (8 * k)) & 0x80) != 0;
          const bool marked_not_plain = ((not_plain_bytes(word) >> (8 * k)) & 0x80) != 0;
          if (marked_zero != (byte == 0) || marked_not_plain != !is_plain_byte(byte)) return false;
        }
      }
    }
  }
  return true;
}
static_assert(words_agree_with_bytes());

// The first stop of each class in every 8-byte word, checked against the table when compiling.
constexpr bool marks_agree_with_table(ByteStops stops) {
  for (unsigned first = 0; first < 256; ++first) {
    for (unsigned second : {0u, 1u, 0x22u, 0x41u, 0x80u, 0xFFu}) {
      // `first` at byte 2, `second` at byte 5, plain 'a' elsewhere: the lowest mark must be the first
      // of the two that the table stops at.
      std::uint64_t word = each_byte('a');
      word = (word & ~(std::uint64_t{0xFF} << 16)) | (std::uint64_t{first} << 16);
      word = (word & ~(std::uint64_t{0xFF} << 40)) | (std::uint64_t{second} << 40);
      const std::uint64_t marks = stop_marks(word, stops);
      const int expected = (byte_stops[first] & stops) != 0 ? 2 : (byte_stops[second] & stops) != 0 ? 5 : 8;
      const int found = marks == 0 ? 8 : std::countr_zero(marks) / 8;
      if (found != expected) return false;
    }
  }
  return true;
}
static_assert(marks_agree_with_table(stops_unquoted));
static_assert(marks_agree_with_table(stops_quoted));

}  // namespace prorata::io::detail
