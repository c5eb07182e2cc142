// Benchmark: how long prorata takes to read and settle large journals, and how much memory it needs.
// For each size asked (lines of journal), it writes a journal for the rules given (default: the seed
// convention) into a temporary file, then loads and evaluates it as the CLI does, and prints the
// figures: file size, load time, evaluation time, throughput and the process's peak resident memory.
// Sizes run in the order given; peak memory is the process's high-water mark so far, so ascending
// sizes show whether memory grows with the number of lines.
//
// The journal: the signatures (the beneficiary last), then lines cycling over the days of the term:
// 98 % expenses of 0.01 to 999.99, 1 % statements of 0.01 and 1 % payments (refs unique: the
// duplicate checks keep them), so memory is bounded by the days of the term and those refs. The generator adds up the
// spending and each contributor's payments in plain integers as it writes; the benchmark fails (exit
// status 1) unless the engine finds exactly those totals.
//
//   build/tools/bench/prorata-bench [--rules FILE] LINES...      e.g. 100000 1000000 4000000
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "core/evaluate.h"
#include "core/explain.h"
#include "core/journal_router.h"
#include "io/journal_csv.h"
#include "io/rules_yaml.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Generated {
  std::uint64_t bytes = 0;
  std::int64_t spending_cents = 0;
  std::int64_t called_cents = 0;
  std::map<std::string, std::int64_t> paid_cents;
  prorata::Date first_day;
  prorata::Date as_of;
};

std::string cents_text(std::int64_t cents) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%lld.%02lld", static_cast<long long>(cents / 100),
                static_cast<long long>(cents % 100));
  return buffer;
}

