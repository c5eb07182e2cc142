// A portfolio: several conventions of one shared journal in one run. Built from the single-convention
// fixtures (share keys paid, weights and equal; avenants; a termination after notice; refunds), each
// renamed and its lines tagged with its id, interleaved in one journal. Every convention of the
// portfolio must be exactly what `status` gives for it alone (byte for byte in JSON and CSV), the
// totals the sums of the singles' totals (added here, in integer cents).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
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

struct Single {
  const char* rules;
  const char* journal;
};

const Single singles[] = {
    {"rules/dinum-preincubation-2020.yaml", "fixtures/seed/journal.csv"},
    {"rules/dinum-preincubation-2020.yaml", "fixtures/seed-refunded/journal.csv"},
    {"fixtures/amendment/rules.yaml", "fixtures/amendment/journal.csv"},
    {"fixtures/weights-terminated/rules-weights.yaml", "fixtures/weights-terminated/journal.csv"},
    {"fixtures/weights-terminated/rules-equal.yaml", "fixtures/weights-terminated/journal.csv"},
};
constexpr std::size_t count = std::size(singles);

std::vector<std::string> lines_of(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// "9000.00" -> 900000
std::int64_t cents(const std::string& amount) {
  const auto point = amount.find('.');
  REQUIRE(point != std::string::npos);
  const bool negative = amount.front() == '-';
  const std::int64_t units = std::stoll(amount.substr(negative ? 1 : 0, point - (negative ? 1 : 0)));
  const std::int64_t value = units * 100 + std::stoll(amount.substr(point + 1));
  return negative ? -value : value;
}

std::string amount(std::int64_t value) {
  const std::string sign = value < 0 ? "-" : "";
  const std::int64_t magnitude = value < 0 ? -value : value;
  const std::string fraction = std::to_string(magnitude % 100);
  return sign + std::to_string(magnitude / 100) + "." + (fraction.size() == 1 ? "0" : "") + fraction;
}

// The portfolio in `dir`: rules/pf-N.yaml, journal-pf-N.csv (its lines alone), journal.csv (all of
// them interleaved, plus rows of conventions not loaded).
struct Portfolio {
  fs::path rules_dir;
  std::vector<std::string> rules;     // pf-1.yaml ... in id order
  std::vector<std::string> journals;  // each convention's lines alone
  std::string journal;                // the shared journal
};

Portfolio build(const fs::path& dir) {
  Portfolio out;
  out.rules_dir = dir / "rules";
  fs::create_directories(out.rules_dir);
  std::vector<std::vector<std::string>> rows(count);
  const std::string header = "date,event,party,amount,ref,category,memo";
  for (std::size_t i = 0; i < count; ++i) {
    const std::string id = "pf-" + std::to_string(i + 1);
    // The convention's id: the first "  id: " line of the file (no std::regex: GCC 12 with the
    // sanitizers warns inside <regex>).
    std::string rules = read_file(source + "/" + singles[i].rules);
    const std::size_t at = rules.find("\n  id: ");
    REQUIRE(at != std::string::npos);
    const std::size_t end = rules.find('\n', at + 1);
    rules.replace(at, end - at, "\n  id: " + id);
    REQUIRE(rules.find("\n  id: " + id + "\n") != std::string::npos);
    out.rules.push_back((out.rules_dir / (id + ".yaml")).string());
    write(out.rules.back(), rules);
    const auto lines = lines_of(read_file(source + "/" + singles[i].journal));
    REQUIRE(lines.front() == header);
    std::string alone = header + ",convention\n";
    for (std::size_t k = 1; k < lines.size(); ++k) {
      if (lines[k].empty()) continue;
      rows[i].push_back(lines[k] + "," + id);
      alone += rows[i].back() + "\n";
    }
    out.journals.push_back((dir / ("journal-" + id + ".csv")).string());
    write(out.journals.back(), alone);
  }
  // Interleaved, each convention's lines in their order; then rows of two conventions not loaded,
  // one of them one edit from pf-1.
  std::string shared = header + ",convention\n";
  for (std::size_t k = 0;; ++k) {
    bool any = false;
    for (std::size_t i = 0; i < count; ++i) {
      if (k < rows[i].size()) shared += rows[i][k] + "\n", any = true;
    }
    if (!any) break;
  }
  for (int k = 0; k < 3; ++k) shared += "2020-09-01,expense,x,10.00,,study,,zz-other\n";
  for (int k = 0; k < 2; ++k) shared += "2020-09-02,expense,x,1.00,,study,,pf-1x\n";
  out.journal = (dir / "journal.csv").string();
  write(out.journal, shared);
  return out;
}

prorata::test::CliRun status_of(const std::vector<std::string>& rules, const std::string& journal, const char* as_of,
                                const char* format) {
  std::vector<std::string> args{"status"};
  args.insert(args.end(), rules.begin(), rules.end());
  for (const char* a : {"--journal", journal.c_str(), "--as-of", as_of, "--format", format}) args.emplace_back(a);
  return run_cli(args);
}

}  // namespace

