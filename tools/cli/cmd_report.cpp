// `prorata report`: each contributor's yearly management report (compte rendu de gestion, décret
// n° 2007-44, art. 6). Previews only for now: marked PROJET, unnumbered, named
// PROJET-CRG-YYYY-<contributor>.{pdf,txt,json}; issuing them (a number from the register) comes with the
// register. Like `documents`: everything is rendered in memory, every target checked, then each file
// written atomically; bad input writes nothing, and --out is created only when there is a file to write.
#include <cstdio>
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "commands.h"
#include "issuing.h"
#include "core/assert.h"
#include "core/management_report.h"
#include "pdf/management_report_pdf.h"
#include "report/document_text.h"
#include "report/management_report_json.h"
#include "report/management_report_text.h"

namespace prorata::cli {

namespace {

// The report series' prefix (issue 9: a rules setting `report_prefix`, default CRG, once the register
// numbers reports; a preview only uses it in its file name).
constexpr const char* report_prefix = "CRG";

std::optional<std::int32_t> parse_year_or_report(const std::string& text) {
  std::int32_t year = 0;
  const char* end = text.data() + text.size();
  const auto [rest, error] = std::from_chars(text.data(), end, year);
  if (text.size() != 4 || error != std::errc{} || rest != end || year < report_year_min || year > report_year_max) {
    std::fprintf(stderr, "--year: error: bad year '%s': expected four digits, such as 2020\n", text.c_str());
    return std::nullopt;
  }
  return year;
}

// A year is reported once it has ended: the report is dated on or after its 31 December.
bool check_as_of_after_year(Date as_of, std::int32_t year) {
  if (as_of >= year_end(year)) return true;
  std::fprintf(stderr,
               "--as-of: error: %s is before the end of %d: a management report covers a whole year "
               "(use --as-of %d-12-31 or later)\n",
               format_date(as_of).c_str(), year, year);
  return false;
}

std::vector<OutputFile> render_all(const std::vector<ManagementReport>& reports, const std::vector<std::string>& formats) {
  std::vector<OutputFile> files;
  for (const ManagementReport& report : reports) {
    PRORATA_ASSERT(report.mark == DocumentMark::preview);  // the CLI only previews until the register lands
    const std::string stem = std::string(report::preview_mark_fr) + "-" + report_prefix + "-" +
                             std::to_string(report.year) + "-" + report.contributor_id;
    // The report's date, never the clock: a re-run gives the same bytes.
    const report::PdfOptions pdf_options{report.issued};
    for (const auto& format : formats) {
      if (format == "txt") files.push_back({stem + ".txt", report::management_report_text(report)});
      if (format == "json") files.push_back({stem + ".json", report::management_report_json(report)});
      if (format == "pdf") files.push_back({stem + ".pdf", report::management_report_pdf(report, pdf_options)});
    }
  }
  return files;
}

}  // namespace

int run_report(const ReportOptions& options) {
  const auto year = parse_year_or_report(options.year);
  if (!year) return exit_bad_input;
  const auto as_of = parse_as_of_or_report(options.as_of);
  if (!as_of) return exit_bad_input;
  if (!check_as_of_after_year(*as_of, *year)) return exit_bad_input;
  auto rules = load_rules_or_report(options.rules_path);
  if (!rules) return exit_bad_input;
  auto facts = load_journal_or_report(options.journal_path, *rules);
  if (!facts) return exit_bad_input;

  const std::vector<ManagementReport> reports = build_management_reports(*rules, *facts, *year, *as_of);
  const std::vector<OutputFile> files = render_all(reports, distinct_formats(options.formats));
  std::string listing;
  for (const ManagementReport& report : reports) {
    const SettlementOutlook& s = report.settlement;
    const std::string outlook = s.refund_due > Money{}   ? "à restituer " + format_amount_fr(s.refund_due)
                                : s.amount_due > Money{} ? "montant dû " + format_amount_fr(s.amount_due)
                                                         : "soldé";
    listing += std::string(report::preview_mark_fr) + "  compte rendu de gestion " + std::to_string(report.year) +
               "  " + report.contributor.name + "  " + outlook + (s.provisional ? " (provisoire)" : "") + "\n";
  }
  if (files.empty()) return write_stdout(listing + "no report written: the convention has no contributor on 31 December\n");
  std::size_t written = 0;
  if (const int status = write_outputs(options.out_dir, files, false, options.journal_path, "", "", written);
      status != exit_ok) {
    return status;
  }
  listing += std::to_string(written) + (written == 1 ? " file" : " files") + " written to " +
             options.out_dir + "\n";
  return write_stdout(listing);
}

}  // namespace prorata::cli
