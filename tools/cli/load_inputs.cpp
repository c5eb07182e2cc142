#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "commands.h"
#include "io/journal_csv.h"
#include "io/rules_yaml.h"

namespace prorata::cli {

long long milliseconds_since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

// In file order; called on success too, so that warnings are seen. A refused input shows its errors
// only: the first line printed is then its first error, and its warnings come once it is accepted.
void print_diagnostics(Diagnostics& diagnostics) {
  diagnostics.sort();
  const bool refused = !diagnostics.empty();
  for (const auto& d : diagnostics.items()) {
    if (refused && d.severity == Severity::warning) continue;
    std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
  }
}

namespace {
void print(Diagnostics& diagnostics) { print_diagnostics(diagnostics); }
}  // namespace

std::optional<Rules> load_rules_or_report(const std::string& path) {
  const auto start = Clock::now();
  Diagnostics diagnostics;
  auto rules = io::load_rules_file(path, diagnostics);
  if (!rules || !diagnostics.empty()) {
    print(diagnostics);
    return std::nullopt;
  }
  print(diagnostics);  // warnings only: the rules are good
  spdlog::info("rules {}: convention {}, {} contributors ({} ms)", path, rules->id, rules->contributors.size(),
               milliseconds_since(start));
  return rules;
}

unsigned& input_threads() {
  static unsigned threads = std::thread::hardware_concurrency() >= 2 ? 2 : 1;
  return threads;
}

std::optional<JournalFacts> load_journal_or_report(const std::string& path, const Rules& rules) {
  const auto start = Clock::now();
  Diagnostics diagnostics;
  JournalBuilder builder(rules);
  io::JournalReadOptions read_options;
  read_options.threads = input_threads();
  if (!io::load_journal_file(path, rules, builder, diagnostics, read_options) || !diagnostics.empty()) {
    print(diagnostics);
    return std::nullopt;
  }
  print(diagnostics);  // warnings only: the journal is good
  const JournalFacts& facts = builder.facts();
  std::size_t days = facts.expenses.cell_count();
  for (const auto& entry : facts.parties) days += entry.second.flows_by_day.size();
  spdlog::info("journal {}: {} events of {} kept as {} day totals ({} ms)", path, facts.events, rules.id, days,
               milliseconds_since(start));
  return facts;
}

std::optional<Date> parse_as_of_or_report(const std::optional<std::string>& text) {
  if (!text) return std::chrono::floor<date::days>(std::chrono::system_clock::now());
  DateParse parsed = parse_date(*text);
  if (!parsed.value) {
    std::fprintf(stderr, "--as-of: error: bad date '%s': %s\n", text->c_str(), parsed.error.c_str());
    return std::nullopt;
  }
  return parsed.value;
}

std::optional<Evaluated> evaluate_or_report(const std::string& rules_path, const std::string& journal_path,
                                            const std::optional<std::string>& as_of_text) {
  auto as_of = parse_as_of_or_report(as_of_text);
  if (!as_of) return std::nullopt;
  auto rules = load_rules_or_report(rules_path);
  if (!rules) return std::nullopt;
  auto facts = load_journal_or_report(journal_path, *rules);
  if (!facts) return std::nullopt;
  const auto start = Clock::now();
  Status status = evaluate(*rules, *facts, *as_of);
  spdlog::info("evaluated as of {}: {} ({} ms)", format_date(*as_of), to_string(status.term.state),
               milliseconds_since(start));
  return Evaluated{std::move(*rules), std::move(*facts), std::move(status)};
}

bool put_stdout(std::string_view text) { return std::fwrite(text.data(), 1, text.size(), stdout) == text.size(); }

int flush_stdout() { return std::fflush(stdout) == 0 ? exit_ok : write_stdout_failed(); }

int write_stdout(const std::string& text) { return put_stdout(text) ? flush_stdout() : write_stdout_failed(); }

int write_stdout_failed() {
  std::perror("prorata: cannot write the output");
  return exit_failure;
}

}  // namespace prorata::cli
