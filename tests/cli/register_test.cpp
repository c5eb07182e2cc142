// `prorata documents --issue` month after month into one folder, as a finance officer runs it: numbers
// never move, earlier files are never touched, the register (the journal's `issued` lines) keeps every
// document once, and a process killed at any instant leaves the journal as it was or complete.
// Figures: fixtures/seed/NOTES.md (worked by hand); the late expense's below.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "run_cli.h"

namespace fs = std::filesystem;
using prorata::test::read_file;
using prorata::test::run_cli;
using prorata::test::ScratchDir;

namespace {

const std::string source = PRORATA_SOURCE_DIR;
const std::string rules = source + "/rules/dinum-preincubation-2020.yaml";

std::vector<std::string> seed_lines() {
  std::istringstream in(read_file(source + "/fixtures/seed/journal.csv"));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line + "\n");
  return lines;
}

// The seed journal's lines [from, to) (0 = the header).
std::string seed_part(std::size_t from, std::size_t to) {
  const auto lines = seed_lines();
  std::string out;
  for (std::size_t i = from; i < std::min(to, lines.size()); ++i) out += lines[i];
  return out;
}

void append(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::app) << text;
}

// The documents in a folder (a killed run may leave a temporary NAME.tmp-XXXXXX beside them: not one).
std::map<std::string, std::string> files_in(const fs::path& dir) {
  std::map<std::string, std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().find(".tmp-") != std::string::npos) continue;
    out[entry.path().filename().string()] = read_file(entry.path().string());
  }
  return out;
}

std::vector<std::string> issued_lines(const std::string& journal) {
  std::istringstream in(read_file(journal));
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (line.find(",issued,") != std::string::npos) out.push_back(line);
  }
  return out;
}

prorata::test::CliRun issue(const std::string& journal, const char* as_of, const fs::path& out,
                            std::vector<std::string> extra = {"--issue"}) {
  std::vector<std::string> args{"documents", rules, "--journal", journal, "--as-of", as_of, "--out", out.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_cli(args);
}

// "NUMBER  kind  …" lines of a run's listing that say `word` (issued, PROJET).
std::vector<std::string> listed(const std::string& out, const std::string& word) {
  std::istringstream in(out);
  std::vector<std::string> numbers;
  for (std::string line; std::getline(in, line);) {
    if (line.size() > word.size() && line.compare(line.size() - word.size(), word.size(), word) == 0) {
      numbers.push_back(line.substr(0, line.find("  ")));
    }
  }
  return numbers;
}

}  // namespace

