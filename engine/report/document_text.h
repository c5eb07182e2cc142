// The two accounting documents (core/documents.h) as plain UTF-8 text in French, laid out like the
// paper form: title, number and date, the parties, the object, the amount in figures and in words, how to
// pay, and the signature. Lines whose data is empty are left out rather than printed blank.
//
// The French wording helpers below are shared with the PDF renderer (tools/pdf), so that both formats say
// exactly the same thing.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/documents.h"

namespace prorata::report {

// Printed where a refund notice's contributor has no refund_account in the rules: the notice still
// states the amount, and says plainly that the account is missing (never an empty section).
inline constexpr const char* missing_refund_account_fr =
    "Non renseigné dans la convention : le contributeur communique ses coordonnées bancaires (RIB) "
    "avant le versement.";

std::string statement_text(const StatementDocument& document);
std::string refund_notice_text(const RefundNotice& notice);

// "22 juillet 2020", "1er août 2020": the day, the month in words, the year.
std::string date_fr(Date day);

// "9 000,00 €" with U+202F NARROW NO-BREAK SPACE between thousands and U+00A0 NO-BREAK SPACE before €,
// so that a figure never breaks across lines.
std::string amount_fr(Money amount);

// "Nadi Bou Hanna, Directeur interministériel du numérique", or the title alone when the name is empty.
std::string person_fr(const Person& person);

// "Convention « <title> » signée le 2 juillet 2020" (without the date when it is unknown).
// "Convention « TITLE » signée le 21 juillet 2020, modifiée par l'avenant avenant-1 (« TITLE ») en
// vigueur le 30 novembre 2020".
std::string convention_object_fr(const std::string& title, const std::optional<Date>& signed_on,
                                 const std::vector<AmendmentRef>& amendments);

// "fonds de concours, programme 352": the note is not included.
std::string budget_fr(const Budget& budget);

// The lines of an organisation's block: name, address, "SIREN : …", "Représenté par : …" (empty parts
// left out).
std::vector<std::string> organisation_lines_fr(const Organisation& organisation);

// The totals row of a refund notice's settlement table.
struct SettlementTotals {
  Money net_paid;
  Money final_contribution;
  Money refund;
};
SettlementTotals settlement_totals(const std::vector<SettlementLine>& settlement);

// Checks a refund notice before any rendering (paired with the checks of the code that built it): the
// refunded amount is not negative, and "covered" is the sum of the final contributions.
void check_refund_notice(const RefundNotice& notice);

}  // namespace prorata::report
