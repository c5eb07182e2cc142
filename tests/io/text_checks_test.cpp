// first_hidden_character and its message: every character a terminal, a PDF viewer or a bank's file
// reader would act on or hide is found at its byte offset, and ordinary text (accents, the euro sign,
// emoji, the visible-less but harmless LEFT-TO-RIGHT MARK) passes. The byte sequences are written out
// by hand from the code points (UTF-8: U+0080-U+07FF in two bytes, U+0800-U+FFFF in three).
#include "io/text_checks.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

using namespace std::string_literals;
using prorata::io::first_hidden_character;
using prorata::io::hidden_character_message;
using prorata::io::HiddenChar;

namespace {

// Checks that `text` holds a hidden character at byte `offset`, named `name`.
void check_found(const std::string& text, bool allow_tab, std::size_t offset, const std::string& name) {
  INFO("text bytes: ", text.size(), ", expected offset ", offset);
  auto hidden = first_hidden_character(text, allow_tab);
  REQUIRE(hidden);
  CHECK(hidden->offset == offset);
  CHECK(hidden->name == name);
}

void check_clean(const std::string& text, bool allow_tab = false) {
  INFO("text bytes: ", text.size());
  CHECK_FALSE(first_hidden_character(text, allow_tab));
}

}  // namespace

TEST_CASE("hidden characters: C0 controls, named, at their byte offset") {
  check_found("Nord\x1b[2J", false, 4, "ESC (U+001B, a control character)");
  check_found("\x1b", false, 0, "ESC (U+001B, a control character)");
  check_found("ding\x07", false, 4, "BEL (U+0007, a control character)");
  check_found("ab\0cd"s, false, 2, "NUL (U+0000, a control character)");
  check_found("line one\nline two", false, 8, "line break (U+000A)");
  check_found("Oise\r", false, 4, "carriage return (U+000D)");
  check_found("x\x1f", false, 1, "US (U+001F, a control character)");
  check_found("back\x08space", false, 4, "BS (U+0008, a control character)");
}

TEST_CASE("hidden characters: TAB is refused unless allowed, and allowing it allows nothing else") {
  check_found("a\tb", false, 1, "tab (U+0009)");
  check_clean("a\tb", true);
  check_clean("\t\t", true);
  check_found("a\tb\x1b", true, 3, "ESC (U+001B, a control character)");
  check_found("a\tb\nc", true, 3, "line break (U+000A)");
}

TEST_CASE("hidden characters: DEL and the C1 controls") {
  check_found("abc\x7f", false, 3, "DEL (U+007F, a control character)");
  check_found("a\xc2\x85z", false, 1, "NEL (U+0085, a control character)");         // U+0085 = C2 85
  check_found("Somme\xc2\x9b" "2J", false, 5, "CSI (U+009B, a control character)");  // U+009B = C2 9B
  check_found("\xc2\x80", false, 0, "PAD (U+0080, a control character)");
  check_found("\xc2\x9f", false, 0, "APC (U+009F, a control character)");
  // Offsets count bytes: "é" (C3 A9) before the control takes two.
  check_found("\xc3\xa9\x1b", false, 2, "ESC (U+001B, a control character)");
}

TEST_CASE("hidden characters: every bidirectional embedding, override and isolate") {
  // U+202A..U+202E = E2 80 AA..AE, U+2066..U+2069 = E2 81 A6..A9; each after "ab" (offset 2).
  check_found("ab\xe2\x80\xaa", false, 2, "U+202A LEFT-TO-RIGHT EMBEDDING (a bidirectional control)");
  check_found("ab\xe2\x80\xab", false, 2, "U+202B RIGHT-TO-LEFT EMBEDDING (a bidirectional control)");
  check_found("ab\xe2\x80\xac", false, 2, "U+202C POP DIRECTIONAL FORMATTING (a bidirectional control)");
  check_found("ab\xe2\x80\xad", false, 2, "U+202D LEFT-TO-RIGHT OVERRIDE (a bidirectional control)");
  check_found("ab\xe2\x80\xae", false, 2, "U+202E RIGHT-TO-LEFT OVERRIDE (a bidirectional control)");
  check_found("ab\xe2\x81\xa6", false, 2, "U+2066 LEFT-TO-RIGHT ISOLATE (a bidirectional control)");
  check_found("ab\xe2\x81\xa7", false, 2, "U+2067 RIGHT-TO-LEFT ISOLATE (a bidirectional control)");
  check_found("ab\xe2\x81\xa8", false, 2, "U+2068 FIRST STRONG ISOLATE (a bidirectional control)");
  check_found("ab\xe2\x81\xa9", false, 2, "U+2069 POP DIRECTIONAL ISOLATE (a bidirectional control)");
  // Allowing TAB changes nothing for them.
  check_found("\t\xe2\x80\xae", true, 1, "U+202E RIGHT-TO-LEFT OVERRIDE (a bidirectional control)");
}

TEST_CASE("hidden characters: the first one is reported") {
  check_found("a\xe2\x80\xae" "b\x1b", false, 1, "U+202E RIGHT-TO-LEFT OVERRIDE (a bidirectional control)");
  check_found("a\x1b" "b\xe2\x80\xae", false, 1, "ESC (U+001B, a control character)");
}

