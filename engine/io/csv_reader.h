// A streaming RFC 4180 reader: records come out one at a time from a std::istream read in fixed
// chunks, so memory stays the same whatever the number of lines (one chunk plus one record, both
// bounded by core/limits.h). A malformed record is reported and skipped, and reading goes on at the
// next line, so a single pass shows every problem of the file.
//
// Speed: a chunk is scanned for the bytes that need a decision (io/csv_scan.h); the runs between
// them, and the commas and line ends of plain records, are taken without the byte-at-a-time state
// machine, which handles everything else. Both give the same records and diagnostics as
// tests/support/csv_reference_reader.h, the byte-at-a-time reader this one replaced (the tests and
// the `csv` fuzz harness compare them).
#pragma once
#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "core/assert.h"
#include "core/diagnostic.h"
#include "core/limits.h"

namespace prorata::io {

// One record: its fields, unquoted and unescaped, and the physical line it starts on. Its storage is
// reused from record to record, and a plain record's fields are views into the reader's block: valid
// until the next call of CsvReader::next().
class CsvRecord {
 public:
  [[nodiscard]] std::uint32_t line() const { return line_; }
  [[nodiscard]] std::size_t field_count() const { return fields_.size(); }
  [[nodiscard]] std::string_view field(std::size_t index) const {  // inline: read for every cell
    PRORATA_ASSERT(index < fields_.size());
    const Span span = fields_[index];
    PRORATA_ASSERT(span.begin <= span.end && span.end <= view_.size());
    return view_.substr(span.begin, span.end - span.begin);
  }
  // A line with nothing before its line ending: one empty field, as RFC 4180 reads it.
  [[nodiscard]] bool is_empty_line() const { return raw_bytes_ == 0; }
  // Every field's bytes (for a check over the whole record at once): back to back, or in a plain
  // record the line itself, commas included.
  [[nodiscard]] std::string_view text() const { return view_; }
  // A line of printable ASCII without a quote (bytes 0x20 to 0x7E but '"'), read as it is in the input.
  [[nodiscard]] bool is_plain() const { return plain_; }

 private:
  friend class CsvReader;
  friend class CsvRecordCopies;
  struct Span {
    std::uint32_t begin;
    std::uint32_t end;
  };
  void clear(std::uint32_t line);
  void end_field() {
    const auto end = static_cast<std::uint32_t>(text_.size());
    fields_.push_back({fields_.empty() ? 0 : fields_.back().end, end});
  }
  void view_copied_text() { view_ = text_; }  // a record read byte by byte

  std::string text_;           // the fields' bytes, back to back (a record read byte by byte)
  std::string_view view_;      // what field() cuts: text_, or the line in the reader's block
  std::vector<Span> fields_;   // each field's bytes in view_
  std::size_t raw_bytes_ = 0;  // bytes of the record in the file, line ending excluded
  std::uint32_t line_ = 0;
  bool plain_ = false;
};

// Records kept past the next CsvReader::next() (a second half of a journal read ahead on another
// thread): each copied in, then read back as a CsvRecord that views the copy, with the same fields
// and flags.
class CsvRecordCopies {
 public:
  void push_back(const CsvRecord& record);
  [[nodiscard]] std::size_t size() const { return copies_.size(); }
  [[nodiscard]] std::size_t text_bytes() const { return text_.size(); }
  // Makes `record` the index-th copy, its line moved down by `line_offset` (copies read from the middle
  // of a file, whose lines were counted from there); its fields view this object until it changes.
  void load(std::size_t index, std::uint32_t line_offset, CsvRecord& record) const;

 private:
  struct Copy {
    std::size_t text_begin;
    std::uint32_t text_bytes;
    std::uint32_t field_begin;  // in fields_
    std::uint32_t field_count;
    std::uint32_t line;
    std::size_t raw_bytes;
    bool plain;
  };
  std::string text_;                     // every copy's CsvRecord::text(), back to back
  std::vector<CsvRecord::Span> fields_;  // every copy's spans, back to back
  std::vector<Copy> copies_;
};

namespace detail {

// Streaming UTF-8 check (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
class Utf8Checker {
 public:
  // Takes the next byte. False when the byte ends a valid sequence badly (bad_byte() tells which byte
  // to blame); checking then starts over at this byte.
  bool feed(std::uint8_t byte);
  // False in the middle of a multi-byte character.
  [[nodiscard]] bool complete() const { return pending_ == 0; }
  [[nodiscard]] std::uint8_t bad_byte() const { return bad_byte_; }
  [[nodiscard]] std::uint8_t lead_byte() const { return lead_byte_; }
  void reset() { pending_ = 0; }

 private:
  bool start(std::uint8_t byte);

