// Every file of fixtures/bad/ is refused as the issue requires: exit status 2, nothing on stdout, and
// on stderr a `PATH:LINE` message naming the cause. The expectations are listed beside the files
// (fixtures/bad/expected-*.tsv), each worked out from the file by hand.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "run_cli.h"

namespace {

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
  INFO("file: ", path, "\nstderr: ", run.err);
  CHECK(run.exit_status == 2);
  CHECK(run.out.empty());
  CHECK(run.err.find(path + ":" + e.line + ":") == 0);  // the first problem comes first
  CHECK(run.err.find(e.message) != std::string::npos);
  CHECK(run.err.find(": error: ") != std::string::npos);
}

}  // namespace

TEST_CASE("every bad rules file is refused with its PATH:LINE") {
  auto expectations = read_expectations("expected-rules.tsv");
  REQUIRE(expectations.size() >= 30);
  for (const auto& e : expectations) {
    const std::string path = "fixtures/bad/" + e.file;
    check_refused({"check", path}, path, e);
  }
}

TEST_CASE("every bad journal is refused with its PATH:LINE") {
  auto expectations = read_expectations("expected-journal.tsv");
  REQUIRE(expectations.size() >= 30);
  for (const auto& e : expectations) {
    const std::string path = "fixtures/bad/" + e.file;
    check_refused({"status", "rules/dinum-preincubation-2020.yaml", "--journal", path, "--as-of", "2020-12-31"}, path,
                  e);
    check_refused({"check", "rules/dinum-preincubation-2020.yaml", "--journal", path}, path, e);
  }
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
  CHECK(missing.err.find("rules/no-such-file.yaml: error: cannot open") == 0);

  auto as_of = prorata::test::run_cli({"status", "rules/dinum-preincubation-2020.yaml", "--journal",
                                       "fixtures/seed/journal.csv", "--as-of", "2020-02-30"});
  CHECK(as_of.exit_status == 2);
  CHECK(as_of.out.empty());
  CHECK(as_of.err.find("bad date '2020-02-30'") != std::string::npos);

  auto format = prorata::test::run_cli({"status", "rules/dinum-preincubation-2020.yaml", "--journal",
                                        "fixtures/seed/journal.csv", "--format", "xml"});
  CHECK(format.exit_status == 2);
  CHECK(format.out.empty());
}
