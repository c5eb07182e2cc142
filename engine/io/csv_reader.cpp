#include "io/csv_reader.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <utility>

#include "core/assert.h"
#include "io/csv_scan.h"

namespace prorata::io {

namespace {

constexpr std::uint64_t line_max = std::numeric_limits<std::uint32_t>::max();  // SourceLoc::line is 32-bit

static_assert(CsvReader::chunk_bytes >= CsvReader::bom_bytes + 1, "the default chunk holds the BOM and more");
static_assert(limits::csv_field_count_max >= 2);

std::string hex_byte(std::uint8_t byte) {
  constexpr const char* digits = "0123456789ABCDEF";
  return std::string("0x") + digits[byte >> 4] + digits[byte & 0x0F];
}

// The path as the user would type it in a shell command, or FILE when it would need quoting.
std::string shell_word(const std::string& path) {
  const bool plain = !path.empty() && std::all_of(path.begin(), path.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-' || c == '/' || c == '+';
  });
  return plain ? path : "FILE";
}

// The first bad line says how to convert the file; the next ones only where they are, so a Latin-1
// export of a thousand lines does not repeat the hint a thousand times.
std::string not_utf8_message(std::uint8_t byte, const std::string& path, bool with_hint, bool stops) {
  const std::string file = shell_word(path);
  std::string message = "invalid UTF-8 (byte " + hex_byte(byte) + ")";
  if (!with_hint) return message + ": see the first such line for how to convert the file";
  message += ": the file is not UTF-8 (a Windows-1252/Latin-1 export?): convert it with `iconv -f WINDOWS-1252 -t UTF-8 " +
             file + " > " + file + ".utf8`";
  if (stops) message += "; nothing after this line is read or checked until then";
  return message;
}

}  // namespace

void CsvRecord::clear(std::uint32_t line) {
  text_.clear();  // keeps the capacity: no allocation once records stop growing
  view_ = {};
  fields_.clear();
  raw_bytes_ = 0;
  line_ = line;
  plain_ = false;
}

void CsvRecordCopies::push_back(const CsvRecord& record) {
  PRORATA_ASSERT(record.view_.size() <= limits::csv_record_bytes_max);
  PRORATA_ASSERT(record.fields_.size() <= limits::csv_field_count_max);
  copies_.push_back({text_.size(), static_cast<std::uint32_t>(record.view_.size()),
                     static_cast<std::uint32_t>(fields_.size()), static_cast<std::uint32_t>(record.fields_.size()),
                     record.line_, record.raw_bytes_, record.plain_});
  text_.append(record.view_);
  fields_.insert(fields_.end(), record.fields_.begin(), record.fields_.end());
}

void CsvRecordCopies::load(std::size_t index, std::uint32_t line_offset, CsvRecord& record) const {
  PRORATA_ASSERT(index < copies_.size());
  const Copy& copy = copies_[index];
  PRORATA_ASSERT(copy.line <= std::numeric_limits<std::uint32_t>::max() - line_offset);
  record.clear(copy.line + line_offset);
  record.view_ = std::string_view(text_).substr(copy.text_begin, copy.text_bytes);
  const auto first = fields_.begin() + copy.field_begin;
  record.fields_.assign(first, first + copy.field_count);
  record.raw_bytes_ = copy.raw_bytes;
  record.plain_ = copy.plain;
}

