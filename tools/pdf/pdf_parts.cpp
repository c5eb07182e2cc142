#include "pdf/pdf_parts.h"

#include <utility>

#include "core/assert.h"
#include "core/bank_account.h"
#include "report/document_words.h"

namespace prorata::report::pdf {

namespace {

constexpr Units label_width = pt(100);        // the label column of label/value rows
constexpr Units signature_width = pt(250);    // the right-hand signature column
constexpr Units number_width = pt(220);       // the right-hand column of the header band: number, date
constexpr std::int32_t number_min_tenths_pt = 70;  // a long number is set smaller rather than split

Element field_row(const Field& row) {
  Style value = row.strong ? bold(body()) : body();
  return columns({{label_width, text(row.label, coloured(body(), grey_text))}, {0, text(row.value, value)}}, pt(6));
}

// The four RIB fields side by side, each a small label over its value.
Element rib_grid(const Rib& rib) {
  const std::vector<Field> cells{{"Code banque", rib.bank, true},
                                 {"Code guichet", rib.branch, true},
                                 {"N° de compte", rib.account, true},
                                 {"Clé RIB", rib.key, true}};
  std::vector<Column> parts;
  for (const Field& cell : cells) {
    parts.push_back({0, stack({text(cell.label, sized(coloured(body(), grey_text), 75)),
                               text(cell.value, bold(body()))},
                              pt(1))});
  }
  return box(columns(std::move(parts), pt(8)),
             BoxStyle{.fill = white, .border = grey_line, .padding_x = pt(6), .padding_y = pt(4)});
}

std::string iso8601(Date day) { return format_date(day) + "T00:00:00Z"; }

void draw_mark(Canvas& canvas, const std::string& mark) {
  canvas.watermark(mark, red_marianne, 12);
  const Units width = pt(120);
  const Units x = (page_width - width) / 2;
  const Units y = pt(12);
  const Style stamp = aligned(coloured(sized(bold(body()), 110), red_marianne), Align::centre);
  const Runs words{{mark, true}};
  const Units height = canvas.text_height(words, stamp, width) + pt(4);
  canvas.stroke_rect(x, y, width, height, red_marianne, pt(1));
  canvas.text(words, stamp, x, y + pt(2), width);
}

}  // namespace

Style body() { return Style{.family = Family::sans, .size_tenths_pt = 85, .colour = ink}; }

Style small_caps_label() { return coloured(sized(bold(body()), 75), grey_text); }

Style bold(Style style) {
  style.bold = true;
  return style;
}

Style sized(Style style, std::int32_t size_tenths_pt) {
  PRORATA_ASSERT(size_tenths_pt >= 50 && size_tenths_pt <= 1'000);
  style.size_tenths_pt = size_tenths_pt;
  return style;
}

Style aligned(Style style, Align align) {
  style.align = align;
  return style;
}

Style coloured(Style style, Colour colour) {
  style.colour = colour;
  return style;
}

Block parties_row(Element left, Element addressee) {
  Element framed = box(std::move(addressee), BoxStyle{.border = grey_line, .padding_x = pt(10), .padding_y = pt(6)});
  return Block{columns({{0, std::move(left)}, {pt(270), std::move(framed)}}, pt(16)), pt(12)};
}

Element labelled(const std::string& label, const std::string& value) {
  if (value.empty()) return spacer(0);
  return stack({text(label, small_caps_label()), text(value, body())}, pt(1));
}

Element table_row(const std::vector<std::string>& cells, Style style, std::optional<Colour> fill, Units figure_width) {
  PRORATA_ASSERT(!cells.empty());
  std::vector<Column> parts{{0, text(cells[0], style)}};
  for (std::size_t i = 1; i < cells.size(); ++i) {
    parts.push_back({figure_width, text(cells[i], aligned(style, Align::right))});
  }
  Element row = box(columns(std::move(parts), pt(6)), BoxStyle{.fill = fill, .padding_x = pt(6), .padding_y = pt_tenths(18)});
  return stack({std::move(row), rule(grey_line, pt_tenths(5))});
}

std::string render_pdf(const std::string& name, const std::string& author, const std::string& subject,
                       DocumentMark mark, Date created, const std::vector<Block>& blocks) {
  const PageGeometry geometry{};
  std::string bytes = render_document(metadata(name, author, subject, created), blocks, geometry,
                                      furniture({name, mark_fr(mark)}, geometry));
  PRORATA_ASSERT(bytes.starts_with("%PDF-"));
  return bytes;
}

Element organisation_element(const std::string& label, const Organisation& organisation) {
  std::vector<Element> lines;
  if (!label.empty()) lines.push_back(text(label, small_caps_label()));
  const std::vector<std::string> texts = organisation_lines_fr(organisation);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const bool is_name = i == 0 && !organisation.name.empty();
    lines.push_back(text(texts[i], is_name ? sized(bold(body()), 100) : body()));
  }
  return stack(std::move(lines), pt(1));
}

Block title_band(const TitleBand& band) {
  const Style right = aligned(body(), Align::right);
  Element number = stack({single_line(number_fr(band.number, band.mark), sized(bold(right), 110), number_min_tenths_pt),
                          text("du " + date_fr(band.issued), coloured(right, grey_text))},
                         pt(3));
  Element row = columns({{0, organisation_element("", band.issuer)}, {number_width, std::move(number)}}, pt(12));
  const Style title = coloured(sized(bold(aligned(Style{.family = Family::serif}, Align::centre)), 190), blue_france);
  std::vector<Element> parts{std::move(row), spacer(pt(7)), rule(blue_france, pt_tenths(15)), spacer(pt(7)),
                             single_line(band.title, title, 130)};  // a long title is set smaller, on one line
  const Style notice = coloured(sized(body(), 85), red_marianne);
  if (band.mark != DocumentMark::issued) {
    parts.push_back(spacer(pt(8)));
    parts.push_back(text(mark_notice_fr(band.mark), notice));
  }
  if (band.corrects) {
    parts.push_back(spacer(pt(8)));
    parts.push_back(text(corrects_fr(*band.corrects), bold(body())));
  }
  return Block{stack(std::move(parts))};
}

Block section_heading(const std::string& title) {
  Element heading = stack({text(title, coloured(sized(bold(body()), 95), blue_france)), rule(grey_line, pt_tenths(5))},
                          pt(2));
  return Block{std::move(heading), pt(10), true};
}

Element compact_fields(const std::vector<Field>& rows) {
  std::vector<Element> kept;
  for (const Field& row : rows) {
    if (row.value.empty()) continue;
    kept.push_back(columns({{pt(62), text(row.label, coloured(sized(body(), 80), grey_text))},
                            {0, text(row.value, sized(body(), 80))}},
                           pt(4)));
  }
  return stack(std::move(kept), pt(2));
}

Element fields(const std::vector<Field>& rows) {
  std::vector<Element> kept;
  for (const Field& row : rows) {
    if (!row.value.empty()) kept.push_back(field_row(row));
  }
  return stack(std::move(kept), pt(3));
}

Element amount_line(const std::string& label, const std::string& amount, bool total) {
  const std::int32_t size = total ? 120 : 95;
  Element row = columns({{0, text(label, sized(bold(body()), size))},
                         {pt(170), text(amount, aligned(sized(bold(body()), size), Align::right))}},
                        pt(8));
  if (total) {
    return box(std::move(row), BoxStyle{.fill = light_fill, .border = blue_france, .border_thickness = pt(1),
                                        .padding_x = pt(10), .padding_y = pt(7)});
  }
  return box(std::move(row), BoxStyle{.fill = light_fill, .padding_x = pt(10), .padding_y = pt(4)});
}

Element figures(const std::vector<Field>& rows) {
  std::vector<Element> lines;
  for (const Field& row : rows) {
    lines.push_back(columns({{0, text(row.label, row.strong ? bold(body()) : body())},
                             {pt(170), text(row.value, aligned(row.strong ? bold(body()) : body(), Align::right))}},
                            pt(8)));
  }
  return box(stack(std::move(lines), pt(3)), BoxStyle{.padding_x = pt(6), .padding_y = pt(2)});
}

Element figure_rows(const std::vector<FigureRow>& rows) {
  std::vector<Element> lines;
  for (const FigureRow& row : rows) {
    const Style style = row.total ? bold(body()) : body();
    Element figure = text(amount_fr(row.amount), aligned(style, Align::right));
    if (row.total) figure = stack({rule(grey_text, pt_tenths(5)), std::move(figure)}, pt(2));
    lines.push_back(columns({{0, text(row.label, style)}, {pt(170), std::move(figure)}}, pt(8)));
  }
  return box(stack(std::move(lines), pt(3)), BoxStyle{.padding_x = pt(6), .padding_y = pt(2)});
}

Block paragraph(const std::string& words, Units space_before) {
  if (words.empty()) return Block{spacer(0)};
  return Block{text(words, body()), space_before};
}

Element amount_in_words(const std::string& lead, const std::string& words) {
  return text(Runs{{lead + " : ", false}, {words, true}}, body());
}

Element account_box(const std::string& heading, const std::string& intro, const BankAccount& account,
                    const Runs& footer) {
  std::vector<Element> parts{text(heading, coloured(sized(bold(body()), 95), blue_france))};
  if (!intro.empty()) parts.push_back(text(intro, coloured(body(), grey_text)));
  parts.push_back(fields({{"Titulaire", account.holder, true}, {"Domiciliation", account.domiciliation, false}}));
  if (account.rib) parts.push_back(rib_grid(*account.rib));
  const std::string iban = account.iban.empty() ? std::string() : format_iban_grouped(account.iban);
  parts.push_back(fields({{"IBAN", iban, true}, {"BIC", account.bic, true}}));
  if (!footer.empty()) parts.push_back(text(footer, body()));
  return box(stack(std::move(parts), pt(5)), BoxStyle{.fill = light_fill, .border = grey_line,
                                                      .padding_x = pt(12), .padding_y = pt(6)});
}

Block signature(const Signature& signature, Date issued) { return closing(nullptr, signature, issued); }

Block closing(Element left, const Signature& signature, Date issued) {
  std::vector<Element> lines{text(place_and_date_fr(signature.place, issued), body())};
  if (signature.signatory) {
    lines.push_back(spacer(pt(8)));
    if (!signature.signatory->title.empty()) lines.push_back(text(signature.signatory->title, bold(body())));
    if (!signature.signatory->name.empty()) lines.push_back(text(signature.signatory->name, body()));
  }
  return Block{columns({{0, std::move(left)}, {signature_width, stack(std::move(lines), pt(2))}}, pt(12)), pt(16)};
}

Element budget_element(const std::optional<Budget>& budget, int budget_year) {
  std::vector<Field> rows;
  if (budget) rows.push_back({"Imputation", budget_fr(*budget)});
  rows.push_back({"Exercice", std::to_string(budget_year)});
  if (budget) rows.push_back({"Précision", budget->note});
  return stack({text("IMPUTATION BUDGÉTAIRE", coloured(sized(bold(body()), 95), blue_france)),
                rule(grey_line, pt_tenths(5)), compact_fields(rows)},
               pt(3));
}

Furniture furniture(FurnitureText words, const PageGeometry& geometry) {
  return [words = std::move(words), geometry](Canvas& canvas, std::size_t page_index, std::size_t page_count) {
    PRORATA_ASSERT(page_index < page_count);
    if (!words.mark.empty()) draw_mark(canvas, words.mark);
    const Units width = page_width - 2 * geometry.margin_x;
    const Style small = coloured(sized(body(), 75), grey_text);
    if (page_index > 0) {
      canvas.text({{words.document + " (suite)", false}}, small, geometry.margin_x, pt(40), width);
      canvas.hline(geometry.margin_x, pt(54), width, grey_line, pt_tenths(5));
    }
    const Units footer_y = page_height - pt(44);
    canvas.hline(geometry.margin_x, footer_y, width, grey_line, pt_tenths(5));
    canvas.text({{words.document, false}}, small, geometry.margin_x, footer_y + pt(5), width);
    const std::string page = "Page " + std::to_string(page_index + 1) + "/" + std::to_string(page_count);
    canvas.text({{page, false}}, aligned(small, Align::right), geometry.margin_x, footer_y + pt(5), width);
  };
}

Metadata metadata(const std::string& title, const std::string& author, const std::string& subject, Date created) {
  return Metadata{.title = title,
                  .author = author,
                  .subject = subject,
                  .creator = "prorata",
                  .create_date = iso8601(created),
                  .mod_date = iso8601(created)};
}

}  // namespace prorata::report::pdf
