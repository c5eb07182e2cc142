// `prorata explain` on the seed and on the seed with avenants: every value checked here is worked by
// hand in fixtures/seed/NOTES.md and fixtures/amendment/NOTES.md (exact shares as fractions of cents,
// floors, remainders, ranks, the lines that set the term, the lines left out of the eligible spending).
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "run_cli.h"

namespace {

using Json = nlohmann::json;

Json explain(const std::vector<std::string>& extra) {
  std::vector<std::string> arguments{"explain"};
  arguments.insert(arguments.end(), extra.begin(), extra.end());
  arguments.insert(arguments.end(), {"--format", "json"});
  auto run = prorata::test::run_cli(arguments);
  INFO(run.err);
  REQUIRE(run.exit_status == 0);
  CHECK(run.err.empty());
  return Json::parse(run.out);
}

const Json& contributor(const Json& e, const std::string& id) {
  for (const auto& c : e["contributors"]) {
    if (c["id"] == id) return c;
  }
  FAIL("no contributor ", id);
  return e;
}

std::vector<int> lines_of(const Json& lines) {
  std::vector<int> out;
  for (const auto& line : lines) out.push_back(line["line"].get<int>());
  return out;
}

}  // namespace

TEST_CASE("explain, seed as of 2020-12-31: the term, the eligible spending and the settlement, line by line") {
  const Json e = explain({"rules/dinum-preincubation-2020.yaml", "--journal", "fixtures/seed/journal.csv", "--as-of",
                          "2020-12-31"});
  CHECK(e["format"] == "prorata-explain/1");
  // E: the six signatures of lines 2-7, the last by dinum on 2020-07-21.
  CHECK(e["term"]["effective"]["value"] == "2020-07-21");
  CHECK(e["term"]["effective"]["set_by"] == "dinum");
  CHECK(lines_of(e["term"]["effective"]["lines"]) == std::vector<int>{2, 3, 4, 5, 6, 7});
  // The end: phase-5-end on line 23, before E + 6 months.
  CHECK(e["term"]["end"]["value"] == "2020-12-15");
  CHECK(e["term"]["end"]["reason"] == "milestone");
  CHECK(lines_of(e["term"]["end"]["lines"]) == std::vector<int>{23});
  CHECK(e["term"]["amendments"].empty());
  // Expenses on lines 18-22 and 24; the 1 200.00 of line 24 is after the end.
  CHECK(e["totals"]["spending"]["value"] == "29000.00");
  CHECK(lines_of(e["totals"]["spending"]["lines"]) == std::vector<int>{18, 19, 20, 21, 22, 24});
  CHECK(e["totals"]["eligible_spending"]["value"] == "27800.00");
  CHECK(lines_of(e["totals"]["eligible_spending"]["lines"]) == std::vector<int>{18, 19, 20, 21, 22});
  REQUIRE(e["totals"]["eligible_spending"]["excluded"].size() == 1);
  CHECK(e["totals"]["eligible_spending"]["excluded"][0]["line"] == 24);
  CHECK(e["totals"]["eligible_spending"]["excluded"][0]["reason"] == "after the end of the term 2020-12-15");
  // U = 12 700.00: 1 270 000 x 2/9 = 2540000/9 for a full payer, 1270000/9 for the Somme; one cent left,
  // to nord (first id among the four tied 2/9 remainders).
  CHECK(e["settlement"]["share_key"] == "paid");
  CHECK(e["settlement"]["shared"] == "12700.00");
  CHECK(e["settlement"]["leftover_cents"] == 1);
  const Json& nord = contributor(e, "nord")["final_contribution"]["share"];
  CHECK(nord["exact"] == "2540000/9");
  CHECK(nord["floor"] == "2822.22");
  CHECK(nord["remainder"] == "2/9");
  CHECK(nord["rank"] == 1);
  CHECK(nord["leftover_cent"] == true);
  CHECK(nord["tie"] == "id");
  const Json& oise = contributor(e, "oise")["final_contribution"]["share"];
  CHECK(oise["rank"] == 2);
  CHECK(oise["leftover_cent"] == false);
  CHECK(oise["tie"] == "id");
  const Json& somme = contributor(e, "somme");
  CHECK(somme["final_contribution"]["share"]["exact"] == "1270000/9");
  CHECK(somme["final_contribution"]["share"]["rank"] == 5);
  CHECK(somme["final_contribution"]["value"] == "3088.89");
  CHECK(somme["outstanding_calls"]["value"] == "4500.00");
  CHECK(lines_of(somme["called"]["lines"]) == std::vector<int>{12});
  CHECK(lines_of(somme["paid"]["lines"]) == std::vector<int>{17});
  CHECK(contributor(e, "nord")["cap"]["where"]["line"] == 49);  // rules/dinum-preincubation-2020.yaml: nord's cap
}

