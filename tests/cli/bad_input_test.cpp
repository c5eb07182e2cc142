// Every file of fixtures/bad/ is refused as the issue requires: exit status 2, nothing on stdout, on
// stderr a `PATH:LINE` message naming the cause first, and no output file created (`documents` is run
// into a fresh directory, which must stay empty). The expectations are listed beside the files
// (fixtures/bad/expected-*.tsv), each worked out from the file by hand; every file there is listed.
// Inputs too large to keep in git (a rules file past 1 MiB, a journal whose amounts add up past the
// 64-bit range) are generated into a temporary directory.
#include <doctest/doctest.h>
#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "run_cli.h"

namespace {

namespace fs = std::filesystem;
using prorata::test::ScratchDir;

const std::string seed_rules = "rules/dinum-preincubation-2020.yaml";
const std::string seed_journal = "fixtures/seed/journal.csv";

struct Expectation {
  std::string file;
  std::string line;
  std::string message;
};

std::vector<Expectation> read_expectations(const std::string& list) {
  std::ifstream in(std::string(PRORATA_SOURCE_DIR) + "/fixtures/bad/" + list);
  std::vector<Expectation> out;
  std::string row;
  while (std::getline(in, row)) {
    if (row.empty() || row[0] == '#') continue;
    std::istringstream fields(row);
    Expectation e;
    std::getline(fields, e.file, '\t');
    std::getline(fields, e.line, '\t');
    std::getline(fields, e.message);
    out.push_back(e);
  }
  return out;
}


void check_refused(const std::vector<std::string>& arguments, const std::string& path, const Expectation& e) {
  auto run = prorata::test::run_cli(arguments);
  INFO("command: ", arguments.front(), "\nfile: ", path, "\nstderr: ", run.err.substr(0, 2000));
  CHECK(run.exit_status == 2);
  CHECK(run.out.empty());
  CHECK(run.err.find(path + ":" + e.line + ":") == 0);  // the first problem comes first
  CHECK(run.err.find(e.message) != std::string::npos);
  CHECK(run.err.find(": error: ") != std::string::npos);
}

// `documents` on bad input refuses like the other commands and leaves nothing behind: neither the
// --out directory nor any file beside it (a temporary file of an atomic write, say).
void check_no_documents(const std::string& rules, const std::string& journal, const std::string& path,
                        const Expectation& e) {
  ScratchDir scratch;
  const fs::path out = scratch.path() / "documents";
  check_refused({"documents", rules, "--journal", journal, "--as-of", "2020-12-31", "--out", out.string()}, path, e);
  INFO("file: ", path);
  CHECK(!fs::exists(out));
  CHECK(fs::is_empty(scratch.path()));
}

// Every file of fixtures/bad/DIR/ has its row, and every row its file.
void check_listed(const std::string& dir, const std::vector<Expectation>& expectations) {
  std::set<std::string> listed;
  for (const auto& e : expectations) listed.insert(e.file);
  std::set<std::string> present;
  for (const auto& entry : fs::directory_iterator(std::string(PRORATA_SOURCE_DIR) + "/fixtures/bad/" + dir)) {
    present.insert(dir + "/" + entry.path().filename().string());
  }
  CHECK(listed == present);
}

}  // namespace

TEST_CASE("every bad rules file is refused with its PATH:LINE, and no document is written") {
  auto expectations = read_expectations("expected-rules.tsv");
  REQUIRE(expectations.size() >= 50);
  check_listed("rules", expectations);
  for (const auto& e : expectations) {
    const std::string path = "fixtures/bad/" + e.file;
    check_refused({"check", path}, path, e);
    check_refused({"status", path, "--journal", seed_journal, "--as-of", "2020-12-31"}, path, e);
    check_no_documents(path, seed_journal, path, e);
  }
}

TEST_CASE("every bad journal is refused with its PATH:LINE, and no document is written") {
  auto expectations = read_expectations("expected-journal.tsv");
  REQUIRE(expectations.size() >= 50);
  check_listed("journal", expectations);
  for (const auto& e : expectations) {
    const std::string path = "fixtures/bad/" + e.file;
    check_refused({"status", seed_rules, "--journal", path, "--as-of", "2020-12-31"}, path, e);
    check_refused({"check", seed_rules, "--journal", path}, path, e);
    check_no_documents(seed_rules, path, path, e);
  }
}

