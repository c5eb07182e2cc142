// Helpers of the document tests: find phrases in a document's text whatever the layout did with
// its blanks, and find a field left blank.
#pragma once
#include <doctest/doctest.h>

#include <cstddef>
#include <sstream>
#include <string>

namespace prorata::test {

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

inline std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
  return count;
}

// The words of the text, each run of spaces and line breaks made one space: phrases read the same
// wherever the layout wrapped them (no-break spaces are not ASCII spaces and stay as they are).
inline std::string flat(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool blank = c == ' ' || c == '\n';
    if (!blank) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  return out;
}

// The line after the first line that starts with `prefix` ("" when there is none).
inline std::string line_after(const std::string& text, const std::string& prefix) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with(prefix)) return std::getline(lines, line) ? line : std::string();
  }
  return {};
}

// A line whose value was left blank ends with its label's colon.
inline void check_no_blank_field(const std::string& text) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    CHECK_MESSAGE(!line.ends_with(":"), "blank field: '", line, "'");
    CHECK_MESSAGE(!line.ends_with(": "), "blank field: '", line, "'");
  }
}

}  // namespace prorata::test
