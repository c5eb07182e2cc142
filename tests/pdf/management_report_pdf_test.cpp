// The yearly management report as PDF (tests tools/pdf/management_report_pdf.h), on the seed's 2020
// report (figures worked by hand in tests/report/management_report_test.cpp), read back with
// poppler-utils: pdftotext for the words, pdfinfo for the metadata, pdftoppm to prove it renders.
//
// PRORATA_PDF_SAMPLE_DIR=<dir> also writes <dir>/sample-management-report.pdf, to look at.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "../report/seed_reports.h"
#include "pdf/management_report_pdf.h"
#include "pdf_checks.h"

namespace fs = std::filesystem;
using prorata::test::contains;
using prorata::test::page_count;
using prorata::test::pdf_words;
using prorata::test::Run;
using prorata::test::run;
using prorata::test::TempDir;
using prorata::test::write_file;

namespace {

const prorata::report::PdfOptions options{*prorata::parse_date("2021-01-15").value};


}  // namespace

TEST_CASE("the seed's 2020 management report PDF reads back with its figures, PROJET on every page") {
  const auto reports = prorata::samples::seed_reports(2020, "2021-01-15");
  REQUIRE(reports[0].contributor_id == "nord");
  TempDir dir;
  const std::string bytes = prorata::report::management_report_pdf(reports[0], options);
  if (const char* sample = std::getenv("PRORATA_PDF_SAMPLE_DIR")) {
    write_file(fs::path(sample) / "sample-management-report.pdf", bytes);
  }
  const fs::path pdf = write_file(dir.path / "report.pdf", bytes);
  const std::string words = pdf_words(pdf);
  CHECK(contains(words, "COMPTE RENDU DE GESTION"));
  CHECK(contains(words, "Exercice 2020, du 1er janvier 2020 au 31 décembre 2020"));
  CHECK(contains(words, "PROJET 20 avenue de Ségur – TSA 30719 du 15 janvier 2021"));  // beside the issuer
  CHECK(contains(words, "Département du Nord"));
  CHECK(contains(words, "Décret n° 2007-44, art. 6"));
  CHECK(contains(words, "Appelé (états des sommes dues) 9 000,00 € 9 000,00 €"));
  CHECK(contains(words, "Réduit ou annulé 0,00 € 0,00 €"));
  CHECK(contains(words, "coaching 21 750,00 € 1 200,00 € 22 950,00 €"));
  CHECK(contains(words, "seminar 6 050,00 € 0,00 € 6 050,00 €"));
  CHECK(contains(words, "Total 27 800,00 € 1 200,00 € 29 000,00 €"));
  CHECK(contains(words, "Contribution définitive 6 177,77 €"));
  CHECK(contains(words, "À restituer 2 822,23 €"));
  CHECK(contains(words, "Aucun avenant n’a été signé en 2020."));
  CHECK(contains(words, "Fait à Paris, le 15 janvier 2021"));
  const int pages = page_count(pdf);
  REQUIRE(pages >= 1);
  for (int page = 1; page <= pages; ++page) {
    CHECK_MESSAGE(contains(pdf_words(pdf, page), "PROJET"), "page ", page);
    CHECK_MESSAGE(contains(pdf_words(pdf, page), "Page " + std::to_string(page) + "/" + std::to_string(pages)), "page ",
                  page);
  }
  const Run info = run("pdfinfo -isodates '" + pdf.string() + "'");
  CHECK(contains(info.output, "Title:           Compte rendu de gestion 2020 (PROJET)"));
  CHECK(contains(info.output, "CreationDate:    2021-01-15T00:00:00"));
  CHECK(contains(info.output, "ModDate:         2021-01-15T00:00:00"));

  const Run png = run("pdftoppm -png -r 50 -f 1 -l 1 '" + pdf.string() + "' '" + (dir.path / "page").string() + "' 2>&1");
  CHECK_MESSAGE(png.status == 0, png.output);
  CHECK(fs::exists(dir.path / "page-1.png"));
}

TEST_CASE("an issued management report shows its number and no PROJET; the same report gives the same bytes") {
  auto reports = prorata::samples::seed_reports(2020, "2021-01-15");
  prorata::ManagementReport report = reports[3];
  REQUIRE(report.contributor_id == "somme");
  CHECK(prorata::report::management_report_pdf(report, options) == prorata::report::management_report_pdf(report, options));
  report.mark = prorata::DocumentMark::issued;
  report.number = "CRG-2020-0004";
  TempDir dir;
  const fs::path pdf = write_file(dir.path / "issued.pdf", prorata::report::management_report_pdf(report, options));
  const std::string words = pdf_words(pdf);
  CHECK(contains(words, "N° CRG-2020-0004"));
  CHECK(!contains(words, "PROJET"));
  CHECK(contains(words, "Versé 4 500,00 € 4 500,00 €"));
  CHECK(contains(words, "À restituer 1 411,11 €"));
  CHECK(contains(words, "Appels restant à payer 4 500,00 €"));
  CHECK(!contains(words, "annule et remplace"));

  // A corrective report cites the one it restates.
  report.number = "CRG-2021-0009";
  report.corrects = prorata::CorrectionRef{"CRG-2021-0004", *prorata::parse_date("2021-01-10").value};
  const std::string corrective =
      pdf_words(write_file(dir.path / "corrective.pdf", prorata::report::management_report_pdf(report, options)));
  CHECK(contains(corrective, "N° CRG-2021-0009"));
  CHECK(contains(corrective, "Le présent document annule et remplace le document N° CRG-2021-0004 du 10 janvier 2021."));
}
