#include <sys/stat.h>

#include <cstdio>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "atomic_file.h"
#include "commands.h"
#include "core/assert.h"
#include "core/documents.h"
#include "pdf/document_pdf.h"
#include "report/document_json.h"
#include "report/document_text.h"

namespace prorata::cli {

namespace {

struct OutputFile {
  std::string name;  // e.g. ESD-2020-0001.pdf
  std::string bytes;
};

template <typename Document, typename Text, typename Json, typename Pdf>
void render(const Document& doc, const std::vector<std::string>& formats, const report::PdfOptions& pdf_options,
            Text text, Json json, Pdf pdf, std::vector<OutputFile>& out) {
  for (const auto& format : formats) {
    if (format == "txt") out.push_back({doc.number + ".txt", text(doc)});
    if (format == "json") out.push_back({doc.number + ".json", json(doc)});
    if (format == "pdf") out.push_back({doc.number + ".pdf", pdf(doc, pdf_options)});
  }
}

// Keeps the first of each format named twice (--format txt,txt).
std::vector<std::string> distinct(const std::vector<std::string>& formats) {
  std::vector<std::string> out;
  for (const auto& format : formats) {
    if (std::find(out.begin(), out.end(), format) == out.end()) out.push_back(format);
  }
  return out;
}

std::string read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Before anything is written: every target must be writable as a file, and a document already there
// with other content (one issued before, then the journal or the rules changed) is kept unless
// --replace says otherwise. Reports each problem; true when the run may write.
bool check_targets(const std::string& out_dir, const std::vector<OutputFile>& files, bool replace) {
  bool ok = true;
  for (const auto& file : files) {
    const std::filesystem::path path = std::filesystem::path(out_dir) / file.name;
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (!std::filesystem::exists(status)) continue;
    if (!std::filesystem::is_regular_file(status)) {
      std::fprintf(stderr, "%s: error: cannot write: it exists and is not a file\n", path.c_str());
      ok = false;
    } else if (!replace && read_whole(path) != file.bytes) {
      std::fprintf(stderr,
                   "%s: error: exists with other content (a document issued before?): kept; "
                   "write elsewhere, or use --replace to overwrite it\n",
                   path.c_str());
      ok = false;
    }
  }
  return ok;
}

}  // namespace

int run_documents(const DocumentsOptions& options) {
  auto evaluated = evaluate_or_report(options.rules_path, options.journal_path, options.as_of);
  if (!evaluated) return exit_bad_input;
  const Rules& rules = evaluated->rules;
  const JournalFacts& facts = evaluated->facts;
  const Status& status = evaluated->status;

  Diagnostics diagnostics;
  auto statements = build_statements(rules, facts, status, diagnostics);
  for (auto& d : diagnostics.items()) {
    Diagnostic located = d;
    if (located.loc.path.empty()) located.loc = SourceLoc{options.rules_path, 1, 1};  // about the rules as a whole
    std::fprintf(stderr, "%s\n", format_diagnostic(located).c_str());
  }
  if (!diagnostics.empty()) return exit_bad_input;
  auto notices = build_refund_notices(rules, facts, status, options.provisional);

  // Everything is rendered in memory first: a failure leaves no file behind.
  report::PdfOptions pdf_options{status.as_of};
  std::vector<OutputFile> files;
  const std::vector<std::string> formats = distinct(options.formats);
  for (const auto& doc : statements) {
    render(doc, formats, pdf_options, report::statement_text, report::statement_json, report::statement_pdf,
           files);
  }
  for (const auto& notice : notices) {
    render(notice, formats, pdf_options, report::refund_notice_text, report::refund_notice_json,
           report::refund_notice_pdf, files);
  }
  std::error_code error;
  std::filesystem::create_directories(options.out_dir, error);
  if (error) {
    std::fprintf(stderr, "%s: error: cannot create the output directory: %s\n", options.out_dir.c_str(),
                 error.message().c_str());
    return exit_failure;
  }
  std::set<std::string> names;  // the journal refuses statement numbers shaped like notice numbers
  for (const auto& file : files) PRORATA_ASSERT(names.insert(file.name).second);
  if (!check_targets(options.out_dir, files, options.replace)) return exit_failure;
  for (const auto& file : files) {
    // Paired with the check of the numbers in core/documents.cpp: a name never leaves --out.
    PRORATA_ASSERT(file.name.find('/') == std::string::npos && file.name.front() != '.');
    const std::string path = (std::filesystem::path(options.out_dir) / file.name).string();
    std::string problem = write_file_atomically(path, file.bytes);
    if (!problem.empty()) {
      std::fprintf(stderr, "%s: error: cannot write: %s\n", path.c_str(), problem.c_str());
      return exit_failure;
    }
  }
  // One line per document, as a finance officer would list them, then where they went.
  std::string listing;
  for (const auto& doc : statements) {
    listing += doc.number + "  état des sommes dues  " + doc.debtor.name + "  " + format_amount_fr(doc.amount) + "\n";
  }
  for (const auto& notice : notices) {
    listing += notice.number + "  avis de restitution  " + notice.contributor.name + "  " +
               format_amount_fr(notice.amount) + (notice.provisional() ? "  PROVISOIRE" : "") +
               (notice.refund_to ? "" : "  (no refund_account in the rules)") + "\n";
  }
  if (notices.empty() && status.term.state != TermState::ended) {
    listing += "no refund notice: the term has not ended (--provisional issues them marked PROVISOIRE)\n";
  }
  listing += std::to_string(files.size()) + (files.size() == 1 ? " file" : " files") + " written to " +
             options.out_dir + "\n";
  return write_stdout(listing);
}

}  // namespace prorata::cli
