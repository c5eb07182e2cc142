// The documents as PDF (tests tools/pdf/document_pdf.h) on hand-made samples, read back with
// poppler-utils: pdftotext for the words, pdfinfo for the pages and metadata, pdftoppm to prove a
// renderer draws them. The documents built from the seed are in document_pdf_seed_test.cpp.
//
// PRORATA_PDF_SAMPLE_DIR=<dir> also writes <dir>/sample.pdf (the statement),
// <dir>/sample-refund-notice.pdf (40 contributors, provisional), sample-reversal-order.pdf and
// sample-cancellation.pdf, sample-final-notice.pdf (5 contributors), to look at.
#include <doctest/doctest.h>

#include <string>

#include "../report/document_samples.h"
#include "pdf/document_pdf.h"
#include "pdf_checks.h"

namespace samples = prorata::samples;
using namespace prorata::test;  // NOLINT: the PDF checks, in this file only

namespace {

const prorata::report::PdfOptions options{samples::day(2020, 12, 31)};

}  // namespace

TEST_CASE("the statement PDF reads back with every figure") {
  require_poppler();
  TempDir dir;
  const std::string bytes = prorata::report::statement_pdf(samples::statement(), options);
  write_sample("sample.pdf", bytes);
  CHECK(bytes.starts_with("%PDF-1.5"));
  CHECK(bytes.find("%%EOF") != std::string::npos);
  const fs::path pdf = write_file(dir.path / "statement.pdf", bytes);

  const std::string words = pdf_words(pdf);
  CHECK(contains(words, "ÉTAT DES SOMMES DUES"));
  CHECK(contains(words, "N° ESD-2020-0004"));
  CHECK(contains(words, "du 22 juillet 2020"));
  CHECK(contains(words, "Direction interministérielle du numérique"));
  CHECK(contains(words, "SCBCM des services du Premier ministre"));
  CHECK(contains(words, "Département du Val-d'Oise"));
  CHECK(contains(words, "SIREN : 229501275"));
  CHECK(contains(words, "Convention, art. 4.1 à 4.4"));
  CHECK(contains(words, "Appel de fonds : 2e tranche, 50 %"));
  CHECK(contains(words, "N° ESD-2020-0001 du 10 juillet 2020 (1re tranche, 50 %) 4 500,00 €"));
  CHECK(contains(words, "Présent état 4 500,00 €"));
  CHECK(contains(words, "Total appelé au titre de la convention 9 000,00 €"));
  CHECK(contains(words, "Plafond d’engagement en vigueur 9 000,00 €"));
  CHECK(contains(words, "Reste mobilisable dans la limite du plafond 0,00 €"));
  CHECK(contains(words, "TOTAL DÛ 4 500,00 €"));
  CHECK(contains(words, "Arrêté le présent état à la somme de : quatre mille cinq cents euros"));
  CHECK(contains(words, "À régler au plus tard le 21 août 2020."));
  CHECK(contains(words, "Hors champ de TVA, art. 256 B du CGI."));
  CHECK(contains(words, "FR76 3000 1000 6400 0000 9244 140"));
  CHECK(contains(words, "BDFEFRPPCCT"));
  CHECK(contains(words, "00000092441"));
  CHECK(contains(words, "Référence à rappeler sur le virement : ESD-2020-0004"));
  CHECK(contains(words, "fonds de concours, programme 352"));
  CHECK(contains(words, "Exercice 2020"));
  CHECK(contains(words, "Fait à Paris, le 22 juillet 2020"));
  CHECK(!contains(words, "PROVISOIRE"));
  CHECK(!contains(words, "PROJET"));

  CHECK(page_count(pdf) == 1);
  const Run info = run("pdfinfo -isodates '" + pdf.string() + "'");
  CHECK(contains(info.output, "Creator:         prorata"));
  CHECK(contains(info.output, "Title:           État des sommes dues N° ESD-2020-0004"));
  CHECK(contains(info.output, "CreationDate:    2020-12-31T00:00:00"));
  CHECK(contains(info.output, "ModDate:         2020-12-31T00:00:00"));
  CHECK(contains(info.output, "Page size:       595.27"));
}

