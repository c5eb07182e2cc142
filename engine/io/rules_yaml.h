// Loads a rules file (`format: prorata/1`, YAML) into core Rules, checking every field. Collects every
// problem of the file as a diagnostic (`PATH:LINE:COL`), naming the nearest valid key for a misspelt one.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "core/rules.h"

namespace prorata::io {

// `text` is the whole file; `path` only labels diagnostics. Returns the rules when no diagnostic was added.
std::optional<Rules> load_rules(std::string_view text, const std::string& path, Diagnostics& diagnostics);
std::optional<Rules> load_rules_file(const std::string& path, Diagnostics& diagnostics);

}  // namespace prorata::io
