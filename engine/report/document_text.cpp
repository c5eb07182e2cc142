#include "report/document_text.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

#include "core/assert.h"
#include "core/bank_account.h"
#include "core/limits.h"

namespace prorata::report {

namespace {

constexpr std::size_t page_columns = 78;     // the width of the text page, in characters
constexpr std::size_t label_columns = 16;    // "Domiciliation : " fits
constexpr std::string_view narrow_nbsp = "\u202F";
constexpr std::string_view nbsp = "\u00A0";

// Display width of UTF-8 text: one column per code point (accents, €, « » are one column each).
std::size_t width_of(std::string_view text) {
  std::size_t width = 0;
  for (char c : text) width += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1 : 0;
  return width;
}

std::string centred(const std::string& text) {
  std::size_t width = width_of(text);
  return (width < page_columns ? std::string((page_columns - width) / 2, ' ') : std::string()) + text + "\n";
}

// Words of `text` filled into lines of the page width; the first line continues a prefix `used` columns
// wide, the next ones start with `indent` spaces. Breaks at plain spaces only: the no-break spaces inside
// "9 000,00 €" and "1er" keep a figure whole.
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

// "Label" padded to the label column, then the value (wrapped under itself); nothing when it is empty.
std::string field(std::string_view label, const std::string& value) {
  if (value.empty()) return {};
  std::string line = "  " + std::string(label);
  std::size_t width = width_of(line);
  if (width < label_columns + 2) line += std::string(label_columns + 2 - width, ' ');
  line += ": ";
  return line + wrapped(value, width_of(line), width_of(line));
}

// A sentence wrapped to the page, continued lines indented like the first.
std::string paragraph(const std::string& text, std::size_t indent) {
  return std::string(indent, ' ') + wrapped(text, indent, indent);
}

// A label on the left and a figure flush with the right edge of the page.
std::string figure_line(const std::string& label, Money amount) {
  const std::string figure = amount_fr(amount);
  std::size_t used = width_of(label) + width_of(figure);
  std::size_t gap = used + 2 < page_columns ? page_columns - used : 2;
  return label + std::string(gap, ' ') + figure + "\n";
}

std::string heading(std::string_view title) { return "\n" + std::string(title) + "\n"; }

std::string indented(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += "  " + line + "\n";
  return out;
}

// Titulaire, domiciliation, RIB, IBAN and BIC of an account, each line only when known.
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

std::string signature(const std::string& place, Date issued, const std::optional<Person>& signatory) {
  std::string out = "\n" + (place.empty() ? std::string("Fait") : "Fait à " + place) + ", le " + date_fr(issued) + "\n";
  if (!signatory) return out;
  const std::size_t indent = page_columns / 2;
  out += "\n";
  if (!signatory->title.empty()) out += std::string(indent, ' ') + signatory->title + "\n";
  if (!signatory->name.empty()) out += std::string(indent, ' ') + signatory->name + "\n";
  return out;
}

std::string object_section(const std::string& title, const std::optional<Date>& signed_on,
                           const std::vector<AmendmentRef>& amendments, const std::string& id,
                           const std::string& legal_basis) {
  std::string out = heading("OBJET");
  out += field("Objet", convention_object_fr(title, signed_on, amendments));
  out += field("Référence", id);
  out += field("Fondement", legal_basis);
  return out;
}

std::string statement_payment(const StatementDocument& document) {
  std::string out = heading("MODALITÉS DE RÈGLEMENT");
  out += "  À régler par virement au compte ci-dessous du comptable assignataire.\n";
  out += account_fields(document.pay_to);
  if (!document.payment_reference.empty()) {
    out += paragraph("Référence à rappeler sur le virement : " + document.payment_reference, 2);
  }
  return out;
}

std::string budget_section(const std::optional<Budget>& budget) {
  if (!budget) return {};
  std::string out = heading("IMPUTATION BUDGÉTAIRE");
  out += field("Imputation", budget_fr(*budget));
  out += field("Précision", budget->note);
  return out;
}

using Row = std::array<std::string, 4>;  // contributor, net paid, final contribution, refund

// The settlement table: one row per contributor, then the totals; the notice's own row is marked "> ".
// Columns are as wide as their widest cell, the figures flush right.
std::string settlement_table(const RefundNotice& notice) {
  std::vector<Row> rows{{"Contributeur", "Versé net", "Contribution définitive", "À restituer"}};
  std::vector<std::string> marks{"  "};
  for (const SettlementLine& line : notice.settlement) {
    rows.push_back({line.name.empty() ? line.id : line.name, amount_fr(line.net_paid),
                    amount_fr(line.final_contribution), amount_fr(line.refund)});
    marks.emplace_back(line.id == notice.contributor_id ? "> " : "  ");
  }
  const SettlementTotals totals = settlement_totals(notice.settlement);
  rows.push_back({"Total", amount_fr(totals.net_paid), amount_fr(totals.final_contribution), amount_fr(totals.refund)});
  marks.emplace_back("  ");
  std::array<std::size_t, 4> widths{};
  for (const Row& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width_of(row[i]));
  }
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (r + 1 == rows.size()) out += "  " + std::string(widths[0] + widths[1] + widths[2] + widths[3] + 6, '-') + "\n";
    std::string line = marks[r] + rows[r][0] + std::string(widths[0] - width_of(rows[r][0]), ' ');
    for (std::size_t i = 1; i < rows[r].size(); ++i) {
      line += "  " + std::string(widths[i] - width_of(rows[r][i]), ' ') + rows[r][i];
    }
    out += line + "\n";
  }
  return out;
}

