// Golden scenarios (ledger's baseline style): fixtures/golden.tsv lists rules, journal, as-of date,
// format and the expected output file; the CLI's output must match it byte for byte. Each expected
// file's figures were worked by hand (see the notes in fixtures/*/NOTES.md).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "run_cli.h"

TEST_CASE("golden scenarios match byte for byte") {
  std::ifstream list(std::string(PRORATA_SOURCE_DIR) + "/fixtures/golden.tsv");
  REQUIRE(list);
  std::string row;
  int cases = 0;
  while (std::getline(list, row)) {
    if (row.empty() || row[0] == '#') continue;
    std::istringstream fields(row);
    std::string rules, journal, as_of, format, expected;
    fields >> rules >> journal >> as_of >> format >> expected;
    auto run = prorata::test::run_cli({"status", rules, "--journal", journal, "--as-of", as_of, "--format", format});
    INFO("case: ", row, "\nstderr: ", run.err);
    CHECK(run.exit_status == 0);
    CHECK(run.err.empty());
    CHECK(run.out == prorata::test::read_file(std::string(PRORATA_SOURCE_DIR) + "/" + expected));
    ++cases;
  }
  CHECK(cases >= 6);
}

TEST_CASE("the same inputs give byte-identical output, whatever the order of the journal lines") {
  // fixtures/seed/journal-shuffled.csv holds the lines of fixtures/seed/journal.csv in another order.
  auto ordered = prorata::test::run_cli({"status", "rules/dinum-preincubation-2020.yaml", "--journal",
                                         "fixtures/seed/journal.csv", "--as-of", "2020-12-31", "--format", "json"});
  auto shuffled = prorata::test::run_cli({"status", "rules/dinum-preincubation-2020.yaml", "--journal",
                                          "fixtures/seed/journal-shuffled.csv", "--as-of", "2020-12-31", "--format",
                                          "json"});
  CHECK(ordered.exit_status == 0);
  CHECK(!ordered.out.empty());
  CHECK(ordered.out == shuffled.out);
}

TEST_CASE("check prints a one-line summary") {
  auto run = prorata::test::run_cli({"check", "rules/dinum-preincubation-2020.yaml", "--journal",
                                     "fixtures/seed/journal.csv"});
  CHECK(run.exit_status == 0);
  CHECK(run.out ==
        "ok: dinum-preincubation-2020: 5 contributors, caps 45000.00 EUR, share key paid; journal: 23 events\n"
        "versions: base, effective 2020-07-21\n");
}