TEST_CASE("hidden characters: ordinary text and the neighbours of the refused ranges pass") {
  check_clean("");
  check_clean("Département du Val-d'Oise");
  check_clean("caf\xc3\xa9");                    // é = U+00E9 = C3 A9
  check_clean("9 000,00 \xe2\x82\xac");          // € = U+20AC = E2 82 AC
  check_clean("\xf0\x9f\x98\x80 ok");            // 😀 = U+1F600 = F0 9F 98 80
  check_clean("ab\xe2\x80\x8e" "cd");            // U+200E LEFT-TO-RIGHT MARK = E2 80 8E
  check_clean("\x20~");                          // U+0020 and U+007E, either side of DEL
  check_clean("\xc2\xa0\xc2\xa9");               // U+00A0 NO-BREAK SPACE, U+00A9 ©: after the C1 range
  check_clean("\xe2\x80\xa9\xe2\x80\xaf");       // U+2029, U+202F: either side of U+202A-U+202E
  check_clean("\xe2\x81\xa5\xe2\x81\xaa");       // U+2065, U+206A: either side of U+2066-U+2069
}

TEST_CASE("hidden characters: a truncated sequence at the end is not read past") {
  check_clean("ab\xc2"s);
  check_clean("ab\xe2\x80"s);
}

TEST_CASE("hidden characters: the message names the value, the character, its byte from 1 and the fix") {
  const HiddenChar esc{4, "ESC (U+001B, a control character)"};
  CHECK(hidden_character_message("'title'", esc) ==
        "'title' holds ESC (U+001B, a control character) at byte 5: it would reach a terminal, a PDF or a "
        "bank file unseen; remove it");
  auto found = first_hidden_character("\xe2\x80\xae" "abc", false);
  REQUIRE(found);
  CHECK(hidden_character_message("'name'", *found) ==
        "'name' holds U+202E RIGHT-TO-LEFT OVERRIDE (a bidirectional control) at byte 1: it would reach a "
        "terminal, a PDF or a bank file unseen; remove it");
}

TEST_CASE("shown_safely: hidden characters of bad input become <U+XXXX> in messages") {
  using prorata::io::shown_safely;
  CHECK(shown_safely("plain é €") == "plain é €");
  CHECK(shown_safely("a\x1b[2Jb") == "a<U+001B>[2Jb");
  CHECK(shown_safely("x\xE2\x80\xAEy") == "x<U+202E>y");      // RIGHT-TO-LEFT OVERRIDE
  CHECK(shown_safely("\xE2\x81\xA9z") == "<U+2069>z");        // POP DIRECTIONAL ISOLATE
  CHECK(shown_safely("c1\xC2\x9B!") == "c1<U+009B>!");        // CSI
  CHECK(shown_safely("tab\there") == "tab<U+0009>here");
}

namespace {

// The byte-at-a-time definition, written again here without the eight-byte fast path: where the
// first C0 control or DEL, C1 control (C2 80-9F), bidi embedding/override (E2 80 AA-AE) or isolate
// (E2 81 A6-A9) starts.
std::optional<std::size_t> first_hidden_offset(const std::string& text, bool allow_tab) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if ((b < 0x20 && !(allow_tab && b == '\t')) || b == 0x7F) return i;
    if (b == 0xC2 && i + 1 < text.size()) {
      const auto n = static_cast<unsigned char>(text[i + 1]);
      if (n >= 0x80 && n <= 0x9F) return i;
    }
    if (b == 0xE2 && i + 2 < text.size()) {
      const auto s = static_cast<unsigned char>(text[i + 1]);
      const auto t = static_cast<unsigned char>(text[i + 2]);
      if ((s == 0x80 && t >= 0xAA && t <= 0xAE) || (s == 0x81 && t >= 0xA6 && t <= 0xA9)) return i;
    }
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("hidden characters: every byte value at every place of a long line is found as byte by byte") {
  // Printable text of 1 to 40 bytes (so the eight-byte words fall everywhere), one byte of every
  // value put at every place, and the two- and three-byte sequences put across word boundaries.
  const std::string base = "2023-01-10,expense,,1200.00,F-1,travel,x";
  std::size_t found = 0;
  for (std::size_t size = 1; size <= base.size(); ++size) {
    for (std::size_t at = 0; at < size; ++at) {
      for (int value = 0; value < 256; ++value) {
        std::string text = base.substr(0, size);
        text[at] = static_cast<char>(value);
        for (bool tab : {false, true}) {
          const auto hidden = first_hidden_character(text, tab);
          const auto expected = first_hidden_offset(text, tab);
          REQUIRE(hidden.has_value() == expected.has_value());
          if (hidden) CHECK(hidden->offset == *expected);
          found += hidden.has_value();
        }
        // The whole-row check: true exactly when every byte is 0x20-0x7E (and then nothing is hidden).
        const bool printable = value >= 0x20 && value <= 0x7E;
        CHECK(prorata::io::is_printable_ascii(text) == printable);
        if (printable) CHECK(!first_hidden_character(text, false));
      }
      for (const std::string& sequence : {"\xC2\x85"s, "\xC2\xA0"s, "\xE2\x80\xAE"s, "\xE2\x81\xA7"s, "\xE2\x80\x8E"s}) {
        if (at + sequence.size() > size) continue;
        std::string text = base.substr(0, size);
        text.replace(at, sequence.size(), sequence);
        const auto hidden = first_hidden_character(text, false);
        const auto expected = first_hidden_offset(text, false);
        REQUIRE(hidden.has_value() == expected.has_value());
        if (hidden) CHECK(hidden->offset == *expected);
      }
    }
  }
  CHECK(found > 0);
}
