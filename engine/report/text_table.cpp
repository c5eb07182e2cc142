#include "report/text_table.h"

#include <algorithm>

#include "core/assert.h"

namespace prorata::report {

namespace {

// Display width of UTF-8 text: one column per code point (the table holds ids, digits and €).
std::size_t width_of(const std::string& text) {
  std::size_t width = 0;
  for (char c : text) width += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1 : 0;
  return width;
}

std::string pad_left(const std::string& text, std::size_t width) {
  std::size_t w = width_of(text);
  return (w < width ? std::string(width - w, ' ') : std::string()) + text;
}

std::string pad_right(const std::string& text, std::size_t width) {
  std::size_t w = width_of(text);
  return text + (w < width ? std::string(width - w, ' ') : std::string());
}

}  // namespace

std::string render_table(const std::vector<std::vector<std::string>>& rows, std::size_t total_row) {
  PRORATA_ASSERT(!rows.empty());
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width_of(row[i]));
  }
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (r == total_row) {
      std::size_t line = 0;
      for (std::size_t width : widths) line += width + 2;
      out += std::string(line - 2, '-') + "\n";
    }
    std::string line = pad_right(rows[r][0], widths[0]);
    for (std::size_t i = 1; i < rows[r].size(); ++i) line += "  " + pad_left(rows[r][i], widths[i]);
    out += line + "\n";
  }
  return out;
}

}  // namespace prorata::report
