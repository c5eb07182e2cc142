// Byte-level checks every text loader runs before parsing: size, NUL bytes, UTF-8.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace prorata::io {

// Offset of the first byte that does not start or continue a valid UTF-8 sequence (overlongs,
// surrogates and code points above U+10FFFF are invalid too), or nullopt when all is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view bytes);

// 1-based line and column (in bytes) of `offset` in `text`.
struct LineColumn {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};
LineColumn line_column_at(std::string_view text, std::size_t offset);

inline constexpr const char* not_utf8_hint =
    "the file is not UTF-8 (a Windows-1252/Latin-1 export?): convert it with "
    "`iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8`";

}  // namespace prorata::io