Generated write_journal(const prorata::Rules& rules, std::uint64_t lines, const fs::path& path) {
  Generated out;
  std::ofstream file(path, std::ios::binary);
  file << "date,event,party,amount,ref,category,memo\n";
  const prorata::Date start = *prorata::parse_date("2020-07-01").value;
  std::uint64_t day_index = 0;
  for (const auto& contributor : rules.contributors) {
    file << prorata::format_date(start + date::days{static_cast<int>(day_index++ % 20)}) << ",signature,"
         << contributor.id << ",,,,\n";
  }
  const prorata::Date effective = start + date::days{20};
  file << prorata::format_date(effective) << ",signature," << rules.beneficiary.id << ",,,,\n";
  const std::string category =
      rules.eligible_categories && !rules.eligible_categories->empty() ? rules.eligible_categories->front() : "";
  constexpr std::uint64_t days_in_term = 180;  // well inside six months of the effective date
  std::uint64_t statements = 0;
  for (std::uint64_t i = 0; i < lines; ++i) {
    const prorata::Date day = effective + date::days{static_cast<int>(i % days_in_term)};
    // One statement and one payment every 100 lines, each hundred for the next contributor in turn.
    const std::string& party = rules.contributors[(i / 100) % rules.contributors.size()].id;
    const std::int64_t cents = static_cast<std::int64_t>(i % 99'999 + 1);
    file << prorata::format_date(day);
    switch (i % 100) {
      case 17:
        // 0.01 each: with 5 contributors, the calls stay within a 9000.00 cap up to 450 million lines
        file << ",statement," << party << ",0.01,ESD-" << ++statements << ",,\n";
        out.called_cents += 1;
        break;
      case 59:
        file << ",payment," << party << ',' << cents_text(cents) << ",VIR-" << i << ",,\n";
        out.paid_cents[party] += cents;
        break;
      default:
        file << ",expense,," << cents_text(cents) << ",," << category << ",line " << i << '\n';
        out.spending_cents += cents;
    }
  }
  file.close();
  out.bytes = fs::file_size(path);
  out.as_of = effective + date::days{static_cast<int>(days_in_term)};
  return out;
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

double seconds_since(Clock::time_point start) {  // for the printed figures only, never for money
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// `explain` for one contributor: a second streaming pass keeps the lines it cites (every expense line
// for the totals, the contributor's calls and payments), then the explanation; its sums are the status's.
bool run_explain(const prorata::Rules& rules, const prorata::JournalFacts& facts, const prorata::Status& status,
                 const fs::path& path) {
  const std::string contributor = rules.contributors.front().id;
  const auto start = Clock::now();
  prorata::ExplainCollector collector(contributor);
  prorata::ConventionRouter router;
  router.add_route(rules.id, collector);
  prorata::Diagnostics diagnostics;
  if (!prorata::io::read_journal_file(path.string(), router, diagnostics)) return false;
  const prorata::Evaluation evaluation = prorata::evaluate_detailed(rules, facts, status.as_of);
  const prorata::Explanation explanation = prorata::explain(rules, facts, evaluation, collector, contributor);
  const double explain_s = seconds_since(start);
  prorata::Money spending{};
  for (const prorata::CitedLine* line : explanation.spending.lines) spending += *line->amount;
  const bool same = spending == status.totals.spending;
  std::printf("%10s explain --contributor %s: second pass + explanation %6.2f s, %zu lines kept, peak RSS %6.1f MiB   cited sums %s\n",
              "", contributor.c_str(), explain_s, collector.lines().size(),
              static_cast<double>(peak_rss_kib()) / 1024.0, same ? "match the status" : "DIFFER");
  std::fflush(stdout);
  return same;
}

bool run(const prorata::Rules& rules, std::uint64_t lines, const fs::path& path) {
  const Generated expected = write_journal(rules, lines, path);
  const auto load_start = Clock::now();
  prorata::Diagnostics diagnostics;
  prorata::JournalBuilder builder(rules);
  const bool loaded = prorata::io::load_journal_file(path.string(), rules, builder, diagnostics);
  const double load_s = seconds_since(load_start);
  if (!loaded || !diagnostics.empty()) {
    for (const auto& d : diagnostics.items()) std::fprintf(stderr, "%s\n", prorata::format_diagnostic(d).c_str());
    return false;
  }
  const auto evaluate_start = Clock::now();
  const prorata::Status status = prorata::evaluate(rules, builder.facts(), expected.as_of);
  const double evaluate_s = seconds_since(evaluate_start);

  bool same = status.totals.spending.cents == expected.spending_cents &&
              status.totals.called.cents == expected.called_cents;
  for (const auto& contributor : status.contributors) {
    const auto it = expected.paid_cents.find(contributor.id);
    same = same && contributor.paid.cents == (it == expected.paid_cents.end() ? 0 : it->second);
  }
  const double megabytes = static_cast<double>(expected.bytes) / 1e6;
  std::printf("%10llu lines %8.1f MB   load %6.2f s  evaluate %6.3f s   %5.2f M lines/s %6.1f MB/s   peak RSS %6.1f MiB   totals %s\n",
              static_cast<unsigned long long>(lines), megabytes, load_s, evaluate_s,
              static_cast<double>(lines) / 1e6 / (load_s + evaluate_s), megabytes / (load_s + evaluate_s),
              static_cast<double>(peak_rss_kib()) / 1024.0, same ? "match the generator" : "DIFFER");
  if (!same) {
    std::fprintf(stderr, "prorata-bench: spending %s, generator %s\n", prorata::format_amount(status.totals.spending).c_str(),
                 cents_text(expected.spending_cents).c_str());
  }
  std::fflush(stdout);
  return same && run_explain(rules, builder.facts(), status, path);
}

}  // namespace

int main(int argc, char** argv) {
  std::string rules_path = std::string(PRORATA_SOURCE_DIR) + "/rules/dinum-preincubation-2020.yaml";
  std::vector<std::uint64_t> sizes;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument == "--rules" && i + 1 < argc) {
      rules_path = argv[++i];
    } else if (!argument.empty() && argument.find_first_not_of("0123456789") == std::string::npos && argument.size() < 11) {
      sizes.push_back(std::stoull(argument));
    } else {
      std::fprintf(stderr, "usage: prorata-bench [--rules FILE] LINES...\n");
      return 2;
    }
  }
  if (sizes.empty()) sizes = {100'000, 1'000'000};
  prorata::Diagnostics diagnostics;
  const auto rules = prorata::io::load_rules_file(rules_path, diagnostics);
  if (!rules) {
    for (const auto& d : diagnostics.items()) std::fprintf(stderr, "%s\n", prorata::format_diagnostic(d).c_str());
    return 2;
  }
  const fs::path path = fs::temp_directory_path() / ("prorata-bench-" + std::to_string(getpid()) + ".csv");
  std::printf("prorata-bench: convention %s, %zu contributors, journal in %s\n", rules->id.c_str(),
              rules->contributors.size(), path.c_str());
  bool ok = true;
  for (std::uint64_t lines : sizes) ok = run(*rules, lines, path) && ok;
  std::error_code ignored;
  fs::remove(path, ignored);
  return ok ? 0 : 1;
}
