// Money: exact cents, strict amount text, checked sums (tests engine/core/money.h).
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string>

#include "core/limits.h"
#include "core/money.h"

using prorata::Money;

namespace {

// The cents of a valid amount, or a sentinel that no test expects when the text is refused.
std::int64_t cents_of(const char* text) {
  auto parsed = prorata::parse_amount(text);
  REQUIRE_MESSAGE(parsed.value.has_value(), text, ": ", parsed.error);
  CHECK(parsed.error.empty());
  return parsed.value->cents;
}

void check_refused(const char* text) {
  auto parsed = prorata::parse_amount(text);
  CHECK_MESSAGE(!parsed.value.has_value(), "accepted '", text, "'");
  CHECK_MESSAGE(!parsed.error.empty(), "no reason given for '", text, "'");
}

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

}  // namespace

TEST_CASE("parse_amount reads -?DIGITS(.D|.DD)? exactly") {
  CHECK(cents_of("9000") == 900000);
  CHECK(cents_of("9000.5") == 900050);   // one decimal means tenths: .5 = 50 cents
  CHECK(cents_of("9000.00") == 900000);
  CHECK(cents_of("9000.05") == 900005);
  CHECK(cents_of("-12.30") == -1230);
  CHECK(cents_of("-12.3") == -1230);
  CHECK(cents_of("0") == 0);
  CHECK(cents_of("-0") == 0);
  CHECK(cents_of("0.01") == 1);
  CHECK(cents_of("-0.01") == -1);
  CHECK(cents_of("007.50") == 750);  // leading zeros are still DIGITS
  CHECK(cents_of("45000.01") == 4500001);
}

TEST_CASE("parse_amount: 300,000 random texts against a grammar read by hand and integer arithmetic") {
  // -?DIGITS(.D|.DD)? within 999999999999.99, matched character class by character class and
  // summed with std::stoll: nothing shared with the reader (whose commonest form, -?D{1,12}.DD, has
  // a path of its own). No std::regex: GCC 12 with the sanitizers warns inside <regex> (-Werror).
  const auto expected = [](const std::string& text) -> std::optional<std::int64_t> {
    const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    const bool negative = !text.empty() && text[0] == '-';
    const std::size_t units_begin = negative ? 1 : 0;
    const std::size_t point = text.find('.');
    const std::size_t units_end = point == std::string::npos ? text.size() : point;
    if (units_end <= units_begin) return std::nullopt;  // no digit before the point
    std::string units = text.substr(units_begin, units_end - units_begin);
    std::string decimals = point == std::string::npos ? "" : text.substr(point + 1);
    if (point != std::string::npos && (decimals.empty() || decimals.size() > 2)) return std::nullopt;
    for (char c : units) if (!is_digit(c)) return std::nullopt;
    for (char c : decimals) if (!is_digit(c)) return std::nullopt;
    units.erase(0, std::min(units.find_first_not_of('0'), units.size() - 1));  // leading zeros
    if (units.size() > 12) return std::nullopt;
    decimals.resize(2, '0');
    const std::int64_t cents = std::stoll(units) * 100 + std::stoll(decimals);
    return negative ? -cents : cents;
  };
  std::mt19937_64 random(20261204);
  const std::string alphabet = "0123456789999.-+ e,";
  for (int round = 0; round < 300'000; ++round) {
    std::string text(random() % 19, '0');
    for (char& c : text) c = alphabet[random() % (random() % 4 == 0 ? alphabet.size() : 11)];
    if (random() % 3 == 0 && text.size() >= 4) text[text.size() - 3] = '.';  // the commonest form, often
    const prorata::AmountParse parsed = prorata::parse_amount(text);
    const std::optional<std::int64_t> want = expected(text);
    INFO("text: '", text, "'");
    REQUIRE(parsed.value.has_value() == want.has_value());
    if (want) REQUIRE(parsed.value->cents == *want);
    if (!want) REQUIRE(!parsed.error.empty());
  }
}

TEST_CASE("parse_amount accepts the largest magnitude and refuses one cent more") {
  // limits::amount_cents_max = 99 999 999 999 999 cents = 999 999 999 999.99 EUR.
  CHECK(cents_of("999999999999.99") == prorata::limits::amount_cents_max);
  CHECK(cents_of("-999999999999.99") == -prorata::limits::amount_cents_max);
  CHECK(cents_of("999999999999") == prorata::limits::amount_cents_max - 99);
  check_refused("1000000000000");
  check_refused("1000000000000.00");
  check_refused("-1000000000000");
  check_refused("999999999999.991");  // three decimals too
  check_refused("99999999999999999999999999");  // far past int64: refused, not wrapped
  check_refused("-99999999999999999999999999.99");
  CHECK(prorata::parse_amount("1000000000000").error.find("too large") != std::string::npos);
}

TEST_CASE("parse_amount refuses every malformed text") {
  check_refused("");
  check_refused("9000.001");  // three decimals: no rounding rule is named
  check_refused("0.125");
  check_refused("9 000");
  check_refused("9 000,00");
  check_refused("12,50");
  check_refused("9e3");
  check_refused("9E3");
  check_refused("+5");
  check_refused(".5");
  check_refused("-.5");
  check_refused("5.");
  check_refused("-5.");
  check_refused("-");
  check_refused("--5");
  check_refused("5-");
  check_refused(" 5");
  check_refused("5 ");
  check_refused("5.0.0");
  check_refused("0x10");
  check_refused("9000.0a");
  check_refused("EUR 5");
  CHECK(prorata::parse_amount("").error == "empty amount");
}

