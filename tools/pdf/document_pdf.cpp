// Statements and refund notices as lists of blocks; pdf_layout places them on pages and pdf_canvas
// draws them.
#include "pdf/document_pdf.h"

#include <utility>

#include "core/assert.h"
#include "pdf/pdf_parts.h"
#include "report/document_words.h"

namespace prorata::report {

namespace {

using namespace pdf;  // NOLINT: the layout vocabulary, in this file only

constexpr Units figure_width = pt(80);  // an amount column of the settlement table (five columns)

void add_settlement_table(std::vector<Block>& blocks, const RefundNotice& notice) {
  const std::size_t header = blocks.size();
  const Style head = coloured(sized(bold(body()), 80), white);
  blocks.push_back(Block{table_row(settlement_header_fr(notice), head, blue_france, figure_width), pt(8), true});
  const Style cells = sized(body(), 80);
  for (const SettlementLine& line : notice.settlement) {
    const bool own = line.id == notice.contributor_id;
    blocks.push_back(Block{table_row({line.name.empty() ? line.id : line.name, amount_fr(line.net_paid),
                                      amount_fr(line.final_contribution), amount_fr(line.refund),
                                      amount_fr(line.amount_due)},
                                     own ? bold(cells) : cells, own ? std::optional<Colour>(light_fill) : std::nullopt,
                                     figure_width),
                           0, false, header});
  }
  const SettlementTotals totals = settlement_totals(notice.settlement);
  blocks.push_back(Block{table_row({"Total", amount_fr(totals.net_paid), amount_fr(totals.final_contribution),
                                    amount_fr(totals.refund), amount_fr(totals.amount_due)},
                                   bold(cells), std::nullopt, figure_width),
                         0, false, header});
}

std::vector<Block> statement_blocks(const StatementDocument& d) {
  std::vector<Block> blocks{
      title_band({d.creditor, statement_title_fr(d), d.number, d.mark, d.issued, d.corrects})};
  blocks.push_back(parties_row(stack({labelled("COMPTABLE ASSIGNATAIRE", d.accountant),
                                      labelled("CONVENTION", d.convention.id)},
                                     pt(8)),
                               organisation_element("DÉBITEUR", d.debtor)));
  blocks.push_back(section_heading("OBJET"));
  blocks.push_back(Block{fields({{"Objet", convention_object_fr(d.convention), true}, {"Fondement", d.legal_basis}}),
                         pt(6)});
  blocks.push_back(section_heading("APPEL DE FONDS"));
  blocks.push_back(Block{text(call_fr(d), bold(body())), pt(6), true});
  blocks.push_back(Block{figure_rows(statement_calls_fr(d)), pt(4)});
  if (d.settlement) {
    blocks.push_back(section_heading("DÉCOMPTE"));
    blocks.push_back(Block{text(term_end_fr(d.settlement->term), body()), pt(6), true});
    blocks.push_back(Block{figure_rows(complementary_rows_fr(d)), pt(4)});
  }
  blocks.push_back(section_heading("MONTANT DÛ"));
  blocks.push_back(Block{amount_line("TOTAL DÛ", amount_fr(d.amount), true), pt(6), true});
  blocks.push_back(Block{amount_in_words(statement_words_lead_fr, d.amount_words), pt(6)});
  if (d.due) blocks.push_back(Block{text(due_fr(d.due), bold(body())), pt(4)});
  if (!d.vat_mention.empty()) blocks.push_back(paragraph(d.vat_mention, pt(4)));
  Runs reference;
  if (!d.payment_reference.empty()) reference = {{transfer_reference_fr, false}, {d.payment_reference, true}};
  blocks.push_back(Block{account_box("MODALITÉS DE RÈGLEMENT", pay_by_transfer_fr, d.pay_to, reference), pt(14),
                         true});  // with the signature: a signature never opens a page alone
  blocks.push_back(closing(budget_element(d.budget, d.budget_year), d.signature, d.issued));
  return blocks;
}

std::vector<Block> refund_blocks(const RefundNotice& n) {
  std::vector<Block> blocks{title_band({n.issuer, refund_notice_title_fr, n.number, n.mark, n.issued, n.corrects})};
  std::vector<Element> left{labelled("CONVENTION", n.convention.id)};
  if (n.term_end) left.push_back(labelled("FIN DU TERME", "le " + date_fr(n.term_end->end)));
  left.push_back(labelled("IDENTIFIANT DU CONTRIBUTEUR", n.contributor_id));
  blocks.push_back(parties_row(stack(std::move(left), pt(8)),
                               organisation_element("BÉNÉFICIAIRE DE LA RESTITUTION", n.contributor)));
  blocks.push_back(section_heading("OBJET"));
  blocks.push_back(Block{fields({{"Objet", convention_object_fr(n.convention), true},
                                 {"Fondement", n.legal_basis},
                                 {"Règle", n.rule}}),
                         pt(6)});
  blocks.push_back(section_heading("DÉCOMPTE"));
  if (n.term_end) blocks.push_back(Block{text(term_end_fr(*n.term_end), body()), pt(6), true});
  std::vector<FigureRow> spending;
  for (const CategoryAmount& c : n.eligible_by_category) spending.push_back({c.category, c.amount});
  spending.push_back({"Dépenses éligibles", n.eligible_spending, true});
  spending.push_back({"Couvertes par les contributions", n.covered});
  blocks.push_back(Block{figure_rows(spending), pt(6), true});
  add_settlement_table(blocks, n);
  blocks.push_back(Block{amount_line("MONTANT À RESTITUER", amount_fr(n.amount), true), pt(10), true});
  blocks.push_back(Block{amount_in_words(refund_words_lead_fr, n.amount_words), pt(6)});
  if (n.calls_cancelled > Money{}) blocks.push_back(Block{text(calls_cancelled_fr(n), bold(body())), pt(6)});
  if (n.refund_to) {
    blocks.push_back(Block{account_box("COMPTE DE RESTITUTION", refund_by_transfer_fr, *n.refund_to, {}), pt(10), true});
  } else {
    blocks.push_back(section_heading("COMPTE DE RESTITUTION"));
    blocks.push_back(Block{fields({{"Compte", missing_refund_account_fr}}), pt(6), true});
  }
  blocks.push_back(signature(n.signature, n.issued));
  return blocks;
}

}  // namespace

std::string statement_pdf(const StatementDocument& document, const PdfOptions& options) {
  PRORATA_ASSERT(document.amount > Money{});
  return render_pdf(statement_name_fr(document), document.creditor.name, convention_object_fr(document.convention),
                    document.mark, options.creation_date.value_or(document.issued), statement_blocks(document));
}

std::string refund_notice_pdf(const RefundNotice& notice, const PdfOptions& options) {
  check_refund_notice(notice);
  return render_pdf(refund_notice_name_fr(notice), notice.issuer.name, convention_object_fr(notice.convention),
                    notice.mark, options.creation_date.value_or(notice.issued), refund_blocks(notice));
}

}  // namespace prorata::report
