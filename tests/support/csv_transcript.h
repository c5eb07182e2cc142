// Everything a CSV reader tells its caller about one input, written out as text: each record (its
// line, whether it is an empty line, each field's bytes), then each diagnostic as the CLI prints it,
// the skipped-record count and how reading stopped. Two readers behave the same on an input exactly
// when their transcripts are equal, and a difference shows where it starts.
// A template over the reader, so that io::CsvReader and testing::ReferenceCsvReader are read by the
// same code (used by tests/io/csv_differential_test.cpp and tests/fuzz/csv_fuzz.cpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "core/diagnostic.h"

namespace prorata::testing {

struct CsvReadOptions {
  std::uint64_t input_bytes_max = 0;
  std::size_t block_bytes = 0;
  bool stop_at_first_not_utf8 = false;
};

// Field bytes are written with their length first, so that any byte (a newline, a NUL) reads back
// without ambiguity.
template <class Reader, class Record>
std::string csv_transcript(std::string_view input, const CsvReadOptions& options) {
  std::istringstream in{std::string(input)};
  Reader reader(in, "t.csv", options.input_bytes_max, options.block_bytes);
  if (options.stop_at_first_not_utf8) reader.stop_at_first_not_utf8();
  Record record;
  Diagnostics diagnostics;
  std::string out;
  while (reader.next(record, diagnostics)) {
    out += "record line " + std::to_string(record.line()) + (record.is_empty_line() ? " (empty line)" : "") + ":";
    for (std::size_t i = 0; i < record.field_count(); ++i) {
      const std::string_view field = record.field(i);
      out += " [" + std::to_string(field.size()) + "]" + std::string(field);
    }
    out += "\n";
  }
  const bool next_again = reader.next(record, diagnostics);  // the end stays the end
  for (const Diagnostic& diagnostic : diagnostics.items()) out += format_diagnostic(diagnostic) + "\n";
  out += "errors " + std::to_string(diagnostics.error_count()) + ", skipped " +
         std::to_string(reader.skipped_record_count()) + (reader.stopped_at_not_utf8() ? ", stopped at not UTF-8" : "") +
         (next_again ? ", a record after the end" : "") + "\n";
  return out;
}

}  // namespace prorata::testing