// What an amendment may not do, judged with the journal (fixtures/bad/expected-amendments.tsv: rules,
// journal, which of the two the error names, its line, its words). A rules file of an amendment that
// is refused is named at its line even though the journal is what shows it; errors that follow from it
// (a call then above the cap in force) may come too.
TEST_CASE("every refused amendment is refused at its PATH:LINE, with nothing on stdout and no document") {
  std::ifstream in(std::string(PRORATA_SOURCE_DIR) + "/fixtures/bad/expected-amendments.tsv");
  std::set<std::string> listed;
  std::size_t cases = 0;
  std::string row;
  while (std::getline(in, row)) {
    if (row.empty() || row[0] == '#') continue;
    std::istringstream fields(row);
    std::string rules, journal, where, line, message;
    std::getline(fields, rules, '\t');
    std::getline(fields, journal, '\t');
    std::getline(fields, where, '\t');
    std::getline(fields, line, '\t');
    std::getline(fields, message);
    REQUIRE((where == "rules" || where == "journal"));
    listed.insert(rules);
    listed.insert(journal);
    const std::string path = where == "rules" ? rules : journal;
    for (const std::vector<std::string>& arguments :
         {std::vector<std::string>{"check", rules, "--journal", journal},
          std::vector<std::string>{"status", rules, "--journal", journal, "--as-of", "2020-12-31"}}) {
      auto run = prorata::test::run_cli(arguments);
      INFO("command: ", arguments.front(), "\nrules: ", rules, "\njournal: ", journal, "\nstderr: ", run.err);
      CHECK(run.exit_status == 2);
      CHECK(run.out.empty());
      CHECK(run.err.find(path + ":" + line + ":") != std::string::npos);
      CHECK(run.err.find(message) != std::string::npos);
    }
    ScratchDir scratch;
    const fs::path out = scratch.path() / "documents";
    auto run = prorata::test::run_cli({"documents", rules, "--journal", journal, "--as-of", "2020-12-31", "--out", out.string()});
    CHECK(run.exit_status == 2);
    CHECK(!fs::exists(out));
    ++cases;
  }
  CHECK(cases >= 12);
  std::set<std::string> present;
  for (const auto& entry : fs::directory_iterator(std::string(PRORATA_SOURCE_DIR) + "/fixtures/bad/amendments")) {
    present.insert("fixtures/bad/amendments/" + entry.path().filename().string());
  }
  for (const auto& file : present) CHECK_MESSAGE(listed.count(file) == 1, file);
}

TEST_CASE("a rules file past 1 MiB is refused at the line where it passes the limit") {
  ScratchDir scratch;
  const std::string path = (scratch.path() / "huge.yaml").string();
  std::string text = prorata::test::read_file(std::string(PRORATA_SOURCE_DIR) + "/" + seed_rules);
  std::uint32_t line_at_limit = 0;
  const std::string padding = "# " + std::string(97, '-') + "\n";  // 100 bytes a line
  while (text.size() <= (std::size_t{1} << 20)) text += padding;
  for (std::size_t i = 0; i < (std::size_t{1} << 20); ++i) line_at_limit += text[i] == '\n' ? 1u : 0u;
  std::ofstream(path, std::ios::binary) << text;
  const Expectation e{"", std::to_string(line_at_limit + 1), "rules file larger than 1048576 bytes"};
  check_refused({"check", path}, path, e);
}

TEST_CASE("a journal whose amounts add up past the 64-bit range is refused at the line that passes it") {
  ScratchDir scratch;
  const std::string path = (scratch.path() / "overflow.csv").string();
  std::ofstream file(path, std::ios::binary);
  file << "date,event,party,amount,ref,category,memo\n";
  // Each line is the largest amount, 99999999999999 cents: the sum of |amounts| passes INT64_MAX at
  // the 92234th expense (92234 * 99999999999999 > 9223372036854775807 > 92233 * 99999999999999).
  constexpr std::int64_t expenses_to_overflow = INT64_MAX / 99'999'999'999'999 + 1;
  static_assert(expenses_to_overflow == 92'234);
  for (std::int64_t i = 0; i < expenses_to_overflow + 10; ++i) file << "2020-09-01,expense,,999999999999.99,,,\n";
  file.close();
  const Expectation e{"", std::to_string(1 + expenses_to_overflow), "add up past the checked 64-bit range"};
  check_refused({"check", seed_rules, "--journal", path}, path, e);
}

TEST_CASE("every problem of a file is reported, not just the first") {
  // fixtures/bad/many-errors.yaml has four independent problems, on lines 3, 9, 16 and 17.
  auto run = prorata::test::run_cli({"check", "fixtures/bad/many-errors.yaml"});
  CHECK(run.exit_status == 2);
  CHECK(run.out.empty());
  for (const char* at : {"many-errors.yaml:3:", "many-errors.yaml:9:", "many-errors.yaml:16:", "many-errors.yaml:17:"}) {
    CHECK(run.err.find(at) != std::string::npos);
  }
}

TEST_CASE("a missing file, a bad --as-of and a bad option are input errors") {
  auto missing = prorata::test::run_cli({"check", "rules/no-such-file.yaml"});
  CHECK(missing.exit_status == 2);
  CHECK(missing.out.empty());
  CHECK(missing.err == "rules/no-such-file.yaml: error: cannot open the rules file: No such file or directory\n");

  auto directory = prorata::test::run_cli({"check", "rules"});
  CHECK(directory.exit_status == 2);
  CHECK(directory.out.empty());
  CHECK(directory.err == "rules: error: cannot open the rules file: Is a directory\n");

  auto as_of = prorata::test::run_cli({"status", seed_rules, "--journal", seed_journal, "--as-of", "2020-02-30"});
  CHECK(as_of.exit_status == 2);
  CHECK(as_of.out.empty());
  CHECK(as_of.err.find("bad date '2020-02-30'") != std::string::npos);

  auto format = prorata::test::run_cli({"status", seed_rules, "--journal", seed_journal, "--format", "xml"});
  CHECK(format.exit_status == 2);
  CHECK(format.out.empty());
}
