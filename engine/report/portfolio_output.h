// A portfolio (core/portfolio.h) written for people (text), for programs (JSON,
// `format: prorata-portfolio/1`) and for spreadsheets (CSV: the status CSV's columns, one row per
// convention and contributor, the convention id first). Each is a pure function of the portfolio.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "core/portfolio.h"
#include "report/status_output.h"

namespace prorata::report {

// {"format", "as_of", "conventions": [prorata-status/1 objects, by id], "totals", "other_conventions"}
std::string portfolio_json(const PortfolioStatus& portfolio);
// The same bytes, handed to `write` in pieces of about 64 KiB as they are made: a thousand conventions'
// JSON is 3 MB, which held whole (and grown by doubling) raised a portfolio run's peak memory.
void write_portfolio_json(const PortfolioStatus& portfolio, const std::function<void(std::string_view)>& write);
std::string portfolio_csv(const PortfolioStatus& portfolio, CsvDialect dialect = CsvDialect::plain);
// One row per convention and a totals row; then what needs attention; then the other conventions.
std::string portfolio_text(const PortfolioStatus& portfolio);

}  // namespace prorata::report
