// The text page the documents are laid out on: 78 columns of UTF-8, labels padded to one column, figures
// flush right, words wrapped at plain spaces only (the no-break spaces inside "9 000,00 €" and "1er"
// keep a figure whole). Internal to report/: the documents and the yearly report.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/document_words.h"

namespace prorata::report::text {

inline constexpr std::size_t page_columns = 78;   // the width of the text page, in characters
inline constexpr std::size_t label_columns = 16;  // "Domiciliation : " fits

// Display width of UTF-8 text: one column per code point (accents, €, « » are one column each).
std::size_t width_of(std::string_view text);
std::string centred(const std::string& text);
// "Label" padded to the label column, then the value (wrapped under itself); nothing when it is empty.
std::string field(std::string_view label, const std::string& value);
// A sentence wrapped to the page, continued lines indented like the first; nothing when it is empty.
std::string paragraph(const std::string& text, std::size_t indent);
// A label on the left and a figure flush with the right edge of the page.
std::string figure_line(const std::string& label, Money amount);
// Figure rows; a total row comes under a rule of dashes over the figures' width.
std::string figure_rows(const std::vector<FigureRow>& rows);
std::string heading(std::string_view title);
std::string indented(const std::vector<std::string>& lines);
// Titulaire, domiciliation, RIB, IBAN and BIC of an account, each line only when known.
std::string account_fields(const BankAccount& account);
// The top of every document: the mark banner, the title, the number line, why it has no number, and
// the document it corrects.
std::string document_header(const std::string& title, const std::string& number, DocumentMark mark, Date issued,
                            const std::optional<CorrectionRef>& corrects);
// "Fait à …, le …", then the signatory's title and name in the right half.
std::string signature(const Signature& signature, Date issued);
// OBJET: the convention, its id, the legal basis.
std::string object_section(const ConventionRef& convention, const std::string& legal_basis);
// A table of cells, the first column left-aligned, the others flush right; `marks` prefix each row
// (two columns each), a rule of dashes comes above the last row when `total_last`.
std::string table(const std::vector<std::vector<std::string>>& rows, const std::vector<std::string>& marks,
                  bool total_last);

}  // namespace prorata::report::text