std::string refund_header(const RefundNotice& notice) {
  std::string out;
  if (notice.provisional) out += centred("*** PROVISOIRE ***");
  out += centred("AVIS DE RESTITUTION");
  out += centred("N° " + notice.number + " du " + date_fr(notice.issued));
  if (notice.provisional) {
    out += "\n" + paragraph("Document provisoire : la convention est en cours d'exécution, les montants peuvent "
                            "encore évoluer.",
                            0);
  }
  return out;
}

std::string refund_settlement(const RefundNotice& notice) {
  std::string out = heading("DÉCOMPTE");
  out += figure_line("  Dépenses éligibles", notice.eligible_spending);
  out += figure_line("  Couvertes par les contributions", notice.covered);
  out += field("Règle", notice.rule);
  out += "\n" + settlement_table(notice);
  return out;
}

}  // namespace

std::string date_fr(Date day) {
  static constexpr std::array<std::string_view, 12> months{"janvier", "février", "mars",      "avril",
                                                            "mai",     "juin",    "juillet",   "août",
                                                            "septembre", "octobre", "novembre", "décembre"};
  const date::year_month_day ymd{day};
  PRORATA_ASSERT(ymd.ok());
  const unsigned day_number = static_cast<unsigned>(ymd.day());
  const unsigned month_number = static_cast<unsigned>(ymd.month());
  PRORATA_ASSERT(month_number >= 1 && month_number <= months.size());
  return (day_number == 1 ? std::string("1er") : std::to_string(day_number)) + " " +
         std::string(months[month_number - 1]) + " " + std::to_string(static_cast<int>(ymd.year()));
}

std::string amount_fr(Money amount) { return format_amount_fr(amount, narrow_nbsp, nbsp); }

std::string person_fr(const Person& person) {
  if (person.name.empty()) return person.title;
  if (person.title.empty()) return person.name;
  return person.name + ", " + person.title;
}

std::string convention_object_fr(const std::string& title, const std::optional<Date>& signed_on,
                                 const std::vector<AmendmentRef>& amendments) {
  std::string out = "Convention « " + title + " »";
  if (signed_on) out += " signée le " + date_fr(*signed_on);
  for (std::size_t i = 0; i < amendments.size(); ++i) {
    const AmendmentRef& a = amendments[i];
    out += std::string(i == 0 ? ", modifiée par l'avenant " : " et l'avenant ") + a.id + " (« " + a.title +
           " ») en vigueur le " + date_fr(a.effective);
  }
  return out;
}

