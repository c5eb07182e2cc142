#include "io/rules_files.h"

#include "core/parallel.h"
#include "io/rules_yaml.h"

namespace prorata::io {

std::vector<LoadedRulesFile> load_rules_files(const std::vector<std::string>& paths, unsigned threads) {
  std::vector<LoadedRulesFile> results(paths.size());
  // Files are taken one at a time from a shared counter: a large file does not hold up the others.
  for_each_index(paths.size(), threads,
                 [&](std::size_t k) { results[k].rules = load_rules_file(paths[k], results[k].diagnostics); });
  return results;
}

}  // namespace prorata::io
