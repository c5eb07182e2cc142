#include "core/document_plan.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "core/assert.h"
#include "core/document_number.h"

namespace prorata {

namespace {

int year_of(Date day) { return static_cast<int>(date::year_month_day{day}.year()); }

}  // namespace

std::vector<UnpaidCall> unpaid_calls(const JournalFacts& facts, const std::string& party, Date day,
                                     bool cancellations_before) {
  std::vector<const StatementLine*> calls;
  for (const StatementLine& line : facts.statements) {
    if (line.party == party && line.date <= day) calls.push_back(&line);
  }
  std::sort(calls.begin(), calls.end(), [](const StatementLine* a, const StatementLine* b) {
    return std::tie(a->date, a->loc.line) < std::tie(b->date, b->loc.line);
  });
  Money payments{};
  if (auto it = facts.parties.find(party); it != facts.parties.end()) {
    for (const auto& [when, flows] : it->second.flows_by_day) {
      if (when <= day) payments += flows.paid;
    }
  }
  std::vector<UnpaidCall> out;
  for (const StatementLine* call : calls) {
    Money open = call->amount;
    for (const CancellationLine& cancellation : facts.cancellations) {
      const bool counts = cancellations_before ? cancellation.date < day : cancellation.date <= day;
      if (counts && !call->number.empty() && cancellation.statement == call->number) open -= cancellation.amount;
    }
    open = max(open, Money{});
    const Money settled = min(open, payments);
    payments -= settled;
    if (open > settled) out.push_back({call, open - settled});
  }
  return out;
}

Money reversal_part(const ContributorStatus& c) {
  const Money refund_that_was_due = max(c.paid - c.final_contribution, Money{});
  return min(c.amount_due, max(c.refunded - refund_that_was_due, Money{}));
}

Money calls_cancelled_with_notice(const JournalFacts& facts, const std::string& party, Date day) {
  Money total{};
  for (const UnpaidCall& call : unpaid_calls(facts, party, day, true)) total += call.unpaid;
  return total;
}

std::vector<std::size_t> current_entries(const JournalFacts& facts) {
  std::set<std::string> corrected;
  for (const IssuedDocument& issued : facts.issued) {
    if (!issued.corrects.empty()) corrected.insert(issued.corrects);
  }
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < facts.issued.size(); ++k) {
    if (!corrected.count(facts.issued[k].number)) out.push_back(k);
  }
  return out;
}

std::vector<PlannedDocument> plan_documents(const Rules& rules, const JournalFacts& facts, const Status& now) {
  (void)rules;
  const auto planned = [](DocumentKind kind, const std::string& party, Date day, Money amount) {
    PlannedDocument doc;
    doc.kind = kind;
    doc.party = party;
    doc.date = day;
    doc.amount = amount;
    return doc;
  };
  std::vector<PlannedDocument> due;
  for (const StatementLine& line : facts.statements) {
    if (line.date > now.as_of || line.issued) continue;
    due.push_back(planned(DocumentKind::statement, line.party, line.date, line.amount));
    due.back().statement = &line;
  }
  for (const CancellationLine& line : facts.cancellations) {
    if (line.date > now.as_of || line.issued) continue;
    due.push_back(planned(DocumentKind::cancellation, line.party, line.date, line.amount));
    due.back().cancellation = &line;
    due.back().reduces = line.statement;
  }
  if (now.term.state != TermState::ended) return due;

  std::set<std::pair<DocumentKind, std::string>> issued;  // a settlement document is issued once per party
  for (const IssuedDocument& entry : facts.issued) issued.emplace(entry.kind, entry.party);
  for (const ContributorStatus& c : now.contributors) {  // sorted by id
    if (c.refund_due > Money{} && !issued.count({DocumentKind::refund, c.id})) {
      due.push_back(planned(DocumentKind::refund, c.id, now.as_of, c.refund_due));
      due.back().calls_cancelled = calls_cancelled_with_notice(facts, c.id, now.as_of);
    }
    const Money reversal = reversal_part(c);
    if (reversal > Money{} && !issued.count({DocumentKind::reversal, c.id})) {
      due.push_back(planned(DocumentKind::reversal, c.id, now.as_of, reversal));
    }
    // What its calls should still ask for: the amount due less what the order to pay back asks.
    const Money to_call = c.amount_due - reversal;
    if (to_call > c.outstanding_calls) {
      due.push_back(planned(DocumentKind::statement, c.id, now.as_of, to_call - c.outstanding_calls));
      due.back().new_line = true;
      due.back().memo = "Appel complémentaire : solde de la contribution définitive";
    } else if (c.outstanding_calls > to_call) {
      Money excess = c.outstanding_calls - to_call;
      std::vector<UnpaidCall> unpaid = unpaid_calls(facts, c.id, now.as_of);
      for (auto it = unpaid.rbegin(); it != unpaid.rend() && excess > Money{}; ++it) {
        if (it->statement->number.empty()) continue;  // not issued yet: cancelled once it has its number
        due.push_back(planned(DocumentKind::cancellation, c.id, now.as_of, min(excess, it->unpaid)));
        due.back().new_line = true;
        due.back().reduces = it->statement->number;
        due.back().memo = "Annulation du reste à payer : terme échu, contribution définitive arrêtée";
        excess -= due.back().amount;
      }
    }
  }
  return due;
}

void number_documents(const Rules& rules, const JournalFacts& facts, std::vector<PlannedDocument>& documents) {
  std::map<std::pair<std::string, int>, std::uint32_t> highest;
  const auto note = [&](const std::string& number) {
    if (auto parsed = parse_series_number(number)) {
      std::uint32_t& top = highest[{parsed->prefix, parsed->year}];
      top = std::max(top, parsed->sequence);
    }
  };
  for (const IssuedDocument& entry : facts.issued) note(entry.number);
  for (const StatementLine& line : facts.statements) note(line.ref);
  // Refunds quote their notice's number: one issued before the register (or elsewhere) is taken too.
  for (const auto& [series, days] : facts.refund_numbers) {  // "AR-2020" -> day -> highest NNNN
    if (series.size() <= 5) continue;
    const std::pair<std::string, int> key{series.substr(0, series.size() - 5), std::stoi(series.substr(series.size() - 4))};
    for (const auto& [day, sequence] : days) highest[key] = std::max(highest[key], sequence);
  }
  for (PlannedDocument& doc : documents) {
    if (doc.statement && !doc.statement->ref.empty() && doc.corrects.empty()) {
      doc.number = doc.statement->ref;
      continue;
    }
    const std::string& prefix = series_prefix(rules.documents, doc.kind);
    doc.number = document_number(prefix, doc.date, ++highest[{prefix, year_of(doc.date)}]);
  }
}

}  // namespace prorata
