// check, status and documents over several conventions (a portfolio): every rules file loaded, the
// shared journal read once, each line to its convention. With one rules file the single-convention
// commands run instead, unchanged.
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include <spdlog/spdlog.h>

#include "commands.h"
#include "core/caps.h"
#include "core/message_text.h"
#include "core/portfolio.h"
#include "core/register.h"
#include "portfolio_inputs.h"
#include "report/portfolio_output.h"

namespace prorata::cli {

namespace {

// Two conventions whose documents share a prefix would number them alike (ESD-2021-0001 in each): a
// warning per shared prefix, at the rules of the second convention that uses it.
void warn_shared_prefixes(const LoadedPortfolio& portfolio) {
  std::map<std::string, std::vector<std::size_t>> users;  // prefix -> conventions (indexes), in load order
  for (std::size_t k = 0; k < portfolio.rules.size(); ++k) {
    std::set<std::string> own;
    for (DocumentKind kind : {DocumentKind::statement, DocumentKind::refund, DocumentKind::reversal,
                              DocumentKind::cancellation, DocumentKind::report}) {
      own.insert(series_prefix(portfolio.rules[k].documents, kind));
    }
    for (const std::string& prefix : own) users[prefix].push_back(k);
  }
  Diagnostics warnings;
  for (const auto& [prefix, conventions] : users) {
    if (conventions.size() < 2) continue;
    std::vector<std::string> ids;
    for (std::size_t k : conventions) ids.push_back(portfolio.rules[k].id);
    if (ids.size() > 5) {
      ids.resize(5);
      ids.emplace_back("…");
    }
    const Rules& second = portfolio.rules[conventions[1]];
    SourceLoc loc = second.loc.path.empty() ? SourceLoc{portfolio.paths[conventions[1]], 0, 0} : second.loc;
    warnings.warning(loc, "the prefix " + in_quotes(prefix) + " is used by " + std::to_string(conventions.size()) +
                              " conventions (" + joined(ids) + "): their document numbers would repeat (" + prefix +
                              "-YYYY-0001 in each); give each convention its own prefixes (documents: …_prefix)");
  }
  print_diagnostics(warnings);
}

}  // namespace

int run_check_portfolio(const CheckOptions& options, const std::vector<std::string>& rules_paths) {
  const std::vector<Date> evaluated_on;  // none: the facts are checked, not evaluated
  auto portfolio = load_portfolio_or_report(rules_paths, options.journal_path, &evaluated_on);
  if (!portfolio) return exit_bad_input;
  warn_shared_prefixes(*portfolio);
  std::size_t contributors = 0;
  std::string lines;
  for (const Rules& rules : portfolio->rules) {
    contributors += rules.contributors.size();
    lines += "  " + rules.id + ": " + std::to_string(rules.contributors.size()) + " contributors, caps " +
             format_amount(effective_caps(rules).value->sum) + " " + rules.currency + ", share key " +
             to_string(rules.share_key) + "\n";
  }
  std::string out = "ok: " + std::to_string(portfolio->rules.size()) + " conventions, " +
                    std::to_string(contributors) + " contributors";
  if (options.journal_path) {
    out += "; journal: " + std::to_string(portfolio->events) + " events";
    std::uint64_t other_rows = 0;
    for (const auto& [id, rows] : portfolio->other_conventions) other_rows += rows;
    if (other_rows > 0) {
      out += ", " + std::to_string(other_rows) + " rows of " + std::to_string(portfolio->other_conventions.size()) +
             " other conventions";
    }
  }
  return write_stdout(out + "\n" + lines);
}

int run_status_portfolio(const StatusOptions& options, const std::vector<std::string>& rules_paths) {
  if (options.csv && options.format != "csv") {
    std::fprintf(stderr, "--csv: error: --csv %s writes CSV, not %s: drop --format %s\n", options.csv->c_str(),
                 options.format.c_str(), options.format.c_str());
    return exit_bad_input;
  }
  const auto as_of = parse_as_of_or_report(options.as_of);
  if (!as_of) return exit_bad_input;
  const std::vector<Date> evaluated_on{*as_of};
  auto portfolio = load_portfolio_or_report(rules_paths, options.journal_path, &evaluated_on);
  if (!portfolio) return exit_bad_input;
  const auto start = Clock::now();
  const PortfolioStatus status = evaluate_portfolio(portfolio->conventions(), *as_of, portfolio->other_conventions,
                                                     input_threads());
  spdlog::info("evaluated {} conventions as of {}, threads: {} ({} ms)", status.conventions.size(), format_date(*as_of),
               input_threads(),
               milliseconds_since(start));
  if (options.format == "json") {
    bool written = true;  // every problem was found before: only writing can fail now
    report::write_portfolio_json(status, [&](std::string_view piece) { written = written && put_stdout(piece); });
    return written ? flush_stdout() : write_stdout_failed();
  }
  if (options.format == "csv") {
    return write_stdout(report::portfolio_csv(status, options.csv ? report::CsvDialect::french : report::CsvDialect::plain));
  }
  return write_stdout(report::portfolio_text(status));
}

// Each convention's documents in its own sub-folder of --out (named by its id), as `documents` writes
// them for it alone. Every rules file and the journal are checked first: bad input writes nothing.
int run_documents_portfolio(const DocumentsOptions& options, const std::vector<std::string>& rules_paths) {
  if (!parse_as_of_or_report(options.as_of)) return exit_bad_input;
  auto portfolio = load_portfolio_or_report(rules_paths, options.journal_path);
  if (!portfolio) return exit_bad_input;
  for (std::size_t k = 0; k < portfolio->rules.size(); ++k) {
    DocumentsOptions one = options;
    one.rules_path = portfolio->paths[k];
    one.out_dir = (std::filesystem::path(options.out_dir) / portfolio->rules[k].id).string();
    if (const int status = write_stdout("== " + portfolio->rules[k].id + " (" + one.rules_path + ")\n"); status != exit_ok) {
      return status;
    }
    std::fflush(stdout);
    if (const int status = run_documents(one); status != exit_ok) return status;
  }
  return exit_ok;
}

}  // namespace prorata::cli
