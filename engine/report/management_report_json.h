// The yearly management report (core/management_report.h) for programs: format "prorata-report/1".
// Keys in a fixed, documented order (README, "Yearly management report"); amounts are strings with two
// decimals ("9000.00"), dates YYYY-MM-DD, absent optional parts null. The same report always gives the
// same bytes.
#pragma once
#include <string>

#include "core/management_report.h"

namespace prorata::report {

std::string management_report_json(const ManagementReport& report);

}  // namespace prorata::report