TEST_CASE("explain with avenants: amendment signatures, the cap of avenant-1, the pending avenant-2") {
  const Json e = explain({"fixtures/amendment/rules.yaml", "--journal", "fixtures/amendment/journal.csv", "--as-of",
                          "2020-12-31", "--contributor", "nord"});
  REQUIRE(e["contributors"].size() == 1);  // --contributor: the term and the totals are still explained
  CHECK(e["totals"]["eligible_spending"]["value"] == "27800.00");
  REQUIRE(e["term"]["amendments"].size() == 2);
  const Json& first = e["term"]["amendments"][0];
  CHECK(first["id"] == "avenant-1");
  CHECK(first["state"] == "in_force");
  CHECK(first["effective"] == "2020-11-30");
  CHECK(lines_of(first["lines"]) == std::vector<int>{22, 23, 24, 25, 26, 27});
  CHECK(e["term"]["amendments"][1]["missing_signatures"] == Json::array({"oise"}));
  CHECK(e["term"]["end"]["max_duration"] == "9 months");
  CHECK(e["term"]["end"]["max_duration_from"] == "avenant-1");
  const Json& nord = e["contributors"][0];
  CHECK(nord["cap"]["value"] == "10000.00");
  CHECK(nord["cap"]["agreed_in"] == "avenant-1");
  CHECK(nord["cap"]["where"]["file"] == "fixtures/amendment/rules.yaml");
  CHECK(lines_of(nord["called"]["lines"]) == std::vector<int>{8, 28});
  CHECK(lines_of(nord["paid"]["lines"]) == std::vector<int>{13, 29});
  // U = 13 700.00 over p = 41 500.00: nord's refund 1 370 000 x 10 000 / 41 500 = 27400000/83 cents.
  const Json& share = nord["final_contribution"]["share"];
  CHECK(share["exact"] == "27400000/83");
  CHECK(share["floor"] == "3301.20");
  CHECK(share["remainder"] == "40/83");
  CHECK(share["rank"] == 1);
  CHECK(share["leftover_cent"] == true);
  CHECK(share["tie"].is_null());  // nobody else has its remainder
  CHECK(nord["refund_due"]["value"] == "3301.21");
}

TEST_CASE("explain: an unknown contributor is refused; text names the lines and shortens nothing small") {
  auto run = prorata::test::run_cli({"explain", "rules/dinum-preincubation-2020.yaml", "--journal",
                                     "fixtures/seed/journal.csv", "--as-of", "2020-12-31", "--contributor", "lille"});
  CHECK(run.exit_status == 2);
  CHECK(run.out.empty());
  CHECK(run.err.find("--contributor: error: 'lille' is not a contributor of dinum-preincubation-2020") == 0);
  auto text = prorata::test::run_cli({"explain", "rules/dinum-preincubation-2020.yaml", "--journal",
                                      "fixtures/seed/journal.csv", "--as-of", "2020-12-31", "--contributor", "somme"});
  CHECK(text.exit_status == 0);
  CHECK(text.out.find("  final contribution 3 088,89 €: min(paid, cap) = 4500.00, less its refund of the unused part "
                      "(1411.11)") != std::string::npos);
  CHECK(text.out.find("fixtures/seed/journal.csv:24  2020-12-18  expense  dinum  1 200,00 €  FAC-2020-150  "
                      "[coaching]: after the end of the term 2020-12-15") != std::string::npos);
  CHECK(text.out.find(" more lines") == std::string::npos);  // six expense lines: none left unshown
}

TEST_CASE("explain refuses a journal it cannot read twice (a pipe)") {
  prorata::test::ScratchDir scratch;
  const std::string fifo = scratch.file("journal.csv");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto run = prorata::test::run_cli({"explain", "rules/dinum-preincubation-2020.yaml", "--journal", fifo});
  CHECK(run.exit_status == 2);
  CHECK(run.out.empty());
  CHECK(run.err == fifo + ": error: explain reads the journal twice (to check it, then to cite its lines): give a "
                          "file, not a pipe or a directory\n");
}

TEST_CASE("explain, equal key with a contributor held at its cap: the level makes every exact share checkable") {
  // fixtures/weights-terminated/NOTES.md: 5 000.01 eligible; c held at 1 000.00; a and b share 4 000.01 at
  // 2 000.005 each (level 400001/2 cents a unit of weight); the one cent left goes to a (weights tie, id).
  const Json e = explain({"fixtures/weights-terminated/rules-equal.yaml", "--journal",
                          "fixtures/weights-terminated/journal.csv", "--as-of", "2021-06-30"});
  CHECK(e["settlement"]["share_key"] == "equal");
  CHECK(e["settlement"]["shared"] == "5000.01");
  CHECK(e["settlement"]["level"] == "400001/2");
  CHECK(e["settlement"]["leftover_cents"] == 1);
  const Json& a = contributor(e, "a")["final_contribution"]["share"];
  CHECK(a["exact"] == "400001/2");
  CHECK(a["remainder"] == "1/2");
  CHECK(a["rank"] == 1);
  CHECK(a["leftover_cent"] == true);
  CHECK(a["tie"] == "id");
  const Json& c = contributor(e, "c")["final_contribution"]["share"];
  CHECK(c["exact"] == "100000/1");  // min(cap 100000, level x 1): its cap
  CHECK(c["at_cap"] == true);
  CHECK(c["rank"] == 0);            // nothing to round
  CHECK(contributor(e, "c")["final_contribution"]["value"] == "1000.00");
  CHECK(e["term"]["end"]["reason"] == "termination");
  CHECK(e["totals"]["eligible_spending"]["excluded"][0]["reason_code"] == "after_end");
}
