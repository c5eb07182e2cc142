#include "report/status_output.h"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace prorata::report {

namespace {

// RFC 4180: a field holding the separator, a quote or a line break is quoted, its quotes doubled.
std::string csv_field(std::string_view text, char separator) {
  const bool needs_quotes = std::any_of(text.begin(), text.end(), [&](char c) {
    return c == separator || c == '"' || c == '\r' || c == '\n';
  });
  if (!needs_quotes) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// 9000.00, or 9000,00 for a French spreadsheet: no thousands separator, which a spreadsheet would
// read as text.
std::string csv_amount(Money amount, CsvDialect dialect) {
  std::string text = format_amount(amount);
  if (dialect == CsvDialect::french) std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

}  // namespace

std::string status_csv(const Status& status, CsvDialect dialect) {
  const char separator = dialect == CsvDialect::french ? ';' : ',';
  const std::string_view names[] = {
      "convention",    "as_of",      "contributor",       "cap_agreed",       "cap",        "called",
      "paid",          "refunded",   "net_paid",          "final_contribution", "balance",  "refund_due",
      "amount_due",    "outstanding_calls", "convention_title", "contributor_name", "contributor_siren",
      "term_state",    "term_end"};
  std::string out = dialect == CsvDialect::french ? "\xEF\xBB\xBF" : "";
  for (std::size_t i = 0; i < std::size(names); ++i) {
    if (i > 0) out += separator;
    out += names[i];
  }
  out += "\r\n";
  const std::string term_state = to_string(status.term.state);
  const std::string term_end = status.term.end ? format_date(*status.term.end) : "";
  for (const auto& c : status.contributors) {
    const Money amounts[] = {c.cap_agreed, c.cap,     c.called,     c.paid,       c.refunded,         c.net_paid,
                             c.final_contribution,    c.balance,    c.refund_due, c.amount_due,       c.outstanding_calls};
    std::string row = csv_field(status.convention, separator) + separator + format_date(status.as_of) + separator +
                      csv_field(c.id, separator);
    for (Money amount : amounts) row += separator + csv_amount(amount, dialect);
    for (std::string_view text : {std::string_view(status.title), std::string_view(c.name), std::string_view(c.siren),
                                  std::string_view(term_state), std::string_view(term_end)}) {
      row += separator + csv_field(text, separator);
    }
    out += row + "\r\n";
  }
  return out;
}

}  // namespace prorata::report
