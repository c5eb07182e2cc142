// The pieces both documents are made of: palette and type styles, the header band, section headings,
// label/value rows, the bank account box, the signature, and the page furniture.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/documents.h"
#include "pdf/pdf_layout.h"

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

// The parts of the top of page 1: the issuing organisation on the left; title, number and date on the
// right; a blue rule under both.
struct TitleBand {
  Organisation issuer;
  std::string title;   // "ÉTAT DES SOMMES DUES"
  std::string number;  // "ESD-2020-0004"
  Date issued;
};
Block title_band(const TitleBand& band);

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

// Label and an amount flush right, in a light band (or a framed one when `total`).
Element amount_line(const std::string& label, const std::string& amount, bool total);

// Labels with their amounts flush right, unframed, aligned with the figures of a table below.
Element figures(const std::vector<Field>& rows);

// "Arrêté le présent … à la somme de : <words>" with the words in bold.
Element amount_in_words(const std::string& lead, const std::string& words);

// Titulaire, domiciliation, the four RIB fields as a grid, IBAN in groups of four, BIC; `intro` on top
// and `footer` (the transfer reference) below, each left out when empty.
Element account_box(const std::string& heading, const std::string& intro, const BankAccount& account,
                    const Runs& footer);

// "Fait à Paris, le 22 juillet 2020", then the signatory's title and name, in the right half.
Block signature(const std::string& place, Date issued, const std::optional<Person>& signatory);

struct FurnitureText {
  std::string document;  // "État des sommes dues N° ESD-2020-0004"
  bool provisional = false;
};
Furniture furniture(FurnitureText text, const PageGeometry& geometry);

// Title, author (the issuer), subject, creator "prorata", and the dates of the options.
Metadata metadata(const std::string& title, const std::string& author, const std::string& subject, Date created);

}  // namespace prorata::report::pdf
