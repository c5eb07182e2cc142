// Writing a file so that a reader (or an interrupted run) never sees half of it: the bytes go to a
// temporary file in the same directory, are flushed to disk, then renamed over the target.
#pragma once
#include <string>

namespace prorata::cli {

// Returns an empty string on success, else what went wrong (errno text), leaving no temporary behind.
std::string write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace prorata::cli
