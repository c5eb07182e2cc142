#include "report/management_report_text.h"

#include <algorithm>
#include <string_view>

#include "core/assert.h"
#include "report/document_text.h"
#include "report/text_page.h"

namespace prorata::report {

namespace {

// The page, its fields, paragraphs and headings are the documents' own (report/text_page.h).
using text::centred;
using text::field;
using text::heading;
using text::indented;
using text::page_columns;
using text::paragraph;
using text::width_of;

// Columns as wide as their widest cell, the first flush left, the figures flush right; a rule above
// the total row.
std::string table_text(const ReportTable& table) {
  std::vector<std::vector<std::string>> rows{table.header};
  rows.insert(rows.end(), table.rows.begin(), table.rows.end());
  std::vector<std::size_t> widths(table.header.size(), 0);
  for (const auto& row : rows) {
    PRORATA_ASSERT(row.size() == widths.size());
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width_of(row[i]));
  }
  std::size_t total_width = 0;
  for (std::size_t width : widths) total_width += width + 2;
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (table.last_is_total && r + 1 == rows.size() && r > 1) out += "  " + std::string(total_width - 2, '-') + "\n";
    std::string line = "  " + rows[r][0] + std::string(widths[0] - width_of(rows[r][0]), ' ');
    for (std::size_t i = 1; i < rows[r].size(); ++i) {
      line += "  " + std::string(widths[i] - width_of(rows[r][i]), ' ') + rows[r][i];
    }
    out += line + "\n";
  }
  return out;
}

std::string signature_text(const ManagementReport& report) {
  std::string out = "\n" + (report.place.empty() ? std::string("Fait") : "Fait à " + report.place) + ", le " +
                    date_fr(report.issued) + "\n";
  if (!report.signatory) return out;
  const std::string indent(page_columns / 2, ' ');
  out += "\n";
  if (!report.signatory->title.empty()) out += indent + report.signatory->title + "\n";
  if (!report.signatory->name.empty()) out += indent + report.signatory->name + "\n";
  return out;
}

std::string end_reason_fr(EndReason reason, const std::string& milestone) {
  switch (reason) {
    case EndReason::max_duration: return ", au terme de sa durée maximale";
    case EndReason::milestone: return ", le jalon « " + milestone + " » qui y met fin ayant été atteint";
    case EndReason::termination: return " par résiliation";
  }
  return "";
}

std::string year_end_fr(const ManagementReport& report) { return date_fr(report.period_end); }

}  // namespace

std::string report_number_fr(const ManagementReport& report) {
  return report.mark == DocumentMark::preview ? std::string(preview_mark_fr) : "N° " + report.number;
}

std::string report_name_fr(const ManagementReport& report) {
  const std::string name = "Compte rendu de gestion " + std::to_string(report.year);
  return report.mark == DocumentMark::preview ? name + " (" + preview_mark_fr + ")" : name + " N° " + report.number;
}

std::string report_period_fr(const ManagementReport& report) {
  return "Exercice " + std::to_string(report.year) + ", du " + date_fr(report.period_start) + " au " +
         date_fr(report.period_end);
}

std::string report_term_fr(const ManagementReport& report) {
  const TermStatus& term = report.term;
  const std::string on = "Au " + year_end_fr(report) + ", ";
  switch (term.state) {
    case TermState::pending: return on + "la convention n’était pas encore entrée en vigueur (signatures attendues).";
    case TermState::running:
      PRORATA_ASSERT(term.effective && term.end);
      return on + "la convention était en cours d’exécution depuis le " + date_fr(*term.effective) +
             ", son terme étant fixé au " + date_fr(*term.end) + ".";
    case TermState::ended:
      PRORATA_ASSERT(term.effective && term.end && term.end_reason);
      return "La convention, en vigueur depuis le " + date_fr(*term.effective) + ", a pris fin le " +
             date_fr(*term.end) + end_reason_fr(*term.end_reason, report.end_milestone) + ".";
  }
  return "";
}

std::string report_outlook_fr(const ManagementReport& report) {
  const SettlementOutlook& s = report.settlement;
  if (s.provisional) {
    const std::string lead = "Si la convention prenait fin le " + year_end_fr(report) +
                             ", selon les règles en vigueur à cette date, ";
    const std::string tail = " (montant provisoire, qui évoluera avec les dépenses et les versements jusqu’au terme).";
    if (s.refund_due > Money{}) return lead + amount_fr(s.refund_due) + " vous serait restitué" + tail;
    if (s.amount_due > Money{}) return lead + "vous resteriez redevable de " + amount_fr(s.amount_due) + tail;
    return lead + "rien ne vous serait restitué ni réclamé" + tail;
  }
  const std::string lead = "La convention ayant pris fin, ";
  if (s.refund_due > Money{}) {
    return lead + amount_fr(s.refund_due) + " vous est dû au titre des crédits non utilisés, restitués par avis de "
                                            "restitution.";
  }
  if (s.amount_due > Money{}) return lead + "vous restez redevable de " + amount_fr(s.amount_due) + ".";
  return lead + "votre contribution est soldée, rien ne vous est dû ni réclamé.";
}

std::string report_amendment_fr(const ReportAmendment& amendment) {
  PRORATA_ASSERT(!amendment.signed_in_year.empty());
  std::vector<Date> days;
  for (const AmendmentSignature& signature : amendment.signed_in_year) days.push_back(signature.date);  // by date
  days.erase(std::unique(days.begin(), days.end()), days.end());
  std::string out = amendment.id + (amendment.title.empty() ? "" : " (« " + amendment.title + " »)") + " signé le ";
  for (std::size_t i = 0; i < days.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == days.size() ? " et le " : ", le ") + date_fr(days[i]);
  }
  if (amendment.status.state == AmendmentState::in_force) {
    PRORATA_ASSERT(amendment.status.effective.has_value());
    return out + ", en vigueur depuis le " + date_fr(*amendment.status.effective) + ".";
  }
  std::string missing;
  for (const std::string& id : amendment.status.missing_signatures) missing += (missing.empty() ? "" : ", ") + id;
  return out + ", en attente de signature (reste à signer\u00A0: " + missing + ").";
}