TEST_CASE("format_amount writes DIGITS.DD and round-trips through parse_amount") {
  CHECK(prorata::format_amount(Money::from_cents(900000)) == "9000.00");
  CHECK(prorata::format_amount(Money::from_cents(5)) == "0.05");
  CHECK(prorata::format_amount(Money::from_cents(-5)) == "-0.05");
  CHECK(prorata::format_amount(Money::from_cents(-100)) == "-1.00");
  CHECK(prorata::format_amount(Money::from_cents(0)) == "0.00");
  CHECK(prorata::format_amount(Money::from_cents(4500001)) == "45000.01");
  // The extremes of int64 print without overflow (|INT64_MIN| does not fit in int64).
  CHECK(prorata::format_amount(Money::from_cents(int64_max)) == "92233720368547758.07");
  CHECK(prorata::format_amount(Money::from_cents(int64_min)) == "-92233720368547758.08");

  for (const char* text : {"9000.00", "0.01", "-0.99", "123.40", "999999999999.99", "-999999999999.99"}) {
    CHECK(prorata::format_amount(Money::from_cents(cents_of(text))) == text);
  }
  CHECK(prorata::format_amount(Money::from_cents(cents_of("9000.5"))) == "9000.50");

  std::mt19937_64 rng(20200721);
  std::uniform_int_distribution<std::int64_t> any_amount(-prorata::limits::amount_cents_max,
                                                         prorata::limits::amount_cents_max);
  for (int n = 0; n < 2000; ++n) {
    const Money amount = Money::from_cents(any_amount(rng));
    const std::string text = prorata::format_amount(amount);
    auto parsed = prorata::parse_amount(text);
    REQUIRE(parsed.value.has_value());
    CHECK(*parsed.value == amount);
  }
}

TEST_CASE("format_amount_fr groups thousands and uses a decimal comma") {
  CHECK(prorata::format_amount_fr(Money::from_cents(900000)) == "9 000,00 €");
  CHECK(prorata::format_amount_fr(Money::from_cents(99999)) == "999,99 €");
  CHECK(prorata::format_amount_fr(Money::from_cents(100000)) == "1 000,00 €");
  CHECK(prorata::format_amount_fr(Money::from_cents(0)) == "0,00 €");
  CHECK(prorata::format_amount_fr(Money::from_cents(-123456789)) == "-1 234 567,89 €");
  CHECK(prorata::format_amount_fr(Money::from_cents(4500000), "\u202f", "\u202f") == "45\u202f000,00\u202f€");
  CHECK(prorata::format_amount_fr(Money::from_cents(prorata::limits::amount_cents_max)) ==
        "999 999 999 999,99 €");
}

TEST_CASE("checked_add and checked_sub return nullopt on overflow, never a wrap") {
  const Money top = Money::from_cents(int64_max);
  const Money bottom = Money::from_cents(int64_min);
  const Money one = Money::from_cents(1);
  CHECK(!prorata::checked_add(top, one).has_value());
  CHECK(!prorata::checked_add(bottom, Money::from_cents(-1)).has_value());
  CHECK(!prorata::checked_sub(bottom, one).has_value());
  CHECK(!prorata::checked_sub(top, Money::from_cents(-1)).has_value());
  CHECK(!prorata::checked_sub(Money{}, bottom).has_value());
  REQUIRE(prorata::checked_add(top, Money::from_cents(-1)).has_value());
  CHECK(prorata::checked_add(top, Money::from_cents(-1))->cents == int64_max - 1);
  CHECK(prorata::checked_add(top, bottom)->cents == -1);
  CHECK(prorata::checked_sub(bottom, bottom)->cents == 0);
  // A thousand maximal amounts still add up (the headroom limits.h promises).
  Money sum{};
  for (int n = 0; n < 1000; ++n) {
    auto next = prorata::checked_add(sum, Money::from_cents(prorata::limits::amount_cents_max));
    REQUIRE(next.has_value());
    sum = *next;
  }
  CHECK(sum.cents == prorata::limits::amount_cents_max * 1000);
}

TEST_CASE("the operators throw MoneyOverflow where checked_* fails") {
  const Money top = Money::from_cents(int64_max);
  const Money bottom = Money::from_cents(int64_min);
  const Money one = Money::from_cents(1);
  CHECK_THROWS_AS(static_cast<void>(top + one), prorata::MoneyOverflow);
  CHECK_THROWS_AS(static_cast<void>(bottom - one), prorata::MoneyOverflow);
  CHECK_THROWS_AS(static_cast<void>(-bottom), prorata::MoneyOverflow);
  Money accumulator = top;
  CHECK_THROWS_AS(accumulator += one, prorata::MoneyOverflow);
  CHECK(accumulator == top);  // a failed += leaves the value as it was
  accumulator = bottom;
  CHECK_THROWS_AS(accumulator -= one, prorata::MoneyOverflow);
  CHECK(accumulator == bottom);

  CHECK((Money::from_cents(250) + Money::from_cents(-300)).cents == -50);
  CHECK((Money::from_cents(250) - Money::from_cents(300)).cents == -50);
  CHECK((-Money::from_cents(250)).cents == -250);
  CHECK((-top).cents == -int64_max);
  Money running = Money::from_cents(100);
  running += Money::from_cents(23);
  running -= Money::from_cents(3);
  CHECK(running.cents == 120);
}

TEST_CASE("Money compares by cents; min and max") {
  const Money a = Money::from_cents(-1);
  const Money b = Money::from_cents(2);
  CHECK(a < b);
  CHECK(b > a);
  CHECK(a != b);
  CHECK(Money::from_cents(2) == b);
  CHECK(prorata::max(a, b) == b);
  CHECK(prorata::min(a, b) == a);
  CHECK(prorata::max(a, Money{}) == Money{});
  CHECK(Money{}.cents == 0);
}