TEST_CASE("portfolio status: each convention exactly its single status, totals the sums, other rows counted") {
  ScratchDir dir;
  const Portfolio p = build(dir.path());
  for (const char* as_of : {"2020-10-15", "2020-12-31", "2021-06-30"}) {
    CAPTURE(as_of);
    const auto run = run_cli({"status", "--rules-dir", p.rules_dir.string(), "--journal", p.journal, "--as-of", as_of,
                              "--format", "json"});
    INFO(run.err);
    REQUIRE(run.exit_status == 0);
    CHECK(run.err == p.journal + ":1: warning: the convention column names 'pf-1x' (2 rows), which is not loaded; did "
                                 "you mean 'pf-1'?\n");
    const auto portfolio = nlohmann::ordered_json::parse(run.out);
    CHECK(portfolio["format"] == "prorata-portfolio/1");
    CHECK(portfolio["as_of"] == as_of);
    REQUIRE(portfolio["conventions"].size() == count);
    std::map<std::string, std::int64_t> sums;
    std::string csv_rows;
    for (std::size_t i = 0; i < count; ++i) {
      const auto single = status_of({p.rules[i]}, p.journals[i], as_of, "json");
      REQUIRE(single.exit_status == 0);
      const auto alone = nlohmann::ordered_json::parse(single.out);
      CHECK(portfolio["conventions"][i].dump(2) + "\n" == single.out);  // byte for byte
      for (const auto& [key, value] : alone["totals"].items()) sums[key] += cents(value.get<std::string>());
      const std::string csv = status_of({p.rules[i]}, p.journals[i], as_of, "csv").out;
      csv_rows += csv.substr(csv.find("\r\n") + 2);
    }
    REQUIRE(portfolio["totals"].size() == sums.size());
    for (const auto& [key, value] : sums) CHECK_MESSAGE(portfolio["totals"][key] == amount(value), key);
    CHECK(portfolio["other_conventions"] == nlohmann::ordered_json{{"pf-1x", 2}, {"zz-other", 3}});

    const auto csv = run_cli({"status", "--rules-dir", p.rules_dir.string(), "--journal", p.journal, "--as-of", as_of,
                              "--format", "csv"});
    REQUIRE(csv.exit_status == 0);
    const std::string single_csv = status_of({p.rules[0]}, p.journals[0], as_of, "csv").out;
    CHECK(csv.out == single_csv.substr(0, single_csv.find("\r\n") + 2) + csv_rows);
  }

  const auto text = run_cli({"status", "--rules-dir", p.rules_dir.string(), "--journal", p.journal, "--as-of",
                             "2020-12-31"});
  REQUIRE(text.exit_status == 0);
  CHECK(text.out.starts_with("Portfolio as of 2020-12-31: 5 conventions\n"));
  CHECK(text.out.find("\nTotal (5)") != std::string::npos);
  CHECK(text.out.find("Journal rows of conventions not loaded: pf-1x (2 rows), zz-other (3 rows).\n") !=
        std::string::npos);
  // The seed's refunds are due and its rules have no refund account (NOTES.md: the Nord's 2 822,23).
  CHECK(text.out.find("- pf-1: nord: refund due 2 822,23 € and no refund_account in the rules\n") != std::string::npos);
}