  std::uint8_t pending_ = 0;      // continuation bytes still expected
  std::uint8_t next_min_ = 0x80;  // range allowed for the next continuation byte
  std::uint8_t next_max_ = 0xBF;
  std::uint8_t lead_byte_ = 0;
  std::uint8_t bad_byte_ = 0;
};

}  // namespace detail

class CsvReader {
 public:
  // `path` only labels diagnostics. Reading more than `input_bytes_max` bytes is an error (checked
  // after each read, so the records of the chunk that passes the limit are not handed out). The input
  // is read `block_bytes` at a time; the first read asks at least 3 bytes, so that a BOM is seen
  // whatever the size. Records and diagnostics do not depend on it, except where that limit stops.
  CsvReader(std::istream& in, std::string path, std::uint64_t input_bytes_max = limits::journal_file_bytes_max,
            std::size_t block_bytes = chunk_bytes);

  // Fills `record` with the next well-formed record and returns true. Malformed records are reported to
  // `diagnostics` and skipped. False at the end of the input, or when reading cannot go on (a read
  // error, an input too large: reported once).
  bool next(CsvRecord& record, Diagnostics& diagnostics);

  // Malformed records reported and skipped so far.
  [[nodiscard]] std::size_t skipped_record_count() const { return skipped_record_count_; }

  // Stops reading at the first record that is not UTF-8, with one error there (the conversion hint),
  // instead of reporting and skipping each such record. For a reader whose later checks depend on
  // every line (a journal: a dropped signature would make every later statement look premature), a
  // file in another encoding is one problem, not one per line.
  void stop_at_first_not_utf8() { stop_at_not_utf8_ = true; }
  [[nodiscard]] bool stopped_at_not_utf8() const { return stop_ == Stop::not_utf8; }

  // The input starts in the middle of a file, at a line start (a second half read on another thread):
  // no byte order mark is looked for. Before the first next().
  void start_mid_file() {
    PRORATA_ASSERT(input_bytes_ == 0);
    first_chunk_ = false;
  }
  // Bytes of the input before the next record (or skipped byte): where next() goes on.
  [[nodiscard]] std::uint64_t next_offset() const { return input_bytes_ - (chunk_size_ - chunk_at_); }
  // The physical line (1-based) the next record starts on.
  [[nodiscard]] std::uint64_t next_line() const { return line_; }
  // Nothing carried from the records before into the next one (no stop, no character left open): a
  // reader started at next_offset() with start_mid_file() reads what this one would read from there.
  [[nodiscard]] bool at_clean_record_start() const { return stop_ == Stop::none && utf8_.complete(); }

  static constexpr std::size_t chunk_bytes = std::size_t{64} << 10;  // the default block size
  static constexpr std::size_t bom_bytes = 3;

 private:
  enum class Step { record, skipped, end };
  enum class State { field_start, unquoted, quoted, quote_in_quoted };
  enum class Stop { none, read_error, too_large, too_many_lines, utf16, not_utf8 };
  struct RecordProblems {
    bool nul = false;
    bool utf8 = false;
    [[nodiscard]] bool any() const { return nul || utf8; }
  };

  Step read_record(CsvRecord& record, Diagnostics& diagnostics);
  bool take_plain_line(CsvRecord& record);
  bool take_plain(CsvRecord& record, State& state);
  Step end_of_input(CsvRecord& record, State state, const RecordProblems& problems, Diagnostics& diagnostics);
  Step end_of_record(CsvRecord& record, const RecordProblems& problems);
  bool take_byte(CsvRecord& record, State& state, int byte, Diagnostics& diagnostics);
  bool start_next_field(CsvRecord& record, Diagnostics& diagnostics);
  void check_byte(int byte, RecordProblems& problems, Diagnostics& diagnostics);
  void fail_record(const std::string& message, Diagnostics& diagnostics);
  void report_stop(Diagnostics& diagnostics);
  SourceLoc loc(std::uint64_t line) const;

  int get();   // the next byte (0..255), or `end` at the end of the input or after a stop
  int peek();  // the same without consuming it
  bool fill();
  void skip_line();

  static constexpr int end = -1;

  std::istream& in_;
  std::string path_;
  std::uint64_t input_bytes_max_;
  std::size_t block_bytes_;  // bytes asked of each read after the first
  std::vector<char> chunk_;
  std::size_t chunk_at_ = 0;    // next byte to read in chunk_
  std::size_t chunk_size_ = 0;  // bytes of chunk_ filled
  std::uint64_t input_bytes_ = 0;
  std::uint64_t line_ = 1;        // physical line of the next byte
  std::uint64_t byte_line_ = 1;   // physical line of the byte get() returned last
  std::uint64_t quote_line_ = 0;  // where the open quoted field started
  detail::Utf8Checker utf8_;
  Stop stop_ = Stop::none;
  bool at_end_ = false;
  bool first_chunk_ = true;
  bool stop_reported_ = false;
  bool utf8_reported_ = false;  // the conversion hint is given once
  bool stop_at_not_utf8_ = false;
  std::size_t skipped_record_count_ = 0;
};

}  // namespace prorata::io
