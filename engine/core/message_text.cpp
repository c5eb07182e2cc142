#include "core/message_text.h"

#include <algorithm>

#include "core/limits.h"

namespace prorata {

std::string in_quotes(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

bool has_surrounding_space(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t'; };
  return !text.empty() && (space(text.front()) || space(text.back()));
}

bool is_id(std::string_view text) {
  return !text.empty() && text.size() <= limits::id_bytes_max && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
         });
}

}  // namespace prorata
