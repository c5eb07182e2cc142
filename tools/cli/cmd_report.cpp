// `prorata report`: each contributor's yearly management report (compte rendu de gestion, décret
// n° 2007-44, art. 6), dated on the as-of date, with the figures of 31 December. Without --issue, a
// preview: marked PROJET, unnumbered, named PROJET-<report_prefix>-YYYY-<contributor>.*, nothing
// recorded. With --issue, each report not yet issued for the year is numbered in the report series
// (CRG-YYYY-NNNN, YYYY the year of its date) and recorded in the journal's register (`issued` line,
// memo "sha256:… year=YYYY"), as `documents --issue` does. Reports issued before are rebuilt as of
// their date: unchanged, their missing files are written again byte for byte; changed, a warning, and
// --issue issues a corrective report (next number, citing the one it restates). Everything is built in
// memory and every target checked before the journal or any file is written.
#include <cstdio>
#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "commands.h"
#include "core/document_plan.h"
#include "core/management_report.h"
#include "digest.h"
#include "issued_document.h"
#include "issuing.h"
#include "report/management_report_text.h"

namespace prorata::cli {

namespace {

// What the listing says of a report's settlement outlook.
std::string outlook_of(const ManagementReport& report) {
  const SettlementOutlook& s = report.settlement;
  const std::string outlook = s.refund_due > Money{}   ? "à restituer " + format_amount_fr(s.refund_due)
                              : s.amount_due > Money{} ? "montant dû " + format_amount_fr(s.amount_due)
                                                       : "soldé";
  return outlook + (s.provisional ? " (provisoire)" : "");
}

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

}  // namespace

int run_report(const ReportOptions& options) {
  const auto year = parse_year_or_report(options.year);
  if (!year) return exit_bad_input;
  const auto as_of = parse_as_of_or_report(options.as_of);
  if (!as_of) return exit_bad_input;
  if (!check_as_of_after_year(*as_of, *year)) return exit_bad_input;
  auto rules_loaded = load_rules_or_report(options.rules_path);
  if (!rules_loaded) return exit_bad_input;
  const Rules& rules = *rules_loaded;
  const std::optional<JournalRead> read = read_journal_or_report(options.journal_path, rules);
  if (!read) return exit_bad_input;
  const std::string* content = &read->content;
  const JournalFacts* facts = &read->facts;
  const std::vector<std::string> formats = distinct_formats(options.formats);

  // The reports of the year issued before: rebuilt as of their date, they must give their digest.
  std::vector<OutputFile> files;
  std::string listing;
  std::set<std::string> reported;  // contributors whose report of the year stands
  std::vector<PlannedDocument> due;
  std::size_t standing = 0;
  for (std::size_t k : current_entries(*facts)) {
    const IssuedDocument& entry = facts->issued[k];
    if (entry.kind != DocumentKind::report || entry.year != *year) continue;
    reported.insert(entry.party);
    if (entry.date > *as_of) continue;  // issued after the as-of date: not known on it
    std::string why;
    auto rebuilt = render_issued(rules, *facts, k, DocumentMark::issued, formats, why);
    if (rebuilt && sha256_digest(rebuilt->json) == entry.digest) {
      add_files(*rebuilt, entry.number, true, files);
      ++standing;
      continue;
    }
    std::fprintf(stderr, "%s:%u: warning: %s %s changed since it was issued: %s; it is kept as issued%s\n",
                 entry.loc.path.c_str(), entry.loc.line, kind_label_fr(entry.kind), entry.number.c_str(),
                 rebuilt ? ("its figures of 31 December " + std::to_string(*year) + " are no longer those issued").c_str()
                         : why.c_str(),
                 rebuilt ? (options.issue ? "" : " (--issue corrects it)") : "");
    if (!rebuilt) continue;
    PlannedDocument correction;
    correction.kind = DocumentKind::report;
    correction.party = entry.party;
    correction.date = *as_of;
    correction.year = *year;
    correction.corrects = entry.number;
    due.push_back(correction);
  }
  const std::vector<ManagementReport> reports = build_management_reports(rules, *facts, *year, *as_of);
  std::map<std::string, std::string> outlooks;  // contributor -> what its report of today says
  for (const ManagementReport& report : reports) outlooks[report.contributor_id] = outlook_of(report);
  for (const ManagementReport& report : reports) {
    if (reported.count(report.contributor_id) != 0) continue;
    PlannedDocument doc;
    doc.kind = DocumentKind::report;
    doc.party = report.contributor_id;
    doc.date = *as_of;
    doc.year = *year;
    due.push_back(doc);
  }
  number_documents(rules, *facts, due);

  const DocumentMark mark = options.issue ? DocumentMark::issued : DocumentMark::preview;
  int failure = exit_ok;
  const std::optional<DueBuild> built = build_due(rules, options.journal_path, *content, *facts, due, mark, formats, failure);
  if (!built) return failure;
  const std::string series = rules.documents.report_prefix + "-" + std::to_string(*year);
  for (std::size_t i = 0; i < due.size(); ++i) {
    const std::string stem = options.issue ? due[i].number
                                           : std::string(report::preview_mark_fr) + "-" + series + "-" + due[i].party;
    add_files(built->documents[i], stem, options.issue, files);
    listing += stem + "  " + kind_label_fr(DocumentKind::report) + " " + std::to_string(*year) + "  " +
               built->documents[i].party_name + "  " + outlooks[due[i].party] +
               (due[i].corrects.empty() ? "" : "  corrects " + due[i].corrects) +
               (options.issue ? "  issued" : "  PROJET") + "\n";
  }
  std::size_t written = 0;
  if (const int code = write_outputs(options.out_dir, files, false, options.journal_path, *content, built->rows, written);
      code != exit_ok) {
    return code;
  }
  if (due.empty() && standing == 0) {
    listing += "no report: the convention has no contributor on 31 December " + std::to_string(*year) + "\n";
  } else if (due.empty()) {
    listing += "every report of " + std::to_string(*year) + " is issued\n";
  }
  if (!options.issue && !due.empty()) listing += "preview: nothing numbered or recorded; --issue issues these reports\n";
  listing += std::to_string(standing) + (standing == 1 ? " report" : " reports") + " issued before, unchanged; " +
             std::to_string(written) + (written == 1 ? " file" : " files") + " written to " + options.out_dir + "\n";
  return write_stdout(listing);
}

}  // namespace prorata::cli
