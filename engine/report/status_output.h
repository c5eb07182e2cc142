// A Status written for people (text), for programs (JSON, `format: prorata-status/1`) and for
// spreadsheets (CSV, one row per contributor). Each output is a pure function of the Status.
#pragma once
#include <string>

#include "core/evaluate.h"

namespace prorata::report {

std::string status_json(const Status& status);  // amounts as "9000.00" strings, contributors by id
std::string status_csv(const Status& status);   // header + one row per contributor, amounts as 9000.00
std::string status_text(const Status& status);  // French amounts (9 000,00 €) in an aligned table

}  // namespace prorata::report
