// A portfolio (core/portfolio.h) written for people (text), for programs (JSON,
// `format: prorata-portfolio/1`) and for spreadsheets (CSV: the status CSV's columns, one row per
// convention and contributor, the convention id first). Each is a pure function of the portfolio.
#pragma once
#include <string>

#include "core/portfolio.h"
#include "report/status_output.h"

namespace prorata::report {

// {"format", "as_of", "conventions": [prorata-status/1 objects, by id], "totals", "other_conventions"}
std::string portfolio_json(const PortfolioStatus& portfolio);
std::string portfolio_csv(const PortfolioStatus& portfolio, CsvDialect dialect = CsvDialect::plain);
// One row per convention and a totals row; then what needs attention; then the other conventions.
std::string portfolio_text(const PortfolioStatus& portfolio);

}  // namespace prorata::report
