// The documents as French text (tests engine/report/document_text.h).
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "document_samples.h"
#include "report/document_text.h"

namespace samples = prorata::samples;
using prorata::Money;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
  return count;
}

// The words of the text, each run of spaces and line breaks made one space: phrases read the same
// wherever the layout wrapped them (no-break spaces are not ASCII spaces and stay as they are).
std::string flat(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool blank = c == ' ' || c == '\n';
    if (!blank) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  return out;
}

// A line whose value was left blank ends with its label's colon.
void check_no_blank_field(const std::string& text) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    CHECK_MESSAGE(!line.ends_with(":"), "blank field: '", line, "'");
    CHECK_MESSAGE(!line.ends_with(": "), "blank field: '", line, "'");
  }
}

}  // namespace

TEST_CASE("French dates and amounts of the documents") {
  CHECK(prorata::report::date_fr(samples::day(2020, 7, 22)) == "22 juillet 2020");
  CHECK(prorata::report::date_fr(samples::day(2020, 8, 1)) == "1er août 2020");
  CHECK(prorata::report::date_fr(samples::day(2021, 2, 28)) == "28 février 2021");
  CHECK(prorata::report::date_fr(samples::day(2020, 12, 31)) == "31 décembre 2020");
  // U+202F between thousands, U+00A0 before the euro sign: the figure never breaks across lines.
  CHECK(prorata::report::amount_fr(Money::from_cents(900'000)) == "9\u202F000,00\u00A0€");
  CHECK(prorata::report::amount_fr(Money::from_cents(123'456'789)) == "1\u202F234\u202F567,89\u00A0€");
  CHECK(prorata::report::amount_fr(Money::from_cents(5)) == "0,05\u00A0€");
}

TEST_CASE("the statement shows every part of the paper form") {
  const std::string raw = prorata::report::statement_text(samples::statement());
  const std::string text = flat(raw);
  CHECK(raw.starts_with(std::string(29, ' ') + "ÉTAT DES SOMMES DUES\n"));
  CHECK(contains(text, "N° ESD-2020-0004 du 22 juillet 2020"));
  CHECK(contains(raw, "Direction interministérielle du numérique\n  20 avenue de Ségur — TSA 30719\n"
                      "  75334 Paris Cedex 07\n"));
  CHECK(contains(text, "SCBCM des services du Premier ministre"));
  CHECK(contains(text, "Département du Val-d'Oise"));
  CHECK(contains(text, "SIREN : 229501275"));
  CHECK(contains(text, "Représenté par : La Présidente du Conseil départemental"));
  CHECK(contains(text, "Convention « Programme de pré-incubation DINUM – Départements (2020) » signée le 2 juillet 2020"));
  CHECK(contains(text, "Convention, art. 4.1 à 4.4"));
  CHECK(contains(text, "art. 4"));
  CHECK(contains(raw, "MONTANT DÛ" + std::string(58, ' ') + "9\u202F000,00\u00A0€\n"));  // flush right at 78
  CHECK(contains(raw, "\nArrêté le présent état à la somme de : neuf mille euros\n"));
  CHECK(contains(text, "SCBCM SERVICES PREMIER MINISTRE"));
  CHECK(contains(text, "DGO DSB SEGPS – 2310, 31 rue Croix des Petits-Champs, Paris 1er"));
  CHECK(contains(raw, "  Code banque     : 30001\n"));
  CHECK(contains(raw, "  Code guichet    : 00064\n"));
  CHECK(contains(raw, "  N° de compte    : 00000092441\n"));
  CHECK(contains(raw, "  Clé RIB         : 40\n"));
  CHECK(contains(raw, "  IBAN            : FR76 3000 1000 6400 0000 9244 140\n"));
  CHECK(contains(text, "BDFEFRPPCCT"));
  CHECK(contains(raw, "Référence à rappeler sur le virement : ESD-2020-0004\n"));
  CHECK(contains(text, "fonds de concours, programme 352"));
  CHECK(contains(raw, "\nFait à Paris, le 22 juillet 2020\n"));
  CHECK(raw.ends_with("Directeur interministériel du numérique\n" + std::string(39, ' ') + "Nadi Bou Hanna\n"));
  CHECK(!contains(text, "PROVISOIRE"));
  check_no_blank_field(raw);
}

TEST_CASE("the statement leaves out the lines it has no data for") {
  prorata::StatementDocument d = samples::statement();
  d.budget.reset();
  d.signatory.reset();
  d.signed_on.reset();
  d.debtor.siren.clear();
  d.debtor.representative.reset();
  d.pay_to.domiciliation.clear();
  d.pay_to.bic.clear();
  d.pay_to.rib.reset();
  d.place.clear();
  const std::string text = prorata::report::statement_text(d);
  CHECK(!contains(text, "IMPUTATION"));
  CHECK(!contains(text, "SIREN"));
  CHECK(!contains(text, "Représenté par : La Présidente"));
  CHECK(!contains(text, "Domiciliation"));
  CHECK(!contains(text, "BIC"));
  CHECK(!contains(text, "Code banque"));
  CHECK(!contains(text, "signée le"));
  CHECK(text.ends_with("\nFait, le 22 juillet 2020\n"));  // no signatory below
  CHECK(contains(text, "FR76 3000 1000 6400 0000 9244 140"));
  check_no_blank_field(text);
}

TEST_CASE("the refund notice shows the settlement of every contributor") {
  const prorata::RefundNotice notice = samples::refund_notice(5, false);
  const std::string raw = prorata::report::refund_notice_text(notice);
  const std::string text = flat(raw);
  CHECK(contains(text, "AVIS DE RESTITUTION"));
  CHECK(contains(text, "N° AR-2020-0001 du 31 décembre 2020"));
  CHECK(!contains(text, "PROVISOIRE"));
  for (const auto& line : notice.settlement) CHECK_MESSAGE(contains(text, line.name), line.name);
  CHECK(count_of(text, "9\u202F000,00\u00A0€") == 5);
  CHECK(count_of(text, "7\u202F624,69\u00A0€") == 5);
  CHECK(contains(raw, "\n> Département du Val-d'Oise "));
  CHECK(count_of(raw, "\n> ") == 1);
  CHECK(contains(text, "45\u202F000,00\u00A0€"));  // total paid
  CHECK(contains(text, "38\u202F123,45\u00A0€"));  // eligible spending = covered = total of the final contributions
  CHECK(contains(text, "6\u202F876,55\u00A0€"));   // total refunded
  CHECK(contains(text, "Convention, art. 4.5"));
  CHECK(contains(text, "au prorata des montants versés"));
  CHECK(contains(text, "Fin du terme"));
  CHECK(contains(text, "le 2 janvier 2021"));
  CHECK(contains(text, "MONTANT À RESTITUER"));
  CHECK(contains(raw, "MONTANT À RESTITUER" + std::string(49, ' ') + "1\u202F375,31\u00A0€\n"));
  CHECK(contains(text, "Arrêté le présent avis à la somme de : mille trois cent soixante-quinze euros et trente et un "
                       "centimes"));
  CHECK(contains(text, "PAIERIE DEPARTEMENTALE DU VAL D'OISE"));
  CHECK(contains(text, prorata::format_iban_grouped(notice.refund_to->iban)));
  check_no_blank_field(raw);
}

TEST_CASE("a provisional refund notice says so at the top") {
  const std::string text = prorata::report::refund_notice_text(samples::refund_notice(5, true));
  CHECK(text.starts_with(std::string(30, ' ') + "*** PROVISOIRE ***\n"));
  CHECK(contains(text, "Document provisoire"));
}

TEST_CASE("a refund notice without a refund account says the account is missing") {
  prorata::RefundNotice notice = samples::refund_notice(5, false);
  notice.refund_to.reset();
  notice.term_end.reset();
  const std::string text = prorata::report::refund_notice_text(notice);
  CHECK(contains(text, "COMPTE DE RESTITUTION\n  Non renseigné dans la convention"));
  CHECK(!contains(text, "IBAN"));
  CHECK(!contains(text, "Fin du terme"));
  check_no_blank_field(text);
}
