// The yearly management report (compte rendu de gestion; décret n° 2007-44, art. 6: unless agreed
// otherwise, each contributor receives every year a report on how its contribution was managed), as
// data: one per contributor, for a calendar year. Its figures to date are the status as of 31 December
// of that year (evaluate_detailed), to the cent; its figures of the year are the same sums restricted to
// 1 January – 31 December. It is dated on the as-of date of the run that makes it, and says only what
// was known on 31 December: nothing dated later is read. Pure; report/ renders it as text and JSON,
// tools/pdf as PDF.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/documents.h"
#include "core/evaluate.h"
#include "core/journal.h"
#include "core/money.h"
#include "core/parties.h"
#include "core/rules.h"

namespace prorata {

// A report is marked like any document (core/document_types.h): a preview is marked PROJET and
// carries no number; an issued report carries the number the register gave it. Never provisional.

// Report years: four digits, and 31 December of the year is a date the calendar holds.
inline constexpr std::int32_t report_year_min = 1000;
inline constexpr std::int32_t report_year_max = 9999;

// A contributor's calls and money over a period.
struct ContributorFlows {
  Money called;     // statements of amounts due
  Money cancelled;  // calls reduced or cancelled (`cancellation` lines)
  Money paid;
  Money refunded;
  Money net_paid;   // paid - refunded
};

// The convention's spending in one category over a period, split as the engine judges eligibility:
// an expense counts as eligible when dated within the term (as known on 31 December) and in a
// category eligible in the version of the rules in force on its own date. Net of credit notes.
struct CategorySpending {
  std::string category;  // may be empty (an expense line without a category)
  Money eligible;
  Money not_eligible;
};

struct SpendingFigures {
  std::vector<CategorySpending> categories;  // sorted by category (byte order); every category spent in to date
  Money eligible;      // sum of the categories' eligible (may be negative: credit notes alone)
  Money not_eligible;  // sum of the categories' not_eligible
  Money total;         // eligible + not_eligible = every expense of the period
};

// One party's signature of an amendment.
struct AmendmentSignature {
  std::string party;
  Date date;
};

// An amendment with a signature dated in the year, and where it stood on 31 December.
struct ReportAmendment {
  std::string id;
  std::string title;
  std::vector<AmendmentSignature> signed_in_year;  // by date, then party
  AmendmentStatus status;       // on 31 December: in force since, or pending (who has still to sign)
};

// What the unused balance means at settlement, under the rules in force on 31 December (the status's
// figures as of that day). Provisional while the term runs (or has not begun) on 31 December.
struct SettlementOutlook {
  bool provisional = true;
  Money cap;
  Money eligible_spending;   // the convention's, to date, floored at 0 (status.totals.eligible_spending)
  Money covered;             // sum of the final contributions
  Money final_contribution;  // this contributor's
  Money balance;             // net_paid - final_contribution: its unused balance
  Money refund_due;          // max(0, balance)
  Money amount_due;          // max(0, -balance)
  Money outstanding_calls;   // called - paid, when positive
};

struct ManagementReport {
  std::string number;  // empty for a preview; the register's number once issued
  DocumentMark mark = DocumentMark::preview;
  std::int32_t year = 0;
  Date period_start;   // 1 January
  Date period_end;     // 31 December: the date of every figure
  Date issued;         // the as-of date of the run (on or after period_end)
  std::optional<CorrectionRef> corrects;  // a corrective report: the one it restates
  Organisation issuer;  // the beneficiary
  Organisation contributor;
  std::string contributor_id;
  std::string convention_id;
  std::string convention_title;
  std::optional<Date> signed_on;          // the convention's effective date, when known on 31 December
  std::vector<AmendmentRef> amendments;   // in force for the settlement on 31 December, in the order applied
  TermStatus term;                        // as of 31 December
  std::string end_milestone;              // the ends_at_milestone in force, when the term ended by it
  ContributorFlows in_year;
  ContributorFlows to_date;               // up to 31 December: the status's figures
  SpendingFigures spending_in_year;       // the convention's
  SpendingFigures spending_to_date;
  SettlementOutlook settlement;
  std::vector<ReportAmendment> amendments_signed;  // with a signature in the year, in rules order
  std::string legal_basis;                // "Décret n° 2007-44, art. 6"
  std::string place;
  std::optional<Person> signatory;
};

// 1 January and 31 December of `year` (report_year_min..report_year_max).
Date year_start(std::int32_t year);
Date year_end(std::int32_t year);

// One report per contributor of the version settled on 31 December of `year` (sorted by id), dated
// `issued`, which must be on or after that day (the CLI checks it first). `number` is empty for a
// preview. Asserts that the figures to date equal the status as of 31 December, paired with the
// renderers' checks (check_management_report).
std::vector<ManagementReport> build_management_reports(const Rules& rules, const JournalFacts& facts,
                                                       std::int32_t year, Date issued);

// The invariants every renderer checks before writing a report: each table adds up, the year is
// within the figures to date where sums only grow, the settlement identity holds.
void check_management_report(const ManagementReport& report);

}  // namespace prorata
