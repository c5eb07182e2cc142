#include "report/portfolio_output.h"

#include <nlohmann/json.hpp>

#include <vector>

#include "core/assert.h"
#include "core/message_text.h"
#include "report/status_json_value.h"
#include "report/text_table.h"

namespace prorata::report {

std::string portfolio_json(const PortfolioStatus& portfolio) {
  using Json = nlohmann::ordered_json;
  Json conventions = Json::array();
  for (const Status& status : portfolio.conventions) conventions.push_back(status_json_value(status));
  Json other = Json::object();
  for (const auto& [id, rows] : portfolio.other_conventions) other[id] = rows;
  Json out{{"format", "prorata-portfolio/1"},
           {"as_of", format_date(portfolio.as_of)},
           {"conventions", conventions},
           {"totals", totals_json_value(portfolio.totals)},
           {"other_conventions", other}};
  return out.dump(2) + "\n";
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
