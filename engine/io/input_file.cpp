#include "io/input_file.h"

#include <cerrno>
#include <filesystem>
#include <system_error>

namespace prorata::io {

std::optional<std::ifstream> open_input_file(const std::string& path, const std::string& what,
                                             Diagnostics& diagnostics) {
  const SourceLoc file{path, 0, 0};
  std::error_code status_error;
  if (std::filesystem::is_directory(path, status_error)) {
    diagnostics.error(file, "cannot open " + what + ": " + std::generic_category().message(EISDIR));
    return std::nullopt;
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) {
    const int code = errno;
    diagnostics.error(file, "cannot open " + what + ": " +
                                (code != 0 ? std::generic_category().message(code) : "unknown error"));
    return std::nullopt;
  }
  return in;
}

}  // namespace prorata::io
