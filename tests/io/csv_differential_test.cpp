// The fast CSV reader (io/csv_reader.h) against the byte-at-a-time one it replaced
// (tests/support/csv_reference_reader.h): on generated inputs, every record, every diagnostic and
// every stop must be the same, at the default block size and at small ones; and the records and
// diagnostics do not depend on the block size at all (when no size limit stops the reading).
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/limits.h"
#include "csv_reference_reader.h"
#include "csv_transcript.h"
#include "io/csv_reader.h"

using prorata::io::CsvReader;
using prorata::io::CsvRecord;
using prorata::testing::csv_transcript;
using prorata::testing::CsvReadOptions;
using prorata::testing::ReferenceCsvReader;
using prorata::testing::ReferenceCsvRecord;
namespace limits = prorata::limits;
using namespace std::string_literals;

namespace {

std::string fast(std::string_view input, const CsvReadOptions& options) {
  return csv_transcript<CsvReader, CsvRecord>(input, options);
}
std::string reference(std::string_view input, const CsvReadOptions& options) {
  return csv_transcript<ReferenceCsvReader, ReferenceCsvRecord>(input, options);
}

// Pieces the inputs are made of: structure, plain text, and every kind of UTF-8, good and bad.
const std::vector<std::string>& pieces() {
  static const std::vector<std::string> all = {
      "a", "date", "2021-03-01", "12.50", " ", "x y", ",", ",", ",", "\"", "\"\"", "\"a,b\"", "\r", "\n", "\n", "\r\n",
      "\0"s, "\t",
      "\xC3\xA9",          // é: 2 bytes
      "\xE2\x82\xAC",      // €: 3 bytes
      "\xF0\x9F\x98\x80",  // an emoji: 4 bytes
      "\xEF\xBB\xBF",      // U+FEFF, the BOM, in the middle of a file
      "\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF",
      "\x80", "\xBF",                     // lone continuation bytes
      "\xC0\x80", "\xC1\xBF",             // overlong 2-byte forms
      "\xE0\x80\x80", "\xE0\x9F\xBF",     // overlong 3-byte forms
      "\xF0\x80\x80\x80", "\xF0\x8F\xBF\xBF",  // overlong 4-byte forms
      "\xED\xA0\x80", "\xED\xBF\xBF",     // surrogates
      "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF", "\xFE",  // above U+10FFFF, never in UTF-8
      "\xC3", "\xE2\x82", "\xF0\x9F\x98",  // cut short
      "\xE9",                              // Latin-1 é
  };
  return all;
}

// A random mix of pieces, sometimes after a BOM, sometimes with a run of bytes near the record limit
// or a record near the field limit.
std::string generated_input(std::mt19937_64& random) {
  std::string input;
  const std::uint64_t start = random() % 8;
  if (start == 0) input += "\xEF\xBB\xBF";
  if (start == 1) input += "\xFF\xFE";
  if (start == 2) input += "\xFE\xFF";
  if (start == 3) input += "\xEF\xBB";
  const std::size_t piece_count = random() % 60;
  for (std::size_t i = 0; i < piece_count; ++i) {
    const std::uint64_t pick = random() % 1'000;
    if (pick == 0) {  // a field near csv_record_bytes_max, from either side
      const std::size_t size = limits::csv_record_bytes_max - 3 + random() % 6;
      input += std::string(size, random() % 2 == 0 ? 'x' : ',');
    } else if (pick == 1) {  // near csv_field_count_max fields
      const std::size_t commas = limits::csv_field_count_max - 2 + random() % 3;
      input += std::string(commas, ',');
    } else if (pick == 2) {  // an open quote near the record limit
      input += "\"" + std::string(limits::csv_record_bytes_max - 2 + random() % 4, 'q');
    } else {
      input += pieces()[random() % pieces().size()];
    }
  }
  return input;
}

}  // namespace

TEST_CASE("csv differential: the reference reader is the reader of the unit tests") {
  // The oracle is only worth comparing with if it reads CSV right: a few values known by hand.
  const CsvReadOptions options{limits::journal_file_bytes_max, CsvReader::chunk_bytes, false};
  CHECK(reference("a,\"b\"\"c\"\r\n\xC3\xA9\n", options) ==
        "record line 1: [1]a [3]b\"c\n"
        "record line 2: [2]\xC3\xA9\n"
        "errors 0, skipped 0\n");
  CHECK(reference("x\"y\nok\n", options) ==
        "record line 2: [2]ok\n"
        "t.csv:1: error: a quote '\"' inside an unquoted field: quote the whole field and double the quotes inside "
        "it (\"say \"\"hi\"\"\")\n"
        "errors 1, skipped 1\n");
}

