// The journal's register lines (`issued`) and calls' reductions (`cancellation`): how JournalBuilder
// reads and checks them. A document is issued once under one number; the lines it was issued from stay
// as they were (an issued statement is reduced by a cancellation, never edited or deleted); every
// series runs without a gap; a cancellation never takes more than what remains unpaid on its statement.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "core/assert.h"
#include "core/document_number.h"
#include "core/journal.h"
#include "core/message_text.h"
#include "core/nearest_name.h"

namespace prorata {

namespace {

std::string line_text(const SourceLoc& loc) { return "line " + std::to_string(loc.line); }

std::string amount_or_none(const std::optional<Money>& amount) {
  return amount ? format_amount(*amount) : std::string("no amount");
}

}  // namespace

void JournalBuilder::fold_issued(const Event& event, Diagnostics& diagnostics) {
  std::optional<IssuedDocument> document = parse_issued(event, diagnostics);
  if (!document) return;
  if (auto it = issued_numbers_.find(document->number); it != issued_numbers_.end()) {
    diagnostics.error(event.loc, "document " + in_quotes(document->number) + " was already issued (" +
                                     line_text(facts_.issued[it->second].loc) + "): a number is issued once");
    return;
  }
  if (!document->corrects.empty()) {
    auto corrected = issued_numbers_.find(document->corrects);
    if (corrected == issued_numbers_.end()) {
      diagnostics.error(event.loc, "corrects " + in_quotes(document->corrects) +
                                       ", which no earlier line of the register issued");
      return;
    }
    const IssuedDocument& old = facts_.issued[corrected->second];
    if (old.kind != document->kind || old.party != document->party) {
      diagnostics.error(event.loc, "corrects " + in_quotes(old.number) + ", a " + to_string(old.kind) + " to " +
                                       in_quotes(old.party) + ": a correction is of the same kind, to the same party");
      return;
    }
    for (const IssuedDocument& other : facts_.issued) {
      if (other.corrects == document->corrects) {
        diagnostics.error(event.loc, in_quotes(document->corrects) + " was already corrected by " +
                                         in_quotes(other.number) + " (" + line_text(other.loc) +
                                         "): correct the latest document instead");
        return;
      }
    }
  }
  issued_numbers_.emplace(document->number, facts_.issued.size());
  facts_.issued.push_back(std::move(*document));
  ++facts_.events;
}

void JournalBuilder::check_register(Diagnostics& diagnostics) {
  match_issued_lines(diagnostics);
  check_series(diagnostics);
}

// Each issued statement or cancellation belongs to one line of the journal: a statement by its number
// (the line's ref), or, for a line without a ref, by date, party and amount, the first such line not
// yet matched; a cancellation by date, party, amount and statement.
void JournalBuilder::match_issued_lines(Diagnostics& diagnostics) {
  std::map<std::string, std::size_t> by_ref;
  for (std::size_t i = 0; i < facts_.statements.size(); ++i) {
    if (!facts_.statements[i].ref.empty()) by_ref.emplace(facts_.statements[i].ref, i);
  }
  for (std::size_t k = 0; k < facts_.issued.size(); ++k) {
    const IssuedDocument& issued = facts_.issued[k];
    if (!issued.corrects.empty()) continue;  // a restatement of a document already matched
    const std::string what = "issued " + std::string(to_string(issued.kind)) + " " + in_quotes(issued.number) +
                             " (to " + in_quotes(issued.party) + ", " + amount_or_none(issued.amount) + ", dated " +
                             format_date(issued.date) + ")";
    if (issued.kind == DocumentKind::statement) {
      if (auto it = by_ref.find(issued.number); it != by_ref.end()) {
        StatementLine& line = facts_.statements[it->second];
        if (line.party != issued.party || line.date != issued.date || line.amount != *issued.amount) {
          diagnostics.error(line.loc, "the statement issued as " + in_quotes(issued.number) + " (" +
                                          line_text(issued.loc) + ": to " + in_quotes(issued.party) + ", " +
                                          format_amount(*issued.amount) + ", dated " + format_date(issued.date) +
                                          ") was changed: an issued statement is reduced by a cancellation, "
                                          "never edited");
          continue;
        }
        line.issued = k;
        continue;
      }
      auto line = std::find_if(facts_.statements.begin(), facts_.statements.end(), [&](const StatementLine& s) {
        return s.ref.empty() && !s.issued && s.party == issued.party && s.date == issued.date &&
               s.amount == *issued.amount;
      });
      if (line == facts_.statements.end()) {
        diagnostics.error(issued.loc, what + " matches no statement line of the journal: an issued statement's "
                                             "line stays (a cancellation reduces it)");
        continue;
      }
      line->number = issued.number;
      line->issued = k;
    } else if (issued.kind == DocumentKind::cancellation) {
      auto line = std::find_if(facts_.cancellations.begin(), facts_.cancellations.end(), [&](const CancellationLine& c) {
        return !c.issued && c.party == issued.party && c.date == issued.date && c.amount == *issued.amount &&
               c.statement == issued.statement;
      });
      if (line == facts_.cancellations.end()) {
        diagnostics.error(issued.loc, what + " matches no cancellation line of the journal (of statement " +
                                             in_quotes(issued.statement) + "): an issued cancellation's line stays");
        continue;
      }
      line->issued = k;
    }
  }
}

// One series per kind prefix and year, PREFIX-YYYY-NNNN: numbered 1, 2, 3... in issue order (file
// order of the register), statement numbers taken from the journal counting in the statements' series.
// Numbers of another shape (a statement's own ref) stand outside any series.
void JournalBuilder::check_series(Diagnostics& diagnostics) const {
  std::map<std::pair<std::string, int>, std::set<std::uint32_t>> known;
  for (const StatementLine& line : facts_.statements) {
    if (line.ref.empty()) continue;
    if (auto number = parse_series_number(line.ref); number && number->prefix == rules_.documents.statement_prefix) {
      known[{number->prefix, number->year}].insert(number->sequence);
    }
  }
  // Refunds quote their notice's number: a notice issued before the register counts in its series.
  for (const auto& [series, days] : facts_.refund_numbers) {
    if (series.size() <= 5 || series.substr(0, series.size() - 5) != rules_.documents.refund_prefix) continue;
    const int year = std::stoi(series.substr(series.size() - 4));
    for (const auto& [day, sequence] : days) known[{rules_.documents.refund_prefix, year}].insert(sequence);
  }
  for (const IssuedDocument& issued : facts_.issued) {
    if (issued.kind != DocumentKind::statement && statement_refs_.count(issued.number)) {
      diagnostics.error(issued.loc, "issued " + std::string(to_string(issued.kind)) + " " + in_quotes(issued.number) +
                                        " has the number of a statement of the journal (" +
                                        line_text(statement_refs_.at(issued.number)) + ")");
      continue;
    }
    const auto number = parse_series_number(issued.number);
    if (!number || number->prefix != series_prefix(rules_.documents, issued.kind)) continue;
    if (issued.kind == DocumentKind::statement && statement_refs_.count(issued.number)) continue;  // counted above
    std::set<std::uint32_t>& series = known[{number->prefix, number->year}];
    if (number->sequence > 1 && !series.count(number->sequence - 1)) {
      diagnostics.error(issued.loc, "gap in the series " + number->prefix + "-" + std::to_string(number->year) +
                                        ": " + in_quotes(issued.number) + " is issued but not " +
                                        document_number(number->prefix, date::year{number->year} / 1 / 1,
                                                        number->sequence - 1));
    }
    series.insert(number->sequence);
  }
}

// What remains unpaid on a statement on a date: its amount, less the cancellations of it before, less
// the payments of its contributor to that date, which settle its statements oldest first (by date,
// then line).
void JournalBuilder::check_cancellations(Diagnostics& diagnostics) const {
  std::map<std::string, const StatementLine*> by_number;
  std::vector<std::string_view> numbers;
  for (const StatementLine& line : facts_.statements) {
    if (line.number.empty()) continue;
    by_number.emplace(line.number, &line);
    numbers.emplace_back(line.number);
  }
  const auto before = [](const SourceLoc& a, Date a_date, const SourceLoc& b, Date b_date) {
    return std::tie(a_date, a.line) < std::tie(b_date, b.line);
  };
  for (const CancellationLine& cancellation : facts_.cancellations) {
    auto statement = by_number.find(cancellation.statement);
    if (statement == by_number.end()) {
      std::string message = "a cancellation of " + in_quotes(cancellation.statement) +
                            ", which is no statement number of the journal or the register";
      if (auto near = nearest_name(cancellation.statement, numbers)) message += "; did you mean '" + *near + "'?";
      diagnostics.error(cancellation.loc, message);
      continue;
    }
    const StatementLine& reduced = *statement->second;
    if (reduced.party != cancellation.party) {
      diagnostics.error(cancellation.loc, "statement " + in_quotes(reduced.number) + " calls " +
                                              in_quotes(reduced.party) + ", not " + in_quotes(cancellation.party));
      continue;
    }
    if (reduced.date > cancellation.date) {
      diagnostics.error(cancellation.loc, "a cancellation dated " + format_date(cancellation.date) + " of statement " +
                                              in_quotes(reduced.number) + " dated later, " + format_date(reduced.date));
      continue;
    }
    std::vector<const StatementLine*> calls;
    for (const StatementLine& line : facts_.statements) {
      if (line.party == cancellation.party && line.date <= cancellation.date) calls.push_back(&line);
    }
    std::sort(calls.begin(), calls.end(), [&](const StatementLine* a, const StatementLine* b) {
      return before(a->loc, a->date, b->loc, b->date);
    });
    Money payments{};
    for (const auto& [day, flows] : facts_.parties.at(cancellation.party).flows_by_day) {
      if (day <= cancellation.date) payments += flows.paid;
    }
    Money remaining{};
    for (const StatementLine* call : calls) {
      Money open = call->amount;
      for (const CancellationLine& earlier : facts_.cancellations) {
        if (&earlier != &cancellation && earlier.statement == call->number &&
            before(earlier.loc, earlier.date, cancellation.loc, cancellation.date)) {
          open -= earlier.amount;
        }
      }
      const Money settled = std::min(max(open, Money{}), payments);
      payments -= settled;
      if (call == &reduced) remaining = open - settled;
    }
    if (cancellation.amount > remaining) {
      diagnostics.error(cancellation.loc, "a cancellation of " + format_amount(cancellation.amount) + " on " +
                                              in_quotes(reduced.number) + " but only " +
                                              format_amount(max(remaining, Money{})) + " remains unpaid on it on " +
                                              format_date(cancellation.date) +
                                              " (payments settle a contributor's statements oldest first)");
    }
  }
}

}  // namespace prorata
