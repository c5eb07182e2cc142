// Several rules files loaded on several threads (io/rules_files.h): each result is what
// load_rules_file gives for that file alone, in the order of the paths, whatever the threads.
// Over every rules file of the project: the accepted ones, the bad-input corpus and its many-errors file.
#include "io/rules_files.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "io/rules_yaml.h"

namespace {

// What a test can compare of a load: the rules' id and caps, and every diagnostic as printed.
std::vector<std::string> summary(const std::optional<prorata::Rules>& rules, const prorata::Diagnostics& diagnostics) {
  std::vector<std::string> out;
  if (rules) {
    out.push_back("rules " + rules->id + " " + std::to_string(rules->contributors.size()));
    for (const auto& c : rules->contributors) out.push_back(c.id + " " + std::to_string(c.cap_agreed.cents));
  } else {
    out.emplace_back("no rules");
  }
  for (const auto& d : diagnostics.items()) out.push_back(prorata::format_diagnostic(d));
  out.push_back("errors " + std::to_string(diagnostics.error_count()));
  return out;
}

std::vector<std::string> every_rules_file() {
  std::vector<std::string> out;
  for (const char* dir : {"rules", "fixtures"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(PRORATA_SOURCE_DIR) + "/" + dir)) {
      if (entry.path().extension() == ".yaml") out.push_back(entry.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  out.emplace_back(std::string(PRORATA_SOURCE_DIR) + "/no-such-file.yaml");  // cannot be opened
  return out;
}

}  // namespace

TEST_CASE("rules files: loaded on 1, 2 or 5 threads, each exactly as alone, in the order given") {
  const auto paths = every_rules_file();
  REQUIRE(paths.size() > 50);
  std::vector<std::vector<std::string>> alone;
  std::size_t accepted = 0;
  for (const auto& path : paths) {
    prorata::Diagnostics diagnostics;
    const auto rules = prorata::io::load_rules_file(path, diagnostics);
    accepted += rules.has_value();
    alone.push_back(summary(rules, diagnostics));
  }
  CHECK(accepted > 5);                   // both kinds are there
  CHECK(accepted < paths.size() - 20);
  for (unsigned threads : {1u, 2u, 5u}) {
    CAPTURE(threads);
    const auto loaded = prorata::io::load_rules_files(paths, threads);
    REQUIRE(loaded.size() == paths.size());
    for (std::size_t k = 0; k < paths.size(); ++k) {
      CAPTURE(paths[k]);
      CHECK(summary(loaded[k].rules, loaded[k].diagnostics) == alone[k]);
    }
  }
  CHECK(prorata::io::load_rules_files({}, 2).empty());
}
