#include "core/documents.h"

#include <algorithm>

#include "core/amount_words.h"
#include "core/assert.h"

namespace prorata {

namespace {

const char* sharing_rule_fr(ShareKey key) {
  switch (key) {
    case ShareKey::paid:
      return "Les crédits versés non utilisés conformément à l'objet de la convention sont restitués à chaque "
             "contributeur au prorata des montants versés.";
    case ShareKey::caps: return "Les dépenses éligibles sont réparties au prorata des plafonds d'engagement.";
    case ShareKey::equal: return "Les dépenses éligibles sont réparties à parts égales, dans la limite des plafonds.";
    case ShareKey::weights:
      return "Les dépenses éligibles sont réparties selon les clés fixées par la convention, dans la limite des "
             "plafonds.";
  }
  return "";
}

std::vector<AmendmentRef> amendments_on(const Rules& rules, const JournalFacts& facts, Date day) {
  std::vector<AmendmentRef> out;
  for (std::size_t k : facts.timeline.in_force(day)) {
    out.push_back({rules.amendments[k].id, rules.amendments[k].title, *facts.timeline.amendments[k].effective});
  }
  return out;
}

int year_of(Date day) { return static_cast<int>(date::year_month_day{day}.year()); }

}  // namespace

std::vector<StatementDocument> build_statements(const Rules& rules, const JournalFacts& facts, const Status& status,
                                                Diagnostics& diagnostics) {
  std::vector<StatementDocument> documents;
  for (const StatementLine& line : facts.statements) {
    if (line.date > status.as_of) continue;  // only lines dated <= as-of exist
    if (line.ref.empty()) {
      diagnostics.error(line.loc, "a statement needs its number in the ref column to produce its document");
      continue;
    }
    if (!is_file_safe_number(line.ref)) {
      diagnostics.error(line.loc, "statement number '" + line.ref +
                                      "' cannot name its document files: use letters, digits, '-', '_' and '.' "
                                      "(e.g. ESD-2021-0002 rather than ESD/2021/0002)");
      continue;
    }
    if (!rules.accountant) {
      diagnostics.error(SourceLoc{}, "statements need the accountant (and its account) in the rules");
      return {};
    }
    // The contributor as the version in force on the statement's date has it (it may join by an amendment).
    const Contributor* debtor = facts.timeline.on(line.date).rules.find_contributor(line.party);
    PRORATA_ASSERT(debtor != nullptr);  // the journal builder checked the party is one on that date
    StatementDocument doc;
    doc.number = line.ref;
    doc.issued = line.date;
    doc.creditor = rules.beneficiary.organisation();
    doc.accountant = rules.accountant->name;
    doc.debtor = debtor->organisation();
    doc.convention_id = rules.id;
    doc.convention_title = rules.title;
    // What the statement cites is what stood on its own date, whatever the as-of date.
    doc.signed_on = facts.timeline.effective;
    PRORATA_ASSERT(doc.signed_on && *doc.signed_on <= line.date);  // the journal refuses calls before E
    doc.amendments = amendments_on(rules, facts, line.date);
    doc.legal_basis = rules.documents.statement_basis;
    doc.amount = line.amount;
    doc.amount_words = amount_in_words_fr(line.amount, rules.documents.spelling);
    doc.pay_to = rules.accountant->account;
    doc.payment_reference = line.ref;
    doc.budget = rules.budget;
    doc.place = rules.documents.place;
    doc.signatory = rules.documents.signatory;
    documents.push_back(doc);
  }
  return documents;
}

std::vector<RefundNotice> build_refund_notices(const Rules& rules, const JournalFacts& facts, const Status& status,
                                               bool provisional) {
  const bool ended = status.term.state == TermState::ended;
  if (!ended && !provisional) return {};
  std::vector<SettlementLine> settlement;
  for (const ContributorStatus& c : status.contributors) {
    settlement.push_back({c.id, c.name, c.net_paid, c.final_contribution, c.refund_due});
  }
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
    const Date settled_on = status.term.end ? std::min(status.as_of, *status.term.end) : status.as_of;
    const Contributor* contributor = facts.timeline.on(settled_on).rules.find_contributor(c.id);
    PRORATA_ASSERT(contributor != nullptr);
    RefundNotice notice;
    notice.number = document_number(rules.documents.refund_prefix, status.as_of, ++sequence);
    if (!ended) notice.number += "-PROV";  // a provisional notice never shares a final notice's number
    notice.issued = status.as_of;
    notice.provisional = !ended;
    notice.issuer = rules.beneficiary.organisation();
    notice.contributor = contributor->organisation();
    notice.contributor_id = c.id;
    notice.convention_id = rules.id;
    notice.convention_title = rules.title;
    notice.signed_on = status.term.effective;
    notice.amendments = amendments_on(rules, facts, settled_on);
    notice.term_end = status.term.end;
    notice.legal_basis = rules.documents.refund_basis;
    notice.rule = sharing_rule_fr(rules.share_key);
    notice.eligible_spending = status.totals.eligible_spending;
    notice.covered = status.totals.covered;
    notice.settlement = settlement;
    notice.amount = c.refund_due;
    notice.amount_words = amount_in_words_fr(c.refund_due, rules.documents.spelling);
    notice.refund_to = contributor->refund_account;
    notice.place = rules.documents.place;
    notice.signatory = rules.documents.signatory;
    notices.push_back(notice);
  }
  return notices;
}

}  // namespace prorata
