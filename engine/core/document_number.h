// Document numbers: how refund notices are numbered, and which numbers can name a document's files.
// The journal checks statement numbers with it; the document builders number notices with it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar.h"

namespace prorata {

// "AR-2021-0007": the prefix, the year of `issued`, the sequence on at least 4 digits.
std::string document_number(std::string_view prefix, Date issued, std::uint32_t sequence);

// A number of a series, PREFIX-YYYY-NNNN (NNNN: 4 to 9 digits, at least 1), as document_number writes it.
struct SeriesNumber {
  std::string prefix;
  int year = 0;
  std::uint32_t sequence = 0;
};
std::optional<SeriesNumber> parse_series_number(std::string_view number);

// A document number names its files (NUMBER.pdf): letters, digits, '-', '_', '.', not leading with a
// dot, at most 64 bytes: no path separator, no control byte.
bool is_file_safe_number(std::string_view number);

}  // namespace prorata
