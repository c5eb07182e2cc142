// Which documents are due on a date and not yet issued, from the journal and its register (pure).
// - a statement of amounts due for each `statement` line, dated on the line's date;
// - an état rectificatif for each `cancellation` line, dated on the line's date;
// once the term has ended, for each contributor, dated on the as-of date:
// - an avis de restitution when a refund is due and none was issued;
// - an ordre de reversement for the part of an amount due that comes from refunds paid beyond what
//   was due (when none was issued);
// - a complementary statement (a new `statement` line) for the rest of the amount due that its unpaid
//   calls do not cover, or cancellations (new `cancellation` lines) of the unpaid calls beyond it,
//   newest statement first.
// Numbers come from number_documents, in the order of `due`; corrections are planned by the caller,
// which compares the digests (a digest is of a rendering: not the core's business).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/evaluate.h"
#include "core/journal.h"
#include "core/money.h"
#include "core/register.h"
#include "core/rules.h"

namespace prorata {

struct PlannedDocument {
  DocumentKind kind = DocumentKind::statement;
  std::string party;
  Date date;                                       // the document's date
  Money amount;                                    // none for a report
  const StatementLine* statement = nullptr;        // a statement from the journal
  const CancellationLine* cancellation = nullptr;  // a cancellation from the journal
  bool new_line = false;   // a complementary statement or a cancellation to append to the journal
  std::string reduces;     // a cancellation: the number of the statement it reduces
  std::string memo;        // the memo of the line to append
  Money calls_cancelled;   // a refund notice: the unpaid calls it states are cancelled
  std::string corrects;    // a correction: the number of the document it restates
  std::optional<int> year; // a yearly report: the calendar year it reports on
  std::string number;      // set by number_documents
};

// The documents due as of `now.as_of` (a Status of these facts) that the register does not hold.
std::vector<PlannedDocument> plan_documents(const Rules& rules, const JournalFacts& facts, const Status& now);

// The register entries that stand: for each chain of corrections, its latest; in register order.
std::vector<std::size_t> current_entries(const JournalFacts& facts);

// Gives each planned document its number: a statement from the journal keeps its ref; every other
// document takes the next number of its kind's series for the year of its date (after every number of
// that series in the register, and, for statements, in the journal's refs), in the order given.
void number_documents(const Rules& rules, const JournalFacts& facts, std::vector<PlannedDocument>& documents);

// What a contributor's calls leave unpaid on `day`, per statement (number, amount > 0), oldest first:
// payments to that day settle the statements oldest first (by date, then line), after the
// cancellations dated on or before it (before it when `cancellations_before` is set).
struct UnpaidCall {
  const StatementLine* statement = nullptr;
  Money unpaid;
};
std::vector<UnpaidCall> unpaid_calls(const JournalFacts& facts, const std::string& party, Date day,
                                     bool cancellations_before = false);

// The part of a contributor's amount due that comes from refunds recorded beyond what was due: an
// order to pay back (the rest is called by a complementary statement).
Money reversal_part(const ContributorStatus& contributor);

// The refund notice's statement of cancelled calls: what was unpaid on its date before that day's
// cancellations (those it is issued with).
Money calls_cancelled_with_notice(const JournalFacts& facts, const std::string& party, Date day);

}  // namespace prorata
