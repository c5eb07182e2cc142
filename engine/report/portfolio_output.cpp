#include "report/portfolio_output.h"

#include <nlohmann/json.hpp>

#include <vector>

#include "core/assert.h"
#include "core/message_text.h"
#include "report/status_json_value.h"
#include "report/text_table.h"

namespace prorata::report {

namespace {

// `json` dumped with an indent of 2 as if it stood `depth` levels deep in a larger document: what
// dump(2) of the whole document prints for it (every line after the first moved right by 2 x depth).
void append_nested(std::string& out, const nlohmann::ordered_json& json, std::size_t depth) {
  const std::string text = json.dump(2);
  const std::string indent(2 * depth, ' ');
  std::size_t from = 0;
  for (std::size_t newline = text.find('\n'); newline != std::string::npos; newline = text.find('\n', from)) {
    out.append(text, from, newline + 1 - from);
    out += indent;
    from = newline + 1;
  }
  out.append(text, from, std::string::npos);
}

}  // namespace

// The document dump(2) gives for {"format", "as_of", "conventions": [...], "totals", "other_conventions"},
// written one convention at a time: the JSON tree of a thousand statuses at once was half the memory
// of a portfolio run (tests/report/portfolio_json_test.cpp compares the two byte for byte).
void write_portfolio_json(const PortfolioStatus& portfolio, const std::function<void(std::string_view)>& write) {
  using Json = nlohmann::ordered_json;
  constexpr std::size_t piece_bytes = std::size_t{64} << 10;
  std::string out = "{\n  \"format\": \"prorata-portfolio/1\",\n  \"as_of\": " +
                    Json(format_date(portfolio.as_of)).dump() + ",\n  \"conventions\": [";
  bool first = true;
  for (const Status& status : portfolio.conventions) {
    out += first ? "\n    " : ",\n    ";
    first = false;
    append_nested(out, status_json_value(status), 2);
    if (out.size() >= piece_bytes) {
      write(out);
      out.clear();
    }
  }
  out += portfolio.conventions.empty() ? "],\n  \"totals\": " : "\n  ],\n  \"totals\": ";
  append_nested(out, totals_json_value(portfolio.totals), 1);
  Json other = Json::object();
  for (const auto& [id, rows] : portfolio.other_conventions) other[id] = rows;
  out += ",\n  \"other_conventions\": ";
  append_nested(out, other, 1);
  out += "\n}\n";
  write(out);
}

std::string portfolio_json(const PortfolioStatus& portfolio) {
  std::string out;
  write_portfolio_json(portfolio, [&](std::string_view piece) { out += piece; });
  return out;
}

std::string portfolio_csv(const PortfolioStatus& portfolio, CsvDialect dialect) {
  std::string out;
  for (const Status& status : portfolio.conventions) {
    const std::string part = status_csv(status, dialect);
    if (out.empty()) {
      out = part;  // the header (and, in French, the BOM) once
      continue;
    }
    const std::size_t header_end = part.find("\r\n");
    PRORATA_ASSERT(header_end != std::string::npos);
    out += part.substr(header_end + 2);
  }
  if (out.empty()) out = status_csv(Status{}, dialect);  // no convention: the header alone
  return out;
}

std::string portfolio_text(const PortfolioStatus& portfolio) {
  using Row = std::vector<std::string>;
  std::vector<Row> rows{{"Convention", "State", "End", "Caps", "Called", "Paid", "Eligible", "Covered",
                         "Refund due", "Amount due", "Outstanding"}};
  for (const Status& s : portfolio.conventions) {
    const Totals& t = s.totals;
    rows.push_back({s.convention, to_string(s.term.state), s.term.end ? format_date(*s.term.end) : "-",
                    format_amount_fr(t.caps), format_amount_fr(t.called), format_amount_fr(t.paid),
                    format_amount_fr(t.eligible_spending), format_amount_fr(t.covered), format_amount_fr(t.refund_due),
                    format_amount_fr(t.amount_due), format_amount_fr(t.outstanding_calls)});
  }
  const std::size_t total_row = rows.size();
  const Totals& t = portfolio.totals;
  rows.push_back({"Total (" + std::to_string(portfolio.conventions.size()) + ")", "", "", format_amount_fr(t.caps),
                  format_amount_fr(t.called), format_amount_fr(t.paid), format_amount_fr(t.eligible_spending),
                  format_amount_fr(t.covered), format_amount_fr(t.refund_due), format_amount_fr(t.amount_due),
                  format_amount_fr(t.outstanding_calls)});
  std::string out = "Portfolio as of " + format_date(portfolio.as_of) + ": " +
                    std::to_string(portfolio.conventions.size()) + " conventions\n\n";
  out += render_table(rows, total_row);
  out += "\nTitles:\n";
  for (const Status& s : portfolio.conventions) out += "- " + s.convention + ": " + s.title + "\n";
  out += "\nNeeds attention:";
  if (portfolio.attention.empty()) out += " nothing.\n";
  else out += "\n";
  for (const AttentionItem& item : portfolio.attention) out += "- " + item.convention + ": " + item.what + "\n";
  if (!portfolio.other_conventions.empty()) {
    std::vector<std::string> others;
    for (const auto& [id, rows_of_id] : portfolio.other_conventions) {
      others.push_back(id + " (" + std::to_string(rows_of_id) + (rows_of_id == 1 ? " row)" : " rows)"));
    }
    out += "\nJournal rows of conventions not loaded: " + joined(others) + ".\n";
  }
  return out;
}

}  // namespace prorata::report
