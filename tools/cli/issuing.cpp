#include "issuing.h"

#include <cstdio>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "atomic_file.h"
#include "commands.h"
#include "core/assert.h"
#include "core/limits.h"
#include "digest.h"
#include "io/journal_append.h"
#include "io/journal_csv.h"

namespace prorata::cli {

namespace {

std::optional<std::string> read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
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
  entry.year = doc.year;
  Event issued = base;
  issued.kind = EventKind::issued;
  if (doc.kind != DocumentKind::report) issued.amount = doc.amount;
  issued.ref = doc.number;
  issued.category = to_string(doc.kind);
  issued.memo = register_memo(entry);
  rows += io::journal_row(columns, issued, newline);
  return rows;
}

}  // namespace

std::vector<std::string> distinct_formats(const std::vector<std::string>& formats) {
  std::vector<std::string> out;
  for (const auto& format : formats) {
    if (std::find(out.begin(), out.end(), format) == out.end()) out.push_back(format);
  }
  return out;
}

void add_files(const RenderedDocument& doc, const std::string& stem, bool issued, std::vector<OutputFile>& out) {
  for (const auto& [format, bytes] : doc.files) out.push_back({stem + "." + format, bytes, issued});
}

std::optional<std::string> read_journal_bytes_or_report(const std::string& path) {
  std::error_code size_error;
  const auto size = std::filesystem::file_size(path, size_error);
  if (!size_error && size > limits::journal_file_bytes_max) {
    std::fprintf(stderr, "%s: error: larger than the limit of %zu bytes\n", path.c_str(), limits::journal_file_bytes_max);
    return std::nullopt;
  }
  std::optional<std::string> content = read_whole(path);
  if (!content) std::fprintf(stderr, "%s: error: cannot open the journal\n", path.c_str());
  return content;
}

std::optional<JournalFacts> load_journal_bytes(const std::string& content, const std::string& path, const Rules& rules,
                                               Diagnostics& diagnostics) {
  std::istringstream in(content);
  JournalBuilder builder(rules);
  if (!io::load_journal(in, path, rules, builder, diagnostics) || diagnostics.error_count() > 0) return std::nullopt;
  return builder.facts();
}

std::optional<JournalRead> read_journal_or_report(const std::string& path, const Rules& rules) {
  std::optional<std::string> content = read_journal_bytes_or_report(path);
  if (!content) return std::nullopt;
  Diagnostics diagnostics;
  std::optional<JournalFacts> facts = load_journal_bytes(*content, path, rules, diagnostics);
  print_diagnostics(diagnostics);
  if (!facts) return std::nullopt;
  return JournalRead{std::move(*content), std::move(*facts)};
}

std::optional<DueBuild> build_due(const Rules& rules, const std::string& journal_path, const std::string& content,
                                  const JournalFacts& facts, const std::vector<PlannedDocument>& due, DocumentMark mark,
                                  const std::vector<std::string>& formats, int& exit_code) {
  DueBuild out;
  if (due.empty()) return out;
  const std::vector<std::string> columns = io::journal_columns(content);
  for (const char* needed : {"party", "amount", "ref", "category", "memo"}) {
    if (std::find(columns.begin(), columns.end(), needed) == columns.end()) {
      std::fprintf(stderr, "%s: error: the journal has no '%s' column: issued documents are recorded in it "
                   "(date,event,party,amount,ref,category,memo)\n", journal_path.c_str(), needed);
      exit_code = exit_bad_input;
      return std::nullopt;
    }
  }
  const std::string newline = io::journal_newline(content);
  std::string rows;
  for (const PlannedDocument& doc : due) rows += issuing_rows(rules, doc, placeholder_digest(), columns, newline);
  std::string with_rows = content;
  if (!with_rows.empty() && with_rows.back() != '\n') with_rows += newline;
  with_rows += rows;
  Diagnostics internal;
  const std::optional<JournalFacts> after = load_journal_bytes(with_rows, journal_path, rules, internal);
  if (!after) {
    for (auto& d : internal.items()) std::fprintf(stderr, "%s (in the lines to append)\n", format_diagnostic(d).c_str());
    std::fprintf(stderr, "prorata: error: the documents due would not be accepted by the journal: nothing issued\n");
    exit_code = exit_failure;
    return std::nullopt;
  }
  PRORATA_ASSERT(after->issued.size() == facts.issued.size() + due.size());
  for (std::size_t i = 0; i < due.size(); ++i) {
    std::string why;
    auto built = render_issued(rules, *after, facts.issued.size() + i, mark, formats, why);
    PRORATA_ASSERT(built.has_value());  // planned from these facts: it is due
    if (mark == DocumentMark::issued) out.rows += issuing_rows(rules, due[i], sha256_digest(built->json), columns, newline);
    out.documents.push_back(std::move(*built));
  }
  return out;
}

int write_outputs(const std::string& out_dir, const std::vector<OutputFile>& files, bool replace,
                  const std::string& journal_path, const std::string& content, const std::string& rows,
                  std::size_t& written) {
  written = 0;
  // Every target checked before anything is written: an issued document's file is never replaced.
  std::set<std::string> names;
  std::vector<const OutputFile*> to_write;
  bool ok = true;
  for (const OutputFile& file : files) {
    // Numbers and ids are checked by the journal and the rules: a name never leaves --out.
    PRORATA_ASSERT(!file.name.empty() && file.name.find('/') == std::string::npos && file.name.front() != '.');
    PRORATA_ASSERT(names.insert(file.name).second);
    const std::filesystem::path path = std::filesystem::path(out_dir) / file.name;
    std::error_code error;
    const auto kind = std::filesystem::status(path, error);
    if (!std::filesystem::exists(kind)) {
      to_write.push_back(&file);
      continue;
    }
    if (!std::filesystem::is_regular_file(kind)) {
      std::fprintf(stderr, "%s: error: cannot write: it exists and is not a file\n", path.c_str());
      ok = false;
      continue;
    }
    if (read_whole(path) == file.bytes) continue;  // already there: untouched
    if (file.issued || !replace) {
      std::fprintf(stderr, "%s: error: exists with other content: kept%s\n", path.c_str(),
                   file.issued ? " (an issued document is never replaced: write elsewhere)"
                               : "; write elsewhere, or use --replace to overwrite a preview");
      ok = false;
      continue;
    }
    to_write.push_back(&file);
  }
  if (!ok) return exit_failure;

  if (!rows.empty()) {
    const std::string problem = io::append_to_journal(journal_path, content, rows);
    if (!problem.empty()) {
      std::fprintf(stderr, "%s: error: %s\n", journal_path.c_str(), problem.c_str());
      return exit_failure;
    }
  }
  if (!to_write.empty()) {
    std::error_code error;
    std::filesystem::create_directories(out_dir, error);
    if (error) {
      std::fprintf(stderr, "%s: error: cannot create the output directory: %s\n", out_dir.c_str(),
                   error.message().c_str());
      return exit_failure;
    }
  }
  for (const OutputFile* file : to_write) {
    const std::string path = (std::filesystem::path(out_dir) / file->name).string();
    const std::string problem = write_file_atomically(path, file->bytes);
    if (!problem.empty()) {
      std::fprintf(stderr, "%s: error: cannot write: %s\n", path.c_str(), problem.c_str());
      return exit_failure;
    }
    ++written;
  }
  return exit_ok;
}

}  // namespace prorata::cli
