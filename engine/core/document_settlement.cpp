// The documents of the settlement: refund notices, orders to pay back, and the états rectificatifs that
// reduce a call.
#include <algorithm>
#include <map>
#include <utility>

#include "core/amount_words.h"
#include "core/assert.h"
#include "core/document_parts.h"
#include "core/document_plan.h"
#include "core/documents.h"

namespace prorata {

using namespace detail;  // NOLINT: the builders' shared parts, in this file only

namespace {

const char* sharing_rule_fr(ShareKey key) {
  switch (key) {
    case ShareKey::paid:
      return "Les crédits versés non utilisés conformément à l’objet de la convention sont restitués à chaque "
             "contributeur au prorata des montants versés.";
    case ShareKey::caps: return "Les dépenses éligibles sont réparties au prorata des plafonds d’engagement.";
    case ShareKey::equal: return "Les dépenses éligibles sont réparties à parts égales, dans la limite des plafonds.";
    case ShareKey::weights:
      return "Les dépenses éligibles sont réparties selon les clés fixées par la convention, dans la limite des "
             "plafonds.";
  }
  return "";
}

void check_number(const std::string& number, DocumentMark mark) {
  PRORATA_ASSERT(mark == DocumentMark::issued ? is_file_safe_number(number) : number.empty());
}

Date settled_on(const Status& status) {
  return status.term.end ? std::min(status.as_of, *status.term.end) : status.as_of;
}

}  // namespace

std::vector<CategoryAmount> eligible_spending_by_category(const Rules& rules, const JournalFacts& facts,
                                                          const TermStatus& term, Date as_of) {
  std::map<std::string, Money> by_category;
  if (!term.effective || !term.end) return {};
  PRORATA_ASSERT(facts.expenses.exact_on(as_of));  // summed days (core/expense_days.h)
  facts.expenses.for_each_until(as_of, [&](Date day, const std::string& category, Money amount) {
    if (day < *term.effective || day > *term.end) return;
    // Eligibility as on the expense's own date.
    if (facts.timeline.on(day).rules(rules).is_eligible(category)) by_category[category] += amount;
  });
  std::vector<CategoryAmount> out;
  for (auto& [category, amount] : by_category) out.push_back({category, amount});
  return out;
}

RefundNotice build_refund_notice(const Rules& rules, const JournalFacts& facts, const Status& status,
                                 const std::string& party, std::string number, DocumentMark mark,
                                 Money calls_cancelled) {
  const bool ended = status.term.state == TermState::ended;
  // A refund notice while the term runs is provisional, and only then.
  PRORATA_ASSERT(ended == (mark != DocumentMark::provisional));
  const ContributorStatus& row = row_of(status, party);
  PRORATA_ASSERT(row.refund_due > Money{});
  PRORATA_ASSERT(calls_cancelled >= Money{} && calls_cancelled <= row.called);
  RefundNotice notice;
  notice.number = std::move(number);
  notice.mark = mark;
  notice.issued = status.as_of;
  notice.issuer = rules.beneficiary.organisation();
  const Contributor& contributor = contributor_on(rules, facts, party, settled_on(status));
  notice.contributor = contributor.organisation();
  notice.contributor_id = party;
  notice.convention = convention_on(rules, facts, settled_on(status));
  if (ended) notice.term_end = term_end_of(rules, facts, status.term);
  notice.legal_basis = rules.documents.refund_basis;
  notice.rule = sharing_rule_fr(rules.share_key);
  notice.eligible_by_category = eligible_spending_by_category(rules, facts, status.term, status.as_of);
  Money by_category{};
  for (const CategoryAmount& c : notice.eligible_by_category) by_category += c.amount;
  // Paired with evaluate: the categories add up to its eligible spending (floored at 0 by credit notes).
  PRORATA_ASSERT(max(by_category, Money{}) == status.totals.eligible_spending);
  notice.eligible_spending = status.totals.eligible_spending;
  notice.covered = status.totals.covered;
  for (const ContributorStatus& c : status.contributors) {
    PRORATA_ASSERT(c.net_paid - c.final_contribution == c.refund_due - c.amount_due);
    notice.settlement.push_back({c.id, c.name, c.net_paid, c.final_contribution, c.refund_due, c.amount_due});
  }
  notice.amount = row.refund_due;
  notice.amount_words = amount_in_words_fr(row.refund_due, rules.documents.spelling);
  notice.calls_cancelled = calls_cancelled;
  notice.refund_to = contributor.refund_account;
  notice.signature = signature_of(rules);
  return notice;
}

ReversalOrder build_reversal_order(const Rules& rules, const JournalFacts& facts, const Status& status,
                                   const std::string& party, Money amount, Date issued, std::string number,
                                   DocumentMark mark) {
  PRORATA_ASSERT(status.as_of == issued && status.term.state == TermState::ended);
  PRORATA_ASSERT(rules.accountant.has_value());
  PRORATA_ASSERT(mark != DocumentMark::provisional);
  check_number(number, mark);
  const ContributorStatus& row = row_of(status, party);
  PRORATA_ASSERT(amount > Money{} && amount <= row.amount_due && amount <= row.refunded);
  ReversalOrder order;
  order.payment_reference = number;
  order.number = std::move(number);
  order.mark = mark;
  order.issued = issued;
  order.issuer = rules.beneficiary.organisation();
  order.accountant = rules.accountant->name;
  order.debtor = contributor_on(rules, facts, party, settled_on(status)).organisation();
  order.debtor_id = party;
  order.convention = convention_on(rules, facts, settled_on(status));
  order.term_end = term_end_of(rules, facts, status.term);
  order.legal_basis = rules.documents.refund_basis;
  order.paid = row.paid;
  order.refunded = row.refunded;
  order.net_paid = row.net_paid;
  order.final_contribution = row.final_contribution;
  order.amount_due = row.amount_due;
  order.amount = amount;
  order.complementary = row.amount_due - amount;
  PRORATA_ASSERT(order.net_paid + order.amount_due == order.final_contribution);
  order.amount_words = amount_in_words_fr(amount, rules.documents.spelling);
  order.due = due_date(rules, issued);
  order.budget_year = year_of(issued);
  order.pay_to = rules.accountant->account;
  order.signature = signature_of(rules);
  return order;
}

CancellationDocument build_cancellation(const Rules& rules, const JournalFacts& facts, const Status& status,
                                        const std::string& party, const std::string& statement_number,
                                        Money amount, Date issued, std::string number, DocumentMark mark) {
  PRORATA_ASSERT(status.as_of == issued);
  PRORATA_ASSERT(rules.accountant.has_value());
  PRORATA_ASSERT(mark != DocumentMark::provisional);
  check_number(number, mark);
  const ContributorStatus& row = row_of(status, party);
  CancellationDocument doc;
  doc.number = std::move(number);
  doc.mark = mark;
  doc.issued = issued;
  doc.creditor = rules.beneficiary.organisation();
  doc.accountant = rules.accountant->name;
  doc.debtor = contributor_on(rules, facts, party, settled_on(status)).organisation();
  doc.debtor_id = party;
  doc.convention = convention_on(rules, facts, issued);
  doc.legal_basis = rules.documents.statement_basis;
  if (status.term.state == TermState::ended) doc.term_end = term_end_of(rules, facts, status.term);
  doc.final_contribution = row.final_contribution;
  doc.net_paid = row.net_paid;
  // What remains unpaid on it that day (core/document_plan.h): payments settle a contributor's
  // statements oldest first, after the cancellations dated before that day.
  const StatementLine* reduced = nullptr;
  for (const StatementLine* line : statements_of(facts, party, issued)) {
    if (line->number == statement_number) reduced = line;
  }
  PRORATA_ASSERT(reduced != nullptr);  // the journal checked the statement is this contributor's, dated before
  doc.statement_number = reduced->number;
  doc.statement_date = reduced->date;
  doc.statement_amount = reduced->amount;
  for (const CancellationLine& earlier : facts.cancellations) {
    if (earlier.statement == statement_number && earlier.date < issued) doc.cancelled_before += earlier.amount;
  }
  Money unpaid{};
  for (const UnpaidCall& call : unpaid_calls(facts, party, issued, true)) {
    if (call.statement == reduced) unpaid = call.unpaid;
  }
  doc.paid_on_statement = max(doc.statement_amount - doc.cancelled_before, Money{}) - unpaid;
  PRORATA_ASSERT(amount > Money{} && amount <= doc.statement_amount - doc.cancelled_before - doc.paid_on_statement);
  doc.amount = amount;
  doc.remaining = doc.statement_amount - doc.cancelled_before - amount;
  doc.remaining_unpaid = doc.remaining - doc.paid_on_statement;
  PRORATA_ASSERT(doc.remaining_unpaid >= Money{});
  doc.amount_words = amount_in_words_fr(amount, rules.documents.spelling);
  doc.budget_year = year_of(issued);
  doc.signature = signature_of(rules);
  return doc;
}

std::vector<RefundNotice> build_refund_notices(const Rules& rules, const JournalFacts& facts, const Status& status,
                                               bool provisional) {
  const bool ended = status.term.state == TermState::ended;
  if (!ended && !provisional) return {};
  const std::string year_prefix = rules.documents.refund_prefix + "-" + std::to_string(year_of(status.as_of));
  std::uint32_t sequence = 0;  // the highest number of this year among refunds dated <= as-of
  if (auto numbers = facts.refund_numbers.find(year_prefix); numbers != facts.refund_numbers.end()) {
    for (const auto& [day, number] : numbers->second) {
      if (day <= status.as_of) sequence = std::max(sequence, number);
    }
  }
  std::vector<RefundNotice> notices;
  for (const ContributorStatus& c : status.contributors) {  // sorted by id: stable numbering
    if (c.refund_due <= Money{}) continue;
    const DocumentMark mark = ended ? DocumentMark::issued : DocumentMark::provisional;
    RefundNotice notice = build_refund_notice(rules, facts, status, c.id, "", mark, Money{});
    notice.number = document_number(rules.documents.refund_prefix, status.as_of, ++sequence);
    if (!ended) notice.number += "-PROV";  // the files need a name; it never shares a final notice's number
    notices.push_back(std::move(notice));
  }
  return notices;
}

}  // namespace prorata
