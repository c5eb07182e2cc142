// The yearly management report as a list of blocks; pdf_layout places them on pages, pdf_canvas draws.
#include "pdf/management_report_pdf.h"

#include <utility>

#include "core/assert.h"
#include "pdf/pdf_parts.h"
#include "report/document_text.h"
#include "report/management_report_text.h"

namespace prorata::report {

namespace {

using namespace pdf;  // NOLINT: the layout vocabulary, in this file only

constexpr Units figure_width = pt(110);    // an amount column of a table
constexpr Units cell_gap = pt(6);
constexpr Units number_width = pt(150);    // the right-hand column of the header: number or PROJET, date

// The top of page 1: the issuer on the left; PROJET (or the number) and the date on the right; a blue
// rule; the title and the year. Unlike pdf_parts' title_band, a preview shows PROJET, not "N° …".
Block report_band(const ManagementReport& r) {
  const Style right = aligned(body(), Align::right);
  const Style mark = r.mark == DocumentMark::preview ? coloured(sized(bold(right), 110), red_marianne)
                                                     : sized(bold(right), 110);
  Element number = stack({text(report_number_fr(r), mark), text("du " + date_fr(r.issued), coloured(right, grey_text))},
                         pt(3));
  Element row = columns({{0, organisation_element("", r.issuer)}, {number_width, std::move(number)}}, pt(12));
  const Style title = coloured(sized(bold(aligned(Style{.family = Family::serif}, Align::centre)), 190), blue_france);
  const Style year = coloured(sized(aligned(body(), Align::centre), 110), blue_france);
  return Block{stack({std::move(row), spacer(pt(10)), rule(blue_france, pt_tenths(15)), spacer(pt(10)),
                      text(management_report_title_fr, title), spacer(pt(2)),
                      text(report_period_fr(r), year)})};
}

Element labelled(const std::string& label, const std::string& value) {
  if (value.empty()) return spacer(0);
  return stack({text(label, small_caps_label()), text(value, body())}, pt(1));
}

Block parties_row(const ManagementReport& r) {
  Element left = stack({labelled("CONVENTION", r.convention_id), labelled("IDENTIFIANT DU CONTRIBUTEUR", r.contributor_id)},
                       pt(8));
  Element framed = box(organisation_element("DESTINATAIRE", r.contributor),
                       BoxStyle{.border = grey_line, .padding_x = pt(10), .padding_y = pt(6)});
  return Block{columns({{0, std::move(left)}, {pt(270), std::move(framed)}}, pt(16)), pt(12)};
}

// One row of a table: the label, then its amounts flush right.
Element table_row(const std::vector<std::string>& cells, Style style, std::optional<Colour> fill) {
  PRORATA_ASSERT(!cells.empty());
  std::vector<Column> parts{{0, text(cells[0], style)}};
  for (std::size_t i = 1; i < cells.size(); ++i) {
    parts.push_back({figure_width, text(cells[i], aligned(style, Align::right))});
  }
  Element row = box(columns(std::move(parts), cell_gap), BoxStyle{.fill = fill, .padding_x = pt(6), .padding_y = pt_tenths(25)});
  return stack({std::move(row), rule(grey_line, pt_tenths(5))});
}

// A table: its header row on blue (repeated when the rows continue on a new page), the rows, the total
// in bold.
void add_table(std::vector<Block>& blocks, const ReportTable& table, Units space_before) {
  const std::size_t header = blocks.size();
  const Style head = coloured(sized(bold(body()), 80), white);
  blocks.push_back(Block{table_row(table.header, head, blue_france), space_before, true});
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const bool total = table.last_is_total && i + 1 == table.rows.size();
    blocks.push_back(Block{table_row(table.rows[i], total ? bold(body()) : body(), std::nullopt), 0, false, header});
  }
}

// A short table as one block, kept whole on a page (its rows read together: a settlement split across
// pages is hard to check).
Block whole_table(const ReportTable& table, Units space_before) {
  const Style head = coloured(sized(bold(body()), 80), white);
  std::vector<Element> rows{table_row(table.header, head, blue_france)};
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const bool total = table.last_is_total && i + 1 == table.rows.size();
    rows.push_back(table_row(table.rows[i], total ? bold(body()) : body(), std::nullopt));
  }
  return Block{stack(std::move(rows)), space_before};
}

