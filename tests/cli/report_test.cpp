// `prorata report`: the yearly management reports of the seed (PROJET previews), their figures to date
// against `status --as-of 2020-12-31` run by the same binary, byte-identical re-runs, and the exit
// statuses of bad input (nothing on stdout, no file, no --out created).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "run_cli.h"

namespace fs = std::filesystem;
using prorata::test::read_file;
using prorata::test::run_cli;
using prorata::test::ScratchDir;

namespace {

prorata::test::CliRun report(const std::string& year, const std::string& as_of, const fs::path& out,
                             std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"report", "rules/dinum-preincubation-2020.yaml", "--journal", "fixtures/seed/journal.csv",
                                "--year", year, "--as-of", as_of, "--out", out.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_cli(args);
}

std::map<std::string, std::string> files_in(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    files[entry.path().filename().string()] = read_file(entry.path().string());
  }
  return files;
}

constexpr const char* seed_ids[] = {"nord", "oise", "pas-de-calais", "somme", "val-d-oise"};

}  // namespace

TEST_CASE("report: the seed's 2020 reports, figures to date equal to status as of 31 December") {
  ScratchDir dir;
  const fs::path out = dir.path() / "crg";
  const auto run = report("2020", "2021-01-15", out);
  INFO(run.err);
  REQUIRE(run.exit_status == 0);
  CHECK(run.err.empty());
  std::set<std::string> expected;
  for (const char* id : seed_ids) {
    for (const char* ext : {".pdf", ".txt", ".json"}) expected.insert(std::string("PROJET-CRG-2020-") + id + ext);
  }
  const auto files = files_in(out);
  std::set<std::string> names;
  for (const auto& [name, bytes] : files) names.insert(name);
  CHECK(names == expected);
  CHECK(run.out.find("PROJET-CRG-2020-nord  compte rendu de gestion 2020  Département du Nord  à restituer 2 822,23 €"
                     "  PROJET\n") != std::string::npos);
  CHECK(run.out.ends_with("preview: nothing numbered or recorded; --issue issues these reports\n"
                          "0 reports issued before, unchanged; 15 files written to " + out.string() + "\n"));

  const auto status = run_cli({"status", "rules/dinum-preincubation-2020.yaml", "--journal", "fixtures/seed/journal.csv",
                               "--as-of", "2020-12-31", "--format", "json"});
  REQUIRE(status.exit_status == 0);
  const auto totals = nlohmann::json::parse(status.out);
  for (const auto& row : totals["contributors"]) {
    const std::string id = row["id"];
    CAPTURE(id);
    const auto j = nlohmann::json::parse(files.at("PROJET-CRG-2020-" + id + ".json"));
    CHECK(j["flows"]["to_date"]["called"] == row["called"]);
    CHECK(j["flows"]["to_date"]["paid"] == row["paid"]);
    CHECK(j["flows"]["to_date"]["refunded"] == row["refunded"]);
    CHECK(j["flows"]["to_date"]["net_paid"] == row["net_paid"]);
    CHECK(j["settlement"]["final_contribution"] == row["final_contribution"]);
    CHECK(j["settlement"]["balance"] == row["balance"]);
    CHECK(j["settlement"]["refund_due"] == row["refund_due"]);
    CHECK(j["settlement"]["amount_due"] == row["amount_due"]);
    CHECK(j["settlement"]["outstanding_calls"] == row["outstanding_calls"]);
    CHECK(j["settlement"]["eligible_spending"] == totals["totals"]["eligible_spending"]);
    CHECK(j["spending"]["to_date"]["total"] == totals["totals"]["spending"]);
    CHECK(j["issued"] == "2021-01-15");
  }
  const auto nord = nlohmann::json::parse(files.at("PROJET-CRG-2020-nord.json"));
  CHECK(nord["settlement"]["refund_due"] == "2822.23");  // worked by hand: fixtures/seed/NOTES.md

  // The same command again: the same bytes, PDF included, and nothing else in the folder.
  const auto again = report("2020", "2021-01-15", out);
  REQUIRE(again.exit_status == 0);
  CHECK(files_in(out) == files);
}

