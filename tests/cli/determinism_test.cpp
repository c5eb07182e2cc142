// Determinism at the command line (the core's own property tests are in tests/core/evaluate_test.cpp):
// - the same inputs give byte-identical outputs, run after run, in every format;
// - permuting the journal's lines or the rules' contributors (and their weights) changes no figure:
//   the outputs are byte-identical, since contributors are listed by id;
// - a spreadsheet's export of the seed journal (UTF-8 BOM, CRLF, quoted cells: fixtures/accepted/)
//   gives the same outputs as the plain file; unusual but valid rules (fixtures/accepted/) are accepted.
#include <doctest/doctest.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "run_cli.h"

namespace {

namespace fs = std::filesystem;
using prorata::test::ScratchDir;

struct Case {
  std::string rules;
  std::string journal;
  std::string as_of;
};

// The seed convention (share key paid) and the weights/equal one (termination after notice).
const std::vector<Case> cases = {
    {"rules/dinum-preincubation-2020.yaml", "fixtures/seed/journal.csv", "2020-12-31"},
    {"rules/dinum-preincubation-2020.yaml", "fixtures/seed/journal.csv", "2020-10-15"},
    {"fixtures/weights-terminated/rules-weights.yaml", "fixtures/weights-terminated/journal.csv", "2021-06-30"},
    {"fixtures/weights-terminated/rules-equal.yaml", "fixtures/weights-terminated/journal.csv", "2021-06-30"},
};

const std::vector<std::string> formats = {"json", "csv", "text"};


std::string source(const std::string& relative) {
  return prorata::test::read_file(std::string(PRORATA_SOURCE_DIR) + "/" + relative);
}

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line + "\n");
  return lines;
}

// A deterministic shuffle (a small LCG, so the test never depends on the library's generator).
template <typename T>
void shuffle(std::vector<T>& items, std::uint32_t seed) {
  for (std::size_t i = items.size(); i > 1; --i) {
    seed = seed * 1'103'515'245u + 12'345u;
    std::swap(items[i - 1], items[(seed >> 8) % i]);
  }
}

// The journal with its lines (the header excepted) in another order.
std::string permute_journal(const std::string& text, std::uint32_t seed) {
  std::vector<std::string> lines = split_lines(text);
  REQUIRE(lines.size() > 2);
  std::vector<std::string> rows(lines.begin() + 1, lines.end());
  shuffle(rows, seed);
  std::string out = lines.front();
  for (const auto& row : rows) out += row;
  return out;
}

// The rules with the items of the `  contributors:` list (each starts with `    - `, continues with
// deeper lines) and the entries of a one-line `weights: {...}` map in another order.
std::string permute_rules(const std::string& text, std::uint32_t seed) {
  std::vector<std::string> lines = split_lines(text);
  auto start = std::find(lines.begin(), lines.end(), "  contributors:\n");
  REQUIRE(start != lines.end());
  auto end = std::find_if(start + 1, lines.end(), [](const std::string& line) { return line.rfind("    ", 0) != 0; });
  std::vector<std::string> items;
  for (auto it = start + 1; it != end; ++it) {
    if (it->rfind("    - ", 0) == 0) items.emplace_back();
    REQUIRE(!items.empty());
    items.back() += *it;
  }
  REQUIRE(items.size() >= 2);
  const std::vector<std::string> before = items;
  while (items == before) shuffle(items, seed++);
  std::string out;
  for (auto it = lines.begin(); it != start + 1; ++it) out += *it;
  for (const auto& item : items) out += item;
  for (auto it = end; it != lines.end(); ++it) out += *it;
  const std::size_t weights = out.find("weights: {");
  if (weights != std::string::npos) {
    const std::size_t open = weights + 10;
    const std::size_t close = out.find('}', open);
    std::vector<std::string> entries;
    std::istringstream list(out.substr(open, close - open));
    for (std::string entry; std::getline(list, entry, ',');) entries.push_back(entry.substr(entry.find_first_not_of(' ')));
    std::reverse(entries.begin(), entries.end());
    std::string joined;
    for (const auto& entry : entries) joined += (joined.empty() ? "" : ", ") + entry;
    out.replace(open, close - open, joined);
  }
  return out;
}

