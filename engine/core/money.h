// Money is an exact integer number of cents of EUR (the only currency for now). No conversion from or
// to floating point exists; text goes through parse_amount / format_amount only.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace prorata {

struct Money {
  std::int64_t cents = 0;

  static constexpr Money from_cents(std::int64_t value) { return Money{value}; }
  friend constexpr auto operator<=>(Money, Money) = default;
};

// Thrown by the operators below when a sum leaves the int64 range: an overflow is an error, never a
// wrap. Loaders use the checked_* forms and turn a failure into a diagnostic at the offending line.
class MoneyOverflow : public std::overflow_error {
 public:
  MoneyOverflow() : std::overflow_error("amount out of range (sum exceeds the checked 64-bit range)") {}
};

[[nodiscard]] std::optional<Money> checked_add(Money a, Money b);
[[nodiscard]] std::optional<Money> checked_sub(Money a, Money b);
Money operator+(Money a, Money b);
Money operator-(Money a, Money b);
Money operator-(Money a);
Money& operator+=(Money& a, Money b);
Money& operator-=(Money& a, Money b);
inline constexpr Money max(Money a, Money b) { return a < b ? b : a; }
inline constexpr Money min(Money a, Money b) { return a < b ? a : b; }

struct AmountParse {
  std::optional<Money> value;
  std::string error;  // why the text is not an amount, when value is empty
};

// `-?DIGITS(.D|.DD)?`: `9000`, `9000.5`, `9000.00`, `-12.30`. Refuses three decimals, spaces, exponents,
// a leading `+`, an empty string, and magnitudes above limits::amount_cents_max.
AmountParse parse_amount(std::string_view text);

// `9000.00`, `-0.05`: what JSON and CSV outputs carry.
std::string format_amount(Money amount);

// `9 000,00 €` with the given thousands separator (a plain space by default; documents pass U+202F).
std::string format_amount_fr(Money amount, std::string_view thousands_separator = " ",
                             std::string_view before_currency = " ");

}  // namespace prorata
