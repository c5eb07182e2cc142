// Opening an input file (rules, journal) for reading, with the reason in the diagnostic when it cannot
// be: "cannot open the rules file: No such file or directory". A directory is refused by name, since
// a stream opens one on Linux and then reads nothing.
#pragma once
#include <fstream>
#include <optional>
#include <string>

#include "core/diagnostic.h"

namespace prorata::io {

// `what` names the file in the message ("the rules file", "the journal").
std::optional<std::ifstream> open_input_file(const std::string& path, const std::string& what,
                                             Diagnostics& diagnostics);

}  // namespace prorata::io
