// Exact ratios (weights, pro-rata factors) are Boost.Multiprecision rationals: never floating point.
#pragma once
#include <boost/multiprecision/cpp_int.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace prorata {

using Ratio = boost::multiprecision::cpp_rational;
using BigInt = boost::multiprecision::cpp_int;

struct WeightParse {
  std::optional<Ratio> value;
  std::string error;
};

// A non-negative decimal read exactly: `1`, `2.5`, `0.125` (no sign, no exponent).
WeightParse parse_weight(std::string_view text);

// Shortest exact decimal text of a weight that has one (`2.5`), else `p/q`.
std::string format_ratio(const Ratio& value);

}  // namespace prorata
