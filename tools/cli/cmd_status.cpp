#include <cstdio>

#include "commands.h"
#include "report/status_output.h"

namespace prorata::cli {

int run_status(const StatusOptions& options) {
  if (options.csv && options.format != "csv") {  // main() sets csv when --format is not given
    std::fprintf(stderr, "--csv: error: --csv %s writes CSV, not %s: drop --format %s\n", options.csv->c_str(),
                 options.format.c_str(), options.format.c_str());
    return exit_bad_input;
  }
  auto evaluated = evaluate_or_report(options.rules_path, options.journal_path, options.as_of);
  if (!evaluated) return exit_bad_input;
  const Status& status = evaluated->status;
  if (options.format == "json") return write_stdout(report::status_json(status));
  if (options.format == "csv") {
    return write_stdout(report::status_csv(status, options.csv ? report::CsvDialect::french : report::CsvDialect::plain));
  }
  return write_stdout(report::status_text(status));
}

}  // namespace prorata::cli