TEST_CASE("without options, the PDF is dated on the document's own date") {
  require_poppler();
  TempDir dir;
  const fs::path pdf = write_file(dir.path / "statement.pdf", prorata::report::statement_pdf(samples::statement()));
  const Run info = run("pdfinfo -isodates '" + pdf.string() + "'");
  CHECK(contains(info.output, "CreationDate:    2020-07-22T00:00:00"));
  CHECK(contains(info.output, "ModDate:         2020-07-22T00:00:00"));
}

TEST_CASE("the statement PDF renders to an image") {
  require_poppler();
  TempDir dir;
  check_renders(write_file(dir.path / "statement.pdf", prorata::report::statement_pdf(samples::statement(), options)),
                dir.path);
}

TEST_CASE("the same document gives the same bytes") {
  const std::string first = prorata::report::statement_pdf(samples::statement(), options);
  const std::string second = prorata::report::statement_pdf(samples::statement(), options);
  CHECK(first.size() == second.size());
  CHECK(first == second);
  const prorata::RefundNotice notice = samples::refund_notice(40, true);
  CHECK(prorata::report::refund_notice_pdf(notice, options) == prorata::report::refund_notice_pdf(notice, options));
  // The dates come from the options, not the clock: another date, other bytes.
  const std::string later = prorata::report::statement_pdf(samples::statement(), {samples::day(2021, 1, 15)});
  CHECK(later != first);
}

TEST_CASE("a long document number stays on one line of the header") {
  require_poppler();
  TempDir dir;
  prorata::StatementDocument d = samples::statement();
  d.number = "TITRE-2022-GIP-REGB-000123";
  d.payment_reference = d.number;
  const fs::path pdf = write_file(dir.path / "long.pdf", prorata::report::statement_pdf(d, options));
  const std::string lines = pdf_layout_text(pdf);
  CHECK(contains(lines, "N° TITRE-2022-GIP-REGB-000123"));
  CHECK(!contains(lines, "TITRE-2022-GIP-\n"));
  // 64 characters, the longest a number can be: set smaller, still whole.
  d.number = std::string(40, 'A') + "-2022-" + std::string(18, 'B');
  const fs::path longest = write_file(dir.path / "longest.pdf", prorata::report::statement_pdf(d, options));
  CHECK(contains(pdf_layout_text(longest), "N° " + d.number));
}

TEST_CASE("a preview PDF is marked PROJET on every page and carries no number") {
  require_poppler();
  TempDir dir;
  prorata::StatementDocument d = samples::statement();
  d.number.clear();
  d.payment_reference.clear();
  d.mark = prorata::DocumentMark::preview;
  const fs::path pdf = write_file(dir.path / "preview.pdf", prorata::report::statement_pdf(d, options));
  const std::string words = pdf_words(pdf);
  CHECK(contains(words, "PROJET"));
  CHECK(contains(words, "Projet : ce document n’est pas émis"));
  CHECK(!contains(words, "ESD-2020-0004"));
  CHECK(contains(words, "ESD-2020-0001"));  // the earlier call it cites keeps its number
  const Run info = run("pdfinfo '" + pdf.string() + "'");
  CHECK(contains(info.output, "Title:           État des sommes dues PROJET"));
}

TEST_CASE("a refund notice with 40 contributors breaks into pages, PROVISOIRE on each") {
  require_poppler();
  TempDir dir;
  const std::string bytes = prorata::report::refund_notice_pdf(samples::refund_notice(40, true), options);
  write_sample("sample-refund-notice.pdf", bytes);
  const fs::path pdf = write_file(dir.path / "notice.pdf", bytes);
  const int pages = page_count(pdf);
  REQUIRE(pages > 1);
  for (int page = 1; page <= pages; ++page) {
    CHECK_MESSAGE(contains(pdf_words(pdf, page), "PROVISOIRE"), "page ", page);
    CHECK_MESSAGE(contains(pdf_words(pdf, page), "Page " + std::to_string(page) + "/" + std::to_string(pages)),
                  "page ", page);
  }
  const std::string words = pdf_words(pdf);
  CHECK(contains(words, "AVIS DE RESTITUTION"));
  for (int i = 1; i < 40; ++i) CHECK(contains(words, "Département n° " + std::to_string(i) + " 9 000,00 €"));
  CHECK(contains(words, "Département du Val-d'Oise 9 000,00 € 7 624,69 € 1 375,31 € 0,00 €"));
  // 40 × 9 000,00 = 360 000,00; 40 × 7 624,69 = 304 987,60; 40 × 1 375,31 = 55 012,40.
  CHECK(contains(words, "Total 360 000,00 € 304 987,60 € 55 012,40 € 0,00 €"));
  CHECK(contains(words, "MONTANT À RESTITUER 1 375,31 €"));
  CHECK(contains(words, "mille trois cent soixante-quinze euros et trente et un centimes"));
  CHECK(contains(words, "Convention, art. 4.5"));
  // The column header wraps ("Contribution / provisoire"): its words, and never "définitive".
  CHECK(contains(words, "Contribution"));
  CHECK(contains(words, "provisoire"));
  CHECK(!contains(words, "définitive"));
  CHECK(contains(pdf_words(pdf, 2), "Contributeur Versé net"));  // the table's header, repeated
}

