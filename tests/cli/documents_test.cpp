// `prorata documents`: which documents are written, how they are numbered, what they say, and that a
// re-run rewrites the same bytes. Figures come from fixtures/seed/NOTES.md (worked by hand).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "run_cli.h"

namespace fs = std::filesystem;
using prorata::test::read_file;
using prorata::test::run_cli;
using prorata::test::ScratchDir;

namespace {

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
  return names;
}

prorata::test::CliRun documents(const std::string& journal, const std::string& as_of, const fs::path& out,
                                std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"documents", "rules/dinum-preincubation-2020.yaml", "--journal", journal,
                                "--as-of",   as_of,                                 "--out",     out.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_cli(args);
}

// `documents --issue` on a copy of `journal` (issuing appends to the journal; fixtures stay as they are).
prorata::test::CliRun issued(const std::string& journal, const std::string& as_of, const fs::path& out,
                             std::vector<std::string> extra = {}, const std::string& rules = "") {
  static ScratchDir copies;
  static int count = 0;
  const fs::path copy = copies.path() / ("journal-" + std::to_string(++count) + ".csv");
  fs::copy_file(fs::path(PRORATA_SOURCE_DIR) / journal, copy);
  extra.push_back("--issue");
  if (rules.empty()) return documents(copy.string(), as_of, out, extra);
  std::vector<std::string> args{"documents", rules, "--journal", copy.string(), "--as-of", as_of, "--out", out.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_cli(args);
}

// The text documents wrap long fields: the words with every run of spaces and line breaks as one space.
std::string one_line(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n';
    if (space && !out.empty() && out.back() == ' ') continue;
    out += space ? ' ' : c;
  }
  return out;
}

}  // namespace

TEST_CASE("after the term, --issue: five statements, five refund notices and the Somme's cancellation") {
  ScratchDir dir;
  auto run = issued("fixtures/seed/journal.csv", "2020-12-31", dir.path());
  INFO(run.err);
  REQUIRE(run.exit_status == 0);
  std::set<std::string> expected;
  for (const char* number : {"ESD-2020-0001", "ESD-2020-0002", "ESD-2020-0003", "ESD-2020-0004", "ESD-2020-0005",
                             "AR-2020-0001", "AR-2020-0002", "AR-2020-0003", "AR-2020-0004", "AR-2020-0005",
                             "ER-2020-0001"}) {
    for (const char* ext : {".pdf", ".txt", ".json"}) expected.insert(std::string(number) + ext);
  }
  CHECK(names_in(dir.path()) == expected);

  // Val-d'Oise's statement (ESD-2020-0004 in the journal): 9 000,00 € on the SCBCM's account.
  auto statement = nlohmann::json::parse(read_file((dir.path() / "ESD-2020-0004.json").string()));
  CHECK(statement["amount"] == "9000.00");
  CHECK(statement["amount_words"] == "neuf mille euros");
  CHECK(statement["payment_reference"] == "ESD-2020-0004");
  CHECK(read_file((dir.path() / "ESD-2020-0004.txt").string()).find("229501275") != std::string::npos);

  // Refund notices are numbered in id order: nord 0001, oise 0002, pas-de-calais 0003, somme 0004,
  // val-d-oise 0005. Nord gets 2 822,23 € back (it takes the leftover cent), the Somme 1 411,11 €.
  auto nord = nlohmann::json::parse(read_file((dir.path() / "AR-2020-0001.json").string()));
  CHECK(nord["amount"] == "2822.23");
  CHECK(nord["amount_words"] == "deux mille huit cent vingt-deux euros et vingt-trois centimes");
  auto somme = nlohmann::json::parse(read_file((dir.path() / "AR-2020-0004.json").string()));
  CHECK(somme["amount"] == "1411.11");
  CHECK(somme["amount_words"] == "mille quatre cent onze euros et onze centimes");
  CHECK(somme["mark"] == "issued");
  // The seed rules hold no refund account for the départements (the convention gives none): the
  // notice says so instead of leaving the section out.
  CHECK(somme["refund_to"].is_null());
  CHECK(read_file((dir.path() / "AR-2020-0004.txt").string()).find("coordonnées bancaires (RIB)") != std::string::npos);
}

