// Each kind of document built from the seed (or a variant of it, tests/report/seed_documents.h) as PDF,
// read back with pdftotext: the number, the amounts, the words and the references are there, the
// tables add up as worked by hand, and pdftoppm renders page 1. PRORATA_PDF_SAMPLE_DIR=<dir> also
// writes seed-AR-2020-0004.pdf (the Somme's refund notice) and seed-complementary.pdf there.
#include <doctest/doctest.h>

#include <string>

#include "../report/seed_documents.h"
#include "core/documents.h"
#include "pdf/document_pdf.h"
#include "pdf_checks.h"

using prorata::DocumentMark;
using prorata::Money;
using namespace prorata::test;  // NOLINT: the test helpers, in this file only

namespace {

// The journal with the Somme's call cut to one tranche of 4 500,00 €, paid.
std::string one_tranche_journal() {
  return replaced(seed_journal_text(), "2020-07-22,statement,somme,9000.00,ESD-2020-0005,,\n",
                  "2020-07-22,statement,somme,4500.00,ESD-2020-0005,,\"1re tranche, 50 %\"\n");
}

}  // namespace

TEST_CASE("seed statement and refund notices as PDF") {
  require_poppler();
  TempDir dir;
  auto seed = load_seed();
  const auto statement = prorata::build_statement(seed->rules, seed->facts(), seed->statement("ESD-2020-0004"),
                                                  "ESD-2020-0004", DocumentMark::issued);
  const fs::path statement_pdf = write_file(dir.path / "ESD-2020-0004.pdf", prorata::report::statement_pdf(statement));
  CHECK(page_count(statement_pdf) == 1);
  const std::string s = pdf_words(statement_pdf);
  CHECK(contains(s, "N° ESD-2020-0004"));
  CHECK(contains(s, "du 22 juillet 2020"));
  CHECK(contains(s, "Département du Val-d'Oise"));
  CHECK(contains(s, "TOTAL DÛ 9 000,00 €"));
  CHECK(contains(s, "neuf mille euros"));
  CHECK(contains(s, "Plafond d’engagement en vigueur 9 000,00 €"));
  CHECK(contains(s, "Exercice 2020"));
  CHECK(contains(run("pdfinfo -isodates '" + statement_pdf.string() + "'").output, "CreationDate:    2020-07-22T00:00:00"));
  check_renders(statement_pdf, dir.path);

  const prorata::Status status = seed->status("2020-12-31");
  const auto somme = prorata::build_refund_notice(seed->rules, seed->facts(), status, "somme", "AR-2020-0004",
                                                  DocumentMark::issued, eur("4500.00"));
  const std::string notice_bytes = prorata::report::refund_notice_pdf(somme);
  write_sample("seed-AR-2020-0004.pdf", notice_bytes);
  const fs::path notice_pdf = write_file(dir.path / "AR-2020-0004.pdf", notice_bytes);
  CHECK(page_count(notice_pdf) == 1);
  const std::string n = pdf_words(notice_pdf);
  CHECK(contains(n, "N° AR-2020-0004"));
  CHECK(contains(n, "Le terme a pris fin le 15 décembre 2020, au jalon « phase-5-end »."));
  CHECK(contains(n, "coaching 21 750,00 €"));
  CHECK(contains(n, "seminar 6 050,00 €"));
  CHECK(contains(n, "Dépenses éligibles 27 800,00 €"));
  CHECK(contains(n, "Département du Nord 9 000,00 € 6 177,77 € 2 822,23 € 0,00 €"));
  CHECK(contains(n, "Département de la Somme 4 500,00 € 3 088,89 € 1 411,11 € 0,00 €"));
  CHECK(contains(n, "Total 40 500,00 € 27 800,00 € 12 700,00 € 0,00 €"));  // 40 500 − 27 800 = 12 700 − 0
  CHECK(contains(n, "MONTANT À RESTITUER 1 411,11 €"));
  CHECK(contains(n, "soit 4 500,00 €, sont annulés"));
  check_renders(notice_pdf, dir.path);
}

