#include "core/document_number.h"

namespace prorata {

bool is_file_safe_number(std::string_view number) {
  if (number.empty() || number.size() > 64 || number.front() == '.') return false;
  return number.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.") ==
         std::string_view::npos;
}

std::string document_number(std::string_view prefix, Date issued, std::uint32_t sequence) {
  std::string digits = std::to_string(sequence);
  if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
  const int year = static_cast<int>(date::year_month_day{issued}.year());
  return std::string(prefix) + "-" + std::to_string(year) + "-" + digits;
}

std::optional<SeriesNumber> parse_series_number(std::string_view number) {
  const std::size_t dash = number.rfind('-');
  if (dash == std::string_view::npos || dash < 6 || number[dash - 5] != '-') return std::nullopt;
  const std::string_view sequence = number.substr(dash + 1);
  const std::string_view year = number.substr(dash - 4, 4);
  const auto digits = [](std::string_view text) {
    return text.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (sequence.size() < 4 || sequence.size() > 9 || !digits(sequence) || !digits(year)) return std::nullopt;
  SeriesNumber out;
  out.prefix = std::string(number.substr(0, dash - 5));
  for (char c : year) out.year = out.year * 10 + (c - '0');
  for (char c : sequence) out.sequence = out.sequence * 10 + static_cast<std::uint32_t>(c - '0');
  if (out.sequence == 0) return std::nullopt;
  return out;
}

}  // namespace prorata
