// The status JSON as a value, for outputs that hold several (the portfolio): the same keys in the same
// order as status_json, which is this value dumped with an indent of 2.
#pragma once
#include <nlohmann/json.hpp>

#include "core/evaluate.h"

namespace prorata::report {

nlohmann::ordered_json status_json_value(const Status& status);
nlohmann::ordered_json totals_json_value(const Totals& totals);

}  // namespace prorata::report
