#include "core/money.h"

#include <optional>

#include "core/limits.h"

namespace prorata {

std::optional<Money> checked_add(Money a, Money b) {
  std::int64_t out = 0;
  if (__builtin_add_overflow(a.cents, b.cents, &out)) return std::nullopt;
  return Money{out};
}

std::optional<Money> checked_sub(Money a, Money b) {
  std::int64_t out = 0;
  if (__builtin_sub_overflow(a.cents, b.cents, &out)) return std::nullopt;
  return Money{out};
}

Money operator+(Money a, Money b) {
  auto sum = checked_add(a, b);
  if (!sum) throw MoneyOverflow();
  return *sum;
}

Money operator-(Money a, Money b) {
  auto difference = checked_sub(a, b);
  if (!difference) throw MoneyOverflow();
  return *difference;
}

Money operator-(Money a) { return Money{} - a; }
Money& operator+=(Money& a, Money b) { return a = a + b; }
Money& operator-=(Money& a, Money b) { return a = a - b; }

namespace {

// The commonest form, -?D{1,12}.DD (every amount prorata writes, most of a journal's), read in one
// pass: the cents, or nullopt for any other text, which the general reading below then takes.
std::optional<std::int64_t> two_decimals_cents(std::string_view text) {
  const std::size_t sign = !text.empty() && text[0] == '-' ? 1 : 0;
  const std::size_t digits = text.size() - sign;
  if (digits < 4 || digits > 15 || text[text.size() - 3] != '.') return std::nullopt;
  std::uint64_t cents = 0;  // unsigned: wraps harmlessly on a non-digit, whose result is dropped
  bool all_digits = true;
  for (std::size_t at = sign; at < text.size(); ++at) {
    if (at == text.size() - 3) continue;  // the point
    const std::uint64_t digit = static_cast<unsigned char>(text[at]) - std::uint64_t{'0'};
    all_digits &= digit < 10;
    cents = cents * 10 + digit;
  }
  if (!all_digits) return std::nullopt;
  static_assert(limits::amount_cents_max == 99'999'999'999'999, "12 digits and 2 decimals are always within");
  const auto value = static_cast<std::int64_t>(cents);  // at most 14 digits
  return sign == 1 ? -value : value;
}

}  // namespace

AmountParse parse_amount(std::string_view text) {
  if (const std::optional<std::int64_t> cents = two_decimals_cents(text)) return {Money{*cents}, {}};
  if (text.empty()) return {std::nullopt, "empty amount"};
  std::size_t at = 0;
  bool negative = false;
  if (text[0] == '-') {
    negative = true;
    at = 1;
  }
  std::int64_t units = 0;
  std::size_t unit_digits = 0;
  bool too_large = false;
  for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at) {
    ++unit_digits;
    if (units > limits::amount_cents_max / 10) too_large = true;
    if (!too_large) units = units * 10 + (text[at] - '0');
  }
  if (unit_digits == 0) return {std::nullopt, "expected digits, as in 9000.00"};
  std::int64_t fraction = 0;
  if (at < text.size() && text[at] == '.') {
    ++at;
    std::size_t fraction_digits = 0;
    for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at) {
      ++fraction_digits;
      if (fraction_digits <= 2) fraction = fraction * 10 + (text[at] - '0');
    }
    if (fraction_digits == 0) return {std::nullopt, "expected 1 or 2 digits after the decimal point"};
    if (fraction_digits > 2) return {std::nullopt, "more than 2 decimals (amounts are in cents)"};
    if (fraction_digits == 1) fraction *= 10;
  }
  if (at != text.size()) {
    const auto byte = static_cast<unsigned char>(text[at]);
    std::string shown(1, text[at]);
    if (byte < 0x20 || byte >= 0x7F) {  // not printable ASCII: show the byte, never half a character
      const char* hex = "0123456789ABCDEF";
      shown = std::string("byte 0x") + hex[byte >> 4] + hex[byte & 0xFu];
    } else {
      shown = "character '" + shown + "'";
    }
    return {std::nullopt, "unexpected " + shown + " (write amounts as 9000.00: no spaces, no comma, no exponent)"};
  }
  if (too_large || units > (limits::amount_cents_max - fraction) / 100) {
    return {std::nullopt, "amount too large (the limit is 999999999999.99)"};
  }
  std::int64_t cents = units * 100 + fraction;
  return {Money{negative ? -cents : cents}, {}};
}

namespace {
// |amount| as an unsigned value: safe for INT64_MIN too.
std::uint64_t magnitude(Money amount) {
  return amount.cents < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(amount.cents)
                          : static_cast<std::uint64_t>(amount.cents);
}
}  // namespace

std::string format_amount(Money amount) {
  std::uint64_t m = magnitude(amount);
  std::string cents = std::to_string(m % 100);
  if (cents.size() < 2) cents.insert(0, "0");
  return (amount.cents < 0 ? "-" : "") + std::to_string(m / 100) + "." + cents;
}

std::string format_amount_fr(Money amount, std::string_view thousands_separator,
                             std::string_view before_currency) {
  std::uint64_t m = magnitude(amount);
  std::string digits = std::to_string(m / 100);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) grouped += thousands_separator;
    grouped += digits[i];
  }
  std::string cents = std::to_string(m % 100);
  if (cents.size() < 2) cents.insert(0, "0");
  return (amount.cents < 0 ? "-" : "") + grouped + "," + cents + std::string(before_currency) + "€";
}

}  // namespace prorata
