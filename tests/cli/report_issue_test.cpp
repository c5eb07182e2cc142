// `prorata report --issue`: the yearly reports numbered in the report series and kept by the register,
// as `documents --issue` keeps the other documents. The digests are checked with coreutils' sha256sum
// (an outside tool); the figures are the seed's (fixtures/seed/NOTES.md, worked by hand) and, after a
// late invoice, worked below.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
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

prorata::test::CliRun report(const std::string& journal, const char* as_of, const fs::path& out, bool issue = true) {
  std::vector<std::string> args{"report", rules,   "--journal", journal,      "--year", "2020",
                                "--as-of", as_of, "--out",     out.string(), "--format", "json,txt"};
  if (issue) args.emplace_back("--issue");
  return run_cli(args);
}

std::vector<std::string> issued_lines(const std::string& journal) {
  std::istringstream in(read_file(journal));
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (line.find(",issued,") != std::string::npos) out.push_back(line);
  }
  return out;
}

std::map<std::string, std::string> files_in(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::directory_iterator(dir)) out[entry.path().filename().string()] = read_file(entry.path().string());
  return out;
}

// The SHA-256 of a file as coreutils computes it.
std::string sha256sum(const fs::path& file) {
  const std::string command = "sha256sum '" + file.string() + "'";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  REQUIRE(pipe);
  std::array<char, 65> hex{};
  REQUIRE(std::fread(hex.data(), 1, 64, pipe.get()) == 64);
  return std::string(hex.data(), 64);
}

}  // namespace

