// Orders to pay back and états rectificatifs as lists of blocks.
#include "core/assert.h"
#include "pdf/document_pdf.h"
#include "pdf/pdf_parts.h"
#include "report/document_words.h"

namespace prorata::report {

namespace {

using namespace pdf;  // NOLINT: the layout vocabulary, in this file only

std::vector<Block> reversal_blocks(const ReversalOrder& o) {
  std::vector<Block> blocks{title_band({o.issuer, reversal_order_title_fr, o.number, o.mark, o.issued, o.corrects})};
  std::vector<Element> left{labelled("COMPTABLE ASSIGNATAIRE", o.accountant), labelled("CONVENTION", o.convention.id)};
  if (o.term_end) left.push_back(labelled("FIN DU TERME", "le " + date_fr(o.term_end->end)));
  blocks.push_back(parties_row(stack(std::move(left), pt(8)), organisation_element("DÉBITEUR", o.debtor)));
  blocks.push_back(section_heading("OBJET"));
  blocks.push_back(Block{fields({{"Objet", convention_object_fr(o.convention), true}, {"Fondement", o.legal_basis}}),
                         pt(6)});
  blocks.push_back(section_heading("DÉCOMPTE"));
  if (o.term_end) blocks.push_back(Block{text(term_end_fr(*o.term_end), body()), pt(6), true});
  blocks.push_back(Block{text(reversal_reason_fr(o), body()), pt(4), true});
  blocks.push_back(Block{figure_rows(reversal_rows_fr(o)), pt(4)});
  blocks.push_back(Block{amount_line("MONTANT À REVERSER", amount_fr(o.amount), true), pt(12), true});
  blocks.push_back(Block{amount_in_words(reversal_words_lead_fr, o.amount_words), pt(6)});
  if (o.due) blocks.push_back(Block{text(due_fr(o.due), bold(body())), pt(4)});
  Runs reference;
  if (!o.payment_reference.empty()) reference = {{transfer_reference_fr, false}, {o.payment_reference, true}};
  blocks.push_back(Block{account_box("MODALITÉS DE RÈGLEMENT", pay_by_transfer_fr, o.pay_to, reference), pt(14), true});
  blocks.push_back(closing(budget_element(std::nullopt, o.budget_year), o.signature, o.issued));
  return blocks;
}

std::vector<Block> cancellation_blocks(const CancellationDocument& d) {
  std::vector<Block> blocks{title_band({d.creditor, cancellation_title_fr, d.number, d.mark, d.issued, d.corrects})};
  blocks.push_back(parties_row(stack({labelled("COMPTABLE ASSIGNATAIRE", d.accountant),
                                      labelled("CONVENTION", d.convention.id),
                                      labelled("ÉTAT RECTIFIÉ", "N° " + d.statement_number + " du " +
                                                                    date_fr(d.statement_date))},
                                     pt(8)),
                               organisation_element("DÉBITEUR", d.debtor)));
  blocks.push_back(section_heading("OBJET"));
  blocks.push_back(Block{fields({{"Objet", convention_object_fr(d.convention), true}, {"Fondement", d.legal_basis}}),
                         pt(6)});
  blocks.push_back(section_heading("RECTIFICATION"));
  if (d.term_end) blocks.push_back(Block{text(term_end_fr(*d.term_end), body()), pt(6), true});
  blocks.push_back(Block{text(cancellation_reason_fr(d), body()), pt(4), true});
  blocks.push_back(Block{figure_rows(cancellation_rows_fr(d)), pt(4)});
  blocks.push_back(Block{amount_line("MONTANT ANNULÉ", amount_fr(d.amount), true), pt(12), true});
  blocks.push_back(Block{amount_in_words(cancellation_words_lead_fr, d.amount_words), pt(6)});
  blocks.push_back(closing(budget_element(std::nullopt, d.budget_year), d.signature, d.issued));
  return blocks;
}

}  // namespace

std::string reversal_order_pdf(const ReversalOrder& order, const PdfOptions& options) {
  check_reversal_order(order);
  return render_pdf(reversal_order_name_fr(order), order.issuer.name, convention_object_fr(order.convention),
                    order.mark, options.creation_date.value_or(order.issued), reversal_blocks(order));
}

std::string cancellation_pdf(const CancellationDocument& document, const PdfOptions& options) {
  check_cancellation(document);
  return render_pdf(cancellation_name_fr(document), document.creditor.name, convention_object_fr(document.convention),
                    document.mark, options.creation_date.value_or(document.issued), cancellation_blocks(document));
}

}  // namespace prorata::report
