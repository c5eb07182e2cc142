// Several rules files and one shared journal (a portfolio): loaded together, every problem of every
// file reported before the run gives up (exit 2, nothing on stdout).
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/journal.h"
#include "core/portfolio.h"
#include "core/rules.h"

namespace prorata::cli {

// The rules files named (in the order given) and those of `rules_dir` (every *.yaml in it, sorted by
// name). Reports a directory that cannot be read or holds none, and no file named at all.
std::optional<std::vector<std::string>> rules_files_or_report(const std::vector<std::string>& named,
                                                              const std::optional<std::string>& rules_dir);

struct LoadedPortfolio {
  std::vector<std::string> paths;                          // of the rules files, in the order loaded
  std::deque<Rules> rules;                                 // stable addresses: the builders refer to them
  std::vector<std::unique_ptr<JournalBuilder>> builders;   // one per rules file, once the journal is read
  std::map<std::string, std::uint64_t> other_conventions;  // rows of conventions not loaded, per id
  std::size_t events = 0;                                  // rows routed to a loaded convention

  [[nodiscard]] std::vector<ConventionFacts> conventions() const;
};

// Every rules file (two with one convention id: an error naming both), then the journal in one pass
// when given. Prints every diagnostic; nullopt when any is an error. With `answer_dates`, the facts
// are only to be evaluated as of those dates (none: not evaluated), and expense days are summed
// between the dates that matter (JournalBuilder::answer_only_on); a journal out of date order where
// that does not hold is read a second time, day by day.
std::optional<LoadedPortfolio> load_portfolio_or_report(const std::vector<std::string>& rules_paths,
                                                        const std::optional<std::string>& journal_path,
                                                        const std::vector<Date>* answer_dates = nullptr);

}  // namespace prorata::cli