TEST_CASE("report --issue: numbered CRG-2021-0001…, recorded once, rewritten byte for byte, corrected when changed") {
  ScratchDir dir;
  const std::string journal = dir.file("journal.csv");
  fs::copy_file(source + "/fixtures/seed/journal.csv", journal);
  const std::string seed = read_file(journal);
  const fs::path out = dir.path() / "crg";

  const auto first = report(journal, "2021-01-15", out);
  INFO(first.err);
  REQUIRE(first.exit_status == 0);
  CHECK(first.err.empty());
  // One number per contributor, in the order of their ids, in the series of the year of issue.
  const char* ids[] = {"nord", "oise", "pas-de-calais", "somme", "val-d-oise"};
  const auto lines = issued_lines(journal);
  REQUIRE(lines.size() == 5);
  CHECK(read_file(journal).starts_with(seed));  // appended, nothing before rewritten
  for (std::size_t i = 0; i < 5; ++i) {
    const std::string number = "CRG-2021-000" + std::to_string(i + 1);
    CAPTURE(number);
    const fs::path json = out / (number + ".json");
    REQUIRE(fs::exists(json));
    CHECK(fs::exists(out / (number + ".txt")));
    CHECK(lines[i] == "2021-01-15,issued," + std::string(ids[i]) + ",," + number + ",report,sha256:" + sha256sum(json) +
                          " year=2020");
    const auto j = nlohmann::json::parse(read_file(json.string()));
    CHECK(j["number"] == number);
    CHECK(j["mark"] == "issued");
    CHECK(j["corrects"].is_null());
    CHECK(j["contributor"]["id"] == ids[i]);
  }
  CHECK(first.out.find("CRG-2021-0001  compte rendu de gestion 2020  Département du Nord  à restituer 2 822,23 €  "
                       "issued\n") != std::string::npos);
  CHECK(nlohmann::json::parse(read_file((out / "CRG-2021-0001.json").string()))["settlement"]["refund_due"] ==
        "2822.23");  // NOTES.md
  const auto issued_files = files_in(out);
  CHECK(issued_files.size() == 10);
  CHECK(issued_files.at("CRG-2021-0004.txt").find("N° CRG-2021-0004") != std::string::npos);

  // Again, later in January: nothing new, the journal untouched; a lost file comes back byte for byte.
  const std::string after_first = read_file(journal);
  fs::remove(out / "CRG-2021-0003.txt");
  const auto again = report(journal, "2021-01-31", out);
  INFO(again.err);
  REQUIRE(again.exit_status == 0);
  CHECK(again.err.empty());
  CHECK(read_file(journal) == after_first);
  CHECK(again.out == "every report of 2020 is issued\n5 reports issued before, unchanged; 1 file written to " +
                         out.string() + "\n");
  CHECK(files_in(out) == issued_files);

  // A late invoice of 100,00 dated 2020-11-20: eligible 27 900,00 (27 800,00 + 100,00), so the Nord's
  // final contribution is 27 900 × 9 000 / 40 500 = 6 200,00 and its refund 9 000,00 − 6 200,00 = 2 800,00.
  std::ofstream(journal, std::ios::binary | std::ios::app) << "2020-11-20,expense,dinum,100.00,FAC-2020-140,coaching,Late\n";
  const auto late = report(journal, "2021-02-01", out);
  INFO(late.err);
  REQUIRE(late.exit_status == 0);
  for (int i = 1; i <= 5; ++i) {
    CHECK(late.err.find("compte rendu de gestion CRG-2021-000" + std::to_string(i) + " changed since it was issued") !=
          std::string::npos);
  }
  const auto corrections = issued_lines(journal);
  REQUIRE(corrections.size() == 10);
  CHECK(corrections[5].starts_with("2021-02-01,issued,nord,,CRG-2021-0006,report,sha256:"));
  CHECK(corrections[5].ends_with(" corrects=CRG-2021-0001 year=2020"));
  CHECK(late.out.find("CRG-2021-0006  compte rendu de gestion 2020  Département du Nord  à restituer 2 800,00 €  "
                      "corrects CRG-2021-0001  issued\n") != std::string::npos);
  const auto nord = nlohmann::json::parse(read_file((out / "CRG-2021-0006.json").string()));
  CHECK(nord["settlement"]["refund_due"] == "2800.00");
  CHECK(nord["corrects"]["number"] == "CRG-2021-0001");
  CHECK(nord["corrects"]["date"] == "2021-01-15");
  std::string text = read_file((out / "CRG-2021-0006.txt").string());
  std::replace(text.begin(), text.end(), '\n', ' ');  // the paragraph is wrapped
  CHECK(text.find("annule et remplace le document N° CRG-2021-0001 du 15 janvier 2021.") != std::string::npos);
  for (const auto& [name, bytes] : issued_files) CHECK(read_file((out / name).string()) == bytes);  // never rewritten

  // The other documents' register accepts the reports' series beside its own.
  const auto documents = run_cli({"documents", rules, "--journal", journal, "--as-of", "2021-02-01", "--out",
                                  (dir.path() / "docs").string(), "--format", "json", "--issue"});
  INFO(documents.err);
  CHECK(documents.exit_status == 0);
  const auto check = run_cli({"check", rules, "--journal", journal});
  CHECK(check.exit_status == 0);
}

TEST_CASE("report --issue: bad input records nothing; a preview after issuing names the issued reports") {
  ScratchDir dir;
  const std::string journal = dir.file("journal.csv");
  fs::copy_file(source + "/fixtures/seed/journal.csv", journal);
  const std::string seed = read_file(journal);
  const fs::path out = dir.path() / "crg";

  // A file in the way: nothing recorded, nothing written.
  fs::create_directories(out);
  std::ofstream(out / "CRG-2021-0002.json") << "someone else's file\n";
  const auto blocked = report(journal, "2021-01-15", out);
  CHECK(blocked.exit_status == 1);
  CHECK(blocked.out.empty());
  CHECK(blocked.err.find("CRG-2021-0002.json: error: exists with other content: kept") != std::string::npos);
  CHECK(read_file(journal) == seed);
  CHECK(files_in(out).size() == 1);
  fs::remove(out / "CRG-2021-0002.json");

  REQUIRE(report(journal, "2021-01-15", out).exit_status == 0);
  const std::string issued = read_file(journal);
  const auto preview = report(journal, "2021-01-20", dir.path() / "preview", false);
  INFO(preview.err);
  REQUIRE(preview.exit_status == 0);
  CHECK(preview.out == "every report of 2020 is issued\n5 reports issued before, unchanged; 10 files written to " +
                           (dir.path() / "preview").string() + "\n");
  CHECK(read_file(journal) == issued);
}
