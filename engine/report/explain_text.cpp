#include "core/message_text.h"
#include "report/explain_output.h"

namespace prorata::report {

namespace {

// Lists longer than this show their first lines, then a count and the total of the rest.
constexpr std::size_t lines_shown_max = 10;

std::string fr(Money m) { return format_amount_fr(m); }

std::string value_fr(const std::string& value) {
  auto parsed = parse_amount(value);
  return parsed.value ? fr(*parsed.value) : value;
}

std::string line_text(const std::string& path, const CitedLine& line) {
  std::string out = "    " + path + ":" + std::to_string(line.line) + "  " + format_date(line.date) + "  " +
                    to_string(line.kind);
  if (!line.party.empty()) out += "  " + std::string(line.party);
  if (line.amount) out += "  " + fr(*line.amount);
  if (!line.ref.empty()) out += "  " + line.ref;
  if (!line.category.empty()) out += "  [" + std::string(line.category) + "]";
  return out;
}

std::string lines_text(const std::string& path, const std::vector<const CitedLine*>& lines) {
  std::string out;
  Money rest{};
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i < lines_shown_max) out += line_text(path, *lines[i]) + "\n";
    else if (lines[i]->amount) rest += *lines[i]->amount;
  }
  if (lines.size() > lines_shown_max) {
    out += "    and " + std::to_string(lines.size() - lines_shown_max) + " more lines, total " + fr(rest) + "\n";
  }
  return out;
}

std::string figure_text(const std::string& name, const Figure& figure, const std::string& path) {
  std::string out = "  " + name + " " + (figure.value.empty() ? "unknown" : value_fr(figure.value)) + ": " + figure.rule;
  if (!figure.basis.empty()) out += " [" + figure.basis + "]";
  return out + "\n" + lines_text(path, figure.lines);
}

std::string share_text(const ShareDetail& share) {
  std::string out = "    " + share.of + " share: exactly " + format_fraction(share.exact) + " cents (pro rata to " +
                    format_fraction(share.weight) + "), rounded down to " + fr(share.floor) + ", remainder " +
                    format_fraction(share.remainder) + " of a cent";
  if (share.rank > 0) out += ", rank " + std::to_string(share.rank);
  else out += ", nothing to round";
  if (share.leftover_cent) out += ": gets one of the leftover cents";
  if (!share.tie.empty()) {
    out += std::string(" (tied on the remainder with a contributor across the cut; ") +
           (share.tie == "weight" ? "the larger weight" : "the first id") + " decided)";
  }
  if (share.at_cap) out += " (at its cap)";
  return out + "\n";
}

std::string contributor_text(const ContributorExplanation& c, const std::string& path) {
  std::string out = "\nContributor " + c.id + "\n";
  out += "  cap " + value_fr(c.cap.value) + ": " + c.cap.rule + (c.cap.basis.empty() ? "" : " [" + c.cap.basis + "]") +
         ", written at " + c.cap_loc.path + ":" + std::to_string(c.cap_loc.line) + ":" +
         std::to_string(c.cap_loc.column) + "\n";
  if (c.scaled_cap) out += share_text(*c.scaled_cap);
  out += figure_text("called", c.called, path);
  out += figure_text("paid", c.paid, path);
  out += figure_text("refunded", c.refunded, path);
  out += figure_text("net paid", c.net_paid, path);
  out += figure_text("final contribution", c.final_contribution, path);
  if (c.share) out += share_text(*c.share);
  out += figure_text("balance", c.balance, path);
  out += figure_text("refund due", c.refund_due, path);
  out += figure_text("amount due", c.amount_due, path);
  out += figure_text("outstanding calls", c.outstanding_calls, path);
  return out;
}

}  // namespace

std::string explain_text(const Explanation& e, const std::string& title) {
  const std::string& path = e.journal_path;
  std::string out = title + " [" + e.convention + "]: how each figure comes about, as of " + format_date(e.as_of) + "\n";
  out += "\nTerm\n" + figure_text("effective", e.effective, path);
  if (!e.end.value.empty()) {
    out += figure_text("end (" + std::string(to_string(*e.end_reason)) + ")", e.end, path);
  }
  for (const AmendmentExplanation& a : e.amendments) {
    out += "  amendment " + a.status.id + " (" + a.status.title + "): ";
    if (a.status.state == AmendmentState::in_force) {
      out += "in force from " + format_date(*a.status.effective) + ", the day of its last required signature\n";
    } else {
      out += "pending, still to sign: " + joined(a.status.missing_signatures) + "\n";
    }
    out += lines_text(path, a.signatures);
  }
  out += "\nTotals\n" + figure_text("spending", e.spending, path);
  out += figure_text("eligible spending", e.eligible_spending, path);
  if (!e.excluded.empty()) {
    out += "    left out:\n";
    for (std::size_t i = 0; i < e.excluded.size() && i < lines_shown_max; ++i) {
      out += "  " + line_text(path, *e.excluded[i].line) + ": " + e.excluded[i].reason + "\n";
    }
    if (e.excluded.size() > lines_shown_max) {
      out += "      and " + std::to_string(e.excluded.size() - lines_shown_max) + " more lines left out\n";
    }
  }
  out += figure_text("covered", e.covered, path);
  out += figure_text("uncovered", e.uncovered, path);
  out += "\nSettlement\n  " + e.settlement.rule + (e.settlement.basis.empty() ? "" : " [" + e.settlement.basis + "]") +
         "\n";
  out += "  shared: " + value_fr(e.settlement.value) + "; leftover cents: " + std::to_string(e.leftover_cents);
  if (e.level) out += "; level " + format_fraction(*e.level) + " cents a unit of weight (exact share = min(cap, level x weight))";
  out += "\n";
  if (e.cap_scaling) {
    out += "  caps scaled to the aggregate cap " + fr(e.cap_scaling->aggregate_cap) + " (" + e.cap_scaling->from +
           "): level " + format_fraction(e.cap_scaling->level) + ", leftover cents " +
           std::to_string(e.cap_scaling->leftover_cents) + "\n";
  }
  for (const auto& c : e.contributors) out += contributor_text(c, path);
  return out;
}

}  // namespace prorata::report
