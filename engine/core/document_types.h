// The documents the accounting office sends and keeps, as data: every figure and every line of text they
// carry. core/documents.h builds them; report/ renders them as text, JSON and PDF; nothing here knows
// about layout, numbering or what is due (the register decides that and passes numbers in).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/money.h"
#include "core/parties.h"
#include "core/timeline.h"

namespace prorata {

// What a document is: issued (numbered in its series, recorded), a preview (shown "PROJET", no number)
// or provisional (a refund notice while the term runs: shown "PROVISOIRE", no number).
enum class DocumentMark { issued, preview, provisional };
const char* to_string(DocumentMark mark);  // "issued", "preview", "provisional"

// The document a corrective document replaces: a corrective document is a full restatement that cites it.
struct CorrectionRef {
  std::string number;
  Date date;
};

// An amendment a document cites: in force on the document's date.
struct AmendmentRef {
  std::string id;
  std::string title;
  Date effective;
};

// The convention a document is about, as it stood on the document's date.
struct ConventionRef {
  std::string id;
  std::string title;
  std::optional<Date> signed_on;         // the convention's effective date (last signature), when known
  std::vector<AmendmentRef> amendments;  // in force on the document's date, in the order applied
};

// Why the term ended, for the documents that settle it.
struct TermEndRef {
  Date end;
  EndReason reason = EndReason::max_duration;
  std::string milestone;          // milestone: its id ("phase-5-end")
  Duration max_duration;          // max_duration: the duration in force
  std::optional<Date> notice;     // termination: the latest formal notice on or before it
};

// Who signs, where: the closing lines of every document.
struct Signature {
  std::string place;
  std::optional<Person> signatory;
};

// A call to the same contributor on the same convention made before the one a statement carries.
struct EarlierCall {
  std::string number;  // the line's ref, or the number the register gave it; empty before it is issued
  Date date;
  Money amount;
  std::string memo;    // which call it was ("1re tranche, 50 %")
};

// A complementary statement's reckoning at the end of the term: net paid + amount due = final
// contribution, and amount due = this statement + the order to pay back (ordre de reversement).
struct ComplementaryBasis {
  TermEndRef term;
  Money final_contribution;
  Money paid;
  Money refunded;
  Money net_paid;      // paid - refunded
  Money amount_due;    // final_contribution - net_paid, > 0
  Money reversal;      // the part of amount_due ordered paid back as refunds beyond what was due
};

// État des sommes dues: a call for funds to one contributor (art. 4.2-4.3 of the reference), or, when
// `complementary`, the amount still due from it at the end of the term.
struct StatementDocument {
  std::string number;              // empty for a preview; also the transfer reference
  DocumentMark mark = DocumentMark::issued;
  std::optional<CorrectionRef> corrects;
  Date issued;                     // a call: the journal line's date; complementary: the date given
  bool complementary = false;
  Organisation creditor;           // the beneficiary
  std::string accountant;          // the collecting accounting office
  Organisation debtor;             // the contributor
  std::string debtor_id;
  ConventionRef convention;
  std::string legal_basis;         // e.g. "Convention, art. 4.1 à 4.4"
  std::string call;                // which call it is: the journal line's memo ("2e tranche, 50 %"); may be empty
  Money cap;                       // the contributor's cap in force on the statement's date
  std::vector<EarlierCall> earlier_calls;  // by date, then journal line
  Money called_to_date;            // the earlier calls + this one
  std::optional<ComplementaryBasis> settlement;  // complementary only
  Money amount;
  std::string amount_words;        // "neuf mille euros"
  std::optional<Date> due;         // issued + payment_term, when the rules set one
  int budget_year = 0;             // the year of `issued`: the budget year it is booked in
  std::string vat_mention;         // from the rules; may be empty
  BankAccount pay_to;              // the accountant's account
  std::string payment_reference;   // to quote on the transfer: the number (empty for a preview)
  std::optional<Budget> budget;
  Signature signature;
};

// Eligible spending of one category (the sum of its expenses inside the term).
struct CategoryAmount {
  std::string category;
  Money amount;
};

// One contributor's row of a refund notice's settlement: net_paid - final_contribution = refund - amount_due.
struct SettlementLine {
  std::string id;
  std::string name;
  Money net_paid;
  Money final_contribution;
  Money refund;      // refund due to it
  Money amount_due;  // amount due from it
};

// Avis de restitution: what is refunded to one contributor and why (art. 4.5 of the reference).
struct RefundNotice {
  std::string number;              // empty for a preview or a provisional notice
  DocumentMark mark = DocumentMark::issued;
  std::optional<CorrectionRef> corrects;
  Date issued;                     // the date the settlement was evaluated on
  Organisation issuer;             // the beneficiary
  Organisation contributor;
  std::string contributor_id;
  ConventionRef convention;
  std::optional<TermEndRef> term_end;  // empty while the term runs (provisional)
  std::string legal_basis;         // e.g. "Convention, art. 4.5"
  std::string rule;                // the sharing rule in words (pro rata to the amounts paid)
  std::vector<CategoryAmount> eligible_by_category;  // by category, byte order
  Money eligible_spending;         // the status's; the categories add up to it unless credit notes floor it at 0
  Money covered;                   // sum of the final contributions
  std::vector<SettlementLine> settlement;  // every contributor, sorted by id
  Money amount;                    // refunded to this contributor
  std::string amount_words;
  Money calls_cancelled;           // its unpaid calls this notice states are cancelled (0: none)
  std::optional<BankAccount> refund_to;
  Signature signature;