TEST_CASE("seed état rectificatif and a provisional notice as PDF") {
  require_poppler();
  TempDir dir;
  auto seed = load_seed();
  const prorata::Status ended = seed->status("2020-12-31");
  const auto er = prorata::build_cancellation(seed->rules, seed->facts(), ended, "somme", "ESD-2020-0005",
                                              eur("4500.00"), on("2020-12-31"), "ER-2020-0001", DocumentMark::issued);
  const fs::path er_pdf = write_file(dir.path / "ER-2020-0001.pdf", prorata::report::cancellation_pdf(er));
  const std::string e = pdf_words(er_pdf);
  CHECK(contains(e, "ÉTAT RECTIFICATIF"));
  CHECK(contains(e, "N° ER-2020-0001"));
  CHECK(contains(e, "Département de la Somme"));
  CHECK(contains(e, "Montant de l’état N° ESD-2020-0005 du 22 juillet 2020 9 000,00 €"));
  CHECK(contains(e, "Déjà versé sur cet appel 4 500,00 €"));
  CHECK(contains(e, "Reste à verser sur cet appel 0,00 €"));
  CHECK(contains(e, "MONTANT ANNULÉ 4 500,00 €"));
  check_renders(er_pdf, dir.path);

  const prorata::Status running = seed->status("2020-10-15");
  const auto provisional =
      prorata::build_refund_notice(seed->rules, seed->facts(), running, "nord", "", DocumentMark::provisional, Money{});
  const fs::path prov_pdf = write_file(dir.path / "provisional.pdf", prorata::report::refund_notice_pdf(provisional));
  const std::string p = pdf_words(prov_pdf);
  CHECK(contains(p, "PROVISOIRE"));
  CHECK(contains(p, "provisoire"));
  CHECK(!contains(p, "définitive"));
  CHECK(!contains(p, "N° AR-"));
  CHECK(contains(p, "MONTANT À RESTITUER 5 944,45 €"));
}

TEST_CASE("an order to pay back and a complementary statement as PDF") {
  require_poppler();
  TempDir dir;
  // The Somme refunded 2 000,00 € where 1 411,11 € was due: it owes 3 088,89 − 2 500,00 = 588,89 €.
  auto refunded = load(seed_rules_text(), seed_journal_text() + "2020-12-20,refund,somme,2000.00,AR-2020-0004,,\n");
  const auto order =
      prorata::build_reversal_order(refunded->rules, refunded->facts(), refunded->status("2020-12-31"), "somme",
                                    eur("588.89"), on("2020-12-31"), "OR-2020-0001", DocumentMark::issued);
  const fs::path order_pdf = write_file(dir.path / "OR-2020-0001.pdf", prorata::report::reversal_order_pdf(order));
  const std::string o = pdf_words(order_pdf);
  CHECK(contains(o, "ORDRE DE REVERSEMENT"));
  CHECK(contains(o, "N° OR-2020-0001"));
  CHECK(contains(o, "Versé net (versé − restitué) 2 500,00 €"));
  CHECK(contains(o, "Contribution définitive 3 088,89 €"));
  CHECK(contains(o, "MONTANT À REVERSER 588,89 €"));
  CHECK(contains(o, "Référence à rappeler sur le virement : OR-2020-0001"));
  check_renders(order_pdf, dir.path);

  // Share key caps, the Somme called and paid 4 500,00 €, final 5 560,00 €: 1 060,00 € more is due.
  auto caps = load(seed_rules_text(), one_tranche_journal(),
                   [](prorata::Rules& rules) { rules.share_key = prorata::ShareKey::caps; });
  const auto statement =
      prorata::build_complementary_statement(caps->rules, caps->facts(), caps->status("2020-12-31"), "somme",
                                             eur("1060.00"), on("2020-12-31"), "ESD-2020-0006", DocumentMark::issued);
  const std::string statement_bytes = prorata::report::statement_pdf(statement);
  write_sample("seed-complementary.pdf", statement_bytes);
  const fs::path statement_pdf = write_file(dir.path / "ESD-2020-0006.pdf", statement_bytes);
  CHECK(page_count(statement_pdf) <= 2);
  const std::string c = pdf_words(statement_pdf);
  CHECK(contains(c, "ÉTAT DES SOMMES DUES COMPLÉMENTAIRE"));
  CHECK(contains(c, "N° ESD-2020-0006"));
  CHECK(contains(c, "N° ESD-2020-0005 du 22 juillet 2020 (1re tranche, 50 %) 4 500,00 €"));
  CHECK(contains(c, "Reste dû (contribution définitive − versé net) 1 060,00 €"));
  CHECK(contains(c, "TOTAL DÛ 1 060,00 €"));
  CHECK(contains(c, "mille soixante euros"));
  check_renders(statement_pdf, dir.path);
}
