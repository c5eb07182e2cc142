// What `documents` and `report` share to issue documents: the journal read once as bytes, the
// register lines of the documents due, their build from the journal as it will be once those lines are
// appended, and the writing (every target checked first, the journal appended atomically, then each
// file written atomically).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document_plan.h"
#include "core/journal.h"
#include "core/rules.h"
#include "issued_document.h"

namespace prorata::cli {

struct OutputFile {
  std::string name;  // e.g. ESD-2020-0001.pdf
  std::string bytes;
  bool issued = false;  // an issued document's file: never replaced
};

// Keeps the first of each format named twice (--format txt,txt).
std::vector<std::string> distinct_formats(const std::vector<std::string>& formats);

// The files `doc` renders to, named STEM.FORMAT.
void add_files(const RenderedDocument& doc, const std::string& stem, bool issued, std::vector<OutputFile>& out);

// The journal's bytes, read once (what is evaluated is exactly what --issue appends to); reports a
// file that cannot be read or is over the size limit.
std::optional<std::string> read_journal_bytes_or_report(const std::string& path);

// The journal's bytes and its facts, every diagnostic printed: nullopt on bad input.
struct JournalRead {
  std::string content;
  JournalFacts facts;
};
std::optional<JournalRead> read_journal_or_report(const std::string& path, const Rules& rules);

// The journal's facts from its bytes: nullopt when `diagnostics` holds an error.
std::optional<JournalFacts> load_journal_bytes(const std::string& content, const std::string& path, const Rules& rules,
                                               Diagnostics& diagnostics);

// The documents due, numbered, built as they will be issued: from the journal with their lines appended
// (the same build as every later check of them). `rows` are those lines with the real digests (empty
// unless `mark` is issued). Bad input and internal refusals are reported; `exit_code` says which.
struct DueBuild {
  std::vector<RenderedDocument> documents;  // in the order of `due`
  std::string rows;
};
std::optional<DueBuild> build_due(const Rules& rules, const std::string& journal_path, const std::string& content,
                                  const JournalFacts& facts, const std::vector<PlannedDocument>& due, DocumentMark mark,
                                  const std::vector<std::string>& formats, int& exit_code);

// Checks every target in `out_dir` (an issued document's file is never replaced; a preview's only with
// `replace`), appends `rows` to the journal (when not empty), then writes the files that are missing or
// replaced. Returns the exit status; `written` counts the files written.
int write_outputs(const std::string& out_dir, const std::vector<OutputFile>& files, bool replace,
                  const std::string& journal_path, const std::string& content, const std::string& rows,
                  std::size_t& written);

}  // namespace prorata::cli
