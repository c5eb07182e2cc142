#include "commands.h"
#include "report/status_output.h"

namespace prorata::cli {

int run_status(const StatusOptions& options) {
  auto evaluated = evaluate_or_report(options.rules_path, options.journal_path, options.as_of);
  if (!evaluated) return exit_bad_input;
  const Status& status = evaluated->status;
  if (options.format == "json") return write_stdout(report::status_json(status));
  if (options.format == "csv") return write_stdout(report::status_csv(status));
  return write_stdout(report::status_text(status));
}

}  // namespace prorata::cli
