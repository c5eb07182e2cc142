// Byte-level checks every text loader runs before parsing (size, NUL bytes, UTF-8), and the check of
// the text values it hands out: nothing in them may be hidden from the reader.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace prorata::io {

// Offset of the first byte that does not start or continue a valid UTF-8 sequence (overlongs,
// surrogates and code points above U+10FFFF are invalid too), or nullopt when all is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view bytes);

// 1-based line and column (in bytes) of `offset` in `text`.
struct LineColumn {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};
LineColumn line_column_at(std::string_view text, std::size_t offset);

// A character that would reach a terminal, a PDF or a bank file without being seen: `offset` is the
// 0-based byte offset of its first byte in the text; `name` says what it is, for a message, e.g.
// "ESC (U+001B, a control character)", "line break (U+000A)",
// "U+202E RIGHT-TO-LEFT OVERRIDE (a bidirectional control)".
struct HiddenChar {
  std::size_t offset = 0;
  std::string name;
};

// The first C0 control (U+0000-U+001F, line breaks included; TAB too unless `allow_tab`),
// DEL (U+007F), C1 control (U+0080-U+009F) or bidirectional embedding, override or isolate
// (U+202A-U+202E, U+2066-U+2069) in `utf8_text`, or nullopt when there is none. The text is expected
// to be valid UTF-8 (first_invalid_utf8); on other bytes the scan stays in bounds and finds only what
// it finds in valid text.
std::optional<HiddenChar> first_hidden_character(std::string_view utf8_text, bool allow_tab);
// True when every byte is printable ASCII (0x20-0x7E): first_hidden_character then finds nothing in
// the text nor in any part of it. Eight bytes at a time: a whole journal row is checked at once.
bool is_printable_ascii(std::string_view text);

namespace detail {

// The high bit of each byte of `word` that is not printable ASCII (below 0x20, 0x7F and above), and of
// no other: is_printable_ascii 8 bytes at a time, and the CSV reader's plain lines (io/csv_scan.h).
constexpr std::uint64_t not_printable_ascii_bytes(std::uint64_t word) {
  constexpr std::uint64_t lows = 0x7F7F7F7F7F7F7F7F;
  constexpr std::uint64_t highs = ~lows;
  constexpr std::uint64_t ones = 0x0101010101010101;
  const std::uint64_t at_least_space = ((word & lows) + ones * (0x80 - 0x20)) & highs;  // no carry: 0x7F + 0x60 < 0x100
  const std::uint64_t at_least_del = ((word & lows) + ones * (0x80 - 0x7F)) & highs;
  return (word & highs) | (~at_least_space & highs) | at_least_del;
}

}  // namespace detail

// The message for a hidden character in the value `what` names, its byte counted from 1:
// "'title' holds ESC (U+001B, a control character) at byte 5: it would reach a terminal, a PDF or a
// bank file unseen; remove it" (for what = "'title'" and offset 4).
// `text` with every hidden character (as first_hidden_character finds them, tabs included) replaced
// by `<U+XXXX>`, so that a message quoting bad input never carries it to the terminal.
std::string shown_safely(std::string_view utf8_text);

std::string hidden_character_message(std::string_view what, const HiddenChar& hidden);

inline constexpr const char* not_utf8_hint =
    "the file is not UTF-8 (a Windows-1252/Latin-1 export?): convert it with "
    "`iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8`";

}  // namespace prorata::io