TEST_CASE("issuing from the same journal twice gives byte-identical documents, PDF included") {
  ScratchDir first;
  ScratchDir second;
  REQUIRE(issued("fixtures/seed/journal.csv", "2020-12-31", first.path()).exit_status == 0);
  REQUIRE(issued("fixtures/seed/journal.csv", "2020-12-31", second.path()).exit_status == 0);
  auto names = names_in(first.path());
  CHECK(names.size() == 33);
  for (const auto& name : names) {
    INFO(name);
    CHECK(read_file((first.path() / name).string()) == read_file((second.path() / name).string()));
  }
}

TEST_CASE("while the term runs, refund notices only with --provisional, marked as such") {
  ScratchDir plain;
  auto run = documents("fixtures/seed/journal.csv", "2020-10-15", plain.path(), {"--format", "json"});
  REQUIRE(run.exit_status == 0);
  CHECK(names_in(plain.path()).size() == 5);  // the five statements only, previews
  CHECK(run.out.find("--provisional") != std::string::npos);

  ScratchDir provisional;
  REQUIRE(documents("fixtures/seed/journal.csv", "2020-10-15", provisional.path(),
                    {"--format", "json,txt", "--provisional"}).exit_status == 0);
  CHECK(names_in(provisional.path()).size() == 20);
  // Provisional notices carry no number: never the number of a final notice with another amount.
  auto nord = nlohmann::json::parse(read_file((provisional.path() / "PROVISOIRE-AR-nord-2020-10-15.json").string()));
  CHECK(nord["mark"] == "provisional");
  CHECK(nord["number"].is_null());
  CHECK(nord["amount"] == "5944.45");  // fixtures/seed/NOTES.md, as of 2020-10-15
  CHECK(read_file((provisional.path() / "PROVISOIRE-AR-nord-2020-10-15.txt").string()).find("PROVISOIRE") !=
        std::string::npos);
}

TEST_CASE("refund notices are numbered after a refund ref already in the journal") {
  // seed-refunded: the Somme got its 1 411,11 € back on 2020-12-20 as AR-2020-0007, a notice issued
  // before the register: so it is owed nothing more, its unpaid 4 500,00 € are cancelled, and the four
  // others are numbered 0008 to 0011 in id order (never a number a refund already quotes).
  ScratchDir dir;
  auto run = issued("fixtures/seed-refunded/journal.csv", "2020-12-31", dir.path(), {"--format", "json"});
  INFO(run.err);
  REQUIRE(run.exit_status == 0);
  std::set<std::string> expected{"ESD-2020-0001.json", "ESD-2020-0002.json", "ESD-2020-0003.json",
                                 "ESD-2020-0004.json", "ESD-2020-0005.json", "AR-2020-0008.json",
                                 "AR-2020-0009.json",  "AR-2020-0010.json",  "ER-2020-0001.json",
                                 "AR-2020-0011.json"};
  CHECK(names_in(dir.path()) == expected);
  auto last = nlohmann::json::parse(read_file((dir.path() / "AR-2020-0011.json").string()));
  CHECK(last["contributor"]["id"] == "val-d-oise");
  // As of 2020-12-19 the refund is not paid yet: five notices, still after AR-2020-0007.
  ScratchDir before;
  REQUIRE(issued("fixtures/seed-refunded/journal.csv", "2020-12-19", before.path(), {"--format", "json"})
              .exit_status == 0);
  CHECK(fs::exists(before.path() / "AR-2020-0008.json"));
  CHECK(fs::exists(before.path() / "AR-2020-0012.json"));
  CHECK_FALSE(fs::exists(before.path() / "AR-2020-0001.json"));
}

