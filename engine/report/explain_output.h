// An Explanation (core/explain.h) for programs (JSON, `format: prorata-explain/1`: every line cited,
// exact fractions as "N/D" strings of cents in lowest terms, amounts as "9000.00" strings) and for
// people (text: long lists shortened to their first lines and a count with the total).
#pragma once
#include <string>

#include "core/explain.h"

namespace prorata::report {

std::string explain_json(const Explanation& explanation);
std::string explain_text(const Explanation& explanation, const std::string& title);

}  // namespace prorata::report
