#include <string>
#include <vector>

#include "core/message_text.h"
#include "report/status_output.h"
#include "report/text_table.h"

namespace prorata::report {

namespace {

using Row = std::vector<std::string>;

Row amounts_row(const std::string& label, const std::vector<Money>& amounts) {
  Row row{label};
  for (Money amount : amounts) row.push_back(format_amount_fr(amount));
  return row;
}

std::string term_line(const Status& status) {
  const TermStatus& term = status.term;
  std::string line = "As of " + format_date(status.as_of) + ": " + to_string(term.state);
  if (!term.effective) return line + " (not every party has signed yet)\n";
  line += ", effective " + format_date(*term.effective);
  line += term.state == TermState::ended ? ", ended " : ", ends ";
  line += format_date(*term.end);
  if (term.end_reason) line += std::string(" (") + to_string(*term.end_reason) + ")";
  return line + "\n";
}

// Nothing when the rules have no amendments; else which are in force and which wait for signatures.
std::string amendments_line(const Status& status) {
  if (status.amendments.empty()) return "";
  std::vector<std::string> in_force;
  std::vector<std::string> pending;
  for (const AmendmentStatus& a : status.amendments) {
    if (a.state == AmendmentState::in_force) {
      in_force.push_back(a.id + " (effective " + format_date(*a.effective) + ")");
    } else {
      pending.push_back(a.id + " (still to sign: " + joined(a.missing_signatures) + ")");
    }
  }
  std::string line = "Amendments in force: " + (in_force.empty() ? std::string("none") : joined(in_force));
  if (!pending.empty()) line += "; pending: " + joined(pending);
  if (!pending.empty() && status.term.state == TermState::ended) {
    line += ". The term ended on " + format_date(*status.term.end) +
            ": a pending amendment can no longer take effect (art. 5)";
  }
  return line + "\n";
}

std::string eligibility_line(const Status& status) {
  const TermStatus& term = status.term;
  const Totals& t = status.totals;
  if (!term.effective || status.as_of < *term.effective) {
    std::string line = "- Nothing is eligible before the convention takes effect (when every party has signed)";
    if (t.paid > Money{}) line += ": until then, every amount paid shows as refundable";
    return line + ".\n";
  }
  const bool to_as_of = status.as_of < *term.end;
  return "- Eligible spending: expenses dated " + format_date(*term.effective) + " to " +
         format_date(to_as_of ? status.as_of : *term.end) + (to_as_of ? " (so far)" : " (the term)") +
         " in an eligible category: " + format_amount_fr(t.eligible_spending) + " of the " +
         format_amount_fr(t.spending) + " spent.\n";
}

std::string share_lines(const Status& status) {
  const SettlementBasis& basis = status.basis;
  const Totals& t = status.totals;
  std::string out;
  if (basis.share_key == ShareKey::paid) {
    out += "- Share key paid: each contributor's payments count up to its cap, " + format_amount_fr(basis.retained) +
           " in all.";
    if (basis.unused > Money{}) {
      out += " " + format_amount_fr(basis.unused) +
             " of it was not needed for eligible spending and goes back pro rata to the amounts paid.\n";
      if (!basis.leftover_cent_to.empty()) {
        const std::size_t cents = basis.leftover_cent_to.size();
        out += "- Every refund is rounded down to the cent; the " + std::to_string(cents) +
               (cents == 1 ? " cent" : " cents") +
               " left over went to the largest remainders (on a tie, the larger payment, then the first id): " +
               joined(basis.leftover_cent_to) + ".\n";
      }
    } else {
      out += " All of it is used by the eligible spending.\n";
    }
  } else {
    const char* how = basis.share_key == ShareKey::caps    ? "pro rata to the caps"
                      : basis.share_key == ShareKey::equal ? "equally"
                                                           : "pro rata to the weights of the rules";
    out += std::string("- Share key ") + to_string(basis.share_key) + ": the eligible spending is shared " + how +
           ", no contributor above its cap; shares are rounded down to the cent and the leftover cents go to the "
           "largest remainders.\n";
    if (!basis.held_at_cap.empty()) {
      out += "- Held at their cap, the rest shared among the others: " + joined(basis.held_at_cap) + ".\n";
    }
  }
  if (t.uncovered > Money{}) {
    out += "- " + format_amount_fr(t.uncovered) + " of eligible spending is " +
           (basis.share_key == ShareKey::paid ? "more than the contributors have paid (within their caps): the "
                                                "beneficiary bears it unless more is paid.\n"
                                              : "beyond the caps of the contributors who share it: the "
                                                "beneficiary bears it.\n");
  }
  return out;
}

}  // namespace

std::string status_text(const Status& status) {
  std::string out = status.title + " [" + status.convention + "]\n" + term_line(status) + amendments_line(status) + "\n";
  // A "cancelled" column only where calls were cancelled: the usual table keeps its shape.
  const bool cancelled = status.totals.cancelled != Money{};
  std::vector<Row> rows{{"contributor", "cap", "called", "paid", "refunded", "final", "refund due", "amount due",
                         "unpaid calls"}};
  if (cancelled) rows.front().insert(rows.front().begin() + 3, "cancelled");
  const auto with_cancelled = [&](std::vector<Money> amounts, Money value) {
    if (cancelled) amounts.insert(amounts.begin() + 2, value);
    return amounts;
  };
  for (const auto& c : status.contributors) {
    rows.push_back(amounts_row(c.id, with_cancelled({c.cap, c.called, c.paid, c.refunded, c.final_contribution,
                                                     c.refund_due, c.amount_due, c.outstanding_calls},
                                                    c.cancelled)));
  }
  const Totals& t = status.totals;
  rows.push_back(amounts_row("total", with_cancelled({t.caps, t.called, t.paid, t.refunded, t.covered, t.refund_due,
                                                      t.amount_due, t.outstanding_calls},
                                                     t.cancelled)));
  out += render_table(rows, rows.size() - 1);
  out += "\nSpending " + format_amount_fr(t.spending) + ", eligible " + format_amount_fr(t.eligible_spending) +
         ", covered by the contributors " + format_amount_fr(t.covered) + ", uncovered (borne by the beneficiary) " +
         format_amount_fr(t.uncovered) + ".\n";
  out += "\nWhy:\n" + eligibility_line(status);
  if (status.term.effective && status.as_of >= *status.term.effective) out += share_lines(status);
  return out;
}

}  // namespace prorata::report
