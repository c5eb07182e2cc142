#include "commands.h"
#include "report/status_output.h"

namespace prorata::cli {

int run_status(const StatusOptions& options) {
  auto as_of = parse_as_of_or_report(options.as_of);
  if (!as_of) return exit_bad_input;
  auto rules = load_rules_or_report(options.rules_path);
  if (!rules) return exit_bad_input;
  auto facts = load_journal_or_report(options.journal_path, *rules);
  if (!facts) return exit_bad_input;
  Status status = evaluate(*rules, *facts, *as_of);
  if (options.format == "json") return write_stdout(report::status_json(status));
  if (options.format == "csv") return write_stdout(report::status_csv(status));
  return write_stdout(report::status_text(status));
}

}  // namespace prorata::cli
