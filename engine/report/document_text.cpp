// Statements (calls and complementary calls) and refund notices as text.
#include "report/document_text.h"

#include "core/assert.h"
#include "report/text_page.h"

namespace prorata::report {

namespace {

using namespace text;  // NOLINT: the text page's vocabulary, in this file only

std::string statement_payment(const StatementDocument& document) {
  std::string out = heading("MODALITÉS DE RÈGLEMENT");
  out += "  " + std::string(pay_by_transfer_fr) + "\n";
  out += account_fields(document.pay_to);
  if (!document.payment_reference.empty()) {
    out += paragraph(transfer_reference_fr + document.payment_reference, 2);
  }
  return out;
}

std::string budget_section(const std::optional<Budget>& budget, int budget_year) {
  std::string out = heading("IMPUTATION BUDGÉTAIRE");
  if (budget) out += field("Imputation", budget_fr(*budget));
  out += field("Exercice", std::to_string(budget_year));
  if (budget) out += field("Précision", budget->note);
  return out;
}

// The settlement table: one row per contributor, then the totals; the notice's own row is marked "> ".
// Every row and the total read: versé net − contribution = à restituer − à payer.
std::string settlement_table(const RefundNotice& notice) {
  // The header on two lines ("Contribution" over "définitive"), so the five columns fit the page.
  std::vector<std::string> header = settlement_header_fr(notice);
  std::vector<std::string> second(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::size_t space = header[i].find(' ');
    if (i == 2 && space != std::string::npos) {
      second[i] = header[i].substr(space + 1);
      header[i].resize(space);
    }
  }
  std::vector<std::vector<std::string>> rows{header, second};
  std::vector<std::string> marks{"  ", "  "};
  for (const SettlementLine& line : notice.settlement) {
    rows.push_back({line.name.empty() ? line.id : line.name, amount_fr(line.net_paid),
                    amount_fr(line.final_contribution), amount_fr(line.refund), amount_fr(line.amount_due)});
    marks.emplace_back(line.id == notice.contributor_id ? "> " : "  ");
  }
  const SettlementTotals totals = settlement_totals(notice.settlement);
  rows.push_back({"Total", amount_fr(totals.net_paid), amount_fr(totals.final_contribution), amount_fr(totals.refund),
                  amount_fr(totals.amount_due)});
  marks.emplace_back("  ");
  return table(rows, marks, true);
}

std::string category_rows(const RefundNotice& notice) {
  std::vector<FigureRow> rows;
  for (const CategoryAmount& c : notice.eligible_by_category) rows.push_back({c.category, c.amount});
  rows.push_back({"Dépenses éligibles", notice.eligible_spending, true});
  return figure_rows(rows);
}

std::string refund_settlement(const RefundNotice& notice) {
  std::string out = heading("DÉCOMPTE");
  if (notice.term_end) out += paragraph(term_end_fr(*notice.term_end), 2);
  out += category_rows(notice);
  out += figure_line("  Couvertes par les contributions", notice.covered);
  out += field("Règle", notice.rule);
  out += "\n" + settlement_table(notice);
  return out;
}

}  // namespace

std::string statement_text(const StatementDocument& document) {
  PRORATA_ASSERT(document.amount > Money{});
  std::string out = document_header(statement_title_fr(document), document.number, document.mark, document.issued,
                                    document.corrects);
  out += heading("CRÉANCIER") + indented(organisation_lines_fr(document.creditor));
  if (!document.accountant.empty()) out += heading("COMPTABLE ASSIGNATAIRE") + "  " + document.accountant + "\n";
  out += heading("DÉBITEUR") + indented(organisation_lines_fr(document.debtor));
  out += object_section(document.convention, document.legal_basis);
  out += heading("APPEL DE FONDS") + paragraph(call_fr(document), 2);
  out += figure_rows(statement_calls_fr(document));
  if (document.settlement) {
    out += heading("DÉCOMPTE") + paragraph(term_end_fr(document.settlement->term), 2);
    out += figure_rows(complementary_rows_fr(document));
  }
  out += "\n" + figure_line("MONTANT DÛ", document.amount);
  out += paragraph(std::string(statement_words_lead_fr) + " : " + document.amount_words, 0);
  out += paragraph(due_fr(document.due), 0);
  out += paragraph(document.vat_mention, 0);
  out += statement_payment(document);
  out += budget_section(document.budget, document.budget_year);
  out += signature(document.signature, document.issued);
  return out;
}

std::string refund_notice_text(const RefundNotice& notice) {
  check_refund_notice(notice);
  std::string out =
      document_header(refund_notice_title_fr, notice.number, notice.mark, notice.issued, notice.corrects);
  out += heading("ÉMETTEUR") + indented(organisation_lines_fr(notice.issuer));
  out += heading("BÉNÉFICIAIRE DE LA RESTITUTION") + indented(organisation_lines_fr(notice.contributor));
  out += object_section(notice.convention, notice.legal_basis);
  if (notice.term_end) out += field("Fin du terme", "le " + date_fr(notice.term_end->end));
  out += refund_settlement(notice);
  out += "\n" + figure_line("MONTANT À RESTITUER", notice.amount);
  out += paragraph(std::string(refund_words_lead_fr) + " : " + notice.amount_words, 0);
  out += paragraph(calls_cancelled_fr(notice), 0);
  out += heading("COMPTE DE RESTITUTION");
  if (notice.refund_to) out += "  " + std::string(refund_by_transfer_fr) + "\n" + account_fields(*notice.refund_to);
  else out += paragraph(missing_refund_account_fr, 2);
  out += signature(notice.signature, notice.issued);
  return out;
}

}  // namespace prorata::report