TEST_CASE("report: a year before the signatures, and a year without activity, still give reports") {
  ScratchDir dir;
  const auto before = report("2019", "2020-01-31", dir.path() / "y2019", {"--format", "json"});
  INFO(before.err);
  REQUIRE(before.exit_status == 0);
  const auto nord = nlohmann::json::parse(read_file((dir.path() / "y2019" / "PROJET-CRG-2019-nord.json").string()));
  CHECK(nord["term"]["state"] == "pending");
  CHECK(nord["flows"]["year"]["called"] == "0.00");
  CHECK(nord["flows"]["to_date"]["paid"] == "0.00");
  CHECK(nord["spending"]["to_date"]["total"] == "0.00");
  CHECK(nord["settlement"]["provisional"] == true);

  const auto quiet = report("2021", "2022-01-10", dir.path() / "y2021", {"--format", "txt"});
  REQUIRE(quiet.exit_status == 0);
  CHECK(files_in(dir.path() / "y2021").size() == 5);
}

TEST_CASE("report: as-of before 31 December, a bad year, a bad journal: exit 2, nothing written") {
  ScratchDir dir;
  const fs::path out = dir.path() / "never";
  const auto early = report("2020", "2020-12-30", out);
  CHECK(early.exit_status == 2);
  CHECK(early.out.empty());
  CHECK(early.err ==
        "--as-of: error: 2020-12-30 is before the end of 2020: a management report covers a whole year (use --as-of "
        "2020-12-31 or later)\n");
  CHECK(!fs::exists(out));

  const auto year = report("20x0", "2021-01-15", out);
  CHECK(year.exit_status == 2);
  CHECK(year.out.empty());
  CHECK(year.err == "--year: error: bad year '20x0': expected four digits, such as 2020\n");
  CHECK(!fs::exists(out));

  const auto bad_date = report("2020", "2021-02-30", out);
  CHECK(bad_date.exit_status == 2);
  CHECK(bad_date.err.starts_with("--as-of: error: bad date '2021-02-30'"));
  CHECK(!fs::exists(out));

  const auto journal = run_cli({"report", "rules/dinum-preincubation-2020.yaml", "--journal",
                                "fixtures/bad/journal/amount-exponent.csv", "--year", "2020", "--as-of", "2021-01-15",
                                "--out", out.string()});
  CHECK(journal.exit_status == 2);
  CHECK(journal.out.empty());
  CHECK(journal.err.starts_with("fixtures/bad/journal/amount-exponent.csv:8: error: bad amount '9e3'"));
  CHECK(!fs::exists(out));

  const auto missing = run_cli({"report", "rules/dinum-preincubation-2020.yaml", "--journal", "fixtures/seed/journal.csv",
                                "--as-of", "2021-01-15", "--out", out.string()});
  CHECK(missing.exit_status == 2);  // --year is required
  CHECK(missing.out.empty());
  CHECK(!fs::exists(out));
}

TEST_CASE("report: a file in the way with other content stops the run before anything is written") {
  ScratchDir dir;
  const fs::path out = dir.path() / "crg";
  fs::create_directories(out);
  {
    std::ofstream kept(out / "PROJET-CRG-2020-somme.txt");
    kept << "an older draft\n";
  }
  const auto run = report("2020", "2021-01-15", out);
  CHECK(run.exit_status == 1);
  CHECK(run.out.empty());
  CHECK(run.err.find("PROJET-CRG-2020-somme.txt: error: exists with other content") != std::string::npos);
  CHECK(files_in(out).size() == 1);  // nothing else was written
  CHECK(read_file((out / "PROJET-CRG-2020-somme.txt").string()) == "an older draft\n");
}
