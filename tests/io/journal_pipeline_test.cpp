// Reading a journal on two threads (io/journal_pipeline.h) gives what one thread gives, byte for
// byte: the same events in the same order, the same diagnostics in the same order (the reading's
// interleaved with the sink's own), the same count of errors and the same "not shown" mark past
// the limit, whatever the block size (fields and quotes across blocks) and batch size (a batch of
// one event, of two, of seven). The reference is one thread with the default block.
#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/limits.h"
#include "io/journal_csv.h"

using prorata::Diagnostics;
using prorata::Event;
using prorata::io::JournalReadOptions;

namespace {

// Records every event as a line of text with how many diagnostics came before it, and adds its own
// problems as a real sink does: an error for a memo "sink error", a warning for a memo "sink warning".
class RecordingSink final : public prorata::EventSink {
 public:
  std::vector<std::string> seen;
  std::size_t throw_at = 0;  // throws at this event (1-based); 0: never

  void add(const Event& e, Diagnostics& diagnostics) override {
    if (seen.size() + 1 == throw_at) throw std::runtime_error("sink stopped");
    seen.push_back(std::to_string(e.loc.line) + " " + prorata::format_date(e.date) + " " +
                   std::to_string(static_cast<int>(e.kind)) + " [" + e.party + "] " +
                   (e.amount ? std::to_string(e.amount->cents) : "-") + " [" + e.ref + "] [" + e.category + "] [" +
                   e.memo + "] [" + e.convention + "] after " + std::to_string(diagnostics.size()));
    if (e.memo == "sink error") diagnostics.error(e.loc, "the sink's error");
    if (e.memo == "sink warning") diagnostics.warning(e.loc, "the sink's warning");
  }
};

struct Read {
  bool ok = false;
  std::vector<std::string> events;
  std::vector<std::string> diagnostics;  // formatted, in order
  std::size_t error_count = 0;
};

Read read(const std::string& text, const JournalReadOptions& options) {
  std::istringstream in(text);
  RecordingSink sink;
  Diagnostics diagnostics;
  Read out;
  out.ok = prorata::io::read_journal(in, "j.csv", sink, diagnostics, options);
  out.events = sink.seen;
  for (const auto& d : diagnostics.items()) out.diagnostics.push_back(prorata::format_diagnostic(d));
  out.error_count = diagnostics.error_count();
  return out;
}

JournalReadOptions options(unsigned threads, std::size_t block_bytes, std::size_t batch_events) {
  JournalReadOptions o;
  o.threads = threads;
  o.block_bytes = block_bytes;
  o.batch_events = batch_events;
  return o;
}

void check_same_everywhere(const std::string& text, const std::vector<std::size_t>& block_sizes) {
  const Read reference = read(text, JournalReadOptions{});
  for (unsigned threads : {1u, 2u}) {
    for (std::size_t block : block_sizes) {
      for (std::size_t batch : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{4096}}) {
        if (threads == 1 && batch != 4096) continue;  // one thread has no batches
        CAPTURE(threads);
        CAPTURE(block);
        CAPTURE(batch);
        const Read other = read(text, options(threads, block, batch));
        CHECK(other.ok == reference.ok);
        CHECK(other.events == reference.events);
        CHECK(other.diagnostics == reference.diagnostics);
        CHECK(other.error_count == reference.error_count);
      }
    }
  }
}

const std::string header = "date,event,party,amount,ref,category,memo,convention\n";

// Rows of every kind, quoted cells with commas, quotes and line breaks, accents, CRLF and empty
// lines, bad rows (a bad date, a bad amount, a missing field) and the sink's own problems between them.
std::string mixed_journal(int repeats) {
  std::string text = "\xEF\xBB\xBF" + header;
  for (int k = 0; k < repeats; ++k) {
    const std::string n = std::to_string(k);
    text += "2023-01-0" + std::to_string(1 + k % 9) + ",signature,p" + n + ",,,,,cv1\r\n";
    text += "2023-02-01,statement,p" + n + ",1000." + std::to_string(10 + k % 90) + ",ESD-" + n + ",,\"a, b\",cv1\n";
    text += "2023-02-02,payment,p" + n + ",12.5,VIR-" + n + ",,\"quoted \"\"word\"\"\nand a second line\",cv2\n";  // an error
    text += "\n";
    text += "2023-03-01,expense,,-3.99,F-" + n + ",travel,Frais de déplacement à Amiens,cv1\n";
    text += "2023-03-02,expense,,7,F-" + n + "b,meals,sink error,cv1\n";
    text += "2023-13-02,expense,,7,F-" + n + "c,meals,,cv1\n";           // bad date
    text += "2023-03-03,expense,,7.001,F-" + n + "d,meals,,cv1\n";       // bad amount
    text += "2023-03-04,expense,,7,F-" + n + "e,meals,sink warning,cv3\n";
    text += "2023-03-05,expense,,7,F-" + n + "f,meals\n";                // missing fields
  }
  return text;
}

}  // namespace

TEST_CASE("journal pipeline: a mixed journal is read the same on one thread and two, whatever the blocks and batches") {
  const std::string text = mixed_journal(40);
  const Read reference = read(text, JournalReadOptions{});
  // What the reference itself holds, counted from mixed_journal: 5 rows of 9 reach the sink (not the
  // memo with a line break, the bad date, the bad amount, the short row); errors: those 4 of the
  // reading and 1 of the sink each time; one warning of the sink each time.
  CHECK(reference.events.size() == 40 * 5);
  CHECK(reference.error_count == 40 * 5);
  CHECK(reference.diagnostics.size() == 40 * 6);
  CHECK(!reference.ok);
  check_same_everywhere(text, {1, 3, 64, std::size_t{64} << 10});
}