TEST_CASE("a final refund notice is not marked provisional") {
  require_poppler();
  TempDir dir;
  const prorata::RefundNotice notice = samples::refund_notice(5, false);
  const std::string bytes = prorata::report::refund_notice_pdf(notice, options);
  write_sample("sample-final-notice.pdf", bytes);
  const fs::path pdf = write_file(dir.path / "notice.pdf", bytes);
  CHECK(page_count(pdf) == 1);
  const std::string words = pdf_words(pdf);
  CHECK(!contains(words, "PROVISOIRE"));
  CHECK(!contains(words, "provisoire"));
  CHECK(contains(words, "N° AR-2020-0001"));
  CHECK(contains(words, "À restituer À payer"));
  CHECK(contains(words, "définitive"));
  CHECK(contains(words, "Département du Nord 9 000,00 € 7 624,69 € 1 375,31 € 0,00 €"));
  CHECK(contains(words, "Le terme a pris fin le 15 décembre 2020, au jalon « phase-5-end »."));
  CHECK(contains(words, prorata::format_iban_grouped(notice.refund_to->iban)));
  CHECK(contains(words, "Règle Les crédits versés non utilisés"));
}

TEST_CASE("the order to pay back and the état rectificatif as PDF") {
  require_poppler();
  TempDir dir;
  const std::string order_bytes = prorata::report::reversal_order_pdf(samples::reversal_order(), options);
  write_sample("sample-reversal-order.pdf", order_bytes);
  const fs::path order = write_file(dir.path / "order.pdf", order_bytes);
  CHECK(page_count(order) == 1);
  const std::string o = pdf_words(order);
  CHECK(contains(o, "ORDRE DE REVERSEMENT"));
  CHECK(contains(o, "N° OR-2021-0001"));
  CHECK(contains(o, "Versé 9 000,00 €"));
  CHECK(contains(o, "Restitué 3 000,00 €"));
  CHECK(contains(o, "Versé net (versé − restitué) 6 000,00 €"));
  CHECK(contains(o, "Contribution définitive 7 000,00 €"));
  CHECK(contains(o, "Reste dû (contribution définitive − versé net) 1 000,00 €"));
  CHECK(contains(o, "MONTANT À REVERSER 1 000,00 €"));
  CHECK(contains(o, "Arrêté le présent ordre à la somme de : mille euros"));
  CHECK(contains(o, "Référence à rappeler sur le virement : OR-2021-0001"));
  check_renders(order, dir.path);

  const std::string cancel_bytes = prorata::report::cancellation_pdf(samples::cancellation(), options);
  write_sample("sample-cancellation.pdf", cancel_bytes);
  const fs::path cancel = write_file(dir.path / "cancel.pdf", cancel_bytes);
  CHECK(page_count(cancel) == 1);
  const std::string c = pdf_words(cancel);
  CHECK(contains(c, "ÉTAT RECTIFICATIF"));
  CHECK(contains(c, "N° ER-2021-0001"));
  CHECK(contains(c, "N° ESD-2020-0005 du 22 juillet 2020"));
  CHECK(contains(c, "Montant de l’état N° ESD-2020-0005 du 22 juillet 2020 9 000,00 €"));
  CHECK(contains(c, "Annulé par le présent état 4 500,00 €"));
  CHECK(contains(c, "Montant de l’appel après rectification 4 500,00 €"));
  CHECK(contains(c, "Reste à verser sur cet appel 0,00 €"));
  CHECK(contains(c, "MONTANT ANNULÉ 4 500,00 €"));
  check_renders(cancel, dir.path);
}
