// The pieces both documents are made of: palette and type styles, the header band, section headings,
// label/value rows, the bank account box, the signature, and the page furniture.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/document_types.h"
#include "pdf/pdf_layout.h"
#include "report/document_words.h"

namespace prorata::report::pdf {

// Marianne's palette (the French State's visual identity): "bleu France", "rouge Marianne", greys.
inline constexpr Colour blue_france{0, 0, 145};
inline constexpr Colour red_marianne{206, 5, 0};
inline constexpr Colour ink{22, 22, 22};
inline constexpr Colour grey_text{102, 102, 102};
inline constexpr Colour grey_line{206, 206, 206};
inline constexpr Colour light_fill{245, 245, 254};
inline constexpr Colour white{255, 255, 255};

Style body();
Style small_caps_label();  // small grey bold label above a value ("DÉBITEUR")
Style bold(Style style);
Style sized(Style style, std::int32_t size_tenths_pt);
Style aligned(Style style, Align align);
Style coloured(Style style, Colour colour);

// The parts of the top of page 1: the issuing organisation on the left; number and date on the right
// (the number on one line, never split); a blue rule under both; the title; then why a preview or
// provisional document has no number, and the document a corrective one replaces.
struct TitleBand {
  Organisation issuer;
  std::string title;   // "ÉTAT DES SOMMES DUES"
  std::string number;  // "ESD-2020-0004"; empty for a preview or provisional document
  DocumentMark mark = DocumentMark::issued;
  Date issued;
  std::optional<CorrectionRef> corrects;
};
Block title_band(const TitleBand& band);

// Left: what identifies the document on the paying side; right: the addressee in a frame, as in a letter.
Block parties_row(Element left, Element addressee);

// A small label over its value; nothing when the value is empty.
Element labelled(const std::string& label, const std::string& value);

// A table row: the first cell takes what the others leave, each other cell `figure_width` wide, flush
// right; a thin rule under it.
Element table_row(const std::vector<std::string>& cells, Style style, std::optional<Colour> fill, Units figure_width);

// The document drawn on its pages with its furniture and metadata (dated `created`); checks the bytes
// are a PDF.
std::string render_pdf(const std::string& name, const std::string& author, const std::string& subject,
                       DocumentMark mark, Date created, const std::vector<Block>& blocks);

// The lines of an organisation, name in bold, under a small label.
Element organisation_element(const std::string& label, const Organisation& organisation);

// A blue section title with a thin rule; it stays with the block after it.
Block section_heading(const std::string& title);

// Label on the left, value wrapping on the right; nothing at all when the value is empty.
struct Field {
  std::string label;
  std::string value;
  bool strong = false;
};
Element fields(const std::vector<Field>& rows);
// The same in small type with a narrow label column, for half a page.
Element compact_fields(const std::vector<Field>& rows);

// Label and an amount flush right, in a light band (or a framed one when `total`).
Element amount_line(const std::string& label, const std::string& amount, bool total);

// Labels with their amounts flush right, unframed, aligned with the figures of a table below.
Element figures(const std::vector<Field>& rows);
// The same for rows of figures that add up: a total row is bold, under a rule over its figure.
Element figure_rows(const std::vector<FigureRow>& rows);

// A paragraph of body text; nothing when it is empty.
Block paragraph(const std::string& text, Units space_before);

// "Arrêté le présent … à la somme de : <words>" with the words in bold.
Element amount_in_words(const std::string& lead, const std::string& words);

// Titulaire, domiciliation, the four RIB fields as a grid, IBAN in groups of four, BIC; `intro` on top
// and `footer` (the transfer reference) below, each left out when empty.
Element account_box(const std::string& heading, const std::string& intro, const BankAccount& account,
                    const Runs& footer);

// "Fait à Paris, le 22 juillet 2020", then the signatory's title and name, in the right half.
Block signature(const Signature& signature, Date issued);
// The same signature with `left` beside it in the left half (nullptr: nothing).
Block closing(Element left, const Signature& signature, Date issued);

// IMPUTATION BUDGÉTAIRE: the imputation, the budget year, the note, in small type for the left half of
// the closing block.
Element budget_element(const std::optional<Budget>& budget, int budget_year);

struct FurnitureText {
  std::string document;  // "État des sommes dues N° ESD-2020-0004"
  std::string mark;      // "PROJET", "PROVISOIRE": across every page and stamped at its top; "" when issued
};
Furniture furniture(FurnitureText text, const PageGeometry& geometry);

// Title, author (the issuer), subject, creator "prorata", and the dates of the options.
Metadata metadata(const std::string& title, const std::string& author, const std::string& subject, Date created);

}  // namespace prorata::report::pdf
