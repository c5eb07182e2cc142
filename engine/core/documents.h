// The documents the accounting office receives, as data: every figure and every line of text they
// carry, built purely from the rules, the journal facts and a settlement. report/ renders them as
// text, JSON and PDF; nothing here knows about layout.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/diagnostic.h"
#include "core/document_number.h"
#include "core/evaluate.h"
#include "core/journal.h"
#include "core/money.h"
#include "core/parties.h"

namespace prorata {

// An amendment a document cites: in force on the document's date.
struct AmendmentRef {
  std::string id;
  std::string title;
  Date effective;
};

// État des sommes dues: a call for funds to one contributor (art. 4.2-4.3 of the reference).
struct StatementDocument {
  std::string number;              // the journal line's ref, e.g. ESD-2020-0001; also the transfer reference
  Date issued;                     // the journal line's date
  Organisation creditor;           // the beneficiary
  std::string accountant;          // the collecting accounting office
  Organisation debtor;             // the contributor
  std::string convention_id;
  std::string convention_title;
  std::optional<Date> signed_on;   // the convention's effective date (last signature), when known
  std::vector<AmendmentRef> amendments;  // in force on the statement's date, in the order applied
  std::string legal_basis;         // e.g. "Convention, art. 4.1 à 4.4"
  Money amount;
  std::string amount_words;        // "neuf mille euros"
  BankAccount pay_to;              // the accountant's account
  std::string payment_reference;   // to quote on the transfer: the statement number
  std::optional<Budget> budget;
  std::string place;
  std::optional<Person> signatory;
};

// One contributor's line in the settlement a refund notice shows.
struct SettlementLine {
  std::string id;
  std::string name;
  Money net_paid;
  Money final_contribution;
  Money refund;
};

// Avis de restitution: what is refunded to one contributor and why (art. 4.5 of the reference).
struct RefundNotice {
  std::string number;              // AR-YYYY-NNNN, after the highest refund ref already in the journal
  Date issued;                     // the as-of date
  bool provisional = false;        // the term is still running: figures may change (PROVISOIRE)
  Organisation issuer;             // the beneficiary
  Organisation contributor;
  std::string contributor_id;
  std::string convention_id;
  std::string convention_title;
  std::optional<Date> signed_on;
  std::vector<AmendmentRef> amendments;  // in force for the settlement, in the order applied
  std::optional<Date> term_end;
  std::string legal_basis;         // e.g. "Convention, art. 4.5"
  std::string rule;                // the sharing rule in words (pro rata to the amounts paid)
  Money eligible_spending;
  Money covered;                   // sum of the final contributions
  std::vector<SettlementLine> settlement;  // every contributor, sorted by id
  Money amount;                    // refunded to this contributor
  std::string amount_words;
  std::optional<BankAccount> refund_to;
  std::string place;
  std::optional<Person> signatory;
};

// One statement per `statement` line dated on or before status.as_of, in journal order. A statement
// needs its number (the line's ref) and the rules' accountant: their absence is a diagnostic.
std::vector<StatementDocument> build_statements(const Rules& rules, const JournalFacts& facts, const Status& status,
                                                Diagnostics& diagnostics);

// One notice per contributor with a refund due (sorted by id), numbered PREFIX-YYYY-NNNN after the
// highest refund ref of the as-of year already in the journal. None while the term runs, unless
// `provisional` (then every notice says so).
std::vector<RefundNotice> build_refund_notices(const Rules& rules, const JournalFacts& facts, const Status& status,
                                               bool provisional);

}  // namespace prorata
