// The documents as PDF (tests tools/pdf/document_pdf.h), read back with poppler-utils: pdftotext for the
// words, pdfinfo for the pages and metadata, pdftoppm to prove a renderer draws them. Without poppler-utils
// these tests fail (tools/setup.sh installs it): a PDF that nobody read back is not tested.
//
// PRORATA_PDF_SAMPLE_DIR=<dir> also writes <dir>/sample.pdf (the statement) and
// <dir>/sample-refund-notice.pdf (40 contributors, provisional), to look at.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../report/document_samples.h"
#include "pdf/document_pdf.h"

namespace samples = prorata::samples;
namespace fs = std::filesystem;

namespace {

const prorata::report::PdfOptions options{samples::day(2020, 12, 31)};

void require_poppler() {
  for (const char* tool : {"pdftotext", "pdftoppm", "pdfinfo"}) {
    const std::string probe = std::string("command -v ") + tool + " >/dev/null 2>&1";
    REQUIRE_MESSAGE(std::system(probe.c_str()) == 0, std::string(tool),
                    " not found: install poppler-utils (tools/setup.sh does) to test the PDF documents");
  }
}

// A directory of its own for this process, removed with everything in it at the end of the test.
struct TempDir {
  fs::path path = fs::temp_directory_path() / ("prorata-pdf-test-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

fs::path write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  REQUIRE_MESSAGE(out.good(), "cannot write ", path.string());
  return path;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

struct Run {
  int status = -1;
  std::string output;
};

Run run(const std::string& command) {
  Run result;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE_MESSAGE(pipe != nullptr, "cannot run ", command);
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) result.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// The words pdftotext finds, no-break spaces made plain and each run of blanks one space, so that a phrase
// matches wherever the layout put its columns.
std::string flat(const std::string& text) {
  std::string plain;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\u202F") == 0) {
      plain += ' ';
      i += 2;
    } else if (text.compare(i, 2, "\u00A0") == 0) {
      plain += ' ';
      i += 1;
    } else {
      plain += text[i];
    }
  }
  std::string out;
  for (char c : plain) {
    const bool blank = c == ' ' || c == '\n' || c == '\f';
    if (!blank) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  return out;
}

std::string pdf_words(const fs::path& pdf, int page = 0) {
  std::string pages = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : std::string();
  const Run result = run("pdftotext -layout" + pages + " '" + pdf.string() + "' -");
  REQUIRE_MESSAGE(result.status == 0, "pdftotext failed on ", pdf.string());
  return flat(result.output);
}

int page_count(const fs::path& pdf) {
  const Run info = run("pdfinfo '" + pdf.string() + "'");
  REQUIRE(info.status == 0);
  const std::size_t at = info.output.find("Pages:");
  REQUIRE(at != std::string::npos);
  return std::stoi(info.output.substr(at + 6));
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void write_sample(const char* name, const std::string& bytes) {
  if (const char* dir = std::getenv("PRORATA_PDF_SAMPLE_DIR")) write_file(fs::path(dir) / name, bytes);
}

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
  CHECK(contains(words, "9 000,00 €"));
  CHECK(contains(words, "Arrêté le présent état à la somme de : neuf mille euros"));
  CHECK(contains(words, "FR76 3000 1000 6400 0000 9244 140"));
  CHECK(contains(words, "BDFEFRPPCCT"));
  CHECK(contains(words, "00000092441"));
  CHECK(contains(words, "Référence à rappeler sur le virement : ESD-2020-0004"));
  CHECK(contains(words, "fonds de concours, programme 352"));
  CHECK(contains(words, "Fait à Paris, le 22 juillet 2020"));
  CHECK(!contains(words, "PROVISOIRE"));

  CHECK(page_count(pdf) == 1);
  const Run info = run("pdfinfo -isodates '" + pdf.string() + "'");
  CHECK(contains(info.output, "Creator:         prorata"));
  CHECK(contains(info.output, "Title:           État des sommes dues N° ESD-2020-0004"));
  CHECK(contains(info.output, "CreationDate:    2020-12-31T00:00:00"));
  CHECK(contains(info.output, "ModDate:         2020-12-31T00:00:00"));
  CHECK(contains(info.output, "Page size:       595.27"));
}

TEST_CASE("the statement PDF renders to an image") {
  require_poppler();
  TempDir dir;
  const fs::path pdf = write_file(dir.path / "statement.pdf", prorata::report::statement_pdf(samples::statement(), options));
  const fs::path prefix = dir.path / "page";
  const Run result = run("pdftoppm -png -r 50 -f 1 -l 1 '" + pdf.string() + "' '" + prefix.string() + "' 2>&1");
  CHECK_MESSAGE(result.status == 0, result.output);
  const fs::path png = dir.path / "page-1.png";
  REQUIRE(fs::exists(png));
  CHECK(read_file(png).starts_with("\x89PNG\r\n\x1a\n"));
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
  CHECK(contains(words, "Département du Val-d'Oise 9 000,00 € 7 624,69 € 1 375,31 €"));
  CHECK(contains(words, "Total 360 000,00 € 304 987,60 € 55 012,40 €"));
  CHECK(contains(words, "MONTANT À RESTITUER 1 375,31 €"));
  CHECK(contains(words, "mille trois cent soixante-quinze euros et trente et un centimes"));
  CHECK(contains(words, "Convention, art. 4.5"));
  CHECK(contains(pdf_words(pdf, 2), "Contributeur Versé net"));  // the table's header, repeated
}

TEST_CASE("a final refund notice is not marked provisional") {
  require_poppler();
  TempDir dir;
  const prorata::RefundNotice notice = samples::refund_notice(5, false);
  const fs::path pdf = write_file(dir.path / "notice.pdf", prorata::report::refund_notice_pdf(notice, options));
  CHECK(page_count(pdf) == 1);
  const std::string words = pdf_words(pdf);
  CHECK(!contains(words, "PROVISOIRE"));
  CHECK(!contains(words, "provisoire"));
  CHECK(contains(words, "Département du Nord 9 000,00 € 7 624,69 € 1 375,31 €"));
  CHECK(contains(words, prorata::format_iban_grouped(notice.refund_to->iban)));
  CHECK(contains(words, "Règle Les crédits versés non utilisés"));
}