std::string budget_fr(const Budget& budget) {
  std::string out = budget.fund;
  if (!budget.programme.empty()) out += (out.empty() ? "programme " : ", programme ") + budget.programme;
  return out;
}

std::vector<std::string> organisation_lines_fr(const Organisation& organisation) {
  std::vector<std::string> lines;
  if (!organisation.name.empty()) lines.push_back(organisation.name);
  for (const auto& line : organisation.address) {
    if (!line.empty()) lines.push_back(line);
  }
  if (!organisation.siren.empty()) lines.push_back("SIREN : " + organisation.siren);
  if (organisation.representative) {
    const std::string who = person_fr(*organisation.representative);
    if (!who.empty()) lines.push_back("Représenté par : " + who);
  }
  return lines;
}

SettlementTotals settlement_totals(const std::vector<SettlementLine>& settlement) {
  PRORATA_ASSERT(settlement.size() <= limits::contributors_max);
  SettlementTotals totals{};
  for (const SettlementLine& line : settlement) {
    totals.net_paid += line.net_paid;
    totals.final_contribution += line.final_contribution;
    totals.refund += line.refund;
  }
  return totals;
}

void check_refund_notice(const RefundNotice& notice) {
  PRORATA_ASSERT(notice.amount >= Money{});
  PRORATA_ASSERT(settlement_totals(notice.settlement).final_contribution == notice.covered);
  for (const SettlementLine& line : notice.settlement) {
    if (line.id == notice.contributor_id) PRORATA_ASSERT(line.refund == notice.amount);
  }
}

std::string statement_text(const StatementDocument& document) {
  PRORATA_ASSERT(document.amount >= Money{});
  std::string out = centred("ÉTAT DES SOMMES DUES");
  out += centred("N° " + document.number + " du " + date_fr(document.issued));
  out += heading("CRÉANCIER") + indented(organisation_lines_fr(document.creditor));
  if (!document.accountant.empty()) out += heading("COMPTABLE ASSIGNATAIRE") + "  " + document.accountant + "\n";
  out += heading("DÉBITEUR") + indented(organisation_lines_fr(document.debtor));
  out += object_section(document.convention_title, document.signed_on, document.amendments, document.convention_id,
                        document.legal_basis);
  out += "\n" + figure_line("MONTANT DÛ", document.amount);
  out += paragraph("Arrêté le présent état à la somme de : " + document.amount_words, 0);
  out += statement_payment(document);
  out += budget_section(document.budget);
  out += signature(document.place, document.issued, document.signatory);
  return out;
}

std::string refund_notice_text(const RefundNotice& notice) {
  check_refund_notice(notice);
  std::string out = refund_header(notice);
  out += heading("ÉMETTEUR") + indented(organisation_lines_fr(notice.issuer));
  out += heading("BÉNÉFICIAIRE DE LA RESTITUTION") + indented(organisation_lines_fr(notice.contributor));
  out += object_section(notice.convention_title, notice.signed_on, notice.amendments, notice.convention_id,
                        notice.legal_basis);
  if (notice.term_end) out += field("Fin du terme", "le " + date_fr(*notice.term_end));
  out += refund_settlement(notice);
  out += "\n" + figure_line("MONTANT À RESTITUER", notice.amount);
  out += paragraph("Arrêté le présent avis à la somme de : " + notice.amount_words, 0);
  if (notice.refund_to) {
    out += heading("COMPTE DE RESTITUTION");
    out += "  Versement par virement au compte ci-dessous du contributeur.\n" + account_fields(*notice.refund_to);
  } else {
    out += heading("COMPTE DE RESTITUTION") + paragraph(missing_refund_account_fr, 2);
  }
  out += signature(notice.place, notice.issued, notice.signatory);
  return out;
}

}  // namespace prorata::report
