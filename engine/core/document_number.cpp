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

}  // namespace prorata