namespace detail {

bool Utf8Checker::start(std::uint8_t byte) {
  lead_byte_ = byte;
  next_min_ = 0x80;
  next_max_ = 0xBF;
  pending_ = 0;
  if (byte < 0x80) return true;
  if (byte < 0xC2) return false;  // a continuation byte, or the lead of an overlong 2-byte form
  if (byte < 0xE0) {
    pending_ = 1;
  } else if (byte < 0xF0) {
    pending_ = 2;
    if (byte == 0xE0) next_min_ = 0xA0;  // overlong below U+0800
    if (byte == 0xED) next_max_ = 0x9F;  // surrogates U+D800..U+DFFF
  } else if (byte < 0xF5) {
    pending_ = 3;
    if (byte == 0xF0) next_min_ = 0x90;  // overlong below U+10000
    if (byte == 0xF4) next_max_ = 0x8F;  // above U+10FFFF
  } else {
    return false;
  }
  return true;
}

bool Utf8Checker::feed(std::uint8_t byte) {
  if (pending_ == 0) {
    bad_byte_ = byte;
    return start(byte);
  }
  if (byte < next_min_ || byte > next_max_) {
    bad_byte_ = lead_byte_;  // blame the byte that opened the broken sequence (0xE9 for a Latin-1 é)
    start(byte);
    return false;
  }
  --pending_;
  next_min_ = 0x80;
  next_max_ = 0xBF;
  return true;
}

}  // namespace detail

CsvReader::CsvReader(std::istream& in, std::string path, std::uint64_t input_bytes_max, std::size_t block_bytes)
    : in_(in),
      path_(std::move(path)),
      input_bytes_max_(input_bytes_max),
      block_bytes_(block_bytes),
      chunk_(std::max(block_bytes, bom_bytes)) {
  PRORATA_ASSERT(block_bytes >= 1);
}

bool CsvReader::next(CsvRecord& record, Diagnostics& diagnostics) {
  // Each pass consumes at least one byte, so the loop ends with the input.
  for (;;) {
    const Step step = read_record(record, diagnostics);
    if (step == Step::record) return true;
    if (step == Step::end) {
      report_stop(diagnostics);
      return false;
    }
    ++skipped_record_count_;
    if (stop_at_not_utf8_ && utf8_reported_) {  // reported with the hint, at its line
      stop_ = Stop::not_utf8;
      return false;
    }
  }
}

CsvReader::Step CsvReader::read_record(CsvRecord& record, Diagnostics& diagnostics) {
  record.clear(static_cast<std::uint32_t>(std::min(line_, line_max)));  // get() stops past line_max
  if (take_plain_line(record)) return Step::record;
  State state = State::field_start;
  RecordProblems problems;
  for (;;) {
    if (take_plain(record, state)) return end_of_record(record, problems);
    const int byte = get();
    if (byte == end) return end_of_input(record, state, problems, diagnostics);
    // An ASCII byte other than NUL, after a complete character, can raise no byte-level problem.
    if (byte == 0 || byte >= 0x80 || !utf8_.complete()) check_byte(byte, problems, diagnostics);
    if (state != State::quoted && (byte == '\n' || byte == '\r')) {
      if (byte == '\n') return end_of_record(record, problems);
      if (peek() == '\n') {
        get();
        return end_of_record(record, problems);
      }
      if (stop_ != Stop::none) return Step::end;
      diagnostics.error(loc(byte_line_),
                        "a carriage return (CR) inside an unquoted field: lines end with LF or "
                        "CRLF (quote a field to keep a CR in it)");
      skip_line();
      return Step::skipped;
    }
    if (++record.raw_bytes_ > limits::csv_record_bytes_max) {
      std::string message = "record longer than " + std::to_string(limits::csv_record_bytes_max) + " bytes";
      if (state == State::quoted) {
        message += " (the quote opened on line " + std::to_string(quote_line_) + " may never be closed)";
      }
      diagnostics.error(loc(record.line()), message);
      skip_line();
      return Step::skipped;
    }
    if (!take_byte(record, state, byte, diagnostics)) return Step::skipped;
  }
}

