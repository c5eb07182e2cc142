#include "report/text_page.h"

#include <algorithm>

#include "core/assert.h"
#include "core/bank_account.h"

namespace prorata::report::text {

namespace {

// Words of `text` filled into lines of the page width; the first line continues a prefix `used` columns
// wide, the next ones start with `indent` spaces. Breaks at plain spaces only.
std::string wrapped(const std::string& text, std::size_t used, std::size_t indent) {
  std::string out;
  std::size_t column = used;
  bool line_empty = true;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    const std::size_t width = width_of(word);
    if (!line_empty && column + 1 + width > page_columns) {
      out += "\n" + std::string(indent, ' ');
      column = indent;
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      column += 1;
    }
    out += word;
    column += width;
    line_empty = false;
    start = end + 1;
  }
  return out + "\n";
}

}  // namespace

std::size_t width_of(std::string_view text) {
  std::size_t width = 0;
  for (char c : text) width += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1 : 0;
  return width;
}

std::string centred(const std::string& text) {
  std::size_t width = width_of(text);
  return (width < page_columns ? std::string((page_columns - width) / 2, ' ') : std::string()) + text + "\n";
}

std::string field(std::string_view label, const std::string& value) {
  if (value.empty()) return {};
  std::string line = "  " + std::string(label);
  std::size_t width = width_of(line);
  if (width < label_columns + 2) line += std::string(label_columns + 2 - width, ' ');
  line += ": ";
  return line + wrapped(value, width_of(line), width_of(line));
}

std::string paragraph(const std::string& text, std::size_t indent) {
  if (text.empty()) return {};
  return std::string(indent, ' ') + wrapped(text, indent, indent);
}

std::string figure_line(const std::string& label, Money amount) {
  const std::string figure = amount_fr(amount);
  std::size_t used = width_of(label) + width_of(figure);
  std::size_t gap = used + 2 < page_columns ? page_columns - used : 2;
  return label + std::string(gap, ' ') + figure + "\n";
}

std::string figure_rows(const std::vector<FigureRow>& rows) {
  std::size_t figure_width = 0;
  for (const FigureRow& row : rows) figure_width = std::max(figure_width, width_of(amount_fr(row.amount)));
  std::string out;
  for (const FigureRow& row : rows) {
    if (row.total) out += std::string(page_columns - figure_width, ' ') + std::string(figure_width, '-') + "\n";
    out += figure_line("  " + row.label, row.amount);
  }
  return out;
}

std::string heading(std::string_view title) { return "\n" + std::string(title) + "\n"; }

std::string indented(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += "  " + line + "\n";
  return out;
}

std::string account_fields(const BankAccount& account) {
  std::string out = field("Titulaire", account.holder);
  out += field("Domiciliation", account.domiciliation);
  if (account.rib) {
    out += field("Code banque", account.rib->bank);
    out += field("Code guichet", account.rib->branch);
    out += field("N° de compte", account.rib->account);
    out += field("Clé RIB", account.rib->key);
  }
  if (!account.iban.empty()) out += field("IBAN", format_iban_grouped(account.iban));
  out += field("BIC", account.bic);
  return out;
}

std::string document_header(const std::string& title, const std::string& number, DocumentMark mark, Date issued,
                            const std::optional<CorrectionRef>& corrects) {
  std::string out;
  if (mark != DocumentMark::issued) out += centred("*** " + mark_fr(mark) + " ***");
  out += centred(title);
  out += centred(number_line_fr(number, mark, issued));
  if (mark != DocumentMark::issued) out += "\n" + paragraph(mark_notice_fr(mark), 0);
  if (corrects) out += "\n" + paragraph(corrects_fr(*corrects), 0);
  return out;
}

std::string signature(const Signature& signature, Date issued) {
  std::string out = "\n" + place_and_date_fr(signature.place, issued) + "\n";
  if (!signature.signatory) return out;
  const std::size_t indent = page_columns / 2;
  out += "\n";
  if (!signature.signatory->title.empty()) out += std::string(indent, ' ') + signature.signatory->title + "\n";
  if (!signature.signatory->name.empty()) out += std::string(indent, ' ') + signature.signatory->name + "\n";
  return out;
}

std::string object_section(const ConventionRef& convention, const std::string& legal_basis) {
  std::string out = heading("OBJET");
  out += field("Objet", convention_object_fr(convention));
  out += field("Référence", convention.id);
  out += field("Fondement", legal_basis);
  return out;
}

std::string table(const std::vector<std::vector<std::string>>& rows, const std::vector<std::string>& marks,
                  bool total_last) {
  PRORATA_ASSERT(!rows.empty() && marks.size() == rows.size());
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    PRORATA_ASSERT(row.size() == widths.size());
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width_of(row[i]));
  }
  std::size_t total_width = 0;
  for (std::size_t w : widths) total_width += w;
  total_width += 2 * (widths.size() - 1);
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (total_last && r + 1 == rows.size()) out += "  " + std::string(total_width, '-') + "\n";
    std::string line = marks[r] + rows[r][0] + std::string(widths[0] - width_of(rows[r][0]), ' ');
    for (std::size_t i = 1; i < rows[r].size(); ++i) {
      line += "  " + std::string(widths[i] - width_of(rows[r][i]), ' ') + rows[r][i];
    }
    while (line.ends_with(' ')) line.pop_back();  // a short row leaves no blanks at the end of its line
    out += line + "\n";
  }
  return out;
}

}  // namespace prorata::report::text
