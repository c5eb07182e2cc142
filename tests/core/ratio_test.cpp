// Ratio: weights read exactly as rationals, printed as exact decimals or p/q (tests engine/core/ratio.h).
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>

#include "core/ratio.h"

using prorata::BigInt;
using prorata::Ratio;

namespace {

Ratio weight_of(const char* text) {
  auto parsed = prorata::parse_weight(text);
  REQUIRE_MESSAGE(parsed.value.has_value(), text, ": ", parsed.error);
  CHECK(parsed.error.empty());
  return *parsed.value;
}

void check_refused(const char* text) {
  auto parsed = prorata::parse_weight(text);
  CHECK_MESSAGE(!parsed.value.has_value(), "accepted '", text, "'");
  CHECK_MESSAGE(!parsed.error.empty(), "no reason given for '", text, "'");
}

}  // namespace

TEST_CASE("parse_weight reads non-negative decimals exactly") {
  CHECK(weight_of("2.5") == Ratio(5, 2));
  CHECK(weight_of("0.125") == Ratio(1, 8));
  CHECK(weight_of("1") == Ratio(1));
  CHECK(weight_of("0") == Ratio(0));
  CHECK(weight_of("0.0") == Ratio(0));
  CHECK(weight_of("2.50") == Ratio(5, 2));
  CHECK(weight_of("007") == Ratio(7));
  CHECK(weight_of("0.1") == Ratio(1, 10));  // exactly a tenth, which no binary float can hold
  CHECK(weight_of("3.333") == Ratio(3333, 1000));
  CHECK(weight_of("9000.00") == Ratio(9000));
  // 18 digits is the limit (limits::weight_digits_max), fraction digits included.
  CHECK(weight_of("123456789012345678") == Ratio(BigInt("123456789012345678")));
  CHECK(weight_of("1234567890.12345678") == Ratio(BigInt("123456789012345678"), BigInt("100000000")));
  CHECK(weight_of("0.00000000000000001") == Ratio(1, BigInt("100000000000000000")));
}

TEST_CASE("parse_weight refuses signs, exponents, separators and too many digits") {
  check_refused("");
  check_refused("-1");
  check_refused("-0.5");
  check_refused("+1");
  check_refused(".5");
  check_refused("5.");
  check_refused("1.2.3");
  check_refused("1e3");
  check_refused("1,5");
  check_refused(" 1");
  check_refused("1 ");
  check_refused("1/2");
  check_refused("one");
  check_refused("1234567890123456789");     // 19 digits
  check_refused("0.123456789012345678");    // 19 digits with the leading 0
  CHECK(prorata::parse_weight("1234567890123456789").error.find("18 digits") != std::string::npos);
}

TEST_CASE("format_ratio prints the shortest exact decimal, else p/q") {
  CHECK(prorata::format_ratio(Ratio(5, 2)) == "2.5");
  CHECK(prorata::format_ratio(Ratio(1, 8)) == "0.125");
  CHECK(prorata::format_ratio(Ratio(3)) == "3");
  CHECK(prorata::format_ratio(Ratio(0)) == "0");
  CHECK(prorata::format_ratio(Ratio(-5, 2)) == "-2.5");
  CHECK(prorata::format_ratio(Ratio(1, 40)) == "0.025");    // 40 = 2^3 * 5
  CHECK(prorata::format_ratio(Ratio(7, 20)) == "0.35");
  CHECK(prorata::format_ratio(Ratio(1, 1024)) == "0.0009765625");
  CHECK(prorata::format_ratio(Ratio(1, 3)) == "1/3");
  CHECK(prorata::format_ratio(Ratio(2, 6)) == "1/3");        // kept in lowest terms
  CHECK(prorata::format_ratio(Ratio(-7, 15)) == "-7/15");   // 15 = 3 * 5 has no finite decimal
  CHECK(prorata::format_ratio(Ratio(10, 1)) == "10");
}

TEST_CASE("parse_weight and format_ratio round-trip") {
  for (const char* text : {"2.5", "0.125", "1", "0", "3.333", "0.001", "12345678.9"}) {
    CHECK(prorata::format_ratio(weight_of(text)) == text);
  }
  CHECK(prorata::format_ratio(weight_of("2.50")) == "2.5");  // trailing zeros are not kept
  CHECK(prorata::format_ratio(weight_of("0.0")) == "0");

  // Generated decimals: value = units + digits / 10^scale, written with `scale` decimals.
  std::mt19937_64 rng(125);
  std::uniform_int_distribution<std::uint64_t> units_of(0, 99'999);
  std::uniform_int_distribution<int> scale_of(0, 6);
  for (int n = 0; n < 1000; ++n) {
    const std::uint64_t units = units_of(rng);
    const int scale = scale_of(rng);
    std::string text = std::to_string(units);
    BigInt numerator = units;
    BigInt denominator = 1;
    if (scale > 0) {
      text += '.';
      for (int k = 0; k < scale; ++k) {
        const std::uint64_t digit = rng() % 10;
        text += static_cast<char>('0' + static_cast<int>(digit));
        numerator = numerator * 10 + digit;
        denominator *= 10;
      }
    }
    const Ratio expected(numerator, denominator);
    auto parsed = prorata::parse_weight(text);
    REQUIRE_MESSAGE(parsed.value.has_value(), text);
    CHECK_MESSAGE(*parsed.value == expected, text);
    auto again = prorata::parse_weight(prorata::format_ratio(*parsed.value));
    REQUIRE(again.value.has_value());
    CHECK_MESSAGE(*again.value == expected, text);
  }
}