TEST_CASE("portfolio: one rules file stays the single command; check and documents over several") {
  ScratchDir dir;
  const Portfolio p = build(dir.path());
  // --rules-dir with one file: exactly `status FILE`.
  const fs::path one = dir.path() / "one";
  fs::create_directories(one);
  fs::copy_file(p.rules[0], one / "pf-1.yaml");
  const auto single = status_of({p.rules[0]}, p.journal, "2020-12-31", "text");
  const auto via_dir = run_cli({"status", "--rules-dir", one.string(), "--journal", p.journal, "--as-of", "2020-12-31"});
  CHECK(via_dir.exit_status == 0);
  CHECK(via_dir.out == single.out);

  const auto check = run_cli({"check", "--rules-dir", p.rules_dir.string(), "--journal", p.journal});
  INFO(check.err);
  INFO(check.out);
  REQUIRE(check.exit_status == 0);
  std::size_t events = 0;
  for (const std::string& journal : p.journals) events += lines_of(read_file(journal)).size() - 1;
  // 5 + 5 + 5 contributors (the seed and its avenants fixture), 3 + 3 (the agglomeration fixtures).
  CHECK(check.out.starts_with("ok: 5 conventions, 21 contributors; journal: " + std::to_string(events) +
                              " events, 5 rows of 2 other conventions\n"));
  // Every convention uses the default prefixes: their numbers would repeat.
  CHECK(check.err.find("warning: the prefix 'AR' is used by 5 conventions (pf-1, pf-2, pf-3, pf-4, pf-5)") !=
        std::string::npos);

  // documents: one sub-folder per convention, each what `documents` writes for it alone (the first
  // three: the weights fixtures have no accountant, which statements need).
  const auto all = run_cli({"documents", p.rules[0], p.rules[1], p.rules[2], "--journal", p.journal, "--as-of",
                            "2021-06-30", "--out", (dir.path() / "docs").string(), "--format", "json"});
  INFO(all.err);
  REQUIRE(all.exit_status == 0);
  for (std::size_t i = 0; i < 3; ++i) {
    const std::string id = "pf-" + std::to_string(i + 1);
    const fs::path alone = dir.path() / ("alone-" + id);
    REQUIRE(run_cli({"documents", p.rules[i], "--journal", p.journals[i], "--as-of", "2021-06-30", "--out",
                     alone.string(), "--format", "json"})
                .exit_status == 0);
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(alone)) {
      ++files;
      CHECK(read_file((dir.path() / "docs" / id / entry.path().filename()).string()) == read_file(entry.path().string()));
    }
    CHECK(files > 0);
  }
}

