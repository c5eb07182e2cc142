#include <cstdio>
#include <filesystem>

#include "commands.h"
#include "core/explain.h"
#include "core/journal_router.h"
#include "io/journal_csv.h"
#include "report/explain_output.h"

namespace prorata::cli {

// Two streaming passes over the journal: the first checks it and sums it (as `status`), the second
// keeps only the lines the explanation cites.
int run_explain(const ExplainOptions& options) {
  auto as_of = parse_as_of_or_report(options.as_of);
  if (!as_of) return exit_bad_input;
  std::error_code kind_error;
  if (std::filesystem::exists(options.journal_path, kind_error) &&
      !std::filesystem::is_regular_file(options.journal_path, kind_error)) {
    std::fprintf(stderr, "%s: error: explain reads the journal twice (to check it, then to cite its lines): give a "
                 "file, not a pipe or a directory\n", options.journal_path.c_str());
    return exit_bad_input;
  }
  auto rules = load_rules_or_report(options.rules_path);
  if (!rules) return exit_bad_input;
  auto facts = load_journal_or_report(options.journal_path, *rules);
  if (!facts) return exit_bad_input;
  const Evaluation evaluation = evaluate_detailed(*rules, *facts, *as_of);
  if (options.contributor) {
    bool known = false;
    std::string ids;
    for (const auto& c : evaluation.status.contributors) {
      known = known || c.id == *options.contributor;
      ids += (ids.empty() ? "" : ", ") + c.id;
    }
    if (!known) {
      std::fprintf(stderr, "--contributor: error: '%s' is not a contributor of %s on %s (they are: %s)\n",
                   options.contributor->c_str(), rules->id.c_str(), format_date(*as_of).c_str(), ids.c_str());
      return exit_bad_input;
    }
  }
  ExplainCollector collector(options.contributor.value_or(""));
  ConventionRouter router;
  router.add_route(rules->id, collector);
  Diagnostics diagnostics;
  if (!io::read_journal_file(options.journal_path, router, diagnostics)) {
    // The first pass read the same file without a problem: it changed in between.
    for (const auto& d : diagnostics.items()) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
    std::fprintf(stderr, "%s: error: the journal changed while it was read\n", options.journal_path.c_str());
    return exit_bad_input;
  }
  const Explanation explanation = explain(*rules, *facts, evaluation, collector, options.contributor);
  if (!explanation.consistent) {
    std::fprintf(stderr, "%s: error: the journal changed while it was read (its lines no longer sum to the figures "
                 "of the first pass): run explain again once it is written\n", options.journal_path.c_str());
    return exit_bad_input;
  }
  if (options.format == "json") return write_stdout(report::explain_json(explanation));
  return write_stdout(report::explain_text(explanation, rules->title));
}

}  // namespace prorata::cli
