// Fuzzes the journal loader on arbitrary CSV bytes, read for the seed convention
// (rules/dinum-preincubation-2020.yaml, share key paid), for the seed with two avenants
// (fixtures/amendment/rules.yaml) and for the two conventions of fixtures/weights-terminated (share
// keys weights and equal), all loaded once at start-up.
// It must never crash or hang, and:
// - it accepts exactly when it reported nothing; every diagnostic names the file and a line within it;
// - once accepted, evaluate() on dates taken from the journal and around them keeps, for every
//   contributor, final + refund_due - amount_due == net_paid and final <= cap, with refunds never
//   above payments; and the same bytes read again, on two threads in small blocks and batches, give
//   the same verdict and diagnostics (in order) and the same facts' figures (no hidden state); read
//   summing expense days between those dates (JournalBuilder::answer_only_on), the same figures on
//   each of them whenever the summed days hold;
// - explain() on the same dates, from a second read of the bytes, cites lines that sum to each figure
//   (it asserts so itself) and counts or leaves out every expense line.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/evaluate.h"
#include "core/explain.h"
#include "core/journal_router.h"
#include "core/journal.h"
#include "core/limits.h"
#include "io/journal_csv.h"
#include "io/rules_yaml.h"
#include "fuzz_check.h"

namespace {

using prorata::Date;
using prorata::Diagnostics;
using prorata::Rules;

const std::string path = "fuzz.csv";
std::vector<Rules>* conventions = nullptr;  // set once by LLVMFuzzerInitialize, never freed

Rules load_or_die(const std::string& relative) {
  Diagnostics diagnostics;
  auto rules = prorata::io::load_rules_file(std::string(PRORATA_SOURCE_DIR) + "/" + relative, diagnostics);
  if (!rules) {
    std::fprintf(stderr, "journal fuzz: cannot load %s\n", relative.c_str());
    std::abort();
  }
  return *rules;
}

std::vector<Date> dates_to_evaluate(const prorata::JournalFacts& facts) {
  std::vector<Date> dates{date::sys_days{date::year{2020} / 12 / 31}};
  auto around = [&](Date day) {
    dates.push_back(day - date::days{1});
    dates.push_back(day);
  };
  for (const auto& [id, party] : facts.parties) {
    if (party.signed_on) around(*party.signed_on);
    if (!party.flows_by_day.empty()) around(party.flows_by_day.rbegin()->first);
  }
  for (const auto& [id, day] : facts.milestones) around(day);
  if (facts.termination) around(*facts.termination);
  if (!facts.expenses.empty()) around(facts.expenses.last_day());
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  if (dates.size() > 8) dates.erase(dates.begin() + 4, dates.end() - 4);  // both ends matter most
  dates.push_back(date::sys_days{date::year{9999} / 12 / 31});
  return dates;
}

void check_status(const prorata::Status& status) {
  prorata::Money covered{};
  for (const auto& row : status.contributors) {
    FUZZ_CHECK(row.final_contribution + row.refund_due - row.amount_due == row.net_paid);
    FUZZ_CHECK(row.final_contribution <= row.cap);
    FUZZ_CHECK(row.final_contribution.cents >= 0);
    FUZZ_CHECK(row.refunded <= row.paid);
    FUZZ_CHECK(row.refund_due.cents >= 0 && row.amount_due.cents >= 0);
    covered += row.final_contribution;
  }
  FUZZ_CHECK(covered == status.totals.covered);
  FUZZ_CHECK(status.totals.covered + status.totals.uncovered == status.totals.eligible_spending);
}

void check_explain(const Rules& rules, const prorata::JournalFacts& facts, std::string_view text, Date as_of) {
  prorata::ExplainCollector collector("");
  prorata::ConventionRouter router;
  router.add_route(rules.id, collector);
  std::istringstream in{std::string(text)};
  Diagnostics diagnostics;
  FUZZ_CHECK(prorata::io::read_journal(in, path, router, diagnostics));
  const prorata::Evaluation evaluation = prorata::evaluate_detailed(rules, facts, as_of);
  const prorata::Explanation e = prorata::explain(rules, facts, evaluation, collector, std::nullopt);
  std::size_t expenses = 0;
  for (const auto& line : collector.lines()) expenses += line.kind == prorata::EventKind::expense ? 1u : 0u;
  FUZZ_CHECK(e.consistent);  // the same bytes twice: the cited lines sum to every figure
  FUZZ_CHECK(e.eligible_spending.lines.size() + e.excluded.size() == expenses);
  FUZZ_CHECK(e.contributors.size() == evaluation.status.contributors.size());
}

void check_journal(const Rules& rules, std::string_view text) {
  std::istringstream in{std::string(text)};
  Diagnostics diagnostics;
  prorata::JournalBuilder builder(rules);
  const bool ok = prorata::io::load_journal(in, path, rules, builder, diagnostics);
  FUZZ_CHECK(ok == diagnostics.empty());
  const auto lines = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n') + 1);
  FUZZ_CHECK(diagnostics.size() <= prorata::limits::diagnostics_max);
  for (const auto& d : diagnostics.items()) {
    FUZZ_CHECK(d.loc.path == path);
    FUZZ_CHECK(!d.message.empty());
    FUZZ_CHECK(d.loc.line >= 1 && d.loc.line <= lines);
  }
  // Read again on two threads, in small blocks and batches (sizes from the input's length): the same
  // verdict, the same diagnostics in the same order, the same facts.
  std::istringstream again_in{std::string(text)};
  Diagnostics again_diagnostics;
  prorata::JournalBuilder again(rules);
  prorata::io::JournalReadOptions two_threads;
  two_threads.threads = 2;
  two_threads.block_bytes = 1 + text.size() % 13;
  two_threads.batch_events = 1 + text.size() % 5;
  FUZZ_CHECK(prorata::io::load_journal(again_in, path, rules, again, again_diagnostics, two_threads) == ok);
  FUZZ_CHECK(again_diagnostics.size() == diagnostics.size());
  FUZZ_CHECK(again_diagnostics.error_count() == diagnostics.error_count());
  for (std::size_t k = 0; k < diagnostics.size(); ++k) {
    FUZZ_CHECK(prorata::format_diagnostic(again_diagnostics.items()[k]) ==
               prorata::format_diagnostic(diagnostics.items()[k]));
  }
  if (!ok) return;
  FUZZ_CHECK(again.facts().events == builder.facts().events);
  // Read a third time summing expense days between the dates evaluated (JournalBuilder::answer_only_on):
  // when the summed days hold (always, for a journal in date order), the same figures on each date.
  const std::vector<Date> dates = dates_to_evaluate(builder.facts());
  std::istringstream summed_in{std::string(text)};
  Diagnostics summed_diagnostics;
  prorata::JournalBuilder summed(rules);
  summed.answer_only_on(dates);
  FUZZ_CHECK(prorata::io::load_journal(summed_in, path, rules, summed, summed_diagnostics) == ok);
  FUZZ_CHECK(summed_diagnostics.size() == diagnostics.size());
  const bool summed_holds = summed.expense_days_hold();
  for (Date as_of : dates) {
    if (summed_holds) {
      const prorata::Status want = prorata::evaluate(rules, builder.facts(), as_of);
      const prorata::Status got = prorata::evaluate(rules, summed.facts(), as_of);
      FUZZ_CHECK(got.totals.spending == want.totals.spending);
      FUZZ_CHECK(got.totals.eligible_spending == want.totals.eligible_spending);
      FUZZ_CHECK(got.totals.covered == want.totals.covered);
      FUZZ_CHECK(got.totals.refund_due == want.totals.refund_due);
      FUZZ_CHECK(got.totals.amount_due == want.totals.amount_due);
    }
  }
  for (Date as_of : dates) {
    const prorata::Status status = prorata::evaluate(rules, builder.facts(), as_of);
    check_status(status);
    const prorata::Status twice = prorata::evaluate(rules, again.facts(), as_of);
    FUZZ_CHECK(twice.totals.covered == status.totals.covered);
    FUZZ_CHECK(twice.totals.refund_due == status.totals.refund_due);
    check_explain(rules, builder.facts(), text, as_of);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  conventions = new std::vector<Rules>{load_or_die("rules/dinum-preincubation-2020.yaml"),
                                       load_or_die("fixtures/amendment/rules.yaml"),
                                       load_or_die("fixtures/weights-terminated/rules-weights.yaml"),
                                       load_or_die("fixtures/weights-terminated/rules-equal.yaml")};
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = prorata::fuzz::as_text(data, size);
  for (const Rules& rules : *conventions) check_journal(rules, text);
  return 0;
}
