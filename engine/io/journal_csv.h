// The journal as CSV: a header row naming the columns (any order), then one event per row. Read in one
// streaming pass through io/csv_reader.h, without any rules: each row becomes a located core Event
// (its cells checked: dates, amounts, lengths, no hidden characters; check_event_shape) handed to an
// EventSink, usually a ConventionRouter in front of one JournalBuilder per convention.
//
//   date,event,party,amount,ref,category,memo[,convention]
//   2021-03-01,payment,ville,3000.00,VIR-12,,first instalment
//
// `date` and `event` are required columns, the others optional (a missing column reads as empty
// cells). With a `convention` column, rows naming another convention than the rules' id are skipped.
// Reading stops at nothing but the end of the file: every problem of the file is reported.
#pragma once
#include <array>
#include <cstdint>
#include <istream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/event.h"
#include "core/journal.h"
#include "core/rules.h"

namespace prorata::io {

// Every column a journal header may name, in the usual order.
inline constexpr std::array<std::string_view, 8> journal_column_names = {"date", "event",    "party", "amount",
                                                                         "ref",  "category", "memo",  "convention"};

// How a journal is read; what is read never depends on it (tested: events, facts and diagnostics are
// the same, byte for byte, for every choice).
struct JournalReadOptions {
  // 1: one thread reads the rows and folds them; 2 or more: a second thread reads the rows while the
  // calling thread folds them (io/journal_pipeline.h).
  unsigned threads = 1;
  std::size_t block_bytes = std::size_t{64} << 10;  // bytes asked of each read (io/csv_reader.h)
  std::size_t batch_events = 1024;                  // events handed from one thread to the other at a time
  // Expense lines in their commonest form go to their convention's builder as rows, without an event
  // (core/expense_row.h); false reads every line as an event, the same results more slowly (for tests).
  bool expense_rows = true;
  // A journal file (not another stream) of at least this size, read with 2 or more threads and
  // expense_rows, is read in two halves, one per thread (io/journal_second_half.h); smaller ones as
  // above. Tests set it low to read small files that way.
  std::uint64_t split_bytes_min = std::uint64_t{4} << 20;
};

// Reads a journal in one pass, without rules, feeding every event to `sink`. `path` only labels
// diagnostics. Returns true when no diagnostic was added.
bool read_journal(std::istream& in, const std::string& path, EventSink& sink, Diagnostics& diagnostics,
                  const JournalReadOptions& options = {});
// The same from a file (one diagnostic when it cannot be opened or passes limits::journal_file_bytes_max).
bool read_journal_file(const std::string& path, EventSink& sink, Diagnostics& diagnostics,
                       const JournalReadOptions& options = {});

// One convention: reads the journal, feeding each line of this convention to `builder`, then calls
// builder.finish(). `path` only labels diagnostics. Returns true when no diagnostic was added.
bool load_journal(std::istream& in, const std::string& path, const Rules& rules, JournalBuilder& builder,
                  Diagnostics& diagnostics, const JournalReadOptions& options = {});

// Several conventions (a portfolio): one pass over the journal, each line to the builder of its
// convention; then each builder's finish(). Rows of conventions not loaded are counted per id in
// `other_conventions`; an id one edit from a loaded one gets a warning ("a typo?"). With one
// convention, exactly load_journal. Returns true when no error was added.
struct ConventionLoad {
  const Rules* rules = nullptr;
  JournalBuilder* builder = nullptr;
};
bool load_journal_portfolio(std::istream& in, const std::string& path, const std::vector<ConventionLoad>& conventions,
                            std::map<std::string, std::uint64_t>& other_conventions, Diagnostics& diagnostics,
                            const JournalReadOptions& options = {});
bool load_journal_portfolio_file(const std::string& path, const std::vector<ConventionLoad>& conventions,
                                 std::map<std::string, std::uint64_t>& other_conventions, Diagnostics& diagnostics,
                                 const JournalReadOptions& options = {});

// Opens `path` (binary: bytes are checked as UTF-8 and CRLF is handled by the reader) and loads it.
// A file that cannot be opened, or is larger than limits::journal_file_bytes_max, is one diagnostic
// and `builder` is left untouched.
bool load_journal_file(const std::string& path, const Rules& rules, JournalBuilder& builder, Diagnostics& diagnostics,
                       const JournalReadOptions& options = {});

}  // namespace prorata::io
