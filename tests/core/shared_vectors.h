// Reading the public test vectors of ../shared/vectors/ (see SOURCES.md there), for the tests of
// the identifiers and of amounts in words. Where ../shared is absent the readers say so visibly and
// return nothing, so the vector tests skip; a missing file inside a present directory fails instead
// of passing on zero rows.
#pragma once
#include <doctest/doctest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace prorata::test {

inline std::filesystem::path vectors_dir() { return std::filesystem::path(PRORATA_SHARED_DIR) / "vectors"; }

// The fields of a CSV line without quoting (the vector files have none).
inline std::vector<std::string> split_commas(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (std::size_t comma = line.find(','); comma != std::string::npos; comma = line.find(',', start)) {
    fields.push_back(line.substr(start, comma - start));
    start = comma + 1;
  }
  fields.push_back(line.substr(start));
  return fields;
}

// The non-empty lines of vectors/RELATIVE; the first one (a CSV header) is checked against `header`
// and left out when `header` is not empty.
inline std::optional<std::vector<std::string>> read_vector_lines(const std::string& relative,
                                                                 const std::string& header) {
  if (!std::filesystem::is_directory(vectors_dir())) {
    MESSAGE("skipped: ../shared/vectors absent (" << vectors_dir().string() << ")");
    return std::nullopt;
  }
  std::ifstream in(vectors_dir() / relative);
  REQUIRE_MESSAGE(in.good(), "cannot open " << (vectors_dir() / relative).string());
  std::string line;
  if (!header.empty()) {
    REQUIRE(std::getline(in, line));
    CHECK(line == header);
  }
  std::vector<std::string> lines;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// The rows of a vector CSV after its header (checked), split at commas.
inline std::optional<std::vector<std::vector<std::string>>> read_vector_rows(const std::string& relative,
                                                                             const std::string& header) {
  const auto lines = read_vector_lines(relative, header);
  if (!lines) return std::nullopt;
  std::vector<std::vector<std::string>> rows;
  for (const std::string& line : *lines) rows.push_back(split_commas(line));
  return rows;
}

}  // namespace prorata::test
