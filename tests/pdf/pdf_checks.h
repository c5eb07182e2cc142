// Helpers of the PDF tests: poppler-utils (pdftotext, pdfinfo, pdftoppm) run on a PDF written to a
// directory of the test's own. Without poppler-utils the tests fail (tools/setup.sh installs it): a PDF
// that nobody read back is not tested.
#pragma once
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

namespace prorata::test {

namespace fs = std::filesystem;

inline void require_poppler() {
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

inline fs::path write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  REQUIRE_MESSAGE(out.good(), "cannot write ", path.string());
  return path;
}

inline std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

struct Run {
  int status = -1;
  std::string output;
};

inline Run run(const std::string& command) {
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
inline std::string flat(const std::string& text) {
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

inline std::string pdf_words(const fs::path& pdf, int page = 0) {
  std::string pages = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : std::string();
  const Run result = run("pdftotext -layout" + pages + " '" + pdf.string() + "' -");
  REQUIRE_MESSAGE(result.status == 0, "pdftotext failed on ", pdf.string());
  return flat(result.output);
}

// pdftotext's lines as laid out (-layout), blanks kept: what a reader sees on one line.
inline std::string pdf_layout_text(const fs::path& pdf) {
  const Run result = run("pdftotext -layout '" + pdf.string() + "' -");
  REQUIRE_MESSAGE(result.status == 0, "pdftotext failed on ", pdf.string());
  return result.output;
}

// Renders page 1 at 50 dpi with pdftoppm and checks a PNG came out.
inline void check_renders(const fs::path& pdf, const fs::path& dir) {
  const fs::path prefix = dir / (pdf.stem().string() + "-page");
  const Run result = run("pdftoppm -png -r 50 -f 1 -l 1 '" + pdf.string() + "' '" + prefix.string() + "' 2>&1");
  CHECK_MESSAGE(result.status == 0, result.output);
  const fs::path png = dir / (pdf.stem().string() + "-page-1.png");
  REQUIRE(fs::exists(png));
  CHECK(read_file(png).starts_with("\x89PNG\r\n\x1a\n"));
}

inline int page_count(const fs::path& pdf) {
  const Run info = run("pdfinfo '" + pdf.string() + "'");
  REQUIRE(info.status == 0);
  const std::size_t at = info.output.find("Pages:");
  REQUIRE(at != std::string::npos);
  return std::stoi(info.output.substr(at + 6));
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

inline void write_sample(const char* name, const std::string& bytes) {
  if (const char* dir = std::getenv("PRORATA_PDF_SAMPLE_DIR")) write_file(fs::path(dir) / name, bytes);
}

}  // namespace prorata::test
