#include "core/journal.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <string_view>
#include <vector>

#include "core/assert.h"
#include "core/caps.h"
#include "core/document_number.h"
#include "core/limits.h"
#include "core/message_text.h"
#include "core/nearest_name.h"
#include "core/timeline_check.h"

namespace prorata {

namespace {

enum class PartyRule { required_known, required_contributor, beneficiary_or_empty, optional_known };

PartyRule party_rule(EventKind kind) {
  switch (kind) {
    case EventKind::signature:
    case EventKind::notice: return PartyRule::required_known;
    case EventKind::statement:
    case EventKind::payment:
    case EventKind::refund:
    case EventKind::cancellation:
    case EventKind::issued: return PartyRule::required_contributor;
    case EventKind::expense: return PartyRule::beneficiary_or_empty;
    case EventKind::milestone:
    case EventKind::termination: return PartyRule::optional_known;
  }
  return PartyRule::optional_known;
}

}  // namespace

JournalBuilder::JournalBuilder(const Rules& rules) : rules_(rules) {
  facts_.parties[rules.beneficiary.id];
  for (const auto& c : rules.contributors) contributors_.emplace(c.id, &c);
  auto eligible = [&](const std::optional<std::vector<std::string>>& list) {
    if (list) eligible_anywhere_.insert(eligible_anywhere_.end(), list->begin(), list->end());
  };
  eligible(rules.eligible_categories);
  for (std::size_t k = 0; k < rules.amendments.size(); ++k) {
    for (const auto& c : rules.amendments[k].changes.joining) {
      contributors_.emplace(c.id, &c);
      joins_by_.emplace(c.id, k);
    }
    eligible(rules.amendments[k].changes.eligible_categories);
  }
  for (const auto& [id, contributor] : contributors_) facts_.parties[id];
}

bool JournalBuilder::check_party(const Event& event, Diagnostics& diagnostics) const {
  const char* kind = to_string(event.kind);
  const PartyRule rule = party_rule(event.kind);
  if (event.party.empty()) {
    if (rule == PartyRule::required_known || rule == PartyRule::required_contributor) {
      diagnostics.error(event.loc, std::string("a ") + kind + " needs a party");
      return false;
    }
    return true;
  }
  if (event.party != rules_.beneficiary.id && contributors_.count(event.party) == 0) {
    std::string message = "unknown party " + in_quotes(event.party) + " (not the beneficiary '" +
                          rules_.beneficiary.id + "' nor a contributor of " + rules_.id + ")";
    std::vector<std::string_view> parties{rules_.beneficiary.id};
    for (const auto& contributor : rules_.contributors) parties.emplace_back(contributor.id);
    for (const auto& [id, amendment] : joins_by_) parties.emplace_back(id);
    if (auto near = nearest_name(event.party, parties)) message += "; did you mean '" + *near + "'?";
    diagnostics.error(event.loc, message);
    return false;
  }
  if (rule == PartyRule::required_contributor && contributors_.count(event.party) == 0) {
    diagnostics.error(event.loc, std::string("a ") + kind + " concerns a contributor, not " + in_quotes(event.party));
    return false;
  }
  if (rule == PartyRule::beneficiary_or_empty && event.party != rules_.beneficiary.id) {
    diagnostics.error(event.loc, "an expense is incurred by the beneficiary '" + rules_.beneficiary.id +
                                     "' (or leave party empty), not by " + in_quotes(event.party));
    return false;
  }
  return true;
}

// Every event's own shape was checked by the reader (check_event_shape); what remains is the sum of
// the magnitudes, which bounds every partial sum the evaluation makes.
std::optional<Money> JournalBuilder::magnitude_total_with(Money amount) const {
  return checked_add(magnitude_total_, amount.cents < 0 ? -amount : amount);
}

bool JournalBuilder::check_amount(const Event& event, Diagnostics& diagnostics) {
  if (!event.amount) return true;
  PRORATA_ASSERT(event.amount->cents <= limits::amount_cents_max && event.amount->cents >= -limits::amount_cents_max);
  const auto total = magnitude_total_with(*event.amount);
  if (!total) {
    diagnostics.error(event.loc, "the amounts of the journal add up past the checked 64-bit range of cents");
    return false;
  }
  magnitude_total_ = *total;
  return true;
}

namespace {

// A likely typo of an eligible category: the same but for ASCII case; or, for words of letters (codes
// with digits such as account numbers differ by one digit on purpose), one edit from a word of at
// least 5 letters, two from one of at least 8.
bool looks_like_typo(std::string_view category, std::string_view eligible) {
  const std::string a = ascii_lower(category);
  const std::string b = ascii_lower(eligible);
  if (a == b) return true;
  const auto has_digit = [](const std::string& text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (has_digit(a) || has_digit(b)) return false;
  const std::size_t shorter = std::min(a.size(), b.size());
  const std::size_t allowed = shorter >= 8 ? 2 : shorter >= 5 ? 1 : 0;
  return allowed > 0 && edit_distance(a, b, allowed) <= allowed;
}

}  // namespace

// With a list of eligible categories, an expense category that looks like a typo of an eligible one
// (looks_like_typo) is refused with the name: silently ineligible, it would lower everybody's share.
// The check is against every category eligible in some version of the rules.
bool JournalBuilder::check_category(const Event& event, Diagnostics& diagnostics) {
  if (event.kind != EventKind::expense) return true;
  const std::string* eligible = eligible_it_misspells(event.category);
  if (eligible == nullptr) return true;
  diagnostics.error(event.loc, "category " + in_quotes(event.category) + " is not eligible but looks like a typo of "
                                   "the eligible '" + *eligible + "': did you mean '" + *eligible + "'?");
  return false;
}

// The eligible category that `category` looks like a typo of, or null (empty, eligible, or a category
// of its own, not eligible).
const std::string* JournalBuilder::eligible_it_misspells(std::string_view category) {
  if (category.empty()) return nullptr;
  if (std::find(eligible_anywhere_.begin(), eligible_anywhere_.end(), category) != eligible_anywhere_.end()) {
    return nullptr;
  }
  if (std::find(own_categories_.begin(), own_categories_.end(), category) != own_categories_.end()) return nullptr;
  for (const std::string& eligible : eligible_anywhere_) {
    if (looks_like_typo(category, eligible)) return &eligible;
  }
  if (own_categories_.size() < own_categories_max) own_categories_.emplace_back(category);
  return nullptr;
}

void JournalBuilder::add(const Event& event, Diagnostics& diagnostics) {
  // The reader checked the shape already; an embedder may build events by hand.
  if (!check_event_shape(event, diagnostics)) return;
  if (!check_party(event, diagnostics)) return;
  if (!check_amount(event, diagnostics)) return;
  if (!check_category(event, diagnostics)) return;
  fold(event, diagnostics);
}

// What add() does with the row's event, without building it: check_event_shape holds and the party
// is good (the reader saw to both); the sum of magnitudes and the category remain. A row that fails
// either is given to add() as its event, which reports the problem as for any line.
void JournalBuilder::add_expense(const ExpenseRow& row, Diagnostics& diagnostics) {
  const auto as_event = [&] {
    Event event;
    event.date = row.date;
    event.kind = EventKind::expense;
    if (row.by_beneficiary) event.party = rules_.beneficiary.id;
    event.amount = row.amount;
    event.category = *row.category_name;
    event.loc = row.loc;
    return event;
  };
  const auto total = magnitude_total_with(row.amount);
  if (!total) return add(as_event(), diagnostics);
  if (row.category >= row_categories_.size()) row_categories_.resize(row.category + 1, category_unknown);
  std::uint32_t& category = row_categories_[row.category];
  // The verdict depends on the name and the rules only: found once. A refused one is reported by add().
  if (category == category_unknown && eligible_it_misspells(*row.category_name) != nullptr) {
    category = category_refused;
  }
  if (category == category_refused) return add(as_event(), diagnostics);
  magnitude_total_ = *total;
  if (category == category_unknown) category = facts_.expenses.category_index(*row.category_name);
  facts_.expenses.add_indexed(row.date, category, row.amount);
  ++facts_.events;
}

bool JournalBuilder::can_merge_expenses(const ExpenseDays& part, Money part_magnitude, Money later_magnitude) {
  const auto total = magnitude_total_with(part_magnitude);
  if (!total || !checked_add(*total, later_magnitude)) return false;
  for (const std::string& category : part.categories()) {
    if (eligible_it_misspells(category) != nullptr) return false;  // add_expense would report each row
  }
  return true;
}

void JournalBuilder::merge_expenses(const ExpenseDays& part, Money part_magnitude, std::uint64_t rows) {
  const auto total = magnitude_total_with(part_magnitude);
  PRORATA_ASSERT(total.has_value());  // can_merge_expenses
  magnitude_total_ = *total;
  facts_.expenses.add_all(part);
  facts_.events += rows;
}

void JournalBuilder::answer_only_on(const std::vector<Date>& dates) {
  PRORATA_ASSERT(facts_.events == 0 && facts_.expenses.empty());
  answer_dates_ = dates;
  facts_.expenses.sum_days_between_pins();
  for (Date day : dates) facts_.expenses.pin(day);
}

// The ends the term can have from `effective` by duration: one per max_duration of the base and of
// the amendments (which of them holds depends on the version in force on the as-of date).
std::vector<Date> JournalBuilder::term_dates_from(Date effective) const {
  std::vector<Date> out{effective, prorata::add(effective, rules_.term.max_duration)};
  for (const Amendment& amendment : rules_.amendments) {
    if (amendment.changes.max_duration) out.push_back(prorata::add(effective, *amendment.changes.max_duration));
  }
  return out;
}

// Once every party of the base rules has signed the convention, its effective date is known and never
// changes: the term's end dates by duration are pinned, and given to a reader of later lines.
void JournalBuilder::note_convention_signed() {
  if (!facts_.expenses.sums_days() || term_dates_known_.load(std::memory_order_relaxed)) return;
  std::optional<Date> effective = facts_.parties.at(rules_.beneficiary.id).signed_on;
  for (const Contributor& c : rules_.contributors) {
    const std::optional<Date>& signed_on = facts_.parties.at(c.id).signed_on;
    if (!effective || !signed_on) return;
    effective = std::max(*effective, *signed_on);
  }
  if (!effective) return;
  term_dates_ = term_dates_from(*effective);
  for (Date day : term_dates_) facts_.expenses.pin(day);
  term_dates_known_.store(true, std::memory_order_release);
}

void JournalBuilder::fold(const Event& event, Diagnostics& diagnostics) {
  // Every date but an expense's may be compared with expense dates (signatures, milestones, the
  // termination, the register's documents...): none is summed over.
  if (event.kind != EventKind::expense && facts_.expenses.sums_days()) facts_.expenses.pin(event.date);
  if ((event.kind == EventKind::notice || event.kind == EventKind::termination) && !rules_.term.notice_period) {
    diagnostics.error(event.loc, std::string("a ") + to_string(event.kind) + " needs the rules' notice_period (term: "
                                     "notice_period: 1 month), and the rules of " + rules_.id + " have none: a "
                                     "convention without one has no termination clause");
    return;
  }
  // Looked up by the kinds that need it only: not by expenses, most of a journal.
  const auto party_facts = [&]() -> PartyFacts& { return facts_.parties.at(event.party); };
  switch (event.kind) {
    case EventKind::signature:
      if (!check_signature(event, diagnostics)) return;
      if (event.ref.empty()) {
        party_facts().signed_on = event.date;
        note_convention_signed();
      } else facts_.amendment_signatures[event.ref].emplace(event.party, SignatureFact{event.date, event.loc});
      break;
    case EventKind::statement:
      PRORATA_ASSERT(event.ref.empty() || is_file_safe_number(event.ref));  // check_event_shape
      if (!event.ref.empty() && event.ref.rfind(rules_.documents.refund_prefix + "-", 0) == 0) {
        diagnostics.error(event.loc, "statement number " + in_quotes(event.ref) + " starts like a refund notice ('" +
                                         rules_.documents.refund_prefix +
                                         "-'): the two would share a file name; use the statements' own prefix");
        return;
      }
      if (!event.ref.empty()) {
        auto [it, inserted] = statement_refs_.emplace(event.ref, event.loc);
        if (!inserted) {
          diagnostics.error(event.loc, "duplicate statement number " + in_quotes(event.ref) + " (first on line " +
                                           std::to_string(it->second.line) + ")");
          return;
        }
      }
      party_facts().flows_by_day[event.date].called += *event.amount;
      note_statement_for_payments(event);
      facts_.statements.push_back(
          {event.date, event.party, *event.amount, event.ref, event.memo, event.loc, event.ref, std::nullopt});
      break;
    case EventKind::cancellation:
      party_facts().flows_by_day[event.date].cancelled += *event.amount;
      facts_.cancellations.push_back({event.date, event.party, *event.amount, event.ref, event.memo, event.loc,
                                      std::nullopt});
      break;
    case EventKind::issued:
      fold_issued(event, diagnostics);
      return;
    case EventKind::payment:
      if (!event.ref.empty() && !payment_refs_.emplace(event.party, event.ref).second) {
        diagnostics.error(event.loc, "duplicate payment: ref " + in_quotes(event.ref) + " was already recorded for " +
                                         in_quotes(event.party));
        return;
      }
      party_facts().flows_by_day[event.date].paid += *event.amount;
      note_first_flow(event);
      note_payment_for_statements(event);
      break;
    case EventKind::refund:
      note_first_flow(event);
      party_facts().flows_by_day[event.date].refunded += *event.amount;
      facts_.refunds_by_day[event.date].push_back({event.party, *event.amount, event.loc});
      note_refund_number(event.ref, event.date);
      last_refund_loc_[{event.party, event.date}] = event.loc;
      break;
    case EventKind::expense:
      facts_.expenses.add(event.date, event.category, *event.amount);
      break;
    case EventKind::milestone:
      PRORATA_ASSERT(!event.ref.empty());  // check_event_shape
      if (!facts_.milestones.emplace(event.ref, event.date).second) {
        const SourceLoc& first = milestone_locs_.at(event.ref);
        diagnostics.error(event.loc, "milestone " + in_quotes(event.ref) + " appears twice: line " +
                                         std::to_string(first.line) + " (" + format_date(facts_.milestones.at(event.ref)) +
                                         ") and line " + std::to_string(event.loc.line) + " (" +
                                         format_date(event.date) + "); a milestone is reached once: remove one");
        return;
      }
      milestone_locs_.emplace(event.ref, event.loc);
      break;
    case EventKind::notice:
      notices_.push_back(event.date);
      facts_.notices.push_back(event.date);
      break;
    case EventKind::termination:
      if (termination_loc_) {
        diagnostics.error(event.loc, "a second termination (the first is on line " +
                                         std::to_string(termination_loc_->line) + ")");
        return;
      }
      facts_.termination = event.date;
      termination_loc_ = event.loc;
      break;
  }
  ++facts_.events;
}

// A party signs the convention once (empty ref) if it is one of its parties from the start, and each
// amendment once (ref: the amendment id); a contributor that joins by an amendment signs that amendment.
bool JournalBuilder::check_signature(const Event& event, Diagnostics& diagnostics) {
  if (event.ref.empty()) {
    if (auto joins = joins_by_.find(event.party); joins != joins_by_.end()) {
      const std::string& amendment = rules_.amendments[joins->second].id;
      diagnostics.error(event.loc, in_quotes(event.party) + " joins the convention by " + in_quotes(amendment) +
                                       ": its signature is that of the amendment (ref " + amendment + ")");
      return false;
    }
    const std::optional<Date>& signed_on = facts_.parties.at(event.party).signed_on;
    if (signed_on) {
      diagnostics.error(event.loc, in_quotes(event.party) + " already signed on " + format_date(*signed_on) +
                                       " (a party signs once)");
      return false;
    }
    return true;
  }
  if (rules_.find_amendment(event.ref) == nullptr) {
    std::string message = "signature of " + in_quotes(event.ref) + ", which is not an amendment of " + rules_.id;
    std::vector<std::string_view> ids;
    for (const auto& a : rules_.amendments) ids.emplace_back(a.id);
    if (auto near = nearest_name(event.ref, ids)) message += "; did you mean '" + *near + "'?";
    else message += rules_.amendments.empty() ? " (the rules have no amendments; the convention's own signatures "
                                                 "leave ref empty)"
                                               : "";
    diagnostics.error(event.loc, message);
    return false;
  }
  auto& signatures = facts_.amendment_signatures[event.ref];
  if (auto previous = signatures.find(event.party); previous != signatures.end()) {
    diagnostics.error(event.loc, in_quotes(event.party) + " already signed " + in_quotes(event.ref) + " on " +
                                     format_date(previous->second.date) + " (line " +
                                     std::to_string(previous->second.loc.line) + ")");
    return false;
  }
  return true;
}

void JournalBuilder::note_first_flow(const Event& event) {
  auto [it, inserted] = first_flow_.emplace(event.party, SignatureFact{event.date, event.loc});
  if (!inserted && event.date < it->second.date) it->second = SignatureFact{event.date, event.loc};
}

void JournalBuilder::note_payment_for_statements(const Event& event) {
  auto [first, inserted] = first_payment_.emplace(event.party, SignatureFact{event.date, event.loc});
  if (!inserted && event.date < first->second.date) first->second = SignatureFact{event.date, event.loc};
  auto statement = first_statement_.find(event.party);
  if (statement != first_statement_.end() && statement->second <= event.date) return;  // called before: fine
  payments_before_statements_[event.party].emplace(event.date, event.loc);
}

void JournalBuilder::note_statement_for_payments(const Event& event) {
  auto [first, inserted] = first_statement_.emplace(event.party, event.date);
  if (!inserted && event.date < first->second) first->second = event.date;
  auto waiting = payments_before_statements_.find(event.party);
  if (waiting == payments_before_statements_.end()) return;
  waiting->second.erase(waiting->second.lower_bound(event.date), waiting->second.end());  // now called before
}

// Refund refs shaped PREFIX-YYYY-NNNN keep the numbering of the next refund notices going.
void JournalBuilder::note_refund_number(const std::string& ref, Date day) {
  const std::size_t dash = ref.rfind('-');
  if (dash == std::string::npos || dash < 5 || ref[dash - 5] != '-') return;
  const std::string_view number = std::string_view(ref).substr(dash + 1);
  const std::string_view year = std::string_view(ref).substr(dash - 4, 4);
  auto digits = [](std::string_view text) {
    return !text.empty() && text.size() <= 9 && text.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (!digits(number) || !digits(year)) return;
  std::uint32_t value = 0;
  for (char c : number) value = value * 10 + static_cast<std::uint32_t>(c - '0');
  std::uint32_t& highest = facts_.refund_numbers[ref.substr(0, dash)][day];
  highest = std::max(highest, value);
}

// Calls for funds follow the convention (art. 4.2 of the reference: after signature, within the
// commitment): a statement dated before the convention took effect (or, for a contributor that joins
// by an amendment, before that amendment took effect), or one that takes the contributor's calls above
// the cap in force on its date, is refused at its line.
void JournalBuilder::check_statements(Diagnostics& diagnostics) const {
  std::vector<const StatementLine*> ordered;
  for (const auto& line : facts_.statements) ordered.push_back(&line);
  std::sort(ordered.begin(), ordered.end(), [](const StatementLine* a, const StatementLine* b) {
    return std::tie(a->date, a->loc.line) < std::tie(b->date, b->loc.line);
  });
  const Timeline& timeline = facts_.timeline;
  std::map<std::string, Money> called;
  for (const StatementLine* line : ordered) {
    const std::string to = "a statement to " + in_quotes(line->party) + " dated " + format_date(line->date);
    if (!timeline.effective || line->date < *timeline.effective) {
      diagnostics.error(line->loc, to + " comes before the convention took effect (" +
                                       (timeline.effective ? "on " + format_date(*timeline.effective) + ", signature of '" +
                                                                 timeline.effective_party + "'"
                                                           : "not every party has signed it") +
                                       "): funds are called under a convention in force");
      continue;
    }
    const RulesVersion& version = timeline.on(line->date);
    const std::optional<std::size_t> index = contributor_index(version.rules(rules_), line->party);
    if (!index) {
      const Amendment& joins = rules_.amendments[joins_by_.at(line->party)];
      const std::optional<Date>& from = timeline.amendments[joins_by_.at(line->party)].effective;
      diagnostics.error(line->loc, to + " comes before it is a party: it joins by " + in_quotes(joins.id) +
                                       (from ? ", in force from " + format_date(*from) : ", not in force"));
      continue;
    }
    const CapsResult caps = effective_caps(version.rules(rules_));
    PRORATA_ASSERT(caps.value.has_value());  // the timeline keeps only versions whose caps hold
    const Money cap = caps.value->caps[*index];
    const Money agreed = version.rules(rules_).contributors[*index].cap_agreed;
    Money& total = called[line->party];
    total += line->amount;
    Money cancelled{};  // calls reduced before or on the day count no more
    for (const CancellationLine& cancellation : facts_.cancellations) {
      if (cancellation.party == line->party && cancellation.date <= line->date) cancelled += cancellation.amount;
    }
    if (total - cancelled > cap) {
      diagnostics.error(line->loc, "statements to " + in_quotes(line->party) + " reach " +
                                       format_amount(total - cancelled) +
                                       " by " + format_date(line->date) + ", above its cap of " + format_amount(cap) +
                                       (cap != agreed ? " (its agreed " + format_amount(agreed) +
                                                            ", scaled down to fit the aggregate cap)"
                                                      : ""));
      total -= line->amount;
    }
  }
}

// A contributor that joins by an amendment is a party from the day it takes effect.
void JournalBuilder::check_flows_from_joining(Diagnostics& diagnostics) const {
  for (const auto& [id, k] : joins_by_) {
    auto flow = first_flow_.find(id);
    if (flow == first_flow_.end()) continue;
    const std::optional<Date>& from = facts_.timeline.amendments[k].effective;
    if (from && flow->second.date >= *from) continue;
    diagnostics.error(flow->second.loc, "a payment or refund of " + in_quotes(id) + " dated " +
                                            format_date(flow->second.date) + " comes before it is a party: it joins by " +
                                            in_quotes(rules_.amendments[k].id) +
                                            (from ? ", in force from " + format_date(*from) : ", not in force"));
  }
}

// Money comes from a party bound by the convention: a payment dated before its payer signed it is a
// typo in a date (or a payment for something else), refused at the payer's earliest payment. A
// contributor that joins by an amendment signs that amendment instead (check_flows_from_joining).
void JournalBuilder::check_payments_after_signature(Diagnostics& diagnostics) const {
  for (const Contributor& contributor : rules_.contributors) {
    auto payment = first_payment_.find(contributor.id);
    if (payment == first_payment_.end()) continue;
    // A contributor with no signature yet leaves the convention out of force: its statements are
    // refused already, and the payment of a convention being signed is judged once it is.
    const std::optional<Date>& signed_on = facts_.parties.at(contributor.id).signed_on;
    if (!signed_on || payment->second.date >= *signed_on) continue;
    diagnostics.error(payment->second.loc,
                      "a payment from " + in_quotes(contributor.id) + " dated " + format_date(payment->second.date) +
                          " comes before it signed the convention (on " + format_date(*signed_on) +
                          "): a party pays under a convention it has signed");
  }
}

// A payment is the answer to a call (art. 4.3 of the reference: the contributor pays on a statement of
// amounts due). One with no statement to its payer dated on or before it is money received all the
// same, so it is accepted and counted; the warning asks for the missing statement (or the date).
void JournalBuilder::warn_payments_before_statements(Diagnostics& diagnostics) const {
  for (const auto& [party, payments] : payments_before_statements_) {
    const auto statement = first_statement_.find(party);
    const auto refused = first_payment_.find(party);  // may be refused already: one message per line
    const std::optional<Date>& signed_on = facts_.parties.at(party).signed_on;
    const bool refused_before_signature = refused != first_payment_.end() && joins_by_.count(party) == 0 &&
                                          signed_on && refused->second.date < *signed_on;
    for (const auto& [date, loc] : payments) {
      if (refused_before_signature && loc.line == refused->second.loc.line && loc.path == refused->second.loc.path) {
        continue;
      }
      diagnostics.warning(loc, "a payment from " + in_quotes(party) + " dated " + format_date(date) +
                                   " has no statement (call for funds) to it dated on or before it (" +
                                   (statement != first_statement_.end()
                                        ? "the first is dated " + format_date(statement->second)
                                        : std::string("the journal has none")) +
                                   "): record the statement it pays, or check the date");
    }
  }
}

void JournalBuilder::check_refunds(Diagnostics& diagnostics) const {
  for (const auto& [id, contributor] : contributors_) {
    const PartyFacts& party = facts_.parties.at(id);
    Money paid{};
    Money refunded{};
    for (const auto& [day, flows] : party.flows_by_day) {
      paid += flows.paid;
      refunded += flows.refunded;
      if (refunded > paid) {
        diagnostics.error(last_refund_loc_.at({id, day}),
                          "refunds to '" + id + "' reach " + format_amount(refunded) + " by " + format_date(day) +
                              " but payments from it are only " + format_amount(paid));
        break;
      }
    }
  }
}

void JournalBuilder::check_termination(Diagnostics& diagnostics) {
  if (!facts_.termination) return;
  PRORATA_ASSERT(rules_.term.notice_period.has_value());  // fold() refuses a termination without it
  const Date termination = *facts_.termination;
  bool allowed = std::any_of(notices_.begin(), notices_.end(), [&](Date notice) {
    return prorata::add(notice, *rules_.term.notice_period) <= termination;
  });
  if (allowed) return;
  std::string message = "termination on " + format_date(termination) + " needs a formal notice at least " +
                        format_duration(*rules_.term.notice_period) + " earlier";
  std::optional<Date> latest;
  for (Date notice : notices_) {
    if (notice <= termination && (!latest || notice > *latest)) latest = notice;
  }
  if (latest) {
    message += " (the notice of " + format_date(*latest) + " allows it from " +
               format_date(prorata::add(*latest, *rules_.term.notice_period)) + ")";
  } else {
    message += " (the journal has none)";
  }
  diagnostics.error(*termination_loc_, message);
  facts_.termination.reset();
}

void JournalBuilder::finish(Diagnostics& diagnostics) {
  check_termination(diagnostics);
  facts_.timeline = build_timeline(rules_, facts_, diagnostics);
  // Summing expense days, every date evaluation compares them with is pinned already: E and each E_k
  // are signature dates, milestones and the termination are their lines' dates (fold pins them all),
  // and the ends by duration were pinned when E became known.
  PRORATA_ASSERT(!facts_.expenses.sums_days() ||
                 (facts_.timeline.effective.has_value() == term_dates_known_.load(std::memory_order_relaxed) &&
                  (!facts_.timeline.effective || term_dates_.front() == *facts_.timeline.effective)));
  check_statements(diagnostics);
  check_register(diagnostics);
  check_cancellations(diagnostics);
  check_flows_from_joining(diagnostics);
  check_payments_after_signature(diagnostics);
  warn_payments_before_statements(diagnostics);
  check_refunds(diagnostics);
  check_term_dates(diagnostics);
  // Nothing is added after this: the slack of their doubling goes (a portfolio holds a thousand of
  // these; the statements' was 1 MiB of a 1M-line, 1 000-convention run).
  facts_.statements.shrink_to_fit();
  facts_.cancellations.shrink_to_fit();
  facts_.issued.shrink_to_fit();
}

// A convention cannot end before it takes effect: a termination, or the milestone that ends the term
// (in any version in force), dated before the last signature is a typo, not a settlement in which
// nothing is eligible.
void JournalBuilder::check_term_dates(Diagnostics& diagnostics) {
  const Timeline& timeline = facts_.timeline;
  if (!timeline.effective) return;  // not every party has signed: no effective date to compare with
  const std::string why = " is before the convention took effect on " + format_date(*timeline.effective) +
                          " (signature of '" + timeline.effective_party + "')";
  if (facts_.termination && *facts_.termination < *timeline.effective) {
    diagnostics.error(*termination_loc_, "termination on " + format_date(*facts_.termination) + why);
  }
  std::set<std::string> reported;
  for (const RulesVersion& version : timeline.versions) {
    const std::optional<std::string>& id = version.rules(rules_).term.ends_at_milestone;
    if (!id || !facts_.milestones.count(*id) || !reported.insert(*id).second) continue;
    const Date milestone = facts_.milestones.at(*id);
    if (milestone < *timeline.effective) {
      diagnostics.error(milestone_locs_.at(*id), "milestone '" + *id + "' on " + format_date(milestone) + why);
    }
  }
}

}  // namespace prorata