TEST_CASE("bad input writes no document at all") {
  ScratchDir dir;
  auto run = documents("fixtures/bad/journal/unknown-party.csv", "2020-12-31", dir.path() / "out");
  CHECK(run.exit_status == 2);
  CHECK(run.out.empty());
  CHECK_FALSE(fs::exists(dir.path() / "out"));
}

TEST_CASE("documents.spelling: 1990 writes amounts in words with hyphens everywhere") {
  ScratchDir dir;
  std::string rules = read_file(std::string(PRORATA_SOURCE_DIR) + "/rules/dinum-preincubation-2020.yaml");
  const std::string place = "    place: \"Paris\"\n";
  REQUIRE(rules.find(place) != std::string::npos);
  rules.replace(rules.find(place), place.size(), place + "    spelling: 1990\n");
  const fs::path rules_path = dir.path() / "rules-1990.yaml";
  {
    std::FILE* file = std::fopen(rules_path.c_str(), "wb");
    REQUIRE(file != nullptr);
    std::fwrite(rules.data(), 1, rules.size(), file);
    std::fclose(file);
  }
  auto run = issued("fixtures/seed/journal.csv", "2020-12-31", dir.path() / "out", {"--format", "json"},
                    rules_path.string());
  INFO(run.err);
  REQUIRE(run.exit_status == 0);
  auto statement = nlohmann::json::parse(read_file((dir.path() / "out" / "ESD-2020-0001.json").string()));
  CHECK(statement["amount_words"] == "neuf-mille euros");
  auto somme = nlohmann::json::parse(read_file((dir.path() / "out" / "AR-2020-0004.json").string()));
  CHECK(somme["amount_words"] == "mille-quatre-cent-onze euros et onze centimes");
}

TEST_CASE("a statement number that cannot name a file is refused, and nothing is written") {
  // A ref such as ../escaped or ESD/2021/0002 would write outside --out or fail half-way.
  ScratchDir dir;
  std::string journal = read_file(std::string(PRORATA_SOURCE_DIR) + "/fixtures/seed/journal.csv");
  journal.replace(journal.find("ESD-2020-0002"), 13, "ESD/2020/0002");
  journal.replace(journal.find("ESD-2020-0004"), 13, "../escaped");
  const fs::path path = dir.path() / "journal.csv";
  {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    REQUIRE(file != nullptr);
    std::fwrite(journal.data(), 1, journal.size(), file);
    std::fclose(file);
  }
  auto run = documents(path.string(), "2020-12-31", dir.path() / "out");
  CHECK(run.exit_status == 2);
  CHECK(run.out.empty());
  // ESD-2020-0002 and ESD-2020-0004 are on lines 9 and 11 (header, six signatures, ESD-2020-0001).
  CHECK(run.err.find(path.string() + ":9: error: statement number 'ESD/2020/0002' cannot name") != std::string::npos);
  CHECK(run.err.find(path.string() + ":11: error: statement number '../escaped'") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "out"));
  CHECK_FALSE(fs::exists(dir.path() / "escaped.txt"));
}

