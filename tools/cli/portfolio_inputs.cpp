#include "portfolio_inputs.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "commands.h"
#include "core/assert.h"
#include "core/message_text.h"
#include "io/journal_csv.h"
#include "io/rules_files.h"

namespace prorata::cli {

std::optional<std::vector<std::string>> rules_files_or_report(const std::vector<std::string>& named,
                                                              const std::optional<std::string>& rules_dir) {
  std::vector<std::string> out = named;
  if (rules_dir) {
    std::error_code error;
    std::vector<std::string> found;
    for (std::filesystem::directory_iterator it(*rules_dir, error), end; !error && it != end; it.increment(error)) {
      if (it->path().extension() == ".yaml" && it->is_regular_file()) found.push_back(it->path().string());
    }
    if (error) {
      std::fprintf(stderr, "%s: error: cannot read the rules directory: %s\n", rules_dir->c_str(), error.message().c_str());
      return std::nullopt;
    }
    if (found.empty()) {
      std::fprintf(stderr, "%s: error: no rules file (*.yaml) in this directory\n", rules_dir->c_str());
      return std::nullopt;
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  if (out.empty()) {
    std::fprintf(stderr, "prorata: error: no rules: name RULES files or give --rules-dir DIR\n");
    return std::nullopt;
  }
  return out;
}

std::vector<ConventionFacts> LoadedPortfolio::conventions() const {
  PRORATA_ASSERT(builders.size() == rules.size());
  std::vector<ConventionFacts> out;
  for (std::size_t k = 0; k < rules.size(); ++k) out.push_back({&rules[k], &builders[k]->facts()});
  return out;
}

std::optional<LoadedPortfolio> load_portfolio_or_report(const std::vector<std::string>& rules_paths,
                                                        const std::optional<std::string>& journal_path,
                                                        const std::vector<Date>* answer_dates) {
  LoadedPortfolio out;
  Diagnostics diagnostics;
  std::map<std::string, std::string> path_of_id;
  auto start = Clock::now();
  auto loaded = io::load_rules_files(rules_paths, input_threads());
  spdlog::info("rules: {} files, threads: {} ({} ms)", rules_paths.size(), input_threads(), milliseconds_since(start));
  for (std::size_t k = 0; k < rules_paths.size(); ++k) {
    const std::string& path = rules_paths[k];
    auto& rules = loaded[k].rules;
    diagnostics.append(loaded[k].diagnostics);
    if (!rules || !loaded[k].diagnostics.empty()) continue;
    const auto [seen, inserted] = path_of_id.emplace(rules->id, path);
    if (!inserted) {
      SourceLoc loc = rules->loc.path.empty() ? SourceLoc{path, 0, 0} : rules->loc;
      diagnostics.error(loc, "convention id " + in_quotes(rules->id) + " is also the id of " + seen->second +
                                 ": each convention is loaded once (two rules files for one convention?)");
      continue;
    }
    out.paths.push_back(path);
    out.rules.push_back(std::move(*rules));
  }
  // The loader's slots (1.5 KiB each, moved from) would stay allocated while the journal is read.
  std::vector<io::LoadedRulesFile>().swap(loaded);
  std::map<std::string, std::string>().swap(path_of_id);
  if (!diagnostics.empty() || !journal_path) {
    print_diagnostics(diagnostics);
    if (!diagnostics.empty()) return std::nullopt;
    return out;
  }
  io::JournalReadOptions read_options;
  read_options.threads = input_threads();
  start = Clock::now();
  // Summing days first when asked; read again day by day if a date came too late for it.
  for (const bool sum_days : {answer_dates != nullptr, false}) {
    out.builders.clear();
    out.other_conventions.clear();
    std::vector<io::ConventionLoad> loads;
    for (const Rules& rules : out.rules) {
      out.builders.push_back(std::make_unique<JournalBuilder>(rules));
      if (sum_days) out.builders.back()->answer_only_on(*answer_dates);
      loads.push_back({&rules, out.builders.back().get()});
    }
    Diagnostics read;
    io::load_journal_portfolio_file(*journal_path, loads, out.other_conventions, read, read_options);
    const bool hold = std::all_of(out.builders.begin(), out.builders.end(),
                                  [](const auto& builder) { return builder->expense_days_hold(); });
    if (!sum_days || hold || !read.empty()) {  // errors do not depend on summing days: reported as read
      diagnostics.append(read);
      break;
    }
    spdlog::info("journal {}: a date out of order among summed expense days; read again day by day ({} ms)",
                 *journal_path, milliseconds_since(start));
  }
  print_diagnostics(diagnostics);
  if (!diagnostics.empty()) return std::nullopt;
  for (const auto& builder : out.builders) out.events += builder->facts().events;
  std::size_t entries = 0;
  for (const auto& builder : out.builders) entries += builder->facts().expenses.entry_count();
  spdlog::info("journal {}: {} events of {} conventions, threads: {}, {} expense entries ({}) ({} ms)", *journal_path,
               out.events, out.rules.size(), input_threads(), entries,
               out.builders.empty() || !out.builders.front()->sums_expense_days() ? "day by day"
                                                                                   : "days summed between dates that matter",
               milliseconds_since(start));
  return out;
}

}  // namespace prorata::cli
