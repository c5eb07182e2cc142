// Document numbers: how refund notices are numbered, and which numbers can name a document's files.
// The journal checks statement numbers with it; the document builders number notices with it.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/calendar.h"

namespace prorata {

// "AR-2021-0007": the prefix, the year of `issued`, the sequence on at least 4 digits.
std::string document_number(std::string_view prefix, Date issued, std::uint32_t sequence);

// A document number names its files (NUMBER.pdf): letters, digits, '-', '_', '.', not leading with a
// dot, at most 64 bytes: no path separator, no control byte.
bool is_file_safe_number(std::string_view number);

}  // namespace prorata
