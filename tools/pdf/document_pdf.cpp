// The two documents as lists of blocks; pdf_layout places them on pages and pdf_canvas draws them.
#include "pdf/document_pdf.h"

#include <utility>

#include "core/assert.h"
#include "pdf/pdf_parts.h"
#include "report/document_text.h"

namespace prorata::report {

namespace {

using namespace pdf;  // NOLINT: the layout vocabulary, in this file only

constexpr Units figure_width = pt(100);  // an amount column of the settlement table
constexpr Units cell_gap = pt(6);

// Left: what identifies the document on the paying side; right: the addressee in a frame, as in a letter.
Block parties_row(Element left, Element addressee) {
  Element framed = box(std::move(addressee), BoxStyle{.border = grey_line, .padding_x = pt(10), .padding_y = pt(6)});
  return Block{columns({{0, std::move(left)}, {pt(270), std::move(framed)}}, pt(16)), pt(12)};
}

Element labelled(const std::string& label, const std::string& value) {
  if (value.empty()) return spacer(0);
  return stack({text(label, small_caps_label()), text(value, body())}, pt(1));
}

// One row of the settlement table: the name, then three amounts flush right.
Element table_row(const std::vector<std::string>& cells, Style style, std::optional<Colour> fill) {
  PRORATA_ASSERT(cells.size() == 4);
  std::vector<Column> parts{{0, text(cells[0], style)}};
  for (std::size_t i = 1; i < cells.size(); ++i) {
    parts.push_back({figure_width, text(cells[i], aligned(style, Align::right))});
  }
  Element row = box(columns(std::move(parts), cell_gap), BoxStyle{.fill = fill, .padding_x = pt(6), .padding_y = pt_tenths(25)});
  return stack({std::move(row), rule(grey_line, pt_tenths(5))});
}

void add_settlement_table(std::vector<Block>& blocks, const RefundNotice& notice) {
  const std::size_t header = blocks.size();
  const Style head = coloured(sized(bold(body()), 80), white);
  blocks.push_back(Block{table_row({"Contributeur", "Versé net", "Contribution définitive", "À restituer"}, head,
                                   blue_france),
                         pt(8), true});
  for (const SettlementLine& line : notice.settlement) {
    const bool own = line.id == notice.contributor_id;
    blocks.push_back(Block{table_row({line.name.empty() ? line.id : line.name, amount_fr(line.net_paid),
                                      amount_fr(line.final_contribution), amount_fr(line.refund)},
                                     own ? bold(body()) : body(), own ? std::optional<Colour>(light_fill) : std::nullopt),
                           0, false, header});
  }
  const SettlementTotals totals = settlement_totals(notice.settlement);
  blocks.push_back(Block{table_row({"Total", amount_fr(totals.net_paid), amount_fr(totals.final_contribution),
                                    amount_fr(totals.refund)},
                                   bold(body()), std::nullopt),
                         0, false, header});
}

std::vector<Block> statement_blocks(const StatementDocument& d) {
  std::vector<Block> blocks{title_band({d.creditor, "ÉTAT DES SOMMES DUES", d.number, d.issued})};
  blocks.push_back(parties_row(stack({labelled("COMPTABLE ASSIGNATAIRE", d.accountant),
                                      labelled("CONVENTION", d.convention_id)},
                                     pt(8)),
                               organisation_element("DÉBITEUR", d.debtor)));
  blocks.push_back(section_heading("OBJET"));
  blocks.push_back(Block{fields({{"Objet", convention_object_fr(d.convention_title, d.signed_on, d.amendments), true},
                                 {"Fondement", d.legal_basis}}),
                         pt(6)});
  blocks.push_back(section_heading("MONTANT DÛ"));
  blocks.push_back(Block{amount_line("Participation financière au titre de la convention", amount_fr(d.amount), false),
                         pt(6), true});
  blocks.push_back(Block{amount_line("TOTAL DÛ", amount_fr(d.amount), true), pt(4), true});
  blocks.push_back(Block{amount_in_words("Arrêté le présent état à la somme de", d.amount_words), pt(6)});
  Runs reference;
  if (!d.payment_reference.empty()) {
    reference = {{"Référence à rappeler sur le virement : ", false}, {d.payment_reference, true}};
  }
  blocks.push_back(Block{account_box("MODALITÉS DE RÈGLEMENT", "À régler par virement au compte ci-dessous du comptable assignataire.",
                                     d.pay_to, reference),
                         pt(14), true});  // with the signature: a signature never opens a page alone
  if (d.budget) {
    blocks.push_back(section_heading("IMPUTATION BUDGÉTAIRE"));
    blocks.push_back(Block{fields({{"Imputation", budget_fr(*d.budget)}, {"Précision", d.budget->note}}), pt(6), true});
  }
  blocks.push_back(signature(d.place, d.issued, d.signatory));
  return blocks;
}

std::vector<Block> refund_blocks(const RefundNotice& n) {
  std::vector<Block> blocks{title_band({n.issuer, "AVIS DE RESTITUTION", n.number, n.issued})};
  if (n.provisional) {
    blocks.push_back(Block{text("Document provisoire : la convention est en cours d'exécution, les montants "
                                "peuvent encore évoluer.",
                                coloured(sized(body(), 85), red_marianne)),
                           pt(10)});
  }
  std::vector<Element> left{labelled("CONVENTION", n.convention_id)};
  if (n.term_end) left.push_back(labelled("FIN DU TERME", "le " + date_fr(*n.term_end)));
  left.push_back(labelled("IDENTIFIANT DU CONTRIBUTEUR", n.contributor_id));
  blocks.push_back(parties_row(stack(std::move(left), pt(8)),
                               organisation_element("BÉNÉFICIAIRE DE LA RESTITUTION", n.contributor)));
  blocks.push_back(section_heading("OBJET"));
  blocks.push_back(Block{fields({{"Objet", convention_object_fr(n.convention_title, n.signed_on, n.amendments), true},
                                 {"Fondement", n.legal_basis},
                                 {"Règle", n.rule}}),
                         pt(6)});
  blocks.push_back(section_heading("DÉCOMPTE"));
  blocks.push_back(Block{figures({{"Dépenses éligibles", amount_fr(n.eligible_spending)},
                                  {"Couvertes par les contributions", amount_fr(n.covered)}}),
                         pt(6), true});
  add_settlement_table(blocks, n);
  blocks.push_back(Block{amount_line("MONTANT À RESTITUER", amount_fr(n.amount), true), pt(12), true});
  blocks.push_back(Block{amount_in_words("Arrêté le présent avis à la somme de", n.amount_words), pt(6)});
  if (n.refund_to) {
    blocks.push_back(Block{account_box("COMPTE DE RESTITUTION", "Versement par virement au compte ci-dessous du contributeur.", *n.refund_to,
                                       {}),
                           pt(14), true});
  } else {
    blocks.push_back(section_heading("COMPTE DE RESTITUTION"));
    blocks.push_back(Block{fields({{"Compte", missing_refund_account_fr}}), pt(6), true});
  }
  blocks.push_back(signature(n.place, n.issued, n.signatory));
  return blocks;
}

}  // namespace

std::string statement_pdf(const StatementDocument& document, const PdfOptions& options) {
  PRORATA_ASSERT(document.amount >= Money{});
  const std::string name = "État des sommes dues N° " + document.number;
  const PageGeometry geometry{};
  const std::string bytes =
      render_document(metadata(name, document.creditor.name, convention_object_fr(document.convention_title, document.signed_on, document.amendments),
                               options.creation_date),
                      statement_blocks(document), geometry, furniture({name, false}, geometry));
  PRORATA_ASSERT(bytes.starts_with("%PDF-"));
  return bytes;
}

std::string refund_notice_pdf(const RefundNotice& notice, const PdfOptions& options) {
  check_refund_notice(notice);
  const std::string name = "Avis de restitution N° " + notice.number;
  const PageGeometry geometry{};
  const std::string bytes =
      render_document(metadata(name, notice.issuer.name, convention_object_fr(notice.convention_title, notice.signed_on, notice.amendments),
                               options.creation_date),
                      refund_blocks(notice), geometry, furniture({name, notice.provisional}, geometry));
  PRORATA_ASSERT(bytes.starts_with("%PDF-"));
  return bytes;
}

}  // namespace prorata::report
