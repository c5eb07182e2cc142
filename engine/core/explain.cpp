#include "core/explain.h"

#include <algorithm>
#include <set>

#include "core/assert.h"
#include "core/message_text.h"

namespace prorata {

namespace {

std::string amount_text(Money m) { return format_amount(m); }

bool cites(const CitedLine& line, EventKind kind, const std::string& party, Date as_of) {
  return line.kind == kind && line.party == party && line.date <= as_of;
}

// Lines of `kind` for `party` on or before as-of, checking that they sum to `expected`.
// A second pass that does not find what the first one summed means the file changed in between: the
// explanation is then marked inconsistent (bad input, not a bug).
Figure summed(const std::deque<CitedLine>& lines, EventKind kind, const std::string& party, Date as_of,
              Money expected, std::string rule, bool& consistent) {
  Figure figure{amount_text(expected), std::move(rule), "", {}};
  Money sum{};
  for (const CitedLine& line : lines) {
    if (!cites(line, kind, party, as_of)) continue;
    figure.lines.push_back(&line);
    if (!line.amount || !checked_add(sum, *line.amount)) {
      consistent = false;
      continue;
    }
    sum += *line.amount;
  }
  consistent = consistent && sum == expected;  // paired: the second pass finds what the first one summed
  return figure;
}

// Where the tie on the remainder was broken for party i, if it was tied with a party across the cut.
std::string tie_rule(const AllocationDetail& detail, const std::vector<Ratio>& weights, std::size_t i) {
  if (detail.rank[i] == 0) return "";
  const bool gets = detail.rank[i] <= detail.leftover_cents;
  const Ratio remainder_i = detail.exact[i] - Ratio(detail.allocation.shares[i].cents - (gets ? 1 : 0));
  std::string rule;
  for (std::size_t j = 0; j < detail.rank.size(); ++j) {
    if (j == i || detail.rank[j] == 0) continue;
    const bool gets_j = detail.rank[j] <= detail.leftover_cents;
    if (gets_j == gets) continue;
    const Ratio remainder_j = detail.exact[j] - Ratio(detail.allocation.shares[j].cents - (gets_j ? 1 : 0));
    if (remainder_j != remainder_i) continue;
    if (weights[j] != weights[i]) return "weight";
    rule = "id";
  }
  return rule;
}

ShareDetail share_detail(const AllocationDetail& detail, const std::vector<Ratio>& weights, std::size_t i,
                         std::string of, Money basis, Money cap) {
  ShareDetail share;
  share.of = std::move(of);
  share.basis = basis;
  share.weight = weights[i];
  share.exact = detail.exact[i];
  share.rank = detail.rank[i];
  share.leftover_cent = detail.rank[i] != 0 && detail.rank[i] <= detail.leftover_cents;
  share.floor = detail.allocation.shares[i] - Money{share.leftover_cent ? 1 : 0};
  share.remainder = share.exact - Ratio(share.floor.cents);
  share.tie = tie_rule(detail, weights, i);
  share.at_cap = detail.allocation.shares[i] == cap && cap > Money{};
  PRORATA_ASSERT(share.remainder >= 0 && share.remainder < 1);
  return share;
}

// Who has not signed the convention itself by `as_of`.
std::vector<std::string> unsigned_parties(const Rules& rules, const JournalFacts& facts, Date as_of) {
  std::vector<std::string> ids{rules.beneficiary.id};
  for (const auto& c : rules.contributors) ids.push_back(c.id);
  std::vector<std::string> missing;
  for (const auto& id : ids) {
    const std::optional<Date>& signed_on = facts.parties.at(id).signed_on;
    if (!signed_on || *signed_on > as_of) missing.push_back(id);
  }
  std::sort(missing.begin(), missing.end());
  return missing;
}

// The amendment (or "base") that set a setting last, among those in force on a day.
template <typename Changed>
std::string set_by(const Rules& rules, const Timeline& timeline, Date day, Changed changed) {
  std::string from = "base";
  for (std::size_t k : timeline.in_force(day)) {
    if (changed(rules.amendments[k].changes)) from = rules.amendments[k].id;
  }
  return from;
}

void explain_term(const Rules& rules, const JournalFacts& facts, const Status& status,
                  const std::deque<CitedLine>& lines, Explanation& out) {
  const Date as_of = status.as_of;
  std::set<std::string> base_parties{rules.beneficiary.id};
  for (const auto& c : rules.contributors) base_parties.insert(c.id);
  out.effective.basis = rules.term.basis;
  for (const CitedLine& line : lines) {
    if (line.kind == EventKind::signature && line.ref.empty() && line.date <= as_of && base_parties.count(std::string(line.party))) {
      out.effective.lines.push_back(&line);
    }
  }
  if (!status.term.effective) {
    out.effective.rule = "not in force yet: the convention takes effect when the last of its parties signs it "
                         "(effective: last_signature); still to sign: " + joined(unsigned_parties(rules, facts, as_of));
    return;
  }
  out.effective.value = format_date(*status.term.effective);
  out.effective_party = facts.timeline.effective_party;
  out.effective.rule = "the day the last of the " + std::to_string(base_parties.size()) +
                       " parties to the convention signed it (effective: last_signature): '" + out.effective_party + "'";
  const Rules& version = facts.timeline.on(as_of).rules(rules);
  out.max_duration = format_duration(version.term.max_duration);
  out.max_duration_from = set_by(rules, facts.timeline, as_of, [](const AmendmentChanges& c) { return c.max_duration.has_value(); });
  out.end.value = format_date(*status.term.end);
  out.end.basis = rules.term.basis;
  out.end_reason = status.term.end_reason;
  std::string rule = "the earliest of: the effective date + " + out.max_duration + " (" + out.max_duration_from +
                     ") = " + format_date(add(*status.term.effective, version.term.max_duration));
  if (version.term.ends_at_milestone) {
    out.ends_at_milestone = *version.term.ends_at_milestone;
    out.ends_at_milestone_from = set_by(rules, facts.timeline, as_of, [](const AmendmentChanges& c) {
      return c.ends_at_milestone.has_value();
    });
    auto reached = facts.milestones.find(*version.term.ends_at_milestone);
    rule += "; the milestone '" + *version.term.ends_at_milestone + "' of " + out.ends_at_milestone_from + " (" +
            (reached != facts.milestones.end() && reached->second <= as_of ? "reached on " + format_date(reached->second)
                                                                           : "not reached by " + format_date(as_of)) +
            ")";
  }
  rule += "; the termination (" +
          (facts.termination && *facts.termination <= as_of ? "on " + format_date(*facts.termination) : std::string("none")) +
          ")";
  out.end.rule = rule;
  for (const CitedLine& line : lines) {
    if (line.date > as_of) continue;
    const bool milestone = status.term.end_reason == EndReason::milestone && line.kind == EventKind::milestone &&
                           version.term.ends_at_milestone == line.ref;
    const bool termination = status.term.end_reason == EndReason::termination && line.kind == EventKind::termination;
    if (milestone || termination) out.end.lines.push_back(&line);
  }
}

void explain_expenses(const Rules& rules, const JournalFacts& facts, const Status& status, const std::deque<CitedLine>& lines,
                      Explanation& out) {
  const Date as_of = status.as_of;
  const TermStatus& term = status.term;
  Money spending{};
  Money counted{};
  for (const CitedLine& line : lines) {
    if (line.kind != EventKind::expense) continue;
    if (line.date > as_of) {
      out.excluded.push_back({&line, "after_as_of", "", "after the as-of date " + format_date(as_of)});
      continue;
    }
    out.spending.lines.push_back(&line);
    if (!line.amount || !checked_add(spending, *line.amount)) {
      out.consistent = false;
      continue;
    }
    spending += *line.amount;
    if (!term.effective || line.date < *term.effective) {
      out.excluded.push_back({&line, "before_effective", "",
                              term.effective ? "before the effective date " + format_date(*term.effective)
                                             : std::string("before the convention takes effect")});
    } else if (line.date > *term.end) {
      out.excluded.push_back({&line, "after_end", "", "after the end of the term " + format_date(*term.end)});
    } else if (const RulesVersion& version = facts.timeline.on(line.date);
               !version.rules(rules).is_eligible(line.category)) {
      const std::string id = version.amendment == 0 ? std::string("base") : rules.amendments[version.amendment - 1].id;
      out.excluded.push_back({&line, "category_not_eligible", id,
                              "category '" + std::string(line.category) + "' is not eligible in the version in force on " +
                                  format_date(line.date) + " (" + id + ")"});
    } else {
      out.eligible_spending.lines.push_back(&line);
      if (auto next = checked_add(counted, *line.amount)) counted = *next;
      else out.consistent = false;
    }
  }
  out.consistent = out.consistent && spending == status.totals.spending &&
                   max(counted, Money{}) == status.totals.eligible_spending;
  out.spending.value = amount_text(spending);
  out.spending.rule = "every expense line dated on or before " + format_date(as_of) + " (credit notes negative)";
  out.eligible_spending.value = amount_text(status.totals.eligible_spending);
  out.eligible_spending.rule = "the expense lines dated from the effective date to the end of the term (or the as-of "
                               "date), in a category eligible in the version of the rules in force on their own date" +
                               std::string(counted < Money{} ? "; they sum to " + amount_text(counted) +
                                                                   ", floored at 0.00"
                                                             : "");
  out.covered.value = amount_text(status.totals.covered);
  out.covered.rule = "the sum of the final contributions";
  out.uncovered.value = amount_text(status.totals.uncovered);
  out.uncovered.rule = "eligible spending - covered: borne by the beneficiary";
}

}  // namespace

void ExplainCollector::add(const Event& event, Diagnostics& diagnostics) {
  (void)diagnostics;  // the first pass has checked every line
  if (path_.empty()) path_ = event.loc.path;
  const bool money = event.kind == EventKind::statement || event.kind == EventKind::payment ||
                     event.kind == EventKind::refund;
  if (money && !contributor_.empty() && event.party != contributor_) return;
  lines_.push_back(CitedLine{event.loc.line, event.date, event.kind, event.amount, name(event.party),
                             name(event.category), event.ref});
}

std::string_view ExplainCollector::name(const std::string& text) {
  if (text.empty()) return {};
  return *names_.insert(text).first;
}

std::string format_fraction(const Ratio& value) {
  return boost::multiprecision::numerator(value).str() + "/" + boost::multiprecision::denominator(value).str();
}

Explanation explain(const Rules& rules, const JournalFacts& facts, const Evaluation& evaluation,
                    const ExplainCollector& collector, const std::optional<std::string>& contributor) {
  const Status& status = evaluation.status;
  const Date as_of = status.as_of;
  const std::deque<CitedLine>& lines = collector.lines();
  Explanation out;
  out.convention = rules.id;
  out.journal_path = collector.path();
  out.as_of = as_of;
  explain_term(rules, facts, status, lines, out);
  out.eligible_spending.basis = rules.eligibility_basis;
  explain_expenses(rules, facts, status, lines, out);
  for (const AmendmentStatus& a : status.amendments) {
    AmendmentExplanation item{a, {}};
    for (const CitedLine& line : lines) {
      if (line.kind == EventKind::signature && line.ref == a.id && line.date <= as_of) item.signatures.push_back(&line);
    }
    out.amendments.push_back(std::move(item));
  }

  const Rules& version = evaluation.version->rules(rules);
  const Settlement& settlement = evaluation.settlement;
  out.share_key = to_string(version.share_key);
  out.settlement.basis = rules.settlement_basis;
  if (version.share_key == ShareKey::paid) {
    out.settlement.value = amount_text(status.basis.unused);
    out.settlement.rule = "share key paid: each contributor's payments count up to its cap (" +
                          amount_text(status.basis.retained) + " in all); the part not needed for the eligible "
                          "spending (" + amount_text(status.basis.unused) +
                          ") is refunded pro rata to those amounts; each refund is rounded down to the cent and the "
                          "leftover cents go to the largest remainders, a tie to the larger payment, then the first id";
  } else {
    out.settlement.value = amount_text(status.totals.eligible_spending);
    out.settlement.rule = "share key " + out.share_key + ": the eligible spending is shared by weight (caps: the cap; "
                          "equal: 1; weights: the rules' weight), no contributor above its cap; shares are rounded "
                          "down to the cent and the leftover cents go to the largest remainders, a tie to the larger "
                          "weight, then the first id";
  }
  out.leftover_cents = settlement.allocated ? settlement.allocation.leftover_cents : 0;
  if (settlement.allocated && !settlement.allocation.all_at_cap) out.level = settlement.allocation.level;
  const Date settled_on = status.term.end ? std::min(as_of, *status.term.end) : as_of;
  if (evaluation.caps.scaled) {
    out.cap_scaling = Explanation::CapScaling{
        *version.aggregate_cap,
        set_by(rules, facts.timeline, settled_on, [](const AmendmentChanges& c) { return c.aggregate_cap.has_value(); }),
        evaluation.caps.scaling.level, evaluation.caps.scaling.leftover_cents};
  }
  for (std::size_t i = 0; i < version.contributors.size(); ++i) {
    const Contributor& c = version.contributors[i];
    if (contributor && *contributor != c.id) continue;
    const ContributorStatus* row = nullptr;
    for (const auto& r : status.contributors) {
      if (r.id == c.id) row = &r;
    }
    PRORATA_ASSERT(row != nullptr);
    ContributorExplanation e;
    e.id = c.id;
    e.cap_loc = c.loc;
    e.cap_from = set_by(rules, facts.timeline, settled_on,
                        [&](const AmendmentChanges& changes) {
                          return std::any_of(changes.caps.begin(), changes.caps.end(), [&](const CapChange& x) { return x.id == c.id; }) ||
                                 std::any_of(changes.joining.begin(), changes.joining.end(), [&](const Contributor& x) { return x.id == c.id; });
                        });
    e.cap = Figure{amount_text(row->cap), "agreed cap " + amount_text(c.cap_agreed) + " (" + e.cap_from + ")", rules.caps_basis, {}};
    if (evaluation.caps.scaled) {
      std::vector<Ratio> weights;
      for (const auto& x : version.contributors) weights.push_back(Ratio(x.cap_agreed.cents));
      e.scaled_cap = share_detail(evaluation.caps.scaling, weights, i, "cap", c.cap_agreed, c.cap_agreed);
      e.cap.rule += ", scaled down so that the caps sum to the aggregate cap " + amount_text(*version.aggregate_cap) +
                    " (aggregate_cap_policy: scale): pro rata to the agreed caps, rounded down to the cent, the "
                    "leftover cents to the largest remainders";
    }
    e.called = summed(lines, EventKind::statement, c.id, as_of, row->called,
                      "the statements of amounts due to '" + c.id + "' dated on or before " + format_date(as_of),
                      out.consistent);
    e.paid = summed(lines, EventKind::payment, c.id, as_of, row->paid,
                    "the payments from '" + c.id + "' dated on or before " + format_date(as_of), out.consistent);
    e.refunded = summed(lines, EventKind::refund, c.id, as_of, row->refunded,
                        "the refunds paid to '" + c.id + "' dated on or before " + format_date(as_of),
                        out.consistent);
    e.net_paid = Figure{amount_text(row->net_paid), "paid - refunded", "", {}};
    if (settlement.allocated) {
      const bool paid_key = version.share_key == ShareKey::paid;
      e.share = share_detail(settlement.allocation, settlement.weights, i, paid_key ? "refund" : "contribution",
                             paid_key ? settlement.retained[i] : evaluation.caps.caps[i],
                             paid_key ? settlement.retained[i] : evaluation.caps.caps[i]);
    }
    e.final_contribution = Figure{amount_text(row->final_contribution),
                                  version.share_key == ShareKey::paid
                                      ? "min(paid, cap) = " + amount_text(settlement.retained[i]) +
                                            (e.share ? ", less its refund of the unused part (" +
                                                           amount_text(settlement.allocation.allocation.shares[i]) + ")"
                                                     : ": nothing is unused")
                                      : "its share of the eligible spending (share key " + out.share_key + ")",
                                  rules.settlement_basis,
                                  {}};
    e.balance = Figure{amount_text(row->balance), "net paid - final contribution", "", {}};
    e.refund_due = Figure{amount_text(row->refund_due), "max(0, balance)", "", {}};
    e.amount_due = Figure{amount_text(row->amount_due), "max(0, -balance)", "", {}};
    e.outstanding_calls = Figure{amount_text(row->outstanding_calls),
                                 "max(0, called - cancelled - paid), with " + amount_text(row->cancelled) +
                                     " of its calls cancelled (`cancellation` lines)",
                                 "", {}};
    out.contributors.push_back(std::move(e));
  }
  std::sort(out.contributors.begin(), out.contributors.end(),
            [](const ContributorExplanation& a, const ContributorExplanation& b) { return a.id < b.id; });
  return out;
}

}  // namespace prorata
