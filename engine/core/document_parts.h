// What every document builder takes from the rules and the journal in the same way: the convention as
// it stood on a date, why the term ended, the signature, a due date, a contributor's row of a status.
// Internal to core/documents*.cpp.
#pragma once
#include <string>
#include <vector>

#include "core/document_types.h"
#include "core/evaluate.h"
#include "core/journal.h"

namespace prorata::detail {

// The convention on `day`: its effective date and the amendments in force then.
ConventionRef convention_on(const Rules& rules, const JournalFacts& facts, Date day);

// Why the term of `term` ended (it has an end), from the version of the rules in force on that end.
TermEndRef term_end_of(const Rules& rules, const JournalFacts& facts, const TermStatus& term);

Signature signature_of(const Rules& rules);

// issued + payment_term, when the rules set one.
std::optional<Date> due_date(const Rules& rules, Date issued);

int year_of(Date day);

// `party`'s row of the status; it must be there.
const ContributorStatus& row_of(const Status& status, const std::string& party);

// The contributor as the version of the rules in force on `day` has it (it may join by an amendment).
const Contributor& contributor_on(const Rules& rules, const JournalFacts& facts, const std::string& party, Date day);

// The statements of `party` dated on or before `day`, by date then journal line.
std::vector<const StatementLine*> statements_of(const JournalFacts& facts, const std::string& party, Date day);

// Gross payments of `party` dated on or before `day`.
Money paid_to_date(const JournalFacts& facts, const std::string& party, Date day);

}  // namespace prorata::detail