TEST_CASE("a preview already there with other content is kept unless --replace; an issued one always") {
  ScratchDir dir;
  REQUIRE(documents("fixtures/seed/journal.csv", "2020-12-31", dir.path(), {"--format", "txt"}).exit_status == 0);
  const fs::path preview = dir.path() / "PROJET-AR-val-d-oise-2020-12-31.txt";
  const std::string original = read_file(preview.string());
  // The same run again finds the same bytes there: nothing to write.
  auto again = documents("fixtures/seed/journal.csv", "2020-12-31", dir.path(), {"--format", "txt,txt"});
  CHECK(again.exit_status == 0);
  CHECK(again.out.find("0 files written to") != std::string::npos);
  // A preview edited is not overwritten, and no other file is touched.
  { std::ofstream(preview, std::ios::binary) << "annotated\n"; }
  fs::remove(dir.path() / "PROJET-ESD-2020-0001.txt");
  auto kept = documents("fixtures/seed/journal.csv", "2020-12-31", dir.path(), {"--format", "txt"});
  CHECK(kept.exit_status == 1);
  CHECK(kept.out.empty());
  CHECK(kept.err == preview.string() + ": error: exists with other content: kept; write elsewhere, or use "
                                       "--replace to overwrite a preview\n");
  CHECK(read_file(preview.string()) == "annotated\n");
  CHECK(!fs::exists(dir.path() / "PROJET-ESD-2020-0001.txt"));
  auto replaced = documents("fixtures/seed/journal.csv", "2020-12-31", dir.path(), {"--format", "txt", "--replace"});
  CHECK(replaced.exit_status == 0);
  CHECK(read_file(preview.string()) == original);
  CHECK(fs::exists(dir.path() / "PROJET-ESD-2020-0001.txt"));

  // An issued document's file is never replaced, --replace or not, and nothing is recorded then.
  ScratchDir out;
  { std::ofstream(out.path() / "AR-2020-0005.txt", std::ios::binary) << "issued on paper\n"; }
  auto refused = issued("fixtures/seed/journal.csv", "2020-12-31", out.path(), {"--format", "txt", "--replace"});
  CHECK(refused.exit_status == 1);
  CHECK(refused.err.find("AR-2020-0005.txt: error: exists with other content: kept (an issued document is never "
                         "replaced: write elsewhere)") != std::string::npos);
  CHECK(names_in(out.path()) == std::set<std::string>{"AR-2020-0005.txt"});
}

TEST_CASE("a target that is a directory stops the run before any file is written") {
  ScratchDir dir;
  fs::create_directories(dir.path() / "ESD-2020-0003.txt");
  auto run = issued("fixtures/seed/journal.csv", "2020-12-31", dir.path(), {"--format", "txt"});
  CHECK(run.exit_status == 1);
  CHECK(run.err.find("ESD-2020-0003.txt: error: cannot write: it exists and is not a file") != std::string::npos);
  CHECK(names_in(dir.path()) == std::set<std::string>{"ESD-2020-0003.txt"});
}

TEST_CASE("a statement cites the amendments in force on its own date, and the convention's own signature date") {
  ScratchDir dir;
  auto run = issued("fixtures/amendment/journal.csv", "2020-12-31", dir.path(), {"--format", "json,txt"},
                    "fixtures/amendment/rules.yaml");
  INFO(run.err);
  REQUIRE(run.exit_status == 0);
  // ESD-2020-0006 (2020-12-01, Nord's second call) comes after avenant-1 took effect on 2020-11-30.
  auto second = nlohmann::json::parse(read_file((dir.path() / "ESD-2020-0006.json").string()));
  CHECK(second["amount"] == "1000.00");
  CHECK(second["convention"]["signed_on"] == "2020-07-21");
  REQUIRE(second["convention"]["amendments"].size() == 1);
  CHECK(second["convention"]["amendments"][0]["id"] == "avenant-1");
  CHECK(second["convention"]["amendments"][0]["effective"] == "2020-11-30");
  CHECK(one_line(read_file((dir.path() / "ESD-2020-0006.txt").string()))
            .find("signée le 21 juillet 2020, modifiée par l’avenant avenant-1 (« Avenant n° 1 : prolongation et "
                  "relèvement de l'engagement du Nord ») en vigueur le 30 novembre 2020") != std::string::npos);
  // ESD-2020-0001 (2020-07-22) cites none: on its date the convention stood as signed.
  auto first = nlohmann::json::parse(read_file((dir.path() / "ESD-2020-0001.json").string()));
  CHECK(first["convention"]["amendments"].empty());
  CHECK(read_file((dir.path() / "ESD-2020-0001.txt").string()).find("avenant") == std::string::npos);
  // The refund notices settle under the version in force at the end: avenant-1; Nord's is 3 301,21 €.
  auto nord = nlohmann::json::parse(read_file((dir.path() / "AR-2020-0001.json").string()));
  CHECK(nord["amount"] == "3301.21");
  CHECK(nord["convention"]["amendments"][0]["id"] == "avenant-1");
}

