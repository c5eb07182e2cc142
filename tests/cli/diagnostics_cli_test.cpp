// The CLI on what a new user met (issue 9): warnings print on stderr and the run still succeeds;
// a Windows-1252 journal is one error; `status --csv fr` writes a French spreadsheet's CSV.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "run_cli.h"

namespace {

using prorata::test::run_cli;
using prorata::test::ScratchDir;

const std::string seed_rules = "rules/dinum-preincubation-2020.yaml";

const std::string seed_signatures =
    "2020-07-02,signature,val-d-oise,,,,\n"
    "2020-07-06,signature,nord,,,,\n"
    "2020-07-08,signature,pas-de-calais,,,,\n"
    "2020-07-10,signature,oise,,,,\n"
    "2020-07-15,signature,somme,,,,\n"
    "2020-07-21,signature,dinum,,,,\n";

std::string write(const ScratchDir& scratch, const std::string& name, const std::string& text) {
  const std::string path = scratch.file(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace

TEST_CASE("a payment with no statement: `PATH:LINE: warning:` on stderr, the output as usual, exit 0") {
  ScratchDir scratch;
  const std::string journal = write(scratch, "journal.csv",
                                    "date,event,party,amount,ref,category,memo\n" + seed_signatures +
                                        "2020-07-25,payment,nord,100.00,VIR-1,,\n");  // line 8
  const std::string warning = journal + ":8: warning: a payment from 'nord' dated 2020-07-25 has no statement (call "
                                        "for funds) to it dated on or before it (the journal has none): record the "
                                        "statement it pays, or check the date\n";
  const auto check = run_cli({"check", seed_rules, "--journal", journal});
  CHECK(check.exit_status == 0);
  CHECK(check.err == warning);
  CHECK(check.out == "ok: dinum-preincubation-2020: 5 contributors, caps 45000.00 EUR, share key paid; journal: 7 "
                     "events\nversions: base, effective 2020-07-21\n");
  const auto status = run_cli({"status", seed_rules, "--journal", journal, "--as-of", "2020-08-01", "--format", "csv"});
  CHECK(status.exit_status == 0);
  CHECK(status.err == warning);
  CHECK(status.out.find("\r\ndinum-preincubation-2020,2020-08-01,nord,9000.00,9000.00,0.00,100.00,") !=
        std::string::npos);  // counted: called 0.00, paid 100.00
}

TEST_CASE("every row for another convention: exit 0, 0 events, and a warning naming the ids found") {
  ScratchDir scratch;
  const std::string journal = write(scratch, "journal.csv",
                                    "convention,date,event,party\n"
                                    "dinum-preincubation-2021,2020-07-02,signature,val-d-oise\n"
                                    "dinum-preincubation-2021,2020-07-06,signature,nord\n");
  const auto check = run_cli({"check", seed_rules, "--journal", journal});
  CHECK(check.exit_status == 0);
  CHECK(check.out.find("; journal: 0 events\n") != std::string::npos);
  CHECK(check.err == journal + ":1: warning: no row of the journal is for 'dinum-preincubation-2020' (the rules' "
                               "convention id); the convention column names 'dinum-preincubation-2021' (2 rows); "
                               "'dinum-preincubation-2021' is one edit from 'dinum-preincubation-2020': a typo?\n");
}

TEST_CASE("a Windows-1252 journal: one error line on stderr, exit 2, nothing on stdout") {
  const std::string journal = "fixtures/bad/journal/cp1252-export.csv";
  const auto check = run_cli({"check", seed_rules, "--journal", journal});
  CHECK(check.exit_status == 2);
  CHECK(check.out.empty());
  CHECK(check.err == journal + ":6: error: invalid UTF-8 (byte 0xE9): the file is not UTF-8 (a Windows-1252/Latin-1 "
                               "export?): convert it with `iconv -f WINDOWS-1252 -t UTF-8 " + journal + " > " +
                               journal + ".utf8`; nothing after this line is read or checked until then\n");
}

TEST_CASE("status --csv fr: BOM, ';', decimal comma, CRLF, the new columns; the seed's Nord line by hand") {
  const auto run = run_cli({"status", seed_rules, "--journal", "fixtures/seed/journal.csv", "--as-of", "2020-12-31",
                            "--csv", "fr"});
  CHECK(run.exit_status == 0);
  CHECK(run.err.empty());
  const std::string header =
      "\xEF\xBB\xBF"
      "convention;as_of;contributor;cap_agreed;cap;called;paid;refunded;net_paid;final_contribution;balance;"
      "refund_due;amount_due;outstanding_calls;convention_title;contributor_name;contributor_siren;term_state;"
      "term_end\r\n";
  REQUIRE(run.out.size() > header.size());
  CHECK(run.out.substr(0, header.size()) == header);
  // fixtures/seed/NOTES.md: Nord paid 9 000,00, final 6 177,77, refund 2 822,23 (the leftover cent).
  CHECK(run.out.substr(header.size(), run.out.find("\r\n", header.size()) + 2 - header.size()) ==
        "dinum-preincubation-2020;2020-12-31;nord;9000,00;9000,00;9000,00;9000,00;0,00;9000,00;6177,77;2822,23;"
        "2822,23;0,00;0,00;Programme de pré-incubation DINUM – Départements (2020);Département du Nord;;ended;"
        "2020-12-15\r\n");
  CHECK(run.out.find("Département du Val-d'Oise;229501275;ended;2020-12-15\r\n") != std::string::npos);
  const auto same = run_cli({"status", seed_rules, "--journal", "fixtures/seed/journal.csv", "--as-of", "2020-12-31",
                             "--format", "csv", "--csv", "fr"});
  CHECK(same.out == run.out);
}

TEST_CASE("status --csv: only fr, and only with CSV") {
  const auto json = run_cli({"status", seed_rules, "--journal", "fixtures/seed/journal.csv", "--as-of", "2020-12-31",
                             "--format", "json", "--csv", "fr"});
  CHECK(json.exit_status == 2);
  CHECK(json.out.empty());
  CHECK(json.err == "--csv: error: --csv fr writes CSV, not json: drop --format json\n");
  const auto german = run_cli({"status", seed_rules, "--journal", "fixtures/seed/journal.csv", "--csv", "de"});
  CHECK(german.exit_status == 2);
  CHECK(german.out.empty());
}