std::string no_amendment_fr(const ManagementReport& report) {
  return "Aucun avenant n’a été signé en " + std::to_string(report.year) + ".";
}

std::string spending_year_title_fr(const ManagementReport& report) {
  return "Exercice " + std::to_string(report.year);
}

std::string spending_to_date_title_fr(const ManagementReport& report) {
  return "Cumul depuis l’origine jusqu’au " + year_end_fr(report);
}

std::string category_fr(const std::string& category) { return category.empty() ? "(sans catégorie)" : category; }

ReportTable report_flows_table(const ManagementReport& report) {
  const ContributorFlows& y = report.in_year;
  const ContributorFlows& t = report.to_date;
  ReportTable table;
  table.header = {"", "Exercice " + std::to_string(report.year), "Cumul au " + year_end_fr(report)};
  table.rows = {{"Appelé (états des sommes dues)", amount_fr(y.called), amount_fr(t.called)},
                {"Réduit ou annulé", amount_fr(y.cancelled), amount_fr(t.cancelled)},
                {"Versé", amount_fr(y.paid), amount_fr(t.paid)},
                {"Restitué", amount_fr(y.refunded), amount_fr(t.refunded)},
                {"Versé net (versé − restitué)", amount_fr(y.net_paid), amount_fr(t.net_paid)}};
  return table;
}

ReportTable report_spending_table(const SpendingFigures& spending) {
  ReportTable table;
  table.header = {"Catégorie", "Éligibles", "Non éligibles", "Total"};
  for (const CategorySpending& line : spending.categories) {
    table.rows.push_back({category_fr(line.category), amount_fr(line.eligible), amount_fr(line.not_eligible),
                          amount_fr(line.eligible + line.not_eligible)});
  }
  table.rows.push_back({"Total", amount_fr(spending.eligible), amount_fr(spending.not_eligible),
                        amount_fr(spending.total)});
  return table;
}

ReportTable report_outlook_table(const ManagementReport& report) {
  const SettlementOutlook& s = report.settlement;
  const std::string kind = s.provisional ? " (provisoire)" : "";
  ReportTable table;
  table.header = {"", "Au " + year_end_fr(report)};
  table.rows = {{"Plafond d’engagement", amount_fr(s.cap)},
                {"Dépenses éligibles de la convention", amount_fr(s.eligible_spending)},
                {"Couvertes par les contributions", amount_fr(s.covered)},
                {"Versé net", amount_fr(report.to_date.net_paid)},
                {std::string(s.provisional ? "Contribution provisoire" : "Contribution définitive"),
                 amount_fr(s.final_contribution)},
                {"Solde non utilisé (versé net − contribution)", amount_fr(s.balance)},
                {"À restituer" + kind, amount_fr(s.refund_due)},
                {"Montant dû" + kind, amount_fr(s.amount_due)},
                {"Appels restant à payer", amount_fr(s.outstanding_calls)}};
  table.last_is_total = false;
  return table;
}

std::string management_report_text(const ManagementReport& report) {
  check_management_report(report);
  std::string out;
  if (report.mark == DocumentMark::preview) out += centred("*** " + std::string(preview_mark_fr) + " ***");
  out += centred(management_report_title_fr);
  out += centred(report_number_fr(report) + " du " + date_fr(report.issued));
  if (report.mark == DocumentMark::preview) out += "\n" + paragraph(preview_notice_fr, 0);
  if (report.corrects) out += "\n" + paragraph(corrects_fr(*report.corrects), 0);
  out += heading("ÉMETTEUR") + indented(organisation_lines_fr(report.issuer));
  out += heading("DESTINATAIRE") + indented(organisation_lines_fr(report.contributor));
  out += heading("OBJET");
  out += field("Objet", convention_object_fr(ConventionRef{report.convention_id, report.convention_title, report.signed_on, report.amendments}));
  out += field("Référence", report.convention_id);
  out += field("Fondement", report.legal_basis);
  out += field("Période", report_period_fr(report));
  out += field("Situation", report_term_fr(report));
  out += heading("APPELS DE FONDS ET VERSEMENTS") + table_text(report_flows_table(report));
  out += heading("DÉPENSES DE LA CONVENTION");
  out += "  " + spending_year_title_fr(report) + "\n" + table_text(report_spending_table(report.spending_in_year));
  out += "\n  " + spending_to_date_title_fr(report) + "\n" + table_text(report_spending_table(report.spending_to_date));
  out += "\n" + paragraph(eligibility_rule_fr, 2);
  out += heading(report.settlement.provisional ? "SOLDE ET RÈGLEMENT (PROVISOIRE)" : "SOLDE ET RÈGLEMENT");
  out += table_text(report_outlook_table(report));
  out += "\n" + paragraph(report_outlook_fr(report), 2);
  out += heading("AVENANTS SIGNÉS EN " + std::to_string(report.year));
  if (report.amendments_signed.empty()) out += paragraph(no_amendment_fr(report), 2);
  for (const ReportAmendment& amendment : report.amendments_signed) out += paragraph(report_amendment_fr(amendment), 2);
  out += signature_text(report);
  return out;
}

}  // namespace prorata::report