// A whole plain line (CsvRecord::is_plain) in the block, within the limits of a record: its fields are
// cut at its commas, in place, with no byte copied. These are the records the state machine below
// would read without any decision and without any problem; any other line is left to it, from its
// first byte. True when it took the line.
bool CsvReader::take_plain_line(CsvRecord& record) {
  if (stop_ != Stop::none || line_ >= line_max || !utf8_.complete() || peek() == end) return false;
  const char* begin = chunk_.data() + chunk_at_;
  const std::size_t scanned_bytes = std::min(chunk_size_ - chunk_at_, limits::csv_record_bytes_max + 2);  // + CRLF
  const auto* lf = static_cast<const char*>(std::memchr(begin, '\n', scanned_bytes));
  if (lf == nullptr) return false;  // the line goes on in the next block, or is too long
  std::size_t bytes = static_cast<std::size_t>(lf - begin);
  if (bytes > 0 && begin[bytes - 1] == '\r') --bytes;  // CRLF
  if (bytes > limits::csv_record_bytes_max) return false;
  if (!detail::plain_line_fields(begin, bytes, limits::csv_field_count_max, [&](std::size_t from, std::size_t to) {
        record.fields_.push_back({static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to)});
      })) {
    record.fields_.clear();
    return false;
  }
  record.view_ = std::string_view(begin, bytes);
  record.raw_bytes_ = bytes;
  record.plain_ = true;
  chunk_at_ += static_cast<std::size_t>(lf - begin) + 1;
  byte_line_ = line_++;
  return true;
}

// Takes what the state machine would take without a decision: the plain bytes of the chunk (copied
// in runs), and outside quotes the commas and the LF that ends the record. Stops before any byte
// that could be a problem or change the state otherwise (a quote, CR, NUL, a byte >= 0x80, the byte
// past a limit), left to read_record one at a time, and at the end of the chunk. True when it took
// the record's LF.
bool CsvReader::take_plain(CsvRecord& record, State& state) {
  // get() would stop, or check the byte against an open UTF-8 sequence: one at a time then.
  if (stop_ != Stop::none || line_ > line_max || !utf8_.complete()) return false;
  for (;;) {
    if (state == State::quote_in_quoted) return false;
    PRORATA_ASSERT(record.raw_bytes_ <= limits::csv_record_bytes_max);
    PRORATA_ASSERT(chunk_at_ <= chunk_size_);
    const std::size_t allowed_bytes =
        std::min(chunk_size_ - chunk_at_, limits::csv_record_bytes_max - record.raw_bytes_);
    const char* run = chunk_.data() + chunk_at_;
    const std::size_t run_bytes = detail::plain_prefix_bytes(
        run, allowed_bytes, state == State::quoted ? detail::stops_quoted : detail::stops_unquoted);
    if (run_bytes > 0) {
      record.text_.append(run, run_bytes);
      record.raw_bytes_ += run_bytes;
      chunk_at_ += run_bytes;
      byte_line_ = line_;
      if (state == State::field_start) state = State::unquoted;
    }
    if (chunk_at_ == chunk_size_ || state == State::quoted) return false;
    const char next = chunk_[chunk_at_];
    if (next == '\n') {  // outside quotes: the record ends (the LF is not one of its bytes)
      ++chunk_at_;
      byte_line_ = line_++;
      return true;
    }
    // A comma that starts a field within the limits; any other byte, one at a time.
    if (next != ',' || record.raw_bytes_ == limits::csv_record_bytes_max ||
        record.field_count() + 1 >= limits::csv_field_count_max) {
      return false;
    }
    ++chunk_at_;
    byte_line_ = line_;
    ++record.raw_bytes_;
    record.end_field();
    state = State::field_start;
  }
}