std::string status(const std::string& rules, const std::string& journal, const std::string& as_of,
                   const std::string& format) {
  auto run = prorata::test::run_cli({"status", rules, "--journal", journal, "--as-of", as_of, "--format", format});
  INFO("status ", rules, " --journal ", journal, " --format ", format, "\nstderr: ", run.err);
  REQUIRE(run.exit_status == 0);
  REQUIRE(run.err.empty());
  REQUIRE(!run.out.empty());
  return run.out;
}

}  // namespace

TEST_CASE("the same inputs give byte-identical outputs, run after run") {
  for (const auto& c : cases) {
    for (const auto& format : formats) {
      CHECK(status(c.rules, c.journal, c.as_of, format) == status(c.rules, c.journal, c.as_of, format));
    }
  }
}

TEST_CASE("permuting the journal's lines or the contributors changes no figure") {
  ScratchDir scratch;
  for (const auto& c : cases) {
    for (std::uint32_t seed : {1u, 2u, 3u}) {
      const std::string rules = scratch.file("rules-" + std::to_string(seed) + ".yaml");
      const std::string journal = scratch.file("journal-" + std::to_string(seed) + ".csv");
      write(rules, permute_rules(source(c.rules), seed));
      write(journal, permute_journal(source(c.journal), seed));
      REQUIRE(prorata::test::read_file(rules) != source(c.rules));
      for (const auto& format : formats) {
        INFO("case: ", c.rules, " as of ", c.as_of, ", permutation ", seed, ", format ", format);
        const std::string expected = status(c.rules, c.journal, c.as_of, format);
        CHECK(status(c.rules, journal, c.as_of, format) == expected);
        CHECK(status(rules, c.journal, c.as_of, format) == expected);
        CHECK(status(rules, journal, c.as_of, format) == expected);
      }
    }
  }
}

TEST_CASE("a spreadsheet export (UTF-8 BOM, CRLF, quoted cells) reads like the plain journal") {
  const std::string rules = "rules/dinum-preincubation-2020.yaml";
  const std::string exported = "fixtures/accepted/journal-crlf-bom.csv";
  const std::string plain = source("fixtures/seed/journal.csv");
  const std::string bytes = source(exported);
  REQUIRE(bytes.rfind("\xEF\xBB\xBF", 0) == 0);
  REQUIRE(bytes.find("\r\n") != std::string::npos);
  REQUIRE(plain.find('\r') == std::string::npos);
  for (const std::string as_of : {"2020-07-10", "2020-12-31"}) {
    for (const auto& format : formats) {
      CHECK(status(rules, exported, as_of, format) == status(rules, "fixtures/seed/journal.csv", as_of, format));
    }
  }
  auto check = prorata::test::run_cli({"check", rules, "--journal", exported});
  CHECK(check.exit_status == 0);
  CHECK(check.out.find("journal: 23 events") != std::string::npos);
}

TEST_CASE("unusual but valid rules are accepted: brackets in quoted text, aliases, BOM, CRLF, document markers") {
  const std::string unusual = "fixtures/accepted/rules-brackets-aliases-crlf.yaml";
  const std::string journal = "fixtures/seed/journal.csv";
  auto check = prorata::test::run_cli({"check", unusual});
  INFO("stderr: ", check.err);
  CHECK(check.exit_status == 0);
  CHECK(check.err.empty());
  // The CSV output carries every figure and the convention's id; its title column holds the unusual
  // title, read whole (brackets and '#' included), in place of the seed's.
  const std::string seed_title = "Programme de pré-incubation DINUM – Départements (2020)";
  const std::string unusual_title = "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ Programme "
                                    "{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{ ]]]] #";
  std::string expected = status("rules/dinum-preincubation-2020.yaml", journal, "2020-12-31", "csv");
  std::size_t replaced = 0;
  for (std::size_t at = expected.find(seed_title); at != std::string::npos; at = expected.find(seed_title, at)) {
    expected.replace(at, seed_title.size(), unusual_title);
    at += unusual_title.size();
    ++replaced;
  }
  CHECK(replaced == 5);  // one row per contributor
  CHECK(status(unusual, journal, "2020-12-31", "csv") == expected);
}
