// The CSV status (engine/report/status_csv.cpp) on a Status built by hand: the plain dialect for
// programs and the French one for spreadsheets, each line written out byte for byte.
#include <doctest/doctest.h>

#include <string>

#include "report/status_output.h"

using namespace prorata;

namespace {

Money eur(const char* text) { return *parse_amount(text).value; }
Date day(const char* text) { return *parse_date(text).value; }

// Val-d'Oise in the seed on 2020-12-31 (fixtures/seed/NOTES.md), and a contributor whose name holds
// both separators and a quote, to be quoted per RFC 4180; the title holds a comma.
Status sample() {
  Status status;
  status.convention = "seed";
  status.title = "Programme DINUM, départements";
  status.currency = "EUR";
  status.as_of = day("2020-12-31");
  status.term = {TermState::ended, day("2020-07-21"), day("2020-12-15"), EndReason::milestone};
  ContributorStatus vdo;
  vdo.id = "val-d-oise";
  vdo.name = "Département du Val-d'Oise";
  vdo.siren = "229501275";
  vdo.cap_agreed = vdo.cap = vdo.called = vdo.paid = vdo.net_paid = eur("9000.00");
  vdo.final_contribution = eur("6177.78");
  vdo.balance = vdo.refund_due = eur("2822.22");
  ContributorStatus odd;
  odd.id = "x";
  odd.name = "A; B, \"C\"";
  odd.balance = eur("-1234.50");
  odd.amount_due = eur("1234.50");
  status.contributors = {vdo, odd};
  return status;
}

const std::string plain_header =
    "convention,as_of,contributor,cap_agreed,cap,called,paid,refunded,net_paid,final_contribution,balance,"
    "refund_due,amount_due,outstanding_calls,convention_title,contributor_name,contributor_siren,term_state,"
    "term_end\r\n";

}  // namespace

TEST_CASE("plain CSV: today's columns, then title, name, SIREN, term state and end; quoted only when needed") {
  CHECK(report::status_csv(sample()) ==
        plain_header +
            "seed,2020-12-31,val-d-oise,9000.00,9000.00,9000.00,9000.00,0.00,9000.00,6177.78,2822.22,2822.22,0.00,"
            "0.00,\"Programme DINUM, départements\",Département du Val-d'Oise,229501275,ended,2020-12-15\r\n"
            "seed,2020-12-31,x,0.00,0.00,0.00,0.00,0.00,0.00,0.00,-1234.50,0.00,1234.50,0.00,"
            "\"Programme DINUM, départements\",\"A; B, \"\"C\"\"\",,ended,2020-12-15\r\n");
}

TEST_CASE("French CSV: BOM, ';', decimal comma, CRLF; the ';' and the quote are what need quoting") {
  const std::string bom = "\xEF\xBB\xBF";
  std::string header = plain_header;
  for (char& c : header) c = c == ',' ? ';' : c;
  CHECK(report::status_csv(sample(), report::CsvDialect::french) ==
        bom + header +
            "seed;2020-12-31;val-d-oise;9000,00;9000,00;9000,00;9000,00;0,00;9000,00;6177,78;2822,22;2822,22;0,00;"
            "0,00;Programme DINUM, départements;Département du Val-d'Oise;229501275;ended;2020-12-15\r\n"
            "seed;2020-12-31;x;0,00;0,00;0,00;0,00;0,00;0,00;0,00;-1234,50;0,00;1234,50;0,00;"
            "Programme DINUM, départements;\"A; B, \"\"C\"\"\";;ended;2020-12-15\r\n");
}

TEST_CASE("CSV while the term's end is unknown: term_end is empty") {
  Status status = sample();
  status.term = {TermState::pending, std::nullopt, std::nullopt, std::nullopt};
  status.contributors.resize(1);
  const std::string csv = report::status_csv(status);
  CHECK(csv.substr(plain_header.size()) ==
        "seed,2020-12-31,val-d-oise,9000.00,9000.00,9000.00,9000.00,0.00,9000.00,6177.78,2822.22,2822.22,0.00,"
        "0.00,\"Programme DINUM, départements\",Département du Val-d'Oise,229501275,pending,\r\n");
}