// Moves the record's state machine by one byte (never a line ending outside quotes). False when the
// record is malformed: it is then reported and the rest of its line skipped.
bool CsvReader::take_byte(CsvRecord& record, State& state, int byte, Diagnostics& diagnostics) {
  const char c = static_cast<char>(byte);
  switch (state) {
    case State::field_start:
      if (byte == '"') {
        state = State::quoted;
        quote_line_ = byte_line_;
        return true;
      }
      if (byte == ',') return start_next_field(record, diagnostics);
      record.text_.push_back(c);
      state = State::unquoted;
      return true;
    case State::unquoted:
      if (byte == ',') {
        state = State::field_start;
        return start_next_field(record, diagnostics);
      }
      if (byte == '"') {
        fail_record(
            "a quote '\"' inside an unquoted field: quote the whole field and double the quotes inside it "
            "(\"say \"\"hi\"\"\")",
            diagnostics);
        return false;
      }
      record.text_.push_back(c);
      return true;
    case State::quoted:
      if (byte == '"') {
        state = State::quote_in_quoted;
      } else {
        record.text_.push_back(c);
      }
      return true;
    case State::quote_in_quoted:
      if (byte == '"') {  // "" stands for one quote
        record.text_.push_back('"');
        state = State::quoted;
        return true;
      }
      if (byte == ',') {
        state = State::field_start;
        return start_next_field(record, diagnostics);
      }
      fail_record(
          "text after the closing quote of a field: a quoted field ends at its closing quote (write \"\" "
          "for a quote inside it)",
          diagnostics);
      return false;
  }
  return false;
}

// A comma: the field ends and another one starts.
bool CsvReader::start_next_field(CsvRecord& record, Diagnostics& diagnostics) {
  record.end_field();
  if (record.field_count() < limits::csv_field_count_max) return true;
  diagnostics.error(loc(record.line()),
                    "more than " + std::to_string(limits::csv_field_count_max) + " fields in one record");
  skip_line();
  return false;
}

CsvReader::Step CsvReader::end_of_record(CsvRecord& record, const RecordProblems& problems) {
  record.end_field();
  record.view_copied_text();
  PRORATA_ASSERT(record.field_count() <= limits::csv_field_count_max);
  PRORATA_ASSERT(record.raw_bytes_ <= limits::csv_record_bytes_max);
  return problems.any() ? Step::skipped : Step::record;
}

CsvReader::Step CsvReader::end_of_input(CsvRecord& record, State state, const RecordProblems& problems,
                                        Diagnostics& diagnostics) {
  if (stop_ != Stop::none) return Step::end;  // a partial record is never handed out
  if (state == State::quoted) {
    diagnostics.error(loc(quote_line_), "unterminated quoted field: the quote opened on line " +
                                            std::to_string(quote_line_) + " is never closed");
    return Step::skipped;
  }
  if (record.raw_bytes_ == 0) return Step::end;
  RecordProblems last = problems;
  if (!utf8_.complete() && !last.utf8) {  // the file ends inside a multi-byte character
    last.utf8 = true;
    diagnostics.error(loc(byte_line_), not_utf8_message(utf8_.lead_byte(), path_, !utf8_reported_, stop_at_not_utf8_));
    utf8_reported_ = true;
  }
  return end_of_record(record, last);
}

// Byte-level problems leave the record's structure intact: reported once per record, which is then
// read to its end (so the next record starts where it should) and dropped.
void CsvReader::check_byte(int byte, RecordProblems& problems, Diagnostics& diagnostics) {
  PRORATA_ASSERT(byte >= 0 && byte <= 0xFF);
  if (byte == 0 && !problems.nul) {
    problems.nul = true;
    diagnostics.error(loc(byte_line_), "a NUL byte (0x00): a journal is UTF-8 text (is this file UTF-16, or binary?)");
  }
  if (!utf8_.feed(static_cast<std::uint8_t>(byte)) && !problems.utf8) {
    problems.utf8 = true;
    diagnostics.error(loc(byte_line_), not_utf8_message(utf8_.bad_byte(), path_, !utf8_reported_, stop_at_not_utf8_));
    utf8_reported_ = true;
  }
}

void CsvReader::fail_record(const std::string& message, Diagnostics& diagnostics) {
  diagnostics.error(loc(byte_line_), message);
  skip_line();
}