TEST_CASE("portfolio: bad input in any convention is an error of the run, every one reported, nothing on stdout") {
  ScratchDir dir;
  const Portfolio p = build(dir.path());
  // Two rules files of one convention.
  const std::string twin = dir.file("twin.yaml");
  fs::copy_file(p.rules[1], twin);
  const auto dup = status_of({p.rules[1], twin}, p.journal, "2020-12-31", "json");
  CHECK(dup.exit_status == 2);
  CHECK(dup.out.empty());
  CHECK(dup.err.find(": error: convention id 'pf-2' is also the id of " + p.rules[1]) != std::string::npos);
  CHECK(dup.err.starts_with(twin + ":"));

  // A journal without a convention column, several conventions loaded: one error, at its first line.
  const auto untagged = status_of({p.rules[0], p.rules[2]}, source + "/fixtures/seed/journal.csv", "2020-12-31", "json");
  CHECK(untagged.exit_status == 2);
  CHECK(untagged.out.empty());
  CHECK(untagged.err == source + "/fixtures/seed/journal.csv:2: error: this line names no convention (the journal has "
                                 "no convention column) while 2 conventions are loaded: add a convention column, or "
                                 "load the one convention this journal is for\n");

  // Errors in two rules files and in one convention's lines: all of them, each at its file.
  const std::string broken_a = dir.file("a.yaml");
  const std::string broken_b = dir.file("b.yaml");
  write(broken_a, "format: prorata/1\nconvention: 3\n");
  write(broken_b, "format: prorata/2\n");
  const auto broken = status_of({broken_a, p.rules[0], broken_b}, p.journal, "2020-12-31", "json");
  CHECK(broken.exit_status == 2);
  CHECK(broken.out.empty());
  CHECK(broken.err.find(broken_a + ":2:") != std::string::npos);
  CHECK(broken.err.find(broken_b + ":1:") != std::string::npos);
  std::string journal = read_file(p.journal);
  journal += "2020-09-03,payment,nobody,5.00,,,,pf-3\n";
  const std::string bad_journal = dir.file("bad.csv");
  write(bad_journal, journal);
  const auto bad_line = status_of(p.rules, bad_journal, "2020-12-31", "json");
  CHECK(bad_line.exit_status == 2);
  CHECK(bad_line.out.empty());
  CHECK(bad_line.err.find(bad_journal + ":" + std::to_string(lines_of(journal).size()) + ": error:") != std::string::npos);
}

TEST_CASE("portfolio: --threads 1 and --threads 2 print the same bytes, good input or bad") {
  ScratchDir dir;
  const Portfolio p = build(dir.path());
  // A second journal with bad rows among the good ones: the same errors, in the same order, either way.
  std::string bad = read_file(p.journal);
  bad += "2020-09-31,expense,x,10.00,,study,,pf-2\n2020-09-03,expense,x,10.001,,study,,pf-3\n";
  const std::string bad_journal = dir.file("bad.csv");
  write(bad_journal, bad);
  for (const char* format : {"json", "csv", "text"}) {
    CAPTURE(format);
    std::vector<prorata::test::CliRun> runs;
    for (const char* threads : {"1", "2"}) {
      runs.push_back(run_cli({"--threads", threads, "status", "--rules-dir", p.rules_dir.string(), "--journal",
                              p.journal, "--as-of", "2020-12-31", "--format", format}));
      runs.push_back(run_cli({"--threads", threads, "status", p.rules[2], "--journal", p.journals[2], "--as-of",
                              "2021-06-30", "--format", format}));
      runs.push_back(run_cli({"--threads", threads, "status", "--rules-dir", p.rules_dir.string(), "--journal",
                              bad_journal, "--as-of", "2020-12-31", "--format", format}));
    }
    for (std::size_t k = 0; k < 3; ++k) {
      CHECK(runs[k].exit_status == runs[k + 3].exit_status);
      CHECK(runs[k].out == runs[k + 3].out);
      CHECK(runs[k].err == runs[k + 3].err);
    }
    CHECK(runs[0].exit_status == 0);
    CHECK(runs[1].exit_status == 0);
    CHECK(runs[2].exit_status == 2);
    CHECK(runs[2].out.empty());
    CHECK(runs[2].err.find(bad_journal + ":" ) != std::string::npos);
  }
  const auto refused = run_cli({"--threads", "3", "status", p.rules[0], "--journal", p.journals[0]});
  CHECK(refused.exit_status == 2);  // a bad command line is bad input
  CHECK(refused.out.empty());
  CHECK(refused.err.find("--threads") != std::string::npos);
}
