#include "pdf/pdf_parts.h"

#include <utility>

#include "core/assert.h"
#include "core/bank_account.h"
#include "report/document_text.h"

namespace prorata::report::pdf {

namespace {

constexpr Units label_width = pt(100);        // the label column of label/value rows
constexpr Units signature_width = pt(250);    // the right-hand signature column
constexpr Units number_width = pt(140);       // the right-hand column of the header band: number, date

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

void draw_provisional(Canvas& canvas) {
  canvas.watermark("PROVISOIRE", red_marianne, 12);
  const Units width = pt(120);
  const Units x = (page_width - width) / 2;
  const Units y = pt(12);
  const Style stamp = aligned(coloured(sized(bold(body()), 110), red_marianne), Align::centre);
  const Runs words{{"PROVISOIRE", true}};
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
  Element number = stack({text("N° " + band.number, sized(bold(right), 110)),
                          text("du " + date_fr(band.issued), coloured(right, grey_text))},
                         pt(3));
  Element row = columns({{0, organisation_element("", band.issuer)}, {number_width, std::move(number)}}, pt(12));
  const Style title = coloured(sized(bold(aligned(Style{.family = Family::serif}, Align::centre)), 190), blue_france);
  return Block{stack({std::move(row), spacer(pt(10)), rule(blue_france, pt_tenths(15)), spacer(pt(10)),
                      text(band.title, title)})};
}

Block section_heading(const std::string& title) {
  Element heading = stack({text(title, coloured(sized(bold(body()), 95), blue_france)), rule(grey_line, pt_tenths(5))},
                          pt(2));
  return Block{std::move(heading), pt(12), true};
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
                                                      .padding_x = pt(12), .padding_y = pt(8)});
}

Block signature(const std::string& place, Date issued, const std::optional<Person>& signatory) {
  std::vector<Element> lines{
      text((place.empty() ? std::string("Fait") : "Fait à " + place) + ", le " + date_fr(issued), body())};
  if (signatory) {
    lines.push_back(spacer(pt(8)));
    if (!signatory->title.empty()) lines.push_back(text(signatory->title, bold(body())));
    if (!signatory->name.empty()) lines.push_back(text(signatory->name, body()));
  }
  return Block{columns({{0, nullptr}, {signature_width, stack(std::move(lines), pt(2))}}, pt(12)), pt(16)};
}

Furniture furniture(FurnitureText words, const PageGeometry& geometry) {
  return [words = std::move(words), geometry](Canvas& canvas, std::size_t page_index, std::size_t page_count) {
    PRORATA_ASSERT(page_index < page_count);
    if (words.provisional) draw_provisional(canvas);
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
