// Orders to pay back and états rectificatifs as text.
#include "core/assert.h"
#include "report/document_text.h"
#include "report/text_page.h"

namespace prorata::report {

using namespace text;  // NOLINT: the text page's vocabulary, in this file only

std::string reversal_order_text(const ReversalOrder& order) {
  check_reversal_order(order);
  std::string out = document_header(reversal_order_title_fr, order.number, order.mark, order.issued, order.corrects);
  out += heading("ÉMETTEUR") + indented(organisation_lines_fr(order.issuer));
  if (!order.accountant.empty()) out += heading("COMPTABLE ASSIGNATAIRE") + "  " + order.accountant + "\n";
  out += heading("DÉBITEUR") + indented(organisation_lines_fr(order.debtor));
  out += object_section(order.convention, order.legal_basis);
  out += heading("DÉCOMPTE");
  if (order.term_end) out += paragraph(term_end_fr(*order.term_end), 2);
  out += paragraph(reversal_reason_fr(order), 2);
  out += figure_rows(reversal_rows_fr(order));
  out += "\n" + figure_line("MONTANT À REVERSER", order.amount);
  out += paragraph(std::string(reversal_words_lead_fr) + " : " + order.amount_words, 0);
  out += paragraph(due_fr(order.due), 0);
  out += heading("MODALITÉS DE RÈGLEMENT") + "  " + pay_by_transfer_fr + "\n" + account_fields(order.pay_to);
  if (!order.payment_reference.empty()) out += paragraph(transfer_reference_fr + order.payment_reference, 2);
  out += heading("IMPUTATION BUDGÉTAIRE") + field("Exercice", std::to_string(order.budget_year));
  out += signature(order.signature, order.issued);
  return out;
}

std::string cancellation_text(const CancellationDocument& document) {
  check_cancellation(document);
  std::string out =
      document_header(cancellation_title_fr, document.number, document.mark, document.issued, document.corrects);
  out += heading("CRÉANCIER") + indented(organisation_lines_fr(document.creditor));
  if (!document.accountant.empty()) out += heading("COMPTABLE ASSIGNATAIRE") + "  " + document.accountant + "\n";
  out += heading("DÉBITEUR") + indented(organisation_lines_fr(document.debtor));
  out += object_section(document.convention, document.legal_basis);
  out += field("État rectifié", "N° " + document.statement_number + " du " + date_fr(document.statement_date));
  out += heading("RECTIFICATION");
  if (document.term_end) out += paragraph(term_end_fr(*document.term_end), 2);
  out += paragraph(cancellation_reason_fr(document), 2);
  out += figure_rows(cancellation_rows_fr(document));
  out += "\n" + figure_line("MONTANT ANNULÉ", document.amount);
  out += paragraph(std::string(cancellation_words_lead_fr) + " : " + document.amount_words, 0);
  out += heading("IMPUTATION BUDGÉTAIRE") + field("Exercice", std::to_string(document.budget_year));
  out += signature(document.signature, document.issued);
  return out;
}

}  // namespace prorata::report
