// The yearly management report (core/management_report.h) as plain UTF-8 text in French, laid out like
// the other documents (report/document_text.h): title, number or PROJET, the parties, the object, then
// the year's and the cumulated figures as tables that add up, the settlement outlook, the amendments
// signed in the year, and the signature.
//
// The French sentences below are shared with the PDF renderer (tools/pdf/management_report_pdf), so
// that both formats say exactly the same thing.
#pragma once
#include <string>
#include <vector>

#include "core/management_report.h"

namespace prorata::report {

std::string management_report_text(const ManagementReport& report);

inline constexpr const char* management_report_title_fr = "COMPTE RENDU DE GESTION";
inline constexpr const char* preview_mark_fr = "PROJET";

// "N° CRG-2020-0001" once issued, "PROJET" for a preview.
std::string report_number_fr(const ManagementReport& report);
// "Compte rendu de gestion 2020 N° CRG-2020-0001" or "Compte rendu de gestion 2020 (PROJET)": the
// document's name in the PDF metadata and footer.
std::string report_name_fr(const ManagementReport& report);
// Printed on a preview: it is not the document itself. (No-break spaces before a colon: French
// typography, and the text's line filling never leaves the colon at the start of a line.)
inline constexpr const char* preview_notice_fr =
    "Projet non numéroté\u00A0: ce document n’a pas été émis et ne vaut pas compte rendu de gestion.";
// "Exercice 2020, du 1er janvier 2020 au 31 décembre 2020".
std::string report_period_fr(const ManagementReport& report);
// Where the term stood on 31 December, in one sentence.
std::string report_term_fr(const ManagementReport& report);
// What the unused balance will mean at settlement, in one sentence (provisional or final).
std::string report_outlook_fr(const ManagementReport& report);
// "avenant-1 (« TITLE ») signé le 30 novembre 2020, en vigueur depuis le 30 novembre 2020.".
std::string report_amendment_fr(const ReportAmendment& amendment);
// "Aucun avenant n’a été signé en 2020."
std::string no_amendment_fr(const ManagementReport& report);
// The titles of the two spending tables: "Exercice 2020", "Cumul depuis l’origine jusqu’au 31 décembre 2020".
std::string spending_year_title_fr(const ManagementReport& report);
std::string spending_to_date_title_fr(const ManagementReport& report);
// How eligibility is judged, under the spending tables.
inline constexpr const char* eligibility_rule_fr =
    "Sont éligibles les dépenses datées dans le terme de la convention et d’une catégorie éligible selon la "
    "version de la convention en vigueur à leur date, avoirs déduits.";
// The category as a table shows it: its name, or "(sans catégorie)".
std::string category_fr(const std::string& category);

// The rows of the report's tables, shared by text and PDF: each row is a label and its amounts,
// already formatted; the last row of each table is its total.
struct ReportTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  bool last_is_total = true;  // the last row sums (or results from) the rows above: ruled off
};
// Calls and money: the year and to date, each row adding up (versé net = versé − restitué).
ReportTable report_flows_table(const ManagementReport& report);
// Spending by category over one period: eligible, not eligible, total; the total row sums the column.
ReportTable report_spending_table(const SpendingFigures& spending);
// The settlement outlook: net paid, final contribution, balance, refund or amount due, unpaid calls.
ReportTable report_outlook_table(const ManagementReport& report);

}  // namespace prorata::report
