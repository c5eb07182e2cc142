// Small pieces of text shared by every message and check: an id's shape, a value in quotes, a list
// joined with commas, a cell with spaces around it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace prorata {

// `'text'`: how messages quote a value (callers that may quote hidden characters escape them first).
std::string in_quotes(std::string_view text);

// "a, b, c".
std::string joined(const std::vector<std::string>& items);

// A leading or trailing space or tab: ids, refs and categories compare exactly.
bool has_surrounding_space(std::string_view text);

// An id of the rules: 1 to limits::id_bytes_max lower-case letters, digits and '-'.
bool is_id(std::string_view text);

}  // namespace prorata
