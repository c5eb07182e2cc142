#include "core/ratio.h"

#include "core/limits.h"

namespace prorata {

WeightParse parse_weight(std::string_view text) {
  if (text.empty()) return {std::nullopt, "empty weight"};
  BigInt numerator = 0;
  BigInt denominator = 1;
  std::size_t digits = 0;
  bool in_fraction = false;
  bool fraction_digit_seen = false;
  for (char c : text) {
    if (c == '.' && !in_fraction && digits > 0) {
      in_fraction = true;
      continue;
    }
    if (c < '0' || c > '9') {
      return {std::nullopt, "a weight is a non-negative decimal such as 1, 2.5 or 0.125"};
    }
    if (++digits > static_cast<std::size_t>(limits::weight_digits_max)) {
      return {std::nullopt, "a weight has at most 18 digits"};
    }
    numerator = numerator * 10 + (c - '0');
    if (in_fraction) {
      denominator *= 10;
      fraction_digit_seen = true;
    }
  }
  if (in_fraction && !fraction_digit_seen) return {std::nullopt, "expected digits after the decimal point"};
  return {Ratio(numerator, denominator), {}};
}

std::string format_ratio(const Ratio& value) {
  BigInt numerator = boost::multiprecision::numerator(value);
  BigInt denominator = boost::multiprecision::denominator(value);
  // Exact decimal when the denominator is 2^a * 5^b.
  BigInt d = denominator;
  unsigned scale = 0;
  BigInt scaled = numerator;
  while (d != 1 && scale < 40) {
    if (d % 10 == 0) { d /= 10; }
    else if (d % 2 == 0) { d /= 2; scaled *= 5; }
    else if (d % 5 == 0) { d /= 5; scaled *= 2; }
    else break;
    ++scale;
  }
  if (d != 1) return numerator.str() + "/" + denominator.str();
  std::string digits = scaled.str();
  bool negative = !digits.empty() && digits[0] == '-';
  if (negative) digits.erase(0, 1);
  if (scale == 0) return (negative ? "-" : "") + digits;
  while (digits.size() <= scale) digits.insert(0, "0");
  return (negative ? "-" : "") + digits.substr(0, digits.size() - scale) + "." + digits.substr(digits.size() - scale);
}

}  // namespace prorata
