#include "io/text_checks.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace prorata::io {

namespace {

// "U+001B": four upper-case hex digits (every code point named here is below U+10000).
std::string code_point_text(std::uint32_t code) {
  constexpr const char* digits = "0123456789ABCDEF";
  std::string out = "U+";
  for (int shift = 12; shift >= 0; shift -= 4) out += digits[(code >> shift) & 0xFu];
  return out;
}

// The control characters by their ISO 6429 / Unicode abbreviations; U+0009, U+000A and U+000D, which
// a reader knows as whitespace, by what they do.
constexpr std::array<const char*, 32> c0_names{
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS",  "tab", "line break", "VT", "FF",
    "carriage return", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM",
    "SUB", "ESC", "FS", "GS", "RS", "US"};
constexpr std::array<const char*, 32> c1_names{
    "PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS", "PLD", "PLU", "RI",  "SS2", "SS3",
    "DCS", "PU1", "PU2", "STS", "CCH", "MW",  "SPA", "EPA", "SOS", "SGC", "SCI", "CSI", "ST",  "OSC", "PM",  "APC"};
constexpr std::array<const char*, 5> embedding_names{
    "LEFT-TO-RIGHT EMBEDDING", "RIGHT-TO-LEFT EMBEDDING", "POP DIRECTIONAL FORMATTING", "LEFT-TO-RIGHT OVERRIDE",
    "RIGHT-TO-LEFT OVERRIDE"};  // U+202A-U+202E
constexpr std::array<const char*, 4> isolate_names{
    "LEFT-TO-RIGHT ISOLATE", "RIGHT-TO-LEFT ISOLATE", "FIRST STRONG ISOLATE", "POP DIRECTIONAL ISOLATE"};  // U+2066-U+2069

std::string control_name(std::uint32_t code) {
  if (code == 0x09 || code == 0x0A || code == 0x0D) return std::string(c0_names[code]) + " (" + code_point_text(code) + ")";
  const char* abbreviation = code < 0x20 ? c0_names[code] : code == 0x7F ? "DEL" : c1_names[code - 0x80];
  return std::string(abbreviation) + " (" + code_point_text(code) + ", a control character)";
}

std::string bidi_name(std::uint32_t code, const char* name) {
  return code_point_text(code) + " " + name + " (a bidirectional control)";
}

}  // namespace

// True when the 8 bytes at `bytes` are all 0x20-0x7E.
static bool is_printable_ascii_word(const char* bytes) {
  std::uint64_t word = 0;
  std::memcpy(&word, bytes, sizeof word);
  return detail::not_printable_ascii_bytes(word) == 0;
}

bool is_printable_ascii(std::string_view text) {
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    if (!is_printable_ascii_word(text.data() + i)) return false;
  }
  for (; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte >= 0x7F) return false;
  }
  return true;
}

std::optional<HiddenChar> first_hidden_character(std::string_view utf8_text, bool allow_tab) {
  // Byte by byte: in UTF-8, 0x00-0x7F, 0xC2 and 0xE2 only ever start a character, so a match is one.
  // Eight bytes at a time first: a word of printable ASCII (0x20-0x7E: most of a journal) holds none
  // of them, nor the rest of a character that starts before it.
  const std::size_t size = utf8_text.size();
  for (std::size_t i = 0; i < size; ++i) {
    while (i + 8 <= size && is_printable_ascii_word(utf8_text.data() + i)) i += 8;
    if (i >= size) break;
    const auto byte = static_cast<unsigned char>(utf8_text[i]);
    if (byte < 0x20 || byte == 0x7F) {
      if (byte == '\t' && allow_tab) continue;
      return HiddenChar{i, control_name(byte)};
    }
    if (byte == 0xC2 && i + 1 < size) {  // U+0080-U+009F: C2 80-C2 9F
      const auto next = static_cast<unsigned char>(utf8_text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return HiddenChar{i, control_name(next)};
    }
    if (byte == 0xE2 && i + 2 < size) {  // U+202A-U+202E: E2 80 AA-AE; U+2066-U+2069: E2 81 A6-A9
      const auto second = static_cast<unsigned char>(utf8_text[i + 1]);
      const auto third = static_cast<unsigned char>(utf8_text[i + 2]);
      if (second == 0x80 && third >= 0xAA && third <= 0xAE) {
        return HiddenChar{i, bidi_name(0x2000u + (third - 0x80u), embedding_names[third - 0xAAu])};
      }
      if (second == 0x81 && third >= 0xA6 && third <= 0xA9) {
        return HiddenChar{i, bidi_name(0x2040u + (third - 0x80u), isolate_names[third - 0xA6u])};
      }
    }
  }
  return std::nullopt;
}

std::string shown_safely(std::string_view utf8_text) {
  std::string out;
  while (auto hidden = first_hidden_character(utf8_text, false)) {
    const auto lead = static_cast<unsigned char>(utf8_text[hidden->offset]);
    const std::size_t length = lead < 0x80 ? 1 : lead == 0xC2 ? 2 : 3;
    std::uint32_t code = lead;
    if (length == 2) code = static_cast<unsigned char>(utf8_text[hidden->offset + 1]);
    if (length == 3) {
      code = 0x2000u + ((static_cast<unsigned char>(utf8_text[hidden->offset + 1]) & 0x3Fu) << 6) +
             (static_cast<unsigned char>(utf8_text[hidden->offset + 2]) & 0x3Fu);
    }
    out.append(utf8_text.substr(0, hidden->offset));
    out += "<" + code_point_text(code) + ">";
    utf8_text.remove_prefix(hidden->offset + length);
  }
  out.append(utf8_text);
  return out;
}

std::string hidden_character_message(std::string_view what, const HiddenChar& hidden) {
  return std::string(what) + " holds " + hidden.name + " at byte " + std::to_string(hidden.offset + 1) +
         ": it would reach a terminal, a PDF or a bank file unseen; remove it";
}

std::optional<std::size_t> first_invalid_utf8(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (lead >= 0xC2 && lead <= 0xDF) { length = 2; code = lead & 0x1Fu; }
    else if (lead >= 0xE0 && lead <= 0xEF) { length = 3; code = lead & 0x0Fu; }
    else if (lead >= 0xF0 && lead <= 0xF4) { length = 4; code = lead & 0x07u; }
    else return i;
    if (i + length > bytes.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(bytes[i + k]);
      if ((next & 0xC0u) != 0x80u) return i;
      code = (code << 6) | (next & 0x3Fu);
    }
    const bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
    const bool surrogate = code >= 0xD800 && code <= 0xDFFF;
    if (overlong || surrogate || code > 0x10FFFF) return i;
    i += length;
  }
  return std::nullopt;
}

LineColumn line_column_at(std::string_view text, std::size_t offset) {
  LineColumn at;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else {
      ++at.column;
    }
  }
  return at;
}

}  // namespace prorata::io
