// Appending to a journal: the rows in its own columns and line endings, every old byte kept, nothing
// written when the file changed since it was read.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "io/journal_append.h"

using namespace prorata;

namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::filesystem::path scratch_dir() {
  auto dir = std::filesystem::temp_directory_path() / ("prorata-append-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

Event issued_event() {
  Event event;
  event.date = date::year{2020} / 12 / 31;
  event.kind = EventKind::issued;
  event.party = "somme";
  event.amount = Money{141111};
  event.ref = "AR-2020-0004";
  event.category = "refund";
  event.memo = "sha256:00 \"quoted\", with a comma";
  event.convention = "cv-1";
  return event;
}

}  // namespace

TEST_CASE("journal rows follow the journal's own columns, quoting where a cell needs it") {
  const std::string content = "\xEF\xBB\xBF\nDate,Event,ref,amount,party,memo,category,convention\r\n2020-01-01,x\r\n";
  const auto columns = io::journal_columns(content);
  CHECK(columns == std::vector<std::string>{"date", "event", "ref", "amount", "party", "memo", "category", "convention"});
  CHECK(io::journal_newline(content) == "\r\n");
  CHECK(io::journal_newline("date,event\n") == "\n");
  CHECK(io::journal_row(columns, issued_event(), "\r\n") ==
        "2020-12-31,issued,AR-2020-0004,1411.11,somme,\"sha256:00 \"\"quoted\"\", with a comma\",refund,cv-1\r\n");
  CHECK(io::journal_row({"date", "event", "amount"}, issued_event(), "\n") == "2020-12-31,issued,1411.11\n");
}

TEST_CASE("append_to_journal keeps every old byte and adds the rows, or writes nothing") {
  const auto dir = scratch_dir();
  const auto path = dir / "journal.csv";
  const std::string old = "date,event,party\n2020-01-01,signature,nord";  // no final newline
  write(path, old);
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                                         std::filesystem::perms::group_read);
  CHECK(io::append_to_journal(path.string(), old, "2020-01-02,signature,oise\n").empty());
  CHECK(read(path) == old + "\n2020-01-02,signature,oise\n");  // its last line ended first
  const auto mode = std::filesystem::status(path).permissions();
  CHECK(mode == (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                 std::filesystem::perms::group_read));  // the journal's mode is kept

  // Read before someone else appended: refused, the file as the other left it.
  const std::string now = read(path);
  const std::string problem = io::append_to_journal(path.string(), old, "2020-01-03,signature,somme\n");
  CHECK(problem.find("the journal changed since it was read") != std::string::npos);
  CHECK(read(path) == now);
  int leftovers = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) leftovers += entry.path() != path;
  CHECK(leftovers == 0);  // no temporary file left beside it
  CHECK_FALSE(io::append_to_journal((dir / "missing.csv").string(), "", "x\n").empty());
  std::filesystem::remove_all(dir);
}