TEST_CASE("csv differential: the same records and diagnostics as the reference on generated inputs") {
  std::mt19937_64 random(20240601);
  constexpr std::array<std::size_t, 6> small_blocks = {1, 2, 3, 5, 7, 64};
  std::size_t compared = 0;
  for (int round = 0; round < 3'000; ++round) {
    const std::string input = generated_input(random);
    CsvReadOptions options{limits::journal_file_bytes_max, CsvReader::chunk_bytes, random() % 4 == 0};
    if (random() % 10 == 0) options.input_bytes_max = random() % (input.size() + 2);  // the size limit too
    CAPTURE(round);
    CAPTURE(input);
    const std::string expected = reference(input, options);
    REQUIRE(fast(input, options) == expected);
    options.block_bytes = small_blocks[random() % small_blocks.size()];
    CAPTURE(options.block_bytes);
    REQUIRE(fast(input, options) == reference(input, options));
    compared += 2;
  }
  CHECK(compared == 6'000);
}

TEST_CASE("csv differential: a journal-like file with long lines, quotes and non-ASCII memos") {
  std::string input = "date,event,party,amount,ref,category,memo\r\n";
  for (int i = 0; i < 2'000; ++i) {
    input += "2021-03-" + std::to_string(10 + i % 20) + ",expense,,1" + std::to_string(i) + ".25,,travaux,";
    if (i % 7 == 0) input += "\"caf\xC3\xA9, \"\"\xE2\x82\xAC\"\"\nsuite\"";
    if (i % 11 == 0) input += std::string(static_cast<std::size_t>(i) * 30, 'm');
    if (i % 97 == 0) input += "caf\xE9";  // Latin-1: reported, the record skipped
    input += i % 3 == 0 ? "\r\n" : "\n";
  }
  for (bool stop : {false, true}) {
    const CsvReadOptions options{limits::journal_file_bytes_max, CsvReader::chunk_bytes, stop};
    CHECK(fast(input, options) == reference(input, options));
  }
}

TEST_CASE("csv differential: block sizes 1, 2, 3, 7, 64 and the default give the same result") {
  // Fields, quoted fields with doubled quotes, CRLF pairs and multi-byte characters at every offset:
  // a prefix of 0 to 8 bytes shifts everything across the block boundaries.
  const std::string body =
      "date,memo\r\n2021-01-01,\"caf\xC3\xA9 \"\"\xE2\x82\xAC\"\", \xF0\x9F\x98\x80\"\r\n"
      "2021-01-02,\xE2\x82\xAC\xE2\x82\xAC\n\"a\r\nb\",\"\"\r\n\xC3\n\"x\"y\nz\rw\nlast\r";
  for (const std::string& start : {""s, "\xEF\xBB\xBF"s, "\xFF\xFE"s}) {
    for (std::size_t shift = 0; shift <= 8; ++shift) {
      const std::string input = start + std::string(shift, 's') + body;
      CAPTURE(input);
      const CsvReadOptions by_default{limits::journal_file_bytes_max, CsvReader::chunk_bytes, false};
      const std::string expected = fast(input, by_default);
      CHECK(expected == reference(input, by_default));
      for (std::size_t block_bytes : {1u, 2u, 3u, 7u, 64u}) {
        CAPTURE(block_bytes);
        CHECK(fast(input, {limits::journal_file_bytes_max, block_bytes, false}) == expected);
      }
    }
  }
  // What the body reads as, written out by hand: the values the transcripts above agree on.
  const std::string read = fast(body, {limits::journal_file_bytes_max, 1, false});
  CHECK(read ==
        "record line 1: [4]date [4]memo\n"
        "record line 2: [10]2021-01-01 [17]caf\xC3\xA9 \"\xE2\x82\xAC\", \xF0\x9F\x98\x80\n"
        "record line 3: [10]2021-01-02 [6]\xE2\x82\xAC\xE2\x82\xAC\n"
        "record line 4: [4]a\r\nb [0]\n"
        "t.csv:6: error: invalid UTF-8 (byte 0xC3): the file is not UTF-8 (a Windows-1252/Latin-1 export?): convert "
        "it with `iconv -f WINDOWS-1252 -t UTF-8 t.csv > t.csv.utf8`\n"
        "t.csv:7: error: text after the closing quote of a field: a quoted field ends at its closing quote (write "
        "\"\" for a quote inside it)\n"
        "t.csv:8: error: a carriage return (CR) inside an unquoted field: lines end with LF or CRLF (quote a field "
        "to keep a CR in it)\n"
        "t.csv:9: error: a carriage return (CR) inside an unquoted field: lines end with LF or CRLF (quote a field "
        "to keep a CR in it)\n"
        "errors 4, skipped 4\n");
}