TEST_CASE("monthly --issue into one folder: new documents added, nothing renumbered or rewritten") {
  ScratchDir dir;
  const std::string journal = dir.file("journal.csv");
  const fs::path out = dir.path() / "documents";
  // July: signatures and the five calls (seed lines 1-11).
  append(journal, seed_part(0, 12));
  auto july = issue(journal, "2020-07-31", out);
  INFO(july.err);
  REQUIRE(july.exit_status == 0);
  CHECK(listed(july.out, "issued") == std::vector<std::string>{"ESD-2020-0001", "ESD-2020-0002", "ESD-2020-0003",
                                                               "ESD-2020-0004", "ESD-2020-0005"});
  CHECK(files_in(out).size() == 15);
  CHECK(issued_lines(journal).size() == 5);
  CHECK(issued_lines(journal)[3].rfind("2020-07-22,issued,val-d-oise,9000.00,ESD-2020-0004,statement,sha256:", 0) == 0);
  const auto after_july = files_in(out);

  // October: payments and the first expenses; nothing new is due, nothing is written.
  append(journal, seed_part(12, 20));
  const std::string journal_before = read_file(journal);
  auto october = issue(journal, "2020-10-31", out);
  INFO(october.err);
  REQUIRE(october.exit_status == 0);
  CHECK(october.err.empty());
  CHECK(october.out.find("nothing new is due as of 2020-10-31") != std::string::npos);
  CHECK(october.out.find("5 documents issued before, unchanged; 0 files written") != std::string::npos);
  CHECK(read_file(journal) == journal_before);
  CHECK(files_in(out) == after_july);

  // December: phase 5 ended on 2020-12-15. A refund notice each (by id), and the Somme's unpaid
  // 4 500,00 cancelled with its notice. The July files are as they were.
  append(journal, seed_part(20, 100));
  auto december = issue(journal, "2020-12-31", out);
  INFO(december.err);
  REQUIRE(december.exit_status == 0);
  CHECK(listed(december.out, "issued") == std::vector<std::string>{"AR-2020-0001", "AR-2020-0002", "AR-2020-0003",
                                                                   "AR-2020-0004", "ER-2020-0001", "AR-2020-0005"});
  auto after_december = files_in(out);
  CHECK(after_december.size() == 33);
  for (const auto& [name, bytes] : after_july) CHECK_MESSAGE(after_december.at(name) == bytes, name);
  CHECK(read_file(journal).find("2020-12-31,cancellation,somme,4500.00,ESD-2020-0005,,") != std::string::npos);
  auto status = run_cli({"status", rules, "--journal", journal, "--as-of", "2020-12-31", "--format", "csv"});
  REQUIRE(status.exit_status == 0);
  CHECK(status.out.find(",somme,") != std::string::npos);
  auto json = run_cli({"status", rules, "--journal", journal, "--as-of", "2020-12-31", "--format", "json"});
  CHECK(json.out.find("\"cancelled\": \"4500.00\"") != std::string::npos);
  CHECK(json.out.find("\"outstanding_calls\": \"0.00\"") != std::string::npos);

  // The yearly report counts the Somme's cancelled 4 500,00 in 2020, in the year and to date.
  const fs::path reports = dir.path() / "reports";
  auto report = run_cli({"report", rules, "--journal", journal, "--year", "2020", "--as-of", "2021-01-05", "--out",
                         reports.string(), "--format", "json"});
  INFO(report.err);
  REQUIRE(report.exit_status == 0);
  const std::string somme = read_file((reports / "PROJET-CRG-2020-somme.json").string());
  const std::string year_flows = somme.substr(somme.find("\"year\": {"));
  CHECK(year_flows.substr(0, 200).find("\"cancelled\": \"4500.00\"") != std::string::npos);
  CHECK(somme.find("\"to_date\": {") != std::string::npos);

  // The same run again, and a run after Oise's refund was paid with its notice's number: nothing moves.
  const std::string journal_december = read_file(journal);
  auto again = issue(journal, "2020-12-31", out);
  CHECK(again.exit_status == 0);
  CHECK(listed(again.out, "issued").empty());
  CHECK(read_file(journal) == journal_december);
  append(journal, "2021-01-10,refund,oise,2822.22,AR-2020-0002,,Restitution (avis AR-2020-0002)\n");
  auto january = issue(journal, "2021-01-15", out);
  INFO(january.err);
  CHECK(january.exit_status == 0);
  CHECK(january.err.empty());
  CHECK(listed(january.out, "issued").empty());
  CHECK(files_in(out) == after_december);

  // A late invoice of 100,00 dated 2020-11-20: eligible 27 900,00, so 6 200,00 for each full payer and
  // 3 100,00 for the Somme (27 900 × 9 000 / 40 500; × 4 500 / 40 500). Every notice of 2020 changed;
  // each is kept and restated by a correction, except Oise's, now refunded 22,22 beyond its
  // 2 800,00 due: an order to pay back 22,22 instead.
  append(journal, "2020-11-20,expense,dinum,100.00,FAC-2020-140,coaching,Late invoice\n");
  auto late = issue(journal, "2021-01-20", out);
  INFO(late.err);
  REQUIRE(late.exit_status == 0);
  CHECK(late.err.find("avis de restitution AR-2020-0001 changed since it was issued") != std::string::npos);
  CHECK(late.err.find("AR-2020-0002 changed since it was issued") != std::string::npos);
  CHECK(late.err.find("AR-2020-0002 is not corrected: as of 2021-01-20 no refund is due to or from oise") !=
        std::string::npos);
  CHECK(listed(late.out, "issued") == std::vector<std::string>{"OR-2021-0001", "AR-2021-0001", "AR-2021-0002",
                                                               "AR-2021-0003", "ER-2021-0001", "AR-2021-0004"});
  CHECK(late.out.find("AR-2021-0001  avis de restitution  Département du Nord  2 800,00 €  corrects AR-2020-0001") !=
        std::string::npos);
  CHECK(late.out.find("OR-2021-0001  ordre de reversement  Département de l") != std::string::npos);
  for (const auto& [name, bytes] : after_december) CHECK_MESSAGE(files_in(out).at(name) == bytes, name);
  const auto register_lines = issued_lines(journal);
  CHECK(register_lines.size() == 17);
  CHECK(register_lines.back().find("corrects=AR-2020-0005") != std::string::npos);
}