  [[nodiscard]] bool provisional() const { return mark == DocumentMark::provisional; }
};

// Ordre de reversement: refunds paid to a contributor beyond what was finally due, to pay back.
struct ReversalOrder {
  std::string number;
  DocumentMark mark = DocumentMark::issued;
  std::optional<CorrectionRef> corrects;
  Date issued;
  Organisation issuer;             // the beneficiary
  std::string accountant;          // the collecting accounting office
  Organisation debtor;             // the contributor
  std::string debtor_id;
  ConventionRef convention;
  std::optional<TermEndRef> term_end;
  std::string legal_basis;         // the refund basis: what is paid back is a refund
  Money paid;
  Money refunded;
  Money net_paid;                  // paid - refunded
  Money final_contribution;
  Money amount_due;                // final_contribution - net_paid
  Money amount;                    // ordered paid back, <= amount_due and <= refunded
  Money complementary;             // amount_due - amount: due on a complementary statement
  std::string amount_words;
  std::optional<Date> due;         // issued + payment_term, when set
  int budget_year = 0;
  BankAccount pay_to;              // the accountant's account
  std::string payment_reference;   // the number (empty for a preview)
  Signature signature;
};

// État rectificatif: reduces or cancels a call for funds; cites the statement it reduces.
struct CancellationDocument {
  std::string number;
  DocumentMark mark = DocumentMark::issued;
  std::optional<CorrectionRef> corrects;
  Date issued;
  Organisation creditor;           // the beneficiary
  std::string accountant;
  Organisation debtor;             // the contributor
  std::string debtor_id;
  ConventionRef convention;
  std::string legal_basis;         // the statement basis
  std::optional<TermEndRef> term_end;  // when the term has ended: the settlement is why the call is reduced
  Money final_contribution;        // the contributor's, on `issued`
  Money net_paid;                  // paid - refunded, on `issued`
  std::string statement_number;    // the statement it reduces
  Date statement_date;
  Money statement_amount;          // the statement as issued
  Money cancelled_before;          // cancelled by earlier états rectificatifs
  Money paid_on_statement;         // payments settled on it (a contributor's payments settle oldest first)
  Money amount;                    // cancelled by this document
  Money remaining;                 // statement_amount - cancelled_before - amount: what the call now is
  Money remaining_unpaid;          // remaining - paid_on_statement, >= 0
  std::string amount_words;
  int budget_year = 0;
  Signature signature;
};

}  // namespace prorata
