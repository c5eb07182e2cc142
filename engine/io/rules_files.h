// Several rules files (a portfolio) loaded on one thread or more: each file is read and checked on
// its own, so the files are shared between threads and the results kept in the order of `paths`.
// What is loaded, and every diagnostic, never depends on the number of threads (tested).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/rules.h"

namespace prorata::io {

struct LoadedRulesFile {
  std::optional<Rules> rules;  // as load_rules_file returns it
  Diagnostics diagnostics;     // this file's alone
};

// results[k] is load_rules_file(paths[k]). An exception while loading one file (out of memory) reaches
// the caller once every thread has stopped: the one of the first such file in `paths`.
std::vector<LoadedRulesFile> load_rules_files(const std::vector<std::string>& paths, unsigned threads);

}  // namespace prorata::io
