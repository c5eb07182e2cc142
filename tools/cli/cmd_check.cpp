#include "commands.h"
#include "core/caps.h"
#include "core/message_text.h"
#include "core/money.h"

namespace prorata::cli {

namespace {

// "versions: base, effective 2020-07-21; avenant-1, effective 2020-11-30; avenant-2 pending (to sign:
// oise)", judged on the whole journal.
std::string versions_line(const Rules& rules, const Timeline& timeline) {
  std::string line = "versions: base, " +
                     (timeline.effective ? "effective " + format_date(*timeline.effective)
                                         : std::string("not in force (not every party has signed)"));
  for (const AmendmentStatus& a : amendment_statuses(rules, timeline, Date::max())) {
    if (a.state == AmendmentState::in_force) {
      line += "; " + a.id + ", effective " + format_date(*a.effective);
    } else {
      line += "; " + a.id + " pending (to sign: " + joined(a.missing_signatures) + ")";
    }
  }
  return line;
}

}  // namespace

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
    line += "\n" + versions_line(*rules, facts->timeline);
  }
  return write_stdout(line + "\n");
}

}  // namespace prorata::cli
