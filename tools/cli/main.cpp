// prorata: settle capped multi-party contributions from a rules file and a journal.
#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_sinks.h>  // stderr_logger_st lives here
#include <spdlog/spdlog.h>

#include <cstdio>
#include <exception>

#include "commands.h"
#include "huge_pages.h"
#include "portfolio_inputs.h"

int main(int argc, char** argv) {
  using namespace prorata::cli;
  use_huge_pages_for_large_journals(argc, argv);
  CLI::App app{"prorata: exact settlement of capped multi-party contributions"};
  app.require_subcommand(1);
  app.fallthrough();  // -v/--verbose also after the sub-command
  app.set_version_flag("--version", "prorata 0.1.0");
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose, "Log what was read and how long each step took, on stderr");
  app.add_option("--threads", input_threads(),
                 "Threads reading the inputs: 1, or 2 (rules files shared out; journal rows read on one, folded on "
                 "the other); the output is the same (default: 2 on a machine with two cores or more)")
      ->check(CLI::Range(1u, 2u));

  CheckOptions check;
  auto* check_cmd = app.add_subcommand("check", "Validate a rules file (and a journal); print a one-line summary");
  check_cmd->add_option("RULES", check.rules.named, "Rules files (YAML, format prorata/1): one, or several");
  check_cmd->add_option("--rules-dir", check.rules.dir, "Every *.yaml in this directory (sorted by name), with RULES");
  check_cmd->add_option("--journal", check.journal_path, "Journal (CSV)");

  StatusOptions status;
  auto* status_cmd = app.add_subcommand("status", "Settlement of a convention as of a date");
  status_cmd->add_option("RULES", status.rules.named, "Rules files (YAML, format prorata/1): one, or several");
  status_cmd->add_option("--rules-dir", status.rules.dir, "Every *.yaml in this directory (sorted by name), with RULES");
  status_cmd->add_option("--journal", status.journal_path, "Journal (CSV)")->required();
  status_cmd->add_option("--as-of", status.as_of, "Date YYYY-MM-DD (default: today, UTC)");
  auto* status_format = status_cmd->add_option("--format", status.format, "text, json or csv")
                            ->check(CLI::IsMember({"text", "json", "csv"}))
                            ->capture_default_str();
  status_cmd->add_option("--csv", status.csv,
                         "fr: CSV for a French spreadsheet (';', decimal comma, UTF-8 BOM); implies --format csv")
      ->check(CLI::IsMember({"fr"}));

  DocumentsOptions documents;
  auto* documents_cmd = app.add_subcommand(
      "documents", "The documents due: statements of amounts due, cancellations and, once the term has ended, refund "
      "notices, orders to pay back and complementary statements");
  documents_cmd->add_option("RULES", documents.rules.named, "Rules files (YAML, format prorata/1): one, or several");
  documents_cmd->add_option("--rules-dir", documents.rules.dir,
                            "Every *.yaml in this directory (sorted by name), with RULES");
  documents_cmd->add_option("--journal", documents.journal_path, "Journal (CSV)")->required();
  documents_cmd->add_option("--as-of", documents.as_of, "Date YYYY-MM-DD (default: today, UTC)");
  documents_cmd->add_option("--out", documents.out_dir, "Directory to write the documents into")->required();
  documents_cmd->add_option("--format", documents.formats, "Comma-separated: pdf, txt, json")
      ->delimiter(',')
      ->check(CLI::IsMember({"pdf", "txt", "json"}))
      ->capture_default_str();
  documents_cmd->add_flag("--issue", documents.issue,
                          "Issue what is due: number it, record it in the journal's register, write it "
                          "(without: a preview marked PROJET, nothing numbered or recorded)");
  documents_cmd->add_flag("--provisional", documents.provisional,
                          "Also preview refund notices while the term runs, marked PROVISOIRE (never recorded)");
  documents_cmd->add_flag("--replace", documents.replace,
                          "Overwrite previews that exist with other content (an issued document never is)");

  ReportOptions report;
  auto* report_cmd = app.add_subcommand(
      "report", "Write each contributor's yearly management report (compte rendu de gestion): a PROJET preview, or "
                "with --issue numbered and recorded in the journal's register");
  report_cmd->add_option("RULES", report.rules_path, "Rules file (YAML, format prorata/1)")->required();
  report_cmd->add_option("--journal", report.journal_path, "Journal (CSV)")->required();
  report_cmd->add_option("--year", report.year, "Calendar year YYYY reported on")->required();
  report_cmd->add_option("--as-of", report.as_of,
                         "Date of the report YYYY-MM-DD, on or after 31 December of the year (default: today, UTC)");
  report_cmd->add_option("--out", report.out_dir, "Directory to write the reports into")->required();
  report_cmd->add_option("--format", report.formats, "Comma-separated: pdf, txt, json")
      ->delimiter(',')
      ->check(CLI::IsMember({"pdf", "txt", "json"}))
      ->capture_default_str();
  report_cmd->add_flag("--issue", report.issue,
                       "Number the reports not yet issued for the year and record them in the journal's register");

  ExplainOptions explain;
  auto* explain_cmd = app.add_subcommand(
      "explain", "How each figure of the status comes about: rules, articles, journal lines, exact shares");
  explain_cmd->add_option("RULES", explain.rules_path, "Rules file (YAML, format prorata/1)")->required();
  explain_cmd->add_option("--journal", explain.journal_path, "Journal (CSV)")->required();
  explain_cmd->add_option("--as-of", explain.as_of, "Date YYYY-MM-DD (default: today, UTC)");
  explain_cmd->add_option("--contributor", explain.contributor, "Only this contributor (the term and totals too)");
  explain_cmd->add_option("--format", explain.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return exit_bad_input;
  }
  // Diagnostics are the output for bad input; the log only speaks when asked to.
  auto log = spdlog::stderr_logger_st("prorata");
  log->set_pattern("prorata: %v");
  log->set_level(verbose ? spdlog::level::info : spdlog::level::warn);
  spdlog::set_default_logger(log);
  log_huge_pages();
  try {
    if (*check_cmd) {
      const auto files = rules_files_or_report(check.rules.named, check.rules.dir);
      if (!files) return exit_bad_input;
      if (files->size() > 1) return run_check_portfolio(check, *files);
      check.rules_path = files->front();
      return run_check(check);
    }
    if (*status_cmd) {
      if (status.csv && status_format->count() == 0) status.format = "csv";
      const auto files = rules_files_or_report(status.rules.named, status.rules.dir);
      if (!files) return exit_bad_input;
      if (files->size() > 1) return run_status_portfolio(status, *files);
      status.rules_path = files->front();
      return run_status(status);
    }
    if (*documents_cmd) {
      const auto files = rules_files_or_report(documents.rules.named, documents.rules.dir);
      if (!files) return exit_bad_input;
      if (files->size() > 1) return run_documents_portfolio(documents, *files);
      documents.rules_path = files->front();
      return run_documents(documents);
    }
    if (*explain_cmd) return run_explain(explain);
    if (*report_cmd) return run_report(report);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "prorata: error: %s\n", e.what());
    return exit_failure;
  }
  return exit_failure;
}
