// The prorata commands. Each returns the process exit status: 0 done, 1 failure of the machine
// (cannot write output), 2 bad input (diagnostics printed on stderr, nothing on stdout).
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/evaluate.h"
#include "core/journal.h"
#include "core/rules.h"

namespace prorata::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_bad_input = 2;

// check, status and documents take one rules file or several (RULES... and --rules-dir DIR): with one,
// `rules_path` is it and the output is the single convention's; with several, a portfolio.
struct RulesChoice {
  std::vector<std::string> named;     // RULES..., in the order given
  std::optional<std::string> dir;     // --rules-dir: every *.yaml in it, sorted by name
};

struct CheckOptions {
  RulesChoice rules;
  std::string rules_path;
  std::optional<std::string> journal_path;
};

struct StatusOptions {
  RulesChoice rules;
  std::string rules_path;
  std::string journal_path;
  std::optional<std::string> as_of;  // YYYY-MM-DD; default today (UTC)
  std::string format = "text";       // text | json | csv
  std::optional<std::string> csv;    // --csv fr: CSV for a French spreadsheet (implies --format csv)
};

struct DocumentsOptions {
  RulesChoice rules;
  std::string rules_path;
  std::string journal_path;
  std::optional<std::string> as_of;
  std::string out_dir;
  std::vector<std::string> formats{"pdf", "txt", "json"};
  bool issue = false;        // number, record and write what is due (else: a preview, marked PROJET)
  bool provisional = false;  // refund notices while the term runs, marked PROVISOIRE (never recorded)
  bool replace = false;      // overwrite previews that exist with other content (never an issued document)
};

// The yearly management report (compte rendu de gestion): previews only for now, marked PROJET.
struct ReportOptions {
  std::string rules_path;
  std::string journal_path;
  std::string year;                  // YYYY, the calendar year reported on
  std::optional<std::string> as_of;  // YYYY-MM-DD, on or after 31 December of the year; default today (UTC)
  std::string out_dir;
  std::vector<std::string> formats{"pdf", "txt", "json"};
  bool issue = false;                // number and record them (else a PROJET preview)
};

struct ExplainOptions {
  std::string rules_path;
  std::string journal_path;
  std::optional<std::string> as_of;
  std::optional<std::string> contributor;  // explain one contributor (the term and totals still)
  std::string format = "text";             // text | json
};

int run_check(const CheckOptions& options);
int run_explain(const ExplainOptions& options);
int run_documents(const DocumentsOptions& options);
int run_report(const ReportOptions& options);
int run_status(const StatusOptions& options);
// Several conventions in one pass over the journal (tools/cli/cmd_portfolio.cpp).
int run_check_portfolio(const CheckOptions& options, const std::vector<std::string>& rules_paths);
int run_status_portfolio(const StatusOptions& options, const std::vector<std::string>& rules_paths);
int run_documents_portfolio(const DocumentsOptions& options, const std::vector<std::string>& rules_paths);

// Prints diagnostics in file order: a refused input its errors only, an accepted one its warnings.
void print_diagnostics(Diagnostics& diagnostics);

// Threads reading the inputs (`--threads`, default: 2 where the machine has two cores or more): the
// rules files of a portfolio share them, a journal is read on one and folded on the other. What is
// read and printed never depends on it.
unsigned& input_threads();

// For the --verbose log: how long a step took.
using Clock = std::chrono::steady_clock;
long long milliseconds_since(Clock::time_point start);

// Loading shared by the commands: prints every diagnostic and returns nullopt on bad input.
std::optional<Rules> load_rules_or_report(const std::string& path);
std::optional<JournalFacts> load_journal_or_report(const std::string& path, const Rules& rules);
std::optional<Date> parse_as_of_or_report(const std::optional<std::string>& text);

// Rules, journal and the settlement as of a date: what `status` and `documents` start from.
struct Evaluated {
  Rules rules;
  JournalFacts facts;
  Status status;
};
std::optional<Evaluated> evaluate_or_report(const std::string& rules_path, const std::string& journal_path,
                                            const std::optional<std::string>& as_of);

// Writes all of `text` to stdout at once, after everything has succeeded.
int write_stdout(const std::string& text);
// Output written in pieces as it is made: put_stdout() each (false when it could not be written), then
// flush_stdout(), or write_stdout_failed() once a piece failed.
bool put_stdout(std::string_view text);
int flush_stdout();
// Says that stdout could not be written (errno's reason); exit_failure.
int write_stdout_failed();

}  // namespace prorata::cli