TEST_CASE("without --issue: a preview marked PROJET, nothing numbered or recorded") {
  ScratchDir dir;
  const std::string journal = dir.file("journal.csv");
  append(journal, read_file(source + "/fixtures/seed/journal.csv"));
  const std::string before = read_file(journal);
  auto preview = issue(journal, "2020-12-31", dir.path() / "preview", {});
  INFO(preview.err);
  REQUIRE(preview.exit_status == 0);
  CHECK(read_file(journal) == before);
  const auto names = listed(preview.out, "PROJET");
  CHECK(names.size() == 11);
  CHECK(names.front() == "PROJET-ESD-2020-0001");
  CHECK(std::count(names.begin(), names.end(), "PROJET-AR-nord-2020-12-31") == 1);
  CHECK(std::count(names.begin(), names.end(), "PROJET-ER-somme-2020-12-31-ESD-2020-0005") == 1);
  for (const auto& [name, bytes] : files_in(dir.path() / "preview")) {
    CHECK_MESSAGE(name.rfind("PROJET-", 0) == 0, name);
    CHECK(bytes.find("AR-2020-0001") == std::string::npos);  // no number of a series
  }
  // An issued document is never replaced: the preview's files stay beside the issued ones.
  auto issued = issue(journal, "2020-12-31", dir.path() / "preview");
  REQUIRE(issued.exit_status == 0);
  CHECK(files_in(dir.path() / "preview").size() == 66);
  // Nothing to write (signatures only): no folder is created.
  const std::string signed_only = dir.file("signed.csv");
  append(signed_only, seed_part(0, 7));
  auto nothing = issue(signed_only, "2020-07-31", dir.path() / "unused", {});
  CHECK(nothing.exit_status == 0);
  CHECK_FALSE(fs::exists(dir.path() / "unused"));
}

TEST_CASE("a refund paid on its notice's own date leaves every notice as issued") {
  ScratchDir dir;
  const std::string journal = dir.file("journal.csv");
  append(journal, read_file(source + "/fixtures/seed/journal.csv"));
  const fs::path out = dir.path() / "docs";
  REQUIRE(issue(journal, "2020-12-31", out).exit_status == 0);
  // The Nord's notice AR-2020-0001 (2 822,23, NOTES.md) paid the same day, recorded after the register.
  append(journal, "2020-12-31,refund,nord,2822.23,AR-2020-0001,,Paid the day of the notice\n");
  const auto later = issue(journal, "2021-01-31", out);
  INFO(later.err);
  REQUIRE(later.exit_status == 0);
  CHECK(later.err.empty());
  CHECK(later.out == "nothing new is due as of 2021-01-31\n11 documents issued before, unchanged; 0 files written to " +
                         out.string() + "\n");
  // Status counts the refund all the same: nothing is due to the Nord any more.
  const auto status = run_cli({"status", rules, "--journal", journal, "--as-of", "2021-01-31", "--format", "csv"});
  REQUIRE(status.exit_status == 0);
  // cap agreed, cap, called, paid, refunded, net paid (9 000,00 − 2 822,23), final, balance, refund due
  CHECK(status.out.find(",nord,9000.00,9000.00,9000.00,9000.00,2822.23,6177.77,6177.77,0.00,0.00,") != std::string::npos);
}

TEST_CASE("killed at random instants during --issue, the journal is as before or complete, never torn") {
  ScratchDir dir;
  const std::string seed = read_file(source + "/fixtures/seed/journal.csv");
  // The uninterrupted run, and how long it takes.
  const std::string reference = dir.file("reference.csv");
  append(reference, seed);
  const auto start = std::chrono::steady_clock::now();
  REQUIRE(issue(reference, "2020-12-31", dir.path() / "reference").exit_status == 0);
  const long run_us =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
  const std::string complete = read_file(reference);
  const auto reference_files = files_in(dir.path() / "reference");
  REQUIRE(complete.size() > seed.size());

  std::mt19937 random(20201231);  // fixed seed: the same instants on every run
  std::uniform_int_distribution<long> instant(0, run_us + run_us / 2);
  int killed = 0;
  int as_before = 0;
  int completed = 0;
  for (int i = 0; i < 30; ++i) {
    const std::string journal = dir.file("journal-" + std::to_string(i) + ".csv");
    const fs::path out = dir.path() / ("out-" + std::to_string(i));
    append(journal, seed);
    killed += prorata::test::run_cli_killed_after(
        {"documents", rules, "--journal", journal, "--as-of", "2020-12-31", "--out", out.string(), "--issue"},
        instant(random));
    const std::string after = read_file(journal);
    CHECK_MESSAGE((after == seed || after == complete), "iteration ", i, ": a torn journal");
    as_before += after == seed;
    completed += after == complete;
    // Run again to the end: the same journal and the same files as the uninterrupted run.
    auto rerun = issue(journal, "2020-12-31", out);
    CHECK(rerun.exit_status == 0);
    CHECK(read_file(journal) == complete);
    CHECK(files_in(out) == reference_files);
  }
  MESSAGE("30 runs killed at random: ", killed, " killed, ", as_before, " left as before, ", completed,
          " complete");
  CHECK(killed > 0);
}