Block sentence(const std::string& words, Units space_before, bool keep_with_next = false) {
  return Block{text(words, body()), space_before, keep_with_next};
}

void add_spending(std::vector<Block>& blocks, const ManagementReport& r) {
  blocks.push_back(section_heading("DÉPENSES DE LA CONVENTION"));
  blocks.push_back(Block{text(spending_year_title_fr(r), bold(body())), pt(6), true});
  add_table(blocks, report_spending_table(r.spending_in_year), pt(3));
  blocks.push_back(Block{text(spending_to_date_title_fr(r), bold(body())), pt(10), true});
  add_table(blocks, report_spending_table(r.spending_to_date), pt(3));
  blocks.push_back(Block{text(eligibility_rule_fr, coloured(sized(body(), 80), grey_text)), pt(6)});
}

std::vector<Block> report_blocks(const ManagementReport& r) {
  std::vector<Block> blocks{report_band(r)};
  if (r.mark == DocumentMark::preview) {
    blocks.push_back(Block{text(preview_notice_fr, coloured(sized(body(), 85), red_marianne)), pt(10)});
  }
  if (r.corrects) blocks.push_back(sentence(corrects_fr(*r.corrects), pt(6)));
  blocks.push_back(parties_row(r));
  blocks.push_back(section_heading("OBJET"));
  blocks.push_back(Block{fields({{"Objet", convention_object_fr(ConventionRef{r.convention_id, r.convention_title, r.signed_on, r.amendments}), true},
                                 {"Fondement", r.legal_basis},
                                 {"Période", report_period_fr(r)},
                                 {"Situation", report_term_fr(r)}}),
                         pt(6)});
  blocks.push_back(section_heading("APPELS DE FONDS ET VERSEMENTS"));
  blocks.push_back(whole_table(report_flows_table(r), pt(6)));
  add_spending(blocks, r);
  blocks.push_back(section_heading(r.settlement.provisional ? "SOLDE ET RÈGLEMENT (PROVISOIRE)" : "SOLDE ET RÈGLEMENT"));
  blocks.push_back(whole_table(report_outlook_table(r), pt(6)));
  blocks.push_back(sentence(report_outlook_fr(r), pt(8)));
  blocks.push_back(section_heading("AVENANTS SIGNÉS EN " + std::to_string(r.year)));
  if (r.amendments_signed.empty()) blocks.push_back(sentence(no_amendment_fr(r), pt(6)));
  for (const ReportAmendment& amendment : r.amendments_signed) blocks.push_back(sentence(report_amendment_fr(amendment), pt(6)));
  blocks.push_back(signature(Signature{r.place, r.signatory}, r.issued));
  return blocks;
}

// On a preview, PROJET across every page and stamped at its top, as on the other documents.
Furniture report_furniture(const ManagementReport& r, const PageGeometry& geometry) {
  return furniture({report_name_fr(r), r.mark == DocumentMark::preview ? preview_mark_fr : ""}, geometry);
}

}  // namespace

std::string management_report_pdf(const ManagementReport& report, const PdfOptions& options) {
  check_management_report(report);
  const std::string name = report_name_fr(report);
  const PageGeometry geometry{};
  const std::string subject =
      convention_object_fr(ConventionRef{report.convention_id, report.convention_title, report.signed_on, report.amendments}) + " – " +
      report.contributor.name;
  const std::string bytes = render_document(metadata(name, report.issuer.name, subject, options.creation_date.value_or(report.issued)),
                                            report_blocks(report), geometry, report_furniture(report, geometry));
  PRORATA_ASSERT(bytes.starts_with("%PDF-"));
  return bytes;
}

}  // namespace prorata::report
