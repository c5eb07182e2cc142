#include "core/portfolio.h"

#include <algorithm>
#include <optional>

#include "core/assert.h"
#include "core/document_parts.h"
#include "core/document_plan.h"
#include "core/parallel.h"
#include "core/message_text.h"

namespace prorata {

namespace {

void add_totals(Totals& sum, const Totals& t) {
  sum.caps += t.caps;
  sum.called += t.called;
  sum.cancelled += t.cancelled;
  sum.paid += t.paid;
  sum.refunded += t.refunded;
  sum.spending += t.spending;
  sum.eligible_spending += t.eligible_spending;
  sum.covered += t.covered;
  sum.uncovered += t.uncovered;
  sum.refund_due += t.refund_due;
  sum.amount_due += t.amount_due;
  sum.outstanding_calls += t.outstanding_calls;
}

void note_attention(const Rules& rules, const JournalFacts& facts, const Status& status,
                    std::vector<AttentionItem>& out) {
  for (const AmendmentStatus& a : status.amendments) {
    if (a.state != AmendmentState::in_force) {
      out.push_back({status.convention, a.id + " pending: still to sign: " + joined(a.missing_signatures)});
    }
  }
  for (const ContributorStatus& c : status.contributors) {
    for (const UnpaidCall& call : unpaid_calls(facts, c.id, status.as_of)) {
      const std::optional<Date> due = detail::due_date(rules, call.statement->date);
      if (!due || *due >= status.as_of) continue;  // no payment term in the rules: no due date to pass
      const std::string& number = call.statement->number;
      out.push_back({status.convention, c.id + ": " + format_amount_fr(call.unpaid) + " of " +
                                            (number.empty() ? "the call of " + format_date(call.statement->date) : number) +
                                            " unpaid, due " + format_date(*due)});
    }
    const Contributor* contributor = rules.find_contributor(c.id);
    if (c.refund_due > Money{} && status.term.state == TermState::ended && contributor &&
        !contributor->refund_account) {
      out.push_back({status.convention, c.id + ": refund due " + format_amount_fr(c.refund_due) +
                                            " and no refund_account in the rules"});
    }
  }
}

// Each convention's status, in the order of `sorted`, computed on `threads` threads (each writes only
// its own slot).
std::vector<Status> evaluate_each(const std::vector<ConventionFacts>& sorted, Date as_of, unsigned threads) {
  std::vector<std::optional<Status>> slots(sorted.size());
  for_each_index(sorted.size(), threads,
                 [&](std::size_t k) { slots[k] = evaluate(*sorted[k].rules, *sorted[k].facts, as_of); });
  std::vector<Status> out;
  out.reserve(slots.size());
  for (std::optional<Status>& slot : slots) out.push_back(std::move(*slot));
  return out;
}

}  // namespace

PortfolioStatus evaluate_portfolio(const std::vector<ConventionFacts>& conventions, Date as_of,
                                   std::map<std::string, std::uint64_t> other_conventions, unsigned threads) {
  PortfolioStatus out;
  out.as_of = as_of;
  out.other_conventions = std::move(other_conventions);
  std::vector<ConventionFacts> sorted = conventions;
  std::sort(sorted.begin(), sorted.end(),
            [](const ConventionFacts& a, const ConventionFacts& b) { return a.rules->id < b.rules->id; });
  for (std::size_t k = 1; k < sorted.size(); ++k) PRORATA_ASSERT(sorted[k - 1].rules->id != sorted[k].rules->id);
  out.conventions = evaluate_each(sorted, as_of, threads);
  for (std::size_t k = 0; k < sorted.size(); ++k) {
    add_totals(out.totals, out.conventions[k].totals);
    note_attention(*sorted[k].rules, *sorted[k].facts, out.conventions[k], out.attention);
  }
  for (const auto& [id, rows] : out.other_conventions) PRORATA_ASSERT(rows > 0);
  return out;
}

}  // namespace prorata
