// prorata documents: the documents due on a date. Without --issue, a preview (marked PROJET, not
// numbered, nothing recorded); with --issue, each is numbered, recorded in the journal's register with
// the lines it is issued from, in one atomic append, then written. Documents issued before are
// rebuilt from the journal: unchanged, their files are written again where missing (byte for byte);
// changed, they are reported (and, with --issue, corrected by a new document), never rewritten.
#include <cstdio>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "atomic_file.h"
#include "commands.h"
#include "core/assert.h"
#include "core/document_number.h"
#include "core/document_plan.h"
#include "core/limits.h"
#include "digest.h"
#include "io/journal_append.h"
#include "io/journal_csv.h"
#include "issued_document.h"

namespace prorata::cli {

namespace {

struct OutputFile {
  std::string name;  // e.g. ESD-2020-0001.pdf
  std::string bytes;
  bool issued = false;  // an issued document's file: never replaced
};

// Keeps the first of each format named twice (--format txt,txt).
std::vector<std::string> distinct(const std::vector<std::string>& formats) {
  std::vector<std::string> out;
  for (const auto& format : formats) {
    if (std::find(out.begin(), out.end(), format) == out.end()) out.push_back(format);
  }
  return out;
}

std::optional<std::string> read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::optional<JournalFacts> load_from(const std::string& content, const std::string& path, const Rules& rules,
                                      Diagnostics& diagnostics) {
  std::istringstream in(content);
  JournalBuilder builder(rules);
  if (!io::load_journal(in, path, rules, builder, diagnostics) || !diagnostics.empty()) return std::nullopt;
  return builder.facts();
}

std::string placeholder_digest() { return "sha256:" + std::string(64, '0'); }

// The journal lines that issue `doc`: the line it is issued from when it is new, then its register line.
std::string issuing_rows(const Rules& rules, const PlannedDocument& doc, const std::string& digest,
                         const std::vector<std::string>& columns, const std::string& newline) {
  const bool has_convention = std::find(columns.begin(), columns.end(), "convention") != columns.end();
  Event base;
  base.date = doc.date;
  base.party = doc.party;
  base.convention = has_convention ? rules.id : std::string();
  std::string rows;
  if (doc.new_line) {
    Event line = base;
    line.kind = doc.kind == DocumentKind::statement ? EventKind::statement : EventKind::cancellation;
    line.amount = doc.amount;
    line.ref = doc.kind == DocumentKind::statement ? doc.number : doc.reduces;
    line.memo = doc.memo + (doc.kind == DocumentKind::cancellation ? " (" + doc.number + ")" : "");
    rows += io::journal_row(columns, line, newline);
  }
  IssuedDocument entry;
  entry.number = doc.number;
  entry.kind = doc.kind;
  entry.digest = digest;
  entry.corrects = doc.corrects;
  entry.statement = doc.kind == DocumentKind::cancellation ? doc.reduces : std::string();
  Event issued = base;
  issued.kind = EventKind::issued;
  issued.amount = doc.amount;
  issued.ref = doc.number;
  issued.category = to_string(doc.kind);
  issued.memo = register_memo(entry);
  rows += io::journal_row(columns, issued, newline);
  return rows;
}

// A preview's files are named after what it is, never after a number of a series.
std::string preview_name(const PlannedDocument& doc, const Rules& rules, std::map<std::string, int>& used) {
  std::string name = doc.statement && !doc.statement->ref.empty()
                         ? "PROJET-" + doc.statement->ref
                         : "PROJET-" + series_prefix(rules.documents, doc.kind) + "-" + doc.party + "-" +
                               format_date(doc.date);
  if (!doc.reduces.empty()) name += "-" + doc.reduces;
  const int seen = used[name]++;
  return seen == 0 ? name : name + "-" + std::to_string(seen + 1);
}

// A refund notice to a contributor whose refund account the rules lack: said in the listing too.
std::string no_refund_account(const Rules& rules, const PlannedDocument& doc) {
  if (doc.kind != DocumentKind::refund) return "";
  const Contributor* contributor = rules.find_contributor(doc.party);
  return contributor && !contributor->refund_account ? "  (no refund_account in the rules)" : "";
}

void add_files(const RenderedDocument& doc, const std::string& stem, bool issued, std::vector<OutputFile>& out) {
  for (const auto& [format, bytes] : doc.files) out.push_back({stem + "." + format, bytes, issued});
}

}  // namespace

int run_documents(const DocumentsOptions& options) {
  auto as_of = parse_as_of_or_report(options.as_of);
  if (!as_of) return exit_bad_input;
  auto rules_loaded = load_rules_or_report(options.rules_path);
  if (!rules_loaded) return exit_bad_input;
  const Rules& rules = *rules_loaded;
  // The journal's bytes are read once: what is evaluated is exactly what --issue appends to.
  std::error_code size_error;
  const auto size = std::filesystem::file_size(options.journal_path, size_error);
  if (!size_error && size > limits::journal_file_bytes_max) {
    std::fprintf(stderr, "%s: error: larger than the limit of %zu bytes\n", options.journal_path.c_str(),
                 limits::journal_file_bytes_max);
    return exit_bad_input;
  }
  const std::optional<std::string> content = read_whole(options.journal_path);
  if (!content) {
    std::fprintf(stderr, "%s: error: cannot open the journal\n", options.journal_path.c_str());
    return exit_bad_input;
  }
  Diagnostics diagnostics;
  std::optional<JournalFacts> facts = load_from(*content, options.journal_path, rules, diagnostics);
  print_diagnostics(diagnostics);
  if (!facts) return exit_bad_input;
  const Status status = evaluate(rules, *facts, *as_of);
  const std::vector<std::string> formats = distinct(options.formats);

  // The register's documents known on the as-of date: rebuilt, they must give their digest.
  std::vector<OutputFile> files;
  std::string listing;
  std::vector<PlannedDocument> due = plan_documents(rules, *facts, status);
  std::size_t standing = 0;
  for (std::size_t k : current_entries(*facts)) {
    const IssuedDocument& entry = facts->issued[k];
    if (entry.date > *as_of || entry.kind == DocumentKind::report) continue;
    std::string why;
    auto rebuilt = render_issued(rules, *facts, k, DocumentMark::issued, formats, why);
    if (rebuilt && sha256_digest(rebuilt->json) == entry.digest) {
      add_files(*rebuilt, entry.number, true, files);
      ++standing;
      continue;
    }
    const std::string reason =
        rebuilt ? "its figures as of " + format_date(entry.date) + " are no longer those issued" : why;
    std::fprintf(stderr, "%s:%u: warning: %s %s changed since it was issued: %s; it is kept as issued%s\n",
                 entry.loc.path.c_str(), entry.loc.line, kind_label_fr(entry.kind), entry.number.c_str(),
                 reason.c_str(), rebuilt ? (options.issue ? "" : " (--issue corrects it where still due)") : "");
    if (!rebuilt) continue;
    // A correction restates the document as of today: only where such a document is still due.
    const ContributorStatus* row = nullptr;
    for (const ContributorStatus& c : status.contributors) row = c.id == entry.party ? &c : row;
    const bool ended = status.term.state == TermState::ended;
    if ((entry.kind == DocumentKind::refund && (!ended || !row || row->refund_due <= Money{})) ||
        (entry.kind == DocumentKind::reversal && (!ended || !row || reversal_part(*row) <= Money{}))) {
      std::fprintf(stderr, "%s:%u: warning: %s %s is not corrected: as of %s no %s is due to or from %s\n",
                   entry.loc.path.c_str(), entry.loc.line, kind_label_fr(entry.kind), entry.number.c_str(),
                   format_date(*as_of).c_str(), entry.kind == DocumentKind::refund ? "refund" : "paying back",
                   entry.party.c_str());
      continue;
    }
    PlannedDocument correction;
    correction.reduces = entry.statement;
    correction.kind = entry.kind;
    correction.party = entry.party;
    correction.date = *as_of;
    correction.amount = rebuilt->amount;
    correction.corrects = entry.number;
    due.push_back(correction);
  }

  // What is due, numbered as --issue would, then built from the journal as it will be with its lines:
  // the same build as every later check of these documents.
  if (std::any_of(due.begin(), due.end(), [](const PlannedDocument& d) { return d.kind != DocumentKind::refund &&
                                                                                 d.kind != DocumentKind::report; }) &&
      !rules.accountant) {
    Diagnostic missing{rules.loc, "statements, cancellations and orders to pay back need the accountant (and its "
                                  "account) in convention " + rules.id + " (accountant: name, account)"};
    if (missing.loc.path.empty()) missing.loc = SourceLoc{options.rules_path, 0, 0};
    std::fprintf(stderr, "%s\n", format_diagnostic(missing).c_str());
    return exit_bad_input;
  }
  number_documents(rules, *facts, due);
  std::vector<std::string> columns = io::journal_columns(*content);
  for (const char* needed : {"party", "amount", "ref", "category", "memo"}) {
    if (!due.empty() && std::find(columns.begin(), columns.end(), needed) == columns.end()) {
      std::fprintf(stderr, "%s: error: the journal has no '%s' column: issued documents are recorded in it "
                   "(date,event,party,amount,ref,category,memo)\n", options.journal_path.c_str(), needed);
      return exit_bad_input;
    }
  }
  const std::string newline = io::journal_newline(*content);
  std::string rows;
  for (const PlannedDocument& doc : due) rows += issuing_rows(rules, doc, placeholder_digest(), columns, newline);
  std::string with_rows = *content;
  if (!with_rows.empty() && with_rows.back() != '\n') with_rows += newline;
  with_rows += rows;
  Diagnostics internal;
  std::optional<JournalFacts> after = load_from(with_rows, options.journal_path, rules, internal);
  if (!after) {
    for (auto& d : internal.items()) std::fprintf(stderr, "%s (in the lines to append)\n", format_diagnostic(d).c_str());
    std::fprintf(stderr, "prorata: error: the documents due would not be accepted by the journal: nothing issued\n");
    return exit_failure;
  }
  PRORATA_ASSERT(after->issued.size() == facts->issued.size() + due.size());
  const DocumentMark mark = options.issue ? DocumentMark::issued : DocumentMark::preview;
  std::string final_rows;
  std::map<std::string, int> preview_names;
  for (std::size_t i = 0; i < due.size(); ++i) {
    const std::size_t k = facts->issued.size() + i;
    std::string why;
    auto built = render_issued(rules, *after, k, mark, formats, why);
    PRORATA_ASSERT(built.has_value());  // planned from these facts: it is due
    if (options.issue) final_rows += issuing_rows(rules, due[i], sha256_digest(built->json), columns, newline);
    const std::string stem = options.issue ? due[i].number : preview_name(due[i], rules, preview_names);
    add_files(*built, stem, options.issue, files);
    listing += (options.issue ? due[i].number : stem) + "  " + kind_label_fr(due[i].kind) + "  " +
               built->party_name + "  " + format_amount_fr(built->amount) +
               (due[i].corrects.empty() ? "" : "  corrects " + due[i].corrects) + no_refund_account(rules, due[i]) +
               (options.issue ? "  issued" : "  PROJET") + "\n";
  }
  if (options.provisional && status.term.state != TermState::ended) {
    for (const ContributorStatus& c : status.contributors) {
      auto notice = render_provisional_refund(rules, *facts, status, c.id, formats);
      if (!notice) continue;
      const std::string stem = "PROVISOIRE-" + rules.documents.refund_prefix + "-" + c.id + "-" + format_date(*as_of);
      add_files(*notice, stem, false, files);
      listing += stem + "  " + kind_label_fr(DocumentKind::refund) + "  " + notice->party_name + "  " +
                 format_amount_fr(notice->amount) + "  PROVISOIRE\n";
    }
  }

  // Every target checked before anything is written: an issued document's file is never replaced.
  std::set<std::string> names;
  std::vector<OutputFile> to_write;
  bool ok = true;
  for (const OutputFile& file : files) {
    // Numbers and ids are checked by the journal and the rules: a name never leaves --out.
    PRORATA_ASSERT(file.name.find('/') == std::string::npos && file.name.front() != '.');
    PRORATA_ASSERT(names.insert(file.name).second);
    const std::filesystem::path path = std::filesystem::path(options.out_dir) / file.name;
    std::error_code error;
    const auto kind = std::filesystem::status(path, error);
    if (!std::filesystem::exists(kind)) {
      to_write.push_back(file);
      continue;
    }
    if (!std::filesystem::is_regular_file(kind)) {
      std::fprintf(stderr, "%s: error: cannot write: it exists and is not a file\n", path.c_str());
      ok = false;
      continue;
    }
    if (read_whole(path) == file.bytes) continue;  // already there: untouched
    if (file.issued || !options.replace) {
      std::fprintf(stderr, "%s: error: exists with other content: kept%s\n", path.c_str(),
                   file.issued ? " (an issued document is never replaced: write elsewhere)"
                               : "; write elsewhere, or use --replace to overwrite a preview");
      ok = false;
      continue;
    }
    to_write.push_back(file);
  }
  if (!ok) return exit_failure;

  if (options.issue && !due.empty()) {
    std::string problem = io::append_to_journal(options.journal_path, *content, final_rows);
    if (!problem.empty()) {
      std::fprintf(stderr, "%s: error: %s\n", options.journal_path.c_str(), problem.c_str());
      return exit_failure;
    }
  }
  if (!to_write.empty()) {
    std::error_code error;
    std::filesystem::create_directories(options.out_dir, error);
    if (error) {
      std::fprintf(stderr, "%s: error: cannot create the output directory: %s\n", options.out_dir.c_str(),
                   error.message().c_str());
      return exit_failure;
    }
  }
  for (const OutputFile& file : to_write) {
    const std::string path = (std::filesystem::path(options.out_dir) / file.name).string();
    std::string problem = write_file_atomically(path, file.bytes);
    if (!problem.empty()) {
      std::fprintf(stderr, "%s: error: cannot write: %s\n", path.c_str(), problem.c_str());
      return exit_failure;
    }
  }
  if (due.empty()) listing += "nothing new is due as of " + format_date(*as_of) + "\n";
  if (!options.issue && !due.empty()) {
    listing += "preview: nothing numbered or recorded; --issue issues these documents\n";
  }
  if (status.term.state != TermState::ended && !options.provisional) {
    listing += "no refund notice: the term has not ended (--provisional previews them marked PROVISOIRE)\n";
  }
  listing += std::to_string(standing) + (standing == 1 ? " document" : " documents") + " issued before, unchanged; " +
             std::to_string(to_write.size()) + (to_write.size() == 1 ? " file" : " files") + " written to " +
             options.out_dir + "\n";
  return write_stdout(listing);
}

}  // namespace prorata::cli