TEST_CASE("rules without the accountant: the statements cannot be issued, said at the convention") {
  ScratchDir dir;
  std::string rules = read_file(std::string(PRORATA_SOURCE_DIR) + "/rules/dinum-preincubation-2020.yaml");
  const auto from = rules.find("  accountant:");
  const auto to = rules.find("  budget:");
  REQUIRE((from != std::string::npos && to != std::string::npos && from < to));
  rules.erase(from, to - from);
  const fs::path rules_path = dir.path() / "no-accountant.yaml";
  { std::ofstream(rules_path, std::ios::binary) << rules; }
  auto run = issued("fixtures/seed/journal.csv", "2020-12-31", dir.path() / "out", {}, rules_path.string());
  CHECK(run.exit_status == 2);
  CHECK(run.out.empty());
  // The convention's mapping starts with its `id`, line 6, column 3.
  CHECK(run.err == rules_path.string() + ":6:3: error: statements, cancellations and orders to pay back need the "
                                         "accountant (and its account) in convention dinum-preincubation-2020 "
                                         "(accountant: name, account)\n");
  CHECK_FALSE(fs::exists(dir.path() / "out"));
}

namespace {

// Sets an environment variable for the runs of the CLI in its scope (children inherit it).
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) { ::setenv(name, value.c_str(), 1); }
  ~ScopedEnv() { ::unsetenv(name_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
};

}  // namespace

TEST_CASE("the PDF renderer is a module loaded only for PDFs; without it, a PDF run stops before writing") {
  ScratchDir dir;
  SUBCASE("a run without PDF never opens Cairo (the dynamic loader's own list of the files it loads)") {
    ScopedEnv debug("LD_DEBUG", "files");
    auto text_run = documents("fixtures/seed/journal.csv", "2020-12-31", dir.path() / "txt", {"--format", "txt"});
    REQUIRE(text_run.exit_status == 0);
    CHECK(text_run.err.find("libcairo.so") == std::string::npos);
    CHECK(text_run.err.find("prorata-pdf.so") == std::string::npos);
    auto pdf_run = documents("fixtures/seed/journal.csv", "2020-12-31", dir.path() / "pdf", {"--format", "pdf"});
    REQUIRE(pdf_run.exit_status == 0);
    CHECK(pdf_run.err.find("prorata-pdf.so") != std::string::npos);
    CHECK(pdf_run.err.find("libcairo.so") != std::string::npos);
  }
  SUBCASE("a module that cannot be opened: exit 1, its path said, no file written, the journal untouched") {
    const std::string missing = dir.file("no-such-module.so");
    ScopedEnv module("PRORATA_PDF_MODULE", missing);
    const fs::path journal = dir.path() / "journal.csv";
    fs::copy_file(fs::path(PRORATA_SOURCE_DIR) / "fixtures/seed/journal.csv", journal);
    const std::string before = read_file(journal.string());
    auto run = documents(journal.string(), "2020-12-31", dir.path() / "out", {"--format", "txt,pdf", "--issue"});
    CHECK(run.exit_status == 1);
    CHECK(run.out.empty());
    CHECK(run.err.find(missing + ": cannot load the PDF renderer") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "out"));
    CHECK(read_file(journal.string()) == before);
    // Text alone needs no module: the same run without PDF works.
    auto text_run = documents(journal.string(), "2020-12-31", dir.path() / "txt", {"--format", "txt"});
    CHECK(text_run.exit_status == 0);
  }
  SUBCASE("a file that is not a library is refused") {
    const std::string other = dir.file("other.so");
    { std::ofstream(other) << "not an ELF file"; }
    ScopedEnv module("PRORATA_PDF_MODULE", other);
    auto run = documents("fixtures/seed/journal.csv", "2020-12-31", dir.path() / "out", {"--format", "pdf"});
    CHECK(run.exit_status == 1);
    CHECK(run.err.find(other + ": cannot load the PDF renderer") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "out"));
  }
}