TEST_CASE("journal pipeline: past the limit of kept diagnostics, the same ones are kept, counted and marked") {
  std::string text = header;
  const std::size_t bad_rows = prorata::limits::diagnostics_max * 3 + 17;
  for (std::size_t k = 0; k < bad_rows; ++k) {
    text += (k % 3 == 0 ? "2023-02-30" : "2023-02-01");  // a bad date every third row
    text += ",expense,,5,F" + std::to_string(k) + ",c," + (k % 3 == 1 ? "sink error" : "") + ",cv1\n";
  }
  const Read reference = read(text, JournalReadOptions{});
  const std::size_t bad_dates = (bad_rows + 2) / 3;
  const std::size_t sink_errors = (bad_rows + 1) / 3;
  CHECK(reference.error_count == bad_dates + sink_errors);
  REQUIRE(reference.diagnostics.size() == prorata::limits::diagnostics_max);
  CHECK(reference.diagnostics.back().find("(further errors not shown: more than 1000)") != std::string::npos);
  int marked = 0;
  for (const auto& d : reference.diagnostics) marked += d.find("further errors not shown") != std::string::npos;
  CHECK(marked == 1);
  check_same_everywhere(text, {7, std::size_t{64} << 10});
}

TEST_CASE("journal pipeline: what ends a reading early ends it the same way") {
  SUBCASE("a Latin-1 line stops the reading there; the rows before it count") {
    std::string text = header;
    for (int k = 0; k < 50; ++k) text += "2023-02-01,expense,,5,F" + std::to_string(k) + ",c,,cv1\n";
    text += "2023-02-01,expense,,5,FX,c,d\xE9placement,cv1\n";
    for (int k = 0; k < 50; ++k) text += "2023-02-02,expense,,5,G" + std::to_string(k) + ",c,,cv1\n";
    const Read reference = read(text, JournalReadOptions{});
    CHECK(reference.events.size() == 50);
    CHECK(reference.error_count == 1);
    check_same_everywhere(text, {1, 5, std::size_t{64} << 10});
  }
  SUBCASE("a semicolon header is one error and nothing else") {
    const std::string text = "date;event;party;amount;ref;category;memo\n2023-01-01;signature;a;;;;\n";
    const Read reference = read(text, JournalReadOptions{});
    CHECK(reference.events.empty());
    CHECK(reference.error_count == 1);
    check_same_everywhere(text, {1, 64});
  }
  SUBCASE("an empty file and a file of blank lines are an empty journal") {
    for (const std::string& text : {std::string{}, std::string{"\n\r\n\n"}}) {
      const Read reference = read(text, JournalReadOptions{});
      REQUIRE(reference.diagnostics.size() == 1);
      CHECK(reference.diagnostics[0].find("empty journal") != std::string::npos);
      check_same_everywhere(text, {1, 64});
    }
  }
  SUBCASE("an unclosed quote at the end of the file") {
    const std::string text = header + "2023-02-01,expense,,5,F1,c,\"never closed,cv1\n2023-02-02,expense,,5,F2,c,,cv1\n";
    const Read reference = read(text, JournalReadOptions{});
    CHECK(reference.error_count >= 1);
    check_same_everywhere(text, {1, 2, 64});
  }
}

namespace {

// A stream that fails after `good_bytes` bytes, with an exception (as a file on a failing disk,
// read with exceptions on).
class FailingBuffer final : public std::streambuf {
 public:
  FailingBuffer(std::string text, std::size_t good_bytes) : text_(std::move(text)), good_bytes_(good_bytes) {}

 protected:
  int_type underflow() override {
    if (position_ >= good_bytes_) throw std::runtime_error("disk failed");
    if (position_ >= text_.size()) return traits_type::eof();
    one_ = text_[position_++];
    setg(&one_, &one_, &one_ + 1);
    return traits_type::to_int_type(one_);
  }

 private:
  std::string text_;
  std::size_t good_bytes_;
  std::size_t position_ = 0;
  char one_ = 0;
};

}  // namespace

TEST_CASE("journal pipeline: an exception on either side stops both threads and reaches the caller") {
  const std::string text = mixed_journal(200);
  for (std::size_t batch : {std::size_t{1}, std::size_t{7}, std::size_t{4096}}) {
    CAPTURE(batch);
    SUBCASE("the sink throws (the folding side)") {
      std::istringstream in(text);
      RecordingSink sink;
      sink.throw_at = 300;
      Diagnostics diagnostics;
      CHECK_THROWS_WITH_AS(prorata::io::read_journal(in, "j.csv", sink, diagnostics, options(2, 64, batch)),
                           "sink stopped", std::runtime_error);
      CHECK(sink.seen.size() == 299);
    }
    SUBCASE("the stream throws (the reading side)") {
      FailingBuffer buffer(text, text.size() / 2);
      std::istream in(&buffer);
      in.exceptions(std::ios::badbit);
      RecordingSink sink;
      Diagnostics diagnostics;
      CHECK_THROWS_WITH_AS(prorata::io::read_journal(in, "j.csv", sink, diagnostics, options(2, 64, batch)),
                           "disk failed", std::runtime_error);
    }
  }
}
