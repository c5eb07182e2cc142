// The words of the documents, in French, in one place: the text renderer (report/document_text.h) and
// the PDF renderer (tools/pdf) both take every sentence and label from here, so the two formats say
// exactly the same thing. prorata's own French uses the typographic apostrophe (’); text from the rules
// (names, titles) is printed as written.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/document_types.h"

namespace prorata::report {

// Printed where a refund notice's contributor has no refund_account in the rules: the notice still
// states the amount, and says plainly that the account is missing (never an empty section).
inline constexpr const char* missing_refund_account_fr =
    "Non renseigné dans la convention : le contributeur communique ses coordonnées bancaires (RIB) "
    "avant le versement.";

// "22 juillet 2020", "1er août 2020": the day, the month in words, the year.
std::string date_fr(Date day);

// "9 000,00 €" with U+202F NARROW NO-BREAK SPACE between thousands and U+00A0 NO-BREAK SPACE before €,
// so that a figure never breaks across lines.
std::string amount_fr(Money amount);

// "6 mois", "30 jours", "1 jour".
std::string duration_fr(const Duration& duration);

// "Nadi Bou Hanna, Directeur interministériel du numérique", or the title alone when the name is empty.
std::string person_fr(const Person& person);

// "Convention « TITLE » signée le 21 juillet 2020, modifiée par l’avenant avenant-1 (« TITLE ») en
// vigueur le 30 novembre 2020" (without the date when it is unknown). A title that already starts with
// "Convention" is not preceded by the word again: "« Convention d’étude » signée le …".
std::string convention_object_fr(const ConventionRef& convention);

// "fonds de concours, programme 352": the note is not included.
std::string budget_fr(const Budget& budget);

// The lines of an organisation's block: name, address, "SIREN : …", "Représenté par : …" (empty parts
// left out).
std::vector<std::string> organisation_lines_fr(const Organisation& organisation);

// The marks: "PROJET" (preview), "PROVISOIRE" (provisional), "" (issued).
std::string mark_fr(DocumentMark mark);

// Under the title: "N° ESD-2020-0004 du 22 juillet 2020"; without a number, "Projet non numéroté du …"
// or "Document provisoire non numéroté du …".
std::string number_line_fr(const std::string& number, DocumentMark mark, Date issued);
// The number alone as the PDF header shows it: "N° ESD-2020-0004", "PROJET", "PROVISOIRE".
std::string number_fr(const std::string& number, DocumentMark mark);

// Below the title of a preview or provisional document: why it carries no number, or "" when issued.
std::string mark_notice_fr(DocumentMark mark);

// "Le présent document annule et remplace le document N° ESD-2020-0004 du 22 juillet 2020."
std::string corrects_fr(const CorrectionRef& corrects);

// "Le terme a pris fin le 15 décembre 2020, au jalon « phase-5-end »." / "…, au bout de sa durée
// maximale de 6 mois." / "La convention a été résiliée le …, après la mise en demeure du …."
std::string term_end_fr(const TermEndRef& term);

// "Fait à Paris, le 22 juillet 2020" (without the place when it is unknown).
std::string place_and_date_fr(const std::string& place, Date issued);

// The titles.
std::string statement_title_fr(const StatementDocument& document);  // "ÉTAT DES SOMMES DUES" (+ " COMPLÉMENTAIRE")
inline constexpr const char* refund_notice_title_fr = "AVIS DE RESTITUTION";
inline constexpr const char* reversal_order_title_fr = "ORDRE DE REVERSEMENT";
inline constexpr const char* cancellation_title_fr = "ÉTAT RECTIFICATIF";
// The document's name for file metadata and page footers: "État des sommes dues N° ESD-2020-0004".
std::string statement_name_fr(const StatementDocument& document);
std::string refund_notice_name_fr(const RefundNotice& notice);
std::string reversal_order_name_fr(const ReversalOrder& order);
std::string cancellation_name_fr(const CancellationDocument& document);

// Which call a statement is: "Appel de fonds : 2e tranche, 50 %", "Appel de fonds" without a memo, or
// "Appel complémentaire : solde de la contribution définitive au terme de la convention".
std::string call_fr(const StatementDocument& document);

// A line of a figures table: a label and an amount, flush right when rendered.
struct FigureRow {
  std::string label;
  Money amount;
  bool total = false;  // the row that sums the ones above (or the row's result): bold, under a rule
};

// The calls to the contributor: each earlier call, this one, the total called, and what the cap in
// force still allows. The rows add up: earlier + this = total; cap - total = what remains.
std::vector<FigureRow> statement_calls_fr(const StatementDocument& document);
// A complementary statement's reckoning: final contribution - net paid = amount due, of which the
// order to pay back and this statement.
std::vector<FigureRow> complementary_rows_fr(const StatementDocument& document);
// "À régler au plus tard le 21 août 2020." or "" without a payment term.
std::string due_fr(const std::optional<Date>& due);
// "Exercice budgétaire 2020".
std::string budget_year_fr(int year);
inline constexpr const char* pay_by_transfer_fr = "À régler par virement au compte ci-dessous du comptable assignataire.";
inline constexpr const char* transfer_reference_fr = "Référence à rappeler sur le virement : ";
inline constexpr const char* statement_words_lead_fr = "Arrêté le présent état à la somme de";

// Refund notice: "définitive" or, for a provisional notice, "provisoire".
std::string contribution_fr(const RefundNotice& notice);  // "Contribution définitive"
// The settlement table's header: Contributeur, Versé net, Contribution …, À restituer, À payer.
std::vector<std::string> settlement_header_fr(const RefundNotice& notice);
// "Les appels de fonds non versés, soit 4 500,00 €, sont annulés : …", or "" when none are.
std::string calls_cancelled_fr(const RefundNotice& notice);
inline constexpr const char* provisional_warning_fr =
    "Document provisoire : la convention est en cours d’exécution, les montants peuvent encore évoluer.";
inline constexpr const char* refund_words_lead_fr = "Arrêté le présent avis à la somme de";
inline constexpr const char* refund_by_transfer_fr = "Versement par virement au compte ci-dessous du contributeur.";

// The totals row of a refund notice's settlement table.
struct SettlementTotals {
  Money net_paid;
  Money final_contribution;
  Money refund;
  Money amount_due;
};
SettlementTotals settlement_totals(const std::vector<SettlementLine>& settlement);
Money category_total(const std::vector<CategoryAmount>& categories);

// Checks a refund notice before any rendering (paired with the builder's checks): the refunded amount is
// not negative, "covered" is the sum of the final contributions, every row and the total add up.
void check_refund_notice(const RefundNotice& notice);

// Order to pay back: paid - refunded = net paid; final - net paid = amount due = this order + what a
// complementary statement calls.
std::vector<FigureRow> reversal_rows_fr(const ReversalOrder& order);
std::string reversal_reason_fr(const ReversalOrder& order);
inline constexpr const char* reversal_words_lead_fr = "Arrêté le présent ordre à la somme de";
void check_reversal_order(const ReversalOrder& order);

// État rectificatif: the statement as issued, cancelled before, cancelled now, what the call now is;
// then paid on it and what remains unpaid.
std::vector<FigureRow> cancellation_rows_fr(const CancellationDocument& document);
std::string cancellation_reason_fr(const CancellationDocument& document);
inline constexpr const char* cancellation_words_lead_fr = "Le présent état réduit l’appel de fonds de la somme de";
void check_cancellation(const CancellationDocument& document);

}  // namespace prorata::report
