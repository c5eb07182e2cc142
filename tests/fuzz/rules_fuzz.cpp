// Fuzzes the rules loader on arbitrary bytes. It must never crash, hang or overflow its stack, and:
// - it returns rules exactly when it reported nothing, with at most limits::diagnostics_max diagnostics,
//   each naming the file and, for a non-empty text, a line within the text;
// - the same text gives the same diagnostics twice (no hidden state);
// - accepted rules hold the invariants the core relies on (ids unique, caps within the agreed caps and
//   the aggregate, weights naming every contributor), and evaluating them on a small journal where every
//   contributor pays its cap keeps every contributor's balance identity.
#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "core/evaluate.h"
#include "core/journal.h"
#include "core/caps.h"
#include "core/limits.h"
#include "core/nearest_name.h"
#include "io/rules_yaml.h"
#include "fuzz_check.h"

namespace {

using prorata::Date;
using prorata::Diagnostics;
using prorata::Money;
using prorata::Rules;

const std::string path = "fuzz.yaml";

void check_diagnostics(std::string_view text, const Diagnostics& diagnostics) {
  const auto lines = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n') + 1);
  FUZZ_CHECK(diagnostics.size() <= prorata::limits::diagnostics_max);
  for (const auto& d : diagnostics.items()) {
    FUZZ_CHECK(d.loc.path == path);
    FUZZ_CHECK(!d.message.empty());
    if (!text.empty()) FUZZ_CHECK(d.loc.line >= 1);
    FUZZ_CHECK(d.loc.line <= lines);
  }
}

void check_rules(const Rules& rules) {
  FUZZ_CHECK(!rules.contributors.empty());
  FUZZ_CHECK(rules.contributors.size() <= prorata::limits::contributors_max);
  std::set<std::string> ids{rules.beneficiary.id};
  Money caps{};
  const prorata::CapsResult in_force = prorata::effective_caps(rules);
  FUZZ_CHECK(in_force.value.has_value());  // the loader refuses caps it cannot put in force
  for (std::size_t i = 0; i < rules.contributors.size(); ++i) {
    const prorata::Contributor& c = rules.contributors[i];
    const Money cap = in_force.value->caps[i];
    FUZZ_CHECK(ids.insert(c.id).second);
    FUZZ_CHECK(cap.cents >= 0);
    FUZZ_CHECK(cap <= c.cap_agreed);
    FUZZ_CHECK(c.cap_agreed.cents <= prorata::limits::amount_cents_max);
    caps += cap;
  }
  if (rules.aggregate_cap) FUZZ_CHECK(caps <= *rules.aggregate_cap);
  if (rules.share_key == prorata::ShareKey::weights) {
    FUZZ_CHECK(rules.weights.size() == rules.contributors.size());
    for (const auto& c : rules.contributors) FUZZ_CHECK(rules.weights.count(c.id) == 1);
  } else {
    FUZZ_CHECK(rules.weights.empty());
  }
}

// Everyone signs on day 0, each contributor with a cap is called and pays it, the beneficiary spends the
// agreed caps' sum in two categories; then the state on a few dates around the term.
void evaluate_small_journal(const Rules& rules) {
  prorata::JournalBuilder builder(rules);
  Diagnostics diagnostics;
  const Date day0 = date::sys_days{date::year{2020} / 1 / 1};
  prorata::Event event;
  event.date = day0;
  event.party = rules.beneficiary.id;
  builder.add(event, diagnostics);
  Money spent{};
  for (const auto& c : rules.contributors) {
    event = prorata::Event{};
    event.date = day0;
    event.party = c.id;
    builder.add(event, diagnostics);
    if (c.cap_agreed.cents == 0) continue;
    event.kind = prorata::EventKind::payment;
    event.amount = c.cap_agreed;
    event.date = day0 + date::days{1};
    builder.add(event, diagnostics);
    spent += c.cap_agreed;
  }
  const std::string category = rules.eligible_categories && !rules.eligible_categories->empty()
                                   ? rules.eligible_categories->front() : std::string("any");
  spent = prorata::min(spent, Money::from_cents(prorata::limits::amount_cents_max));  // one expense line
  // An ineligible category far from every eligible one (the journal refuses a near miss as a typo).
  std::string other = "other";
  if (rules.eligible_categories) {
    const std::vector<std::string_view> eligible(rules.eligible_categories->begin(), rules.eligible_categories->end());
    for (int n = 0; prorata::nearest_name(other, eligible); ++n) other = "ineligible-" + std::to_string(n) + "-xyz";
  }
  for (const auto& [amount, spent_category] : {std::pair{spent, category}, std::pair{spent, other}}) {
    if (amount.cents == 0) continue;
    event = prorata::Event{};
    event.kind = prorata::EventKind::expense;
    event.date = day0 + date::days{2};
    event.amount = amount;
    event.category = spent_category;
    builder.add(event, diagnostics);
  }
  // Every amendment signed on day 1 by the parties of the base and those it adds (no other amendment is
  // in force before that day): each takes effect then, unless its caps pass the aggregate under reject
  // or it changes the cap of a contributor that another amendment adds.
  for (const auto& amendment : rules.amendments) {
    std::vector<std::string> signatories{rules.beneficiary.id};
    for (const auto& c : rules.contributors) signatories.push_back(c.id);
    for (const auto& c : amendment.changes.joining) signatories.push_back(c.id);
    for (const auto& id : signatories) {
      event = prorata::Event{};
      event.date = day0 + date::days{1};
      event.party = id;
      event.ref = amendment.id;
      builder.add(event, diagnostics);
    }
  }
  builder.finish(diagnostics);
  for (const auto& d : diagnostics.items()) {
    // Its payments answer no statement: warned, and accepted.
    if (d.severity == prorata::Severity::warning) continue;
    // Only an amendment's caps over the aggregate, or a cap change for a contributor that joins by
    // another amendment (it does not sign this one), at its line in the rules.
    FUZZ_CHECK(d.loc.path == path);
    FUZZ_CHECK(d.message.find("more than aggregate_cap") != std::string::npos ||
               d.message.find("past the checked range") != std::string::npos ||
               d.message.find("which is not a party when the amendment is first signed") != std::string::npos);
  }
  if (!diagnostics.empty()) return;
  FUZZ_CHECK(builder.facts().timeline.versions.size() == rules.amendments.size() + 1);
  const Date end = prorata::add(day0, rules.term.max_duration);
  for (Date as_of : {day0, day0 + date::days{2}, end, end + date::days{1}}) {
    const prorata::Status status = prorata::evaluate(rules, builder.facts(), as_of);
    FUZZ_CHECK(status.contributors.size() == builder.facts().timeline.on(as_of).rules(rules).contributors.size());
    for (const auto& row : status.contributors) {
      FUZZ_CHECK(row.final_contribution + row.refund_due - row.amount_due == row.net_paid);
      FUZZ_CHECK(row.final_contribution <= row.cap);
    }
    FUZZ_CHECK(status.totals.covered <= status.totals.eligible_spending);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) { return 0; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = prorata::fuzz::as_text(data, size);
  Diagnostics diagnostics;
  const auto rules = prorata::io::load_rules(text, path, diagnostics);
  FUZZ_CHECK(rules.has_value() == diagnostics.empty());
  check_diagnostics(text, diagnostics);
  Diagnostics again;
  prorata::io::load_rules(text, path, again);
  FUZZ_CHECK(again.size() == diagnostics.size());
  for (std::size_t i = 0; i < again.size(); ++i) {
    FUZZ_CHECK(format_diagnostic(again.items()[i]) == format_diagnostic(diagnostics.items()[i]));
  }
  if (!rules) return 0;
  check_rules(*rules);
  evaluate_small_journal(*rules);
  return 0;
}
