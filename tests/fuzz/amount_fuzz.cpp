// Fuzzes the exact number parsers against independent oracles: parse_amount accepts exactly
// `-?DIGITS(.D|.DD)?` up to limits::amount_cents_max and format_amount gives back the canonical text;
// parse_weight accepts exactly `DIGITS(.DIGITS)?` (18 digits at most) and format_ratio round-trips.
// French renderings (digits and words) must not crash on any accepted amount.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/amount_words.h"
#include "core/limits.h"
#include "core/money.h"
#include "core/ratio.h"
#include "fuzz_check.h"

namespace {

using prorata::fuzz::as_text;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The canonical form of a well-formed amount (`-007.5` -> `-7.50`, `-0` -> `0.00`), or "" when the text
// is not `-?DIGITS(.D|.DD)?`. Also says whether the magnitude is within the limit.
struct Canonical {
  std::string text;
  bool within_limit = false;
};

Canonical canonical_amount(std::string_view text) {
  std::size_t at = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) at = 1;
  const std::size_t units_begin = at;
  while (at < text.size() && is_digit(text[at])) ++at;
  std::string_view units = text.substr(units_begin, at - units_begin);
  if (units.empty()) return {};
  std::string fraction;
  if (at < text.size() && text[at] == '.') {
    ++at;
    while (at < text.size() && is_digit(text[at])) fraction += text[at++];
    if (fraction.empty() || fraction.size() > 2) return {};
  }
  if (at != text.size()) return {};
  while (units.size() > 1 && units[0] == '0') units.remove_prefix(1);
  while (fraction.size() < 2) fraction += '0';
  const bool zero = units == "0" && fraction == "00";
  // 999999999999.99 is the largest: 12 unit digits at most, compared as text of equal length.
  const bool within_limit = units.size() < 12 || (units.size() == 12 && std::string(units) + fraction <= "99999999999999");
  return {(negative && !zero ? "-" : "") + std::string(units) + "." + fraction, within_limit};
}

void check_amount(std::string_view text) {
  const prorata::AmountParse parsed = prorata::parse_amount(text);
  const Canonical canonical = canonical_amount(text);
  FUZZ_CHECK(parsed.value.has_value() == (!canonical.text.empty() && canonical.within_limit));
  if (!parsed.value) {
    FUZZ_CHECK(!parsed.error.empty());
    return;
  }
  const prorata::Money amount = *parsed.value;
  FUZZ_CHECK(amount.cents <= prorata::limits::amount_cents_max);
  FUZZ_CHECK(amount.cents >= -prorata::limits::amount_cents_max);
  const std::string formatted = prorata::format_amount(amount);
  FUZZ_CHECK(formatted == canonical.text);
  const prorata::AmountParse again = prorata::parse_amount(formatted);
  FUZZ_CHECK(again.value && *again.value == amount);
  FUZZ_CHECK(!prorata::format_amount_fr(amount).empty());
  const prorata::Money magnitude = amount.cents < 0 ? -amount : amount;  // words take no sign
  FUZZ_CHECK(!prorata::amount_in_words_fr(magnitude).empty());
  FUZZ_CHECK(!prorata::amount_in_words_fr(magnitude, prorata::Spelling::reform1990).empty());
  FUZZ_CHECK(prorata::decimal_in_words_fr(std::string(text)).has_value() == (text.find('.') == std::string_view::npos));
}

bool is_weight_text(std::string_view text) {
  std::size_t digits = 0;
  std::size_t at = 0;
  while (at < text.size() && is_digit(text[at])) ++at, ++digits;
  if (at == 0) return false;
  if (at < text.size() && text[at] == '.') {
    const std::size_t fraction_begin = ++at;
    while (at < text.size() && is_digit(text[at])) ++at, ++digits;
    if (at == fraction_begin) return false;
  }
  return at == text.size() && digits <= static_cast<std::size_t>(prorata::limits::weight_digits_max);
}

void check_weight(std::string_view text) {
  const prorata::WeightParse parsed = prorata::parse_weight(text);
  FUZZ_CHECK(parsed.value.has_value() == is_weight_text(text));
  if (!parsed.value) {
    FUZZ_CHECK(!parsed.error.empty());
    return;
  }
  FUZZ_CHECK(*parsed.value >= 0);
  const std::string formatted = prorata::format_ratio(*parsed.value);
  const prorata::WeightParse again = prorata::parse_weight(formatted);  // a decimal always: 10^k denominators
  FUZZ_CHECK(again.value && *again.value == *parsed.value);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) { return 0; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 256) return 0;  // amounts are short: long inputs only slow the search down
  const std::string_view text = as_text(data, size);
  check_amount(text);
  check_weight(text);
  return 0;
}
