// The seed convention's management reports, built from the real files (rules/dinum-preincubation-2020.yaml
// and fixtures/seed/journal.csv) as the CLI reads them: for the report renderer tests (text, JSON, PDF).
#pragma once
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/journal.h"
#include "core/management_report.h"
#include "io/journal_csv.h"
#include "io/rules_yaml.h"

namespace prorata::samples {

// `year`'s reports of the convention in `rules_path` and `journal_path` (under the source tree), dated
// `issued` (YYYY-MM-DD), one per contributor sorted by id.
inline std::vector<ManagementReport> reports_of(const std::string& rules_path, const std::string& journal_path,
                                                std::int32_t year, const char* issued) {
  Diagnostics diagnostics;
  const auto rules = io::load_rules_file(std::string(PRORATA_SOURCE_DIR "/") + rules_path, diagnostics);
  REQUIRE(rules.has_value());
  JournalBuilder builder(*rules);
  REQUIRE(io::load_journal_file(std::string(PRORATA_SOURCE_DIR "/") + journal_path, *rules, builder, diagnostics));
  REQUIRE(diagnostics.empty());
  const auto day = parse_date(issued);
  REQUIRE(day.value.has_value());
  return build_management_reports(*rules, builder.facts(), year, *day.value);
}

inline std::vector<ManagementReport> seed_reports(std::int32_t year, const char* issued) {
  return reports_of("rules/dinum-preincubation-2020.yaml", "fixtures/seed/journal.csv", year, issued);
}

// "9 000,00" -> "9 000,00 €" as the documents print it: U+202F between thousands, U+00A0 before €.
inline std::string euros(const std::string& plain) {
  std::string out;
  for (char c : plain) out += c == ' ' ? std::string("\u202F") : std::string(1, c);
  return out + "\u00A0€";
}

}  // namespace prorata::samples
