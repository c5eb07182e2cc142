#include "io/csv_reader.h"

#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <vector>

#include "core/limits.h"

using namespace std::string_literals;
using prorata::Diagnostics;
using prorata::format_diagnostic;
using prorata::io::CsvReader;
using prorata::io::CsvRecord;
namespace limits = prorata::limits;

namespace {

using Fields = std::vector<std::string>;

struct ReadAll {
  std::vector<std::uint32_t> lines;  // of each record handed out
  std::vector<Fields> records;
  std::vector<bool> empty_lines;
  Diagnostics diagnostics;
  std::size_t skipped_record_count = 0;

  [[nodiscard]] std::vector<std::uint32_t> error_lines() const {
    std::vector<std::uint32_t> out;
    for (const auto& d : diagnostics.items()) out.push_back(d.loc.line);
    return out;
  }
  [[nodiscard]] std::string message(std::size_t index) const { return diagnostics.items().at(index).message; }
};

ReadAll read_from(std::istream& in, std::uint64_t input_bytes_max = limits::journal_file_bytes_max) {
  CsvReader reader(in, "j.csv", input_bytes_max);
  CsvRecord record;
  ReadAll out;
  while (reader.next(record, out.diagnostics)) {
    out.lines.push_back(record.line());
    Fields fields;
    for (std::size_t i = 0; i < record.field_count(); ++i) fields.emplace_back(record.field(i));
    out.records.push_back(fields);
    out.empty_lines.push_back(record.is_empty_line());
  }
  CHECK_FALSE(reader.next(record, out.diagnostics));  // the end stays the end
  out.skipped_record_count = reader.skipped_record_count();
  return out;
}

ReadAll read_all(const std::string& text, std::uint64_t input_bytes_max = limits::journal_file_bytes_max) {
  std::istringstream in(text);
  return read_from(in, input_bytes_max);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("csv: plain records, their fields and lines") {
  const ReadAll r = read_all("a,b,c\n1,2,3\n");
  CHECK(r.diagnostics.empty());
  CHECK(r.records == std::vector<Fields>{{"a", "b", "c"}, {"1", "2", "3"}});
  CHECK(r.lines == std::vector<std::uint32_t>{1, 2});
}

TEST_CASE("csv: empty fields, no final newline, empty lines") {
  CHECK(read_all("a,b").records == std::vector<Fields>{{"a", "b"}});
  CHECK(read_all("a,\n").records == std::vector<Fields>{{"a", ""}});
  CHECK(read_all(",a\n").records == std::vector<Fields>{{"", "a"}});
  CHECK(read_all(",\n").records == std::vector<Fields>{{"", ""}});
  CHECK(read_all("").records.empty());

  const ReadAll r = read_all("a\n\nb\n\"\"\n");
  CHECK(r.records == std::vector<Fields>{{"a"}, {""}, {"b"}, {""}});
  CHECK(r.lines == std::vector<std::uint32_t>{1, 2, 3, 4});
  CHECK(r.empty_lines ==
        std::vector<bool>{false, true, false, false});  // "" is a quoted empty field, not an empty line
}

TEST_CASE("csv: quoted fields keep commas and doubled quotes") {
  const ReadAll r = read_all("\"a,b\",\"say \"\"hi\"\"\",c,\"\"\"\"\n");
  CHECK(r.diagnostics.empty());
  CHECK(r.records == std::vector<Fields>{{"a,b", "say \"hi\"", "c", "\""}});
}

TEST_CASE("csv: an embedded newline moves the line numbers of later records") {
  const ReadAll r = read_all("x,\"line1\nline2\",y\nnext,1\n\"a\n\nb\",2\nlast\n");
  CHECK(r.diagnostics.empty());
  CHECK(r.records == std::vector<Fields>{{"x", "line1\nline2", "y"}, {"next", "1"}, {"a\n\nb", "2"}, {"last"}});
  CHECK(r.lines == std::vector<std::uint32_t>{1, 3, 4, 7});
}

TEST_CASE("csv: CRLF line endings; a CRLF inside quotes is kept") {
  const ReadAll r = read_all("a,b\r\nc,d\r\n\r\n\"x\r\ny\",z\r\nw");
  CHECK(r.diagnostics.empty());
  CHECK(r.records == std::vector<Fields>{{"a", "b"}, {"c", "d"}, {""}, {"x\r\ny", "z"}, {"w"}});
  CHECK(r.lines == std::vector<std::uint32_t>{1, 2, 3, 4, 6});
  CHECK(r.empty_lines == std::vector<bool>{false, false, true, false, false});
}

TEST_CASE("csv: a leading UTF-8 BOM is skipped, only at the start") {
  const ReadAll r = read_all(
      "\xEF\xBB\xBF"
      "date,event\n2021-01-01,payment\n\xEF\xBB\xBF\n");
  CHECK(r.diagnostics.empty());
  CHECK(r.records == std::vector<Fields>{{"date", "event"}, {"2021-01-01", "payment"}, {"\xEF\xBB\xBF"}});
  CHECK(r.lines == std::vector<std::uint32_t>{1, 2, 3});
  const ReadAll bom_only = read_all("\xEF\xBB\xBF");
  CHECK(bom_only.records.empty());
  CHECK(bom_only.diagnostics.empty());
}

TEST_CASE("csv: a Latin-1 byte is reported on its line, with the iconv hint once; the other lines are read") {
  const ReadAll r = read_all("date,memo\n2021-01-01,caf\xE9\n2021-01-02,ok\n2021-01-03,d\xE9j\xE0\n");
  CHECK(r.records == std::vector<Fields>{{"date", "memo"}, {"2021-01-02", "ok"}});
  CHECK(r.lines == std::vector<std::uint32_t>{1, 3});
  REQUIRE(r.diagnostics.size() == 2);
  CHECK(format_diagnostic(r.diagnostics.items()[0]) ==
        "j.csv:2: error: invalid UTF-8 (byte 0xE9): the file is not UTF-8 (a Windows-1252/Latin-1 export?): "
        "convert it with `iconv -f WINDOWS-1252 -t UTF-8 j.csv > j.csv.utf8`");
  CHECK(format_diagnostic(r.diagnostics.items()[1]) ==
        "j.csv:4: error: invalid UTF-8 (byte 0xE9): see the first such line for how to convert the file");
  CHECK(r.skipped_record_count == 2);
}

TEST_CASE("csv: UTF-8 is checked strictly, once per record") {
  const std::string text =
      "\xC3\xA9,\xE2\x82\xAC,\xF0\x9F\x98\x80,\xEF\xBB\xBF\n"  // 1: é, €, an emoji, U+FEFF: all valid
      "\xC0\x80\n"                                             // 2: overlong NUL
      "\xED\xA0\x80\n"                                         // 3: a surrogate
      "\xF4\x90\x80\x80\n"                                     // 4: above U+10FFFF
      "a\x80"
      "b\n"                 // 5: a lone continuation byte
      "\xFF\xFE\n"          // 6: never in UTF-8 (reported once)
      "\xE2\x82\n"          // 7: cut short by the line end
      "\xF5\x80\x80\x80\n"  // 8: lead byte out of range
      "end\n"               // 9
      "\xC3";               // 10: cut short by the end of the file
  const ReadAll r = read_all(text);
  CHECK(r.lines == std::vector<std::uint32_t>{1, 9});
  CHECK(r.error_lines() == std::vector<std::uint32_t>{2, 3, 4, 5, 6, 7, 8, 10});
  const std::vector<std::string> blamed = {"0xC0", "0xED", "0xF4", "0x80", "0xFF", "0xE2", "0xF5", "0xC3"};
  REQUIRE(r.diagnostics.size() == blamed.size());
  for (std::size_t i = 0; i < blamed.size(); ++i) CHECK(contains(r.message(i), "(byte " + blamed[i] + ")"));
}

TEST_CASE("csv: characters and CRLF split across two chunks") {
  static_assert(CsvReader::chunk_bytes == 65'536, "the offsets below assume 64 KiB chunks");
  // Line 1 is 65534 'a' + LF (65535 bytes): the two bytes of é sit at offsets 65535 and 65536.
  const ReadAll r = read_all(std::string(65'534, 'a') + "\n\xC3\xA9,x\n");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0] == Fields{std::string(65'534, 'a')});
  CHECK(r.records[1] == Fields{"\xC3\xA9", "x"});
  // Line 1 is 65535 'b' + CRLF: CR at offset 65535, LF at 65536.
  const ReadAll crlf = read_all(std::string(65'535, 'b') + "\r\nz\n");
  CHECK(crlf.diagnostics.empty());
  CHECK(crlf.lines == std::vector<std::uint32_t>{1, 2});
  CHECK(crlf.records.at(1) == Fields{"z"});
}

TEST_CASE("csv: a NUL byte is an error on its line") {
  const ReadAll r = read_all("a,b\nc\0d,e\nf,g\n"s);
  CHECK(r.records == std::vector<Fields>{{"a", "b"}, {"f", "g"}});
  CHECK(r.error_lines() == std::vector<std::uint32_t>{2});
  CHECK(contains(r.message(0), "NUL byte"));
}

TEST_CASE("csv: a record may hold csv_record_bytes_max bytes, not one more") {
  static_assert(limits::csv_record_bytes_max == 65'536);
  const ReadAll fits = read_all(std::string(65'536, 'x') + "\nok\n");
  CHECK(fits.diagnostics.empty());
  CHECK(fits.records.size() == 2);
  CHECK(fits.records.at(0).at(0).size() == 65'536);

  const ReadAll over = read_all(std::string(65'537, 'x') + "\nok\n");
  CHECK(over.records == std::vector<Fields>{{"ok"}});
  CHECK(over.lines == std::vector<std::uint32_t>{2});
  CHECK(over.error_lines() == std::vector<std::uint32_t>{1});
  CHECK(over.message(0) == "record longer than 65536 bytes");

  const ReadAll open_quote = read_all("a\n\"" + std::string(70'000, 'y') + "\nnext\n");
  CHECK(open_quote.records == std::vector<Fields>{{"a"}, {"next"}});
  CHECK(open_quote.lines == std::vector<std::uint32_t>{1, 3});
  CHECK(open_quote.error_lines() == std::vector<std::uint32_t>{2});
  CHECK(open_quote.message(0) == "record longer than 65536 bytes (the quote opened on line 2 may never be closed)");
}

TEST_CASE("csv: at most csv_field_count_max fields") {
  static_assert(limits::csv_field_count_max == 64);
  std::string fields_64 = "f";
  for (int i = 1; i < 64; ++i) fields_64 += ",f";
  const ReadAll fits = read_all(fields_64 + "\n");
  CHECK(fits.diagnostics.empty());
  CHECK(fits.records.at(0).size() == 64);

  const ReadAll over = read_all(fields_64 + ",f\nnext\n");
  CHECK(over.records == std::vector<Fields>{{"next"}});
  CHECK(over.error_lines() == std::vector<std::uint32_t>{1});
  CHECK(over.message(0) == "more than 64 fields in one record");
}

TEST_CASE("csv: an unterminated quote is reported where it opened") {
  const ReadAll r = read_all("a,b\nc,\"open\nmore\nlines\n");
  CHECK(r.records == std::vector<Fields>{{"a", "b"}});
  CHECK(r.error_lines() == std::vector<std::uint32_t>{2});
  CHECK(r.message(0) == "unterminated quoted field: the quote opened on line 2 is never closed");
}

TEST_CASE("csv: quote errors skip to the next line") {
  const ReadAll inside = read_all("ab\"c,d\nok,1\n");
  CHECK(inside.records == std::vector<Fields>{{"ok", "1"}});
  CHECK(inside.lines == std::vector<std::uint32_t>{2});
  CHECK(inside.error_lines() == std::vector<std::uint32_t>{1});
  CHECK(contains(inside.message(0), "a quote '\"' inside an unquoted field"));

  const ReadAll after = read_all("\"ab\" ,d\nok\n");
  CHECK(after.records == std::vector<Fields>{{"ok"}});
  CHECK(after.error_lines() == std::vector<std::uint32_t>{1});
  CHECK(contains(after.message(0), "text after the closing quote"));
}

TEST_CASE("csv: a bare CR outside quotes is an error; inside quotes it is kept") {
  const ReadAll bare = read_all("a\rb,c\nok\n");
  CHECK(bare.records == std::vector<Fields>{{"ok"}});
  CHECK(bare.error_lines() == std::vector<std::uint32_t>{1});
  CHECK(contains(bare.message(0), "carriage return (CR)"));

  const ReadAll old_mac = read_all("a,b\rc,d\r");  // CR-only line ends: one line, one error
  CHECK(old_mac.records.empty());
  CHECK(old_mac.error_lines() == std::vector<std::uint32_t>{1});

  const ReadAll quoted = read_all("\"a\rb\",c\n");
  CHECK(quoted.diagnostics.empty());
  CHECK(quoted.records == std::vector<Fields>{{"a\rb", "c"}});
}

TEST_CASE("csv: every problem of a file is reported, in file order, and good records still come out") {
  const std::string text =
      "h1,h2\n"              // 1
      "\"ab\"c,1\n"          // 2: text after a closing quote
      "x,y\n"                // 3
      "q\"q,1\n"             // 4: quote in an unquoted field
      "caf\xE9,1\n"          // 5: Latin-1
      "n\0,1\n"s             // 6: NUL
      "\"multi\nline\",2\n"  // 7-8: fine
      "a\rb,3\n"             // 9: bare CR
      "z,z\n"                // 10
      "\"never closed\n"     // 11: unterminated
      "z,z\n";               // 12: swallowed by the open quote
  const ReadAll r = read_all(text);
  CHECK(r.lines == std::vector<std::uint32_t>{1, 3, 7, 10});
  CHECK(r.records == std::vector<Fields>{{"h1", "h2"}, {"x", "y"}, {"multi\nline", "2"}, {"z", "z"}});
  CHECK(r.error_lines() == std::vector<std::uint32_t>{2, 4, 5, 6, 9, 11});
  CHECK(r.skipped_record_count == 6);
}

TEST_CASE("csv: diagnostics stop growing at limits::diagnostics_max") {
  std::string text;
  for (int i = 0; i < 1'500; ++i) text += "\"x\"y\n";
  const ReadAll r = read_all(text);
  CHECK(r.records.empty());
  CHECK(r.diagnostics.size() == limits::diagnostics_max);
  CHECK(r.skipped_record_count == 1'500);
  CHECK(contains(r.diagnostics.items().back().message, "further errors not shown"));
}

TEST_CASE("csv: an input larger than the limit is one error and no partial record") {
  const ReadAll over = read_all("0123456789,abcdefghi\n", 10);
  CHECK(over.records.empty());
  REQUIRE(over.diagnostics.size() == 1);
  CHECK(format_diagnostic(over.diagnostics.items()[0]) == "j.csv: error: the file is larger than 10 bytes (the limit)");
  CHECK(read_all("0123456789,abcdefghi\n", 21).diagnostics.empty());
}

namespace {

// Makes `line_count` lines "x,1\n" on demand: the input never exists whole in memory.
class GeneratedLines : public std::streambuf {
 public:
  explicit GeneratedLines(std::size_t line_count) : lines_left_(line_count) {}

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    std::size_t size = 0;
    for (; size + 4 <= buffer_.size() && lines_left_ > 0; size += 4, --lines_left_) buffer_.replace(size, 4, "x,1\n");
    if (size == 0) return traits_type::eof();
    setg(buffer_.data(), buffer_.data(), buffer_.data() + size);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string buffer_ = std::string(4'096, '\0');
  std::size_t lines_left_;
};

// Serves `text`, then fails like a disk would.
class FailingAfter : public std::streambuf {
 public:
  explicit FailingAfter(std::string text) : text_(std::move(text)) {
    setg(text_.data(), text_.data(), text_.data() + text_.size());
  }

 protected:
  int_type underflow() override { throw std::runtime_error("EIO"); }

 private:
  std::string text_;
};

}  // namespace

TEST_CASE("csv: a million generated lines stream through with exact line numbers") {
  GeneratedLines lines(1'000'000);
  std::istream in(&lines);
  CsvReader reader(in, "gen.csv");
  CsvRecord record;
  Diagnostics diagnostics;
  std::size_t record_count = 0;
  std::uint32_t last_line = 0;
  while (reader.next(record, diagnostics)) {
    ++record_count;
    last_line = record.line();
  }
  CHECK(diagnostics.empty());
  CHECK(record_count == 1'000'000);
  CHECK(last_line == 1'000'000);
}

TEST_CASE("csv: a read error stops the reader with one diagnostic") {
  FailingAfter failing("a,b\nc,d\n");
  std::istream in(&failing);
  const ReadAll r = read_from(in);
  CHECK(r.records.empty());  // the chunk that failed is not trusted
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.message(0) == "read error: the file could not be read to its end");
  CHECK(r.error_lines() == std::vector<std::uint32_t>{0});
}

TEST_CASE("csv: a plain line is cut in place; a tab, DEL or quote sends it to the byte-by-byte reading") {
  // ",-" is the pattern a word-at-a-time comma search gets wrong without an exact zero-byte test.
  std::istringstream in("2020-01-01,expense,,-12.50,,travel,,cv-1\r\n"
                        "a\tb,-1,\x7F\n"
                        "\"q\",-2\n"
                        ",,\n");
  CsvReader reader(in, "j.csv");
  CsvRecord record;
  Diagnostics diagnostics;
  std::vector<Fields> records;
  std::vector<bool> plain;
  while (reader.next(record, diagnostics)) {
    Fields fields;
    for (std::size_t i = 0; i < record.field_count(); ++i) fields.emplace_back(record.field(i));
    records.push_back(fields);
    plain.push_back(record.is_plain());
  }
  CHECK(diagnostics.empty());
  CHECK(records == std::vector<Fields>{{"2020-01-01", "expense", "", "-12.50", "", "travel", "", "cv-1"},
                                       {"a\tb", "-1", "\x7F"},
                                       {"q", "-2"},
                                       {"", "", ""}});
  CHECK(plain == std::vector<bool>{true, false, false, true});
}
