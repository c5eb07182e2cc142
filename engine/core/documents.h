// The document builders: one per kind, pure, every input explicit. They never number a document or
// decide what is due: the caller (the register) passes the number, the mark, the date and the amount,
// and a Status evaluated as of the document's date, so a document says only what was known on its date.
// A corrective document is built like any other, then given `corrects` by the caller.
#pragma once
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document_number.h"
#include "core/document_types.h"
#include "core/evaluate.h"
#include "core/journal.h"

namespace prorata {

// The statement of a journal `statement` line, dated on the line's date and citing what stood on it:
// the amendments in force, the cap in force, the earlier calls to the same contributor. `number` is
// the line's ref or the register's next number (empty for a preview). Needs rules.accountant.
StatementDocument build_statement(const Rules& rules, const JournalFacts& facts, const StatementLine& line,
                                  std::string number, DocumentMark mark);

// A complementary statement: `amount` (> 0, at most what `party` owes in `status`, less what goes on an
// order to pay back) called at the end of the term, dated `issued`. `status` is evaluated as of `issued`
// and the term has ended in it. Needs rules.accountant.
StatementDocument build_complementary_statement(const Rules& rules, const JournalFacts& facts, const Status& status,
                                                const std::string& party, Money amount, Date issued,
                                                std::string number, DocumentMark mark);

// The refund notice of `party` (its refund due in `status`, > 0), dated status.as_of. While the term runs
// the mark must be `provisional` ("contribution provisoire"). `calls_cancelled`: its unpaid calls the
// notice states are cancelled (0 if none).
RefundNotice build_refund_notice(const Rules& rules, const JournalFacts& facts, const Status& status,
                                 const std::string& party, std::string number, DocumentMark mark,
                                 Money calls_cancelled);

// An order to pay back `amount` (> 0, at most the refunds `party` received and what it owes in `status`),
// dated `issued`; the term has ended in `status`. Needs rules.accountant.
ReversalOrder build_reversal_order(const Rules& rules, const JournalFacts& facts, const Status& status,
                                   const std::string& party, Money amount, Date issued, std::string number,
                                   DocumentMark mark);

// An état rectificatif reducing statement `statement_number` of `party` by `amount` (> 0, at most what
// remains unpaid on it), dated `issued`. Needs rules.accountant.
CancellationDocument build_cancellation(const Rules& rules, const JournalFacts& facts, const Status& status,
                                        const std::string& party, const std::string& statement_number,
                                        Money amount, Date issued, std::string number, DocumentMark mark);

// The eligible spending of the term by category, as `evaluate` counts it (inside [effective, end], on or
// before as_of, eligible under the version in force on each expense's date), categories in byte order.
std::vector<CategoryAmount> eligible_spending_by_category(const Rules& rules, const JournalFacts& facts,
                                                          const TermStatus& term, Date as_of);

// The previous CLI's documents, on the builders above: one issued statement per `statement` line dated
// on or before status.as_of, numbered by its ref (a missing ref, a ref that cannot name a file, or no
// accountant is a diagnostic).
std::vector<StatementDocument> build_statements(const Rules& rules, const JournalFacts& facts, const Status& status,
                                                Diagnostics& diagnostics);

// One notice per contributor with a refund due (sorted by id), numbered PREFIX-YYYY-NNNN after the
// highest refund ref of the as-of year already in the journal. None while the term runs, unless
// `provisional` (then every notice is marked so, numbered …-PROV).
std::vector<RefundNotice> build_refund_notices(const Rules& rules, const JournalFacts& facts, const Status& status,
                                               bool provisional);

}  // namespace prorata
