#include "commands.h"
#include "core/caps.h"
#include "core/money.h"

namespace prorata::cli {

int run_check(const CheckOptions& options) {
  auto rules = load_rules_or_report(options.rules_path);
  if (!rules) return exit_bad_input;
  const Money caps = effective_caps(*rules).value->sum;  // the loader refused caps it cannot put in force
  std::string line = "ok: " + rules->id + ": " + std::to_string(rules->contributors.size()) +
                     " contributors, caps " + format_amount(caps) + " " + rules->currency + ", share key " +
                     to_string(rules->share_key);
  if (options.journal_path) {
    auto facts = load_journal_or_report(*options.journal_path, *rules);
    if (!facts) return exit_bad_input;
    line += "; journal: " + std::to_string(facts->events) + " events";
  }
  return write_stdout(line + "\n");
}

}  // namespace prorata::cli