void CsvReader::report_stop(Diagnostics& diagnostics) {
  if (stop_ == Stop::none || stop_reported_) return;
  stop_reported_ = true;
  switch (stop_) {
    case Stop::none:
    case Stop::not_utf8: break;  // reported at its line
    case Stop::read_error: diagnostics.error(loc(0), "read error: the file could not be read to its end"); break;
    case Stop::too_large:
      diagnostics.error(loc(0), "the file is larger than " + std::to_string(input_bytes_max_) + " bytes (the limit)");
      break;
    case Stop::too_many_lines: diagnostics.error(loc(0), "more than " + std::to_string(line_max) + " lines"); break;
    case Stop::utf16:
      diagnostics.error(loc(1), "the file is UTF-16 (a spreadsheet's \"Unicode text\" export?): save it as CSV UTF-8, "
                                "or convert it with `iconv -f UTF-16 -t UTF-8 " + shell_word(path_) + " > " +
                                    shell_word(path_) + ".utf8`");
      break;
  }
}

SourceLoc CsvReader::loc(std::uint64_t line) const {
  PRORATA_ASSERT(line <= line_max);
  return SourceLoc{path_, static_cast<std::uint32_t>(line), 0};
}

int CsvReader::get() {
  if (peek() == end) return end;
  if (line_ > line_max) {
    stop_ = Stop::too_many_lines;
    return end;
  }
  const auto byte = static_cast<unsigned char>(chunk_[chunk_at_++]);
  byte_line_ = line_;
  if (byte == '\n') ++line_;
  return byte;
}

int CsvReader::peek() {
  if (stop_ != Stop::none) return end;
  while (chunk_at_ == chunk_size_) {  // a chunk can be empty once its BOM is skipped
    if (!fill()) return end;
  }
  return static_cast<unsigned char>(chunk_[chunk_at_]);
}

bool CsvReader::fill() {
  if (at_end_ || stop_ != Stop::none) return false;
  // read() waits for all the bytes asked or the end, so a BOM is never split across the first two chunks.
  const std::size_t asked = first_chunk_ ? chunk_.size() : block_bytes_;
  in_.read(chunk_.data(), static_cast<std::streamsize>(asked));
  const std::streamsize got = in_.gcount();
  if (in_.bad()) {
    stop_ = Stop::read_error;
    return false;
  }
  if (got <= 0) {
    at_end_ = true;
    return false;
  }
  chunk_at_ = 0;
  chunk_size_ = static_cast<std::size_t>(got);
  PRORATA_ASSERT(chunk_size_ <= asked);
  input_bytes_ += chunk_size_;
  if (input_bytes_ > input_bytes_max_) {
    stop_ = Stop::too_large;
    return false;
  }
  if (first_chunk_) {
    first_chunk_ = false;
    if (chunk_size_ >= 3 && chunk_[0] == '\xEF' && chunk_[1] == '\xBB' && chunk_[2] == '\xBF') chunk_at_ = 3;
    // A UTF-16 BOM (a spreadsheet's "Unicode text" export): one clear error instead of one per line.
    if (chunk_size_ >= 2 && ((chunk_[0] == '\xFF' && chunk_[1] == '\xFE') || (chunk_[0] == '\xFE' && chunk_[1] == '\xFF'))) {
      stop_ = Stop::utf16;
      return false;
    }
  }
  return true;
}

// As get() byte by byte up to the LF, taken whole chunks at a time.
void CsvReader::skip_line() {
  while (peek() != end) {
    if (line_ > line_max) {  // as get() would
      stop_ = Stop::too_many_lines;
      break;
    }
    const char* from = chunk_.data() + chunk_at_;
    const std::size_t left_bytes = chunk_size_ - chunk_at_;
    byte_line_ = line_;
    const void* lf = std::memchr(from, '\n', left_bytes);
    if (lf != nullptr) {
      chunk_at_ += static_cast<std::size_t>(static_cast<const char*>(lf) - from) + 1;
      ++line_;
      break;
    }
    chunk_at_ = chunk_size_;
  }
  utf8_.reset();
}

}  // namespace prorata::io
