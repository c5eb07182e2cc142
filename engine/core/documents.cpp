// Statements of amounts due: a call of the journal, or the complementary call at the end of the term.
#include "core/documents.h"

#include <utility>

#include "core/amount_words.h"
#include "core/assert.h"
#include "core/caps.h"
#include "core/document_parts.h"

namespace prorata {

using namespace detail;  // NOLINT: the builders' shared parts, in this file only

const char* to_string(DocumentMark mark) {
  switch (mark) {
    case DocumentMark::issued: return "issued";
    case DocumentMark::preview: return "preview";
    case DocumentMark::provisional: return "provisional";
  }
  return "?";
}

namespace {

// A number goes with an issued document only; a preview or provisional one carries none.
void check_number(const std::string& number, DocumentMark mark) {
  PRORATA_ASSERT(mark == DocumentMark::issued ? is_file_safe_number(number) : number.empty());
}

// The cap in force on `day` for `party` (under `scale`, the scaled cap).
Money cap_on(const Rules& rules, const JournalFacts& facts, const std::string& party, Date day) {
  const Rules& version = facts.timeline.on(day).rules(rules);
  CapsResult caps = effective_caps(version);
  PRORATA_ASSERT(caps.value.has_value());  // the timeline keeps only versions whose caps hold
  auto index = contributor_index(version, party);
  PRORATA_ASSERT(index.has_value());
  return caps.value->caps[*index];
}

// What every statement says the same way: the parties, the convention, payment, budget, signature.
StatementDocument statement_common(const Rules& rules, const JournalFacts& facts, const std::string& party, Date issued,
                                   std::string number, DocumentMark mark) {
  PRORATA_ASSERT(rules.accountant.has_value());  // the caller checks the rules hold it (a diagnostic)
  PRORATA_ASSERT(mark != DocumentMark::provisional);  // only refund notices are provisional
  check_number(number, mark);
  StatementDocument doc;
  doc.payment_reference = number;
  doc.number = std::move(number);
  doc.mark = mark;
  doc.issued = issued;
  doc.creditor = rules.beneficiary.organisation();
  doc.accountant = rules.accountant->name;
  doc.debtor = contributor_on(rules, facts, party, issued).organisation();
  doc.debtor_id = party;
  // What the statement cites is what stood on its own date, whatever the as-of date.
  doc.convention = convention_on(rules, facts, issued);
  PRORATA_ASSERT(doc.convention.signed_on && *doc.convention.signed_on <= issued);  // no call before E
  doc.legal_basis = rules.documents.statement_basis;
  doc.cap = cap_on(rules, facts, party, issued);
  doc.due = due_date(rules, issued);
  doc.budget_year = year_of(issued);
  doc.vat_mention = rules.documents.vat_mention;
  doc.pay_to = rules.accountant->account;
  doc.budget = rules.budget;
  doc.signature = signature_of(rules);
  return doc;
}

void set_amount(const Rules& rules, StatementDocument& doc, Money amount) {
  PRORATA_ASSERT(amount > Money{});
  doc.amount = amount;
  doc.amount_words = amount_in_words_fr(amount, rules.documents.spelling);
  doc.called_to_date = amount;
  for (const EarlierCall& call : doc.earlier_calls) doc.called_to_date += call.amount;
}

EarlierCall earlier_call(const StatementLine& line) { return {line.number, line.date, line.amount, line.memo}; }

}  // namespace

StatementDocument build_statement(const Rules& rules, const JournalFacts& facts, const StatementLine& line,
                                  std::string number, DocumentMark mark) {
  StatementDocument doc = statement_common(rules, facts, line.party, line.date, std::move(number), mark);
  doc.call = line.memo;
  for (const StatementLine* other : statements_of(facts, line.party, line.date)) {
    const bool before = other->date < line.date || (other->date == line.date && other->loc.line < line.loc.line);
    if (before) doc.earlier_calls.push_back(earlier_call(*other));
  }
  set_amount(rules, doc, line.amount);
  PRORATA_ASSERT(doc.called_to_date <= doc.cap);  // paired: the journal refuses calls above the cap in force
  return doc;
}

StatementDocument build_complementary_statement(const Rules& rules, const JournalFacts& facts, const Status& status,
                                                const std::string& party, Money amount, Date issued,
                                                std::string number, DocumentMark mark) {
  PRORATA_ASSERT(status.as_of == issued && status.term.state == TermState::ended);
  const ContributorStatus& row = row_of(status, party);
  PRORATA_ASSERT(amount > Money{} && amount <= row.amount_due);
  StatementDocument doc = statement_common(rules, facts, party, issued, std::move(number), mark);
  doc.complementary = true;
  for (const StatementLine* line : statements_of(facts, party, issued)) doc.earlier_calls.push_back(earlier_call(*line));
  ComplementaryBasis basis{term_end_of(rules, facts, status.term), row.final_contribution, row.paid, row.refunded,
                           row.net_paid, row.amount_due, row.amount_due - amount};
  PRORATA_ASSERT(basis.net_paid + basis.amount_due == basis.final_contribution);
  PRORATA_ASSERT(basis.reversal <= basis.refunded);  // only refunds beyond what was due are paid back
  doc.settlement = basis;
  // The cap the settlement used (in force at the end of the term), not the one of the issue date's version.
  doc.cap = row.cap;
  set_amount(rules, doc, amount);
  return doc;
}

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
    documents.push_back(build_statement(rules, facts, line, line.ref, DocumentMark::issued));
  }
  return documents;
}

}  // namespace prorata
