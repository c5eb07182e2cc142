#include "core/timeline_check.h"

#include <algorithm>
#include <tuple>

#include "core/assert.h"
#include "core/caps.h"
#include "core/message_text.h"

namespace prorata {

namespace {

std::string end_text(const TermEnd& end) {
  return format_date(end.end) + " (" + to_string(end.reason) + ")";
}

// E: the last signature of the base parties (beneficiary and base contributors), if all have signed.
void set_effective(const Rules& rules, const JournalFacts& facts, Timeline& timeline) {
  std::vector<std::string> parties{rules.beneficiary.id};
  for (const auto& c : rules.contributors) parties.push_back(c.id);
  for (const auto& id : parties) {
    const std::optional<Date>& signed_on = facts.parties.at(id).signed_on;
    if (!signed_on) {
      timeline.effective.reset();
      timeline.effective_party.clear();
      return;
    }
    if (!timeline.effective || *signed_on > *timeline.effective ||
        (*signed_on == *timeline.effective && id < timeline.effective_party)) {
      timeline.effective = signed_on;
      timeline.effective_party = id;
    }
  }
}

// Every signature of an amendment is dated on or after E; `false` when one is not (reported).
bool signed_in_force(const Amendment& amendment, const AmendmentTimeline& entry, const Timeline& timeline,
                     Diagnostics& diagnostics) {
  bool ok = true;
  for (const auto& [party, signature] : entry.signatures) {
    if (timeline.effective && signature.date >= *timeline.effective) continue;
    diagnostics.error(signature.loc,
                      in_quotes(party) + " signs " + in_quotes(amendment.id) + " on " + format_date(signature.date) +
                          (timeline.effective ? ", before the convention took effect on " +
                                                    format_date(*timeline.effective)
                                              : ", while the convention has not taken effect (not every party "
                                                "has signed it)") +
                          ": an amendment changes a convention in force");
    ok = false;
  }
  return ok;
}

// Who must sign, and whether all did: sets required and the tentative effective date (E_k).
void settle_signatories(const Rules& rules, std::size_t k, Timeline& timeline, Diagnostics& diagnostics) {
  AmendmentTimeline& entry = timeline.amendments[k];
  entry.required = required_signatories(rules, timeline, k, entry.first_signature, Date::max());
  bool ok = true;
  for (const auto& [party, signature] : entry.signatures) {
    if (std::binary_search(entry.required.begin(), entry.required.end(), party)) continue;
    diagnostics.error(signature.loc, in_quotes(party) + " is not asked to sign " + in_quotes(rules.amendments[k].id) +
                                         " (its signatories on " + format_date(*entry.first_signature) + ": " +
                                         joined(entry.required) + ")");
    ok = false;
  }
  if (!ok) return;
  std::optional<Date> last;
  for (const std::string& id : entry.required) {
    auto signature = entry.signatures.find(id);
    if (signature == entry.signatures.end()) return;  // pending
    if (!last || signature->second.date > *last) last = signature->second.date;
  }
  entry.effective = last;
}

const SignatureFact& last_signature(const AmendmentTimeline& entry) {
  const SignatureFact* last = nullptr;
  for (const auto& [party, signature] : entry.signatures) {
    if (!last || std::tie(signature.date, signature.loc.line) > std::tie(last->date, last->loc.line)) last = &signature;
  }
  PRORATA_ASSERT(last != nullptr);
  return *last;
}

Money called_by(const JournalFacts& facts, const std::string& party, Date day) {
  Money called{};
  for (const StatementLine& line : facts.statements) {
    if (line.party == party && line.date <= day) called += line.amount;
  }
  return called;
}

// Applies amendment k on top of `current`, or explains at its lines why it cannot take effect.
std::optional<Rules> apply_checked(const Rules& rules, std::size_t k, const Rules& current, const JournalFacts& facts,
                                   const Timeline& timeline, Diagnostics& diagnostics) {
  const Amendment& amendment = rules.amendments[k];
  const Date effective = *timeline.amendments[k].effective;
  const SignatureFact& last = last_signature(timeline.amendments[k]);
  const std::string takes_effect = in_quotes(amendment.id) + " takes effect on " + format_date(effective) +
                                   " (its last signature)";
  const TermEnd before = term_end(current, *timeline.effective, facts.milestones, facts.termination, Date::max());
  if (effective > before.end) {
    diagnostics.error(last.loc, takes_effect + ", after the convention ended on " + end_text(before) +
                                    ": an amendment is signed before the end of the convention (art. 5)");
    return std::nullopt;
  }
  bool ok = true;
  const std::vector<std::string>& signatories = timeline.amendments[k].required;
  for (const CapChange& change : amendment.changes.caps) {
    // A commitment changes only with its party's signature: the contributor must be one of those who
    // sign (a party when the amendment is first signed), not one that joins in between.
    if (!std::binary_search(signatories.begin(), signatories.end(), change.id)) {
      diagnostics.error(change.loc, in_quotes(amendment.id) + " changes the cap of " + in_quotes(change.id) +
                                        ", which is not a party when the amendment is first signed (" +
                                        format_date(*timeline.amendments[k].first_signature) +
                                        "), so it does not sign it: its commitment cannot change without its signature");
      ok = false;
      continue;
    }
    if (!contributor_index(current, change.id)) {
      diagnostics.error(change.loc, in_quotes(amendment.id) + " changes the cap of " + in_quotes(change.id) +
                                        ", which is not a party on " + format_date(effective) +
                                        " (the amendment that adds it is not in force then)");
      ok = false;
      continue;
    }
    const Money called = called_by(facts, change.id, effective);
    if (change.cap_agreed < called) {
      diagnostics.error(change.loc, in_quotes(amendment.id) + " lowers the cap of " + in_quotes(change.id) + " to " +
                                        format_amount(change.cap_agreed) + ", below the " + format_amount(called) +
                                        " already called from it by " + format_date(effective));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  Rules next = apply_amendment(current, amendment);
  next.amendments.clear();
  const CapsResult caps = effective_caps(next);
  if (!caps.value) {
    diagnostics.error(amendment.loc, caps.overflow ? "from " + format_date(effective) + ", under " +
                                                         in_quotes(amendment.id) +
                                                         ", the contributors' caps add up past the checked range"
                                                   : "from " + format_date(effective) + ", under " +
                                                         in_quotes(amendment.id) + ", the contributors' caps sum to " +
                                                         format_amount(caps.agreed_sum) + ", more than aggregate_cap " +
                                                         format_amount(*next.aggregate_cap) +
                                                         " (aggregate_cap_policy: scale would scale them down)");
    return std::nullopt;
  }
  const TermEnd after = term_end(next, *timeline.effective, facts.milestones, facts.termination, Date::max());
  if (after.end < effective) {
    diagnostics.error(last.loc, takes_effect + " but would end the term on " + end_text(after) +
                                    ", before its own effective date");
    return std::nullopt;
  }
  return next;
}

}  // namespace

Timeline build_timeline(const Rules& rules, const JournalFacts& facts, Diagnostics& diagnostics) {
  Timeline timeline;
  set_effective(rules, facts, timeline);
  timeline.versions.push_back(RulesVersion{std::nullopt, 0, nullptr});
  timeline.amendments.resize(rules.amendments.size());
  std::vector<std::size_t> by_first;
  for (std::size_t k = 0; k < rules.amendments.size(); ++k) {
    auto signatures = facts.amendment_signatures.find(rules.amendments[k].id);
    if (signatures == facts.amendment_signatures.end()) continue;
    AmendmentTimeline& entry = timeline.amendments[k];
    entry.signatures = signatures->second;
    for (const auto& [party, signature] : entry.signatures) {
      if (!entry.first_signature || signature.date < *entry.first_signature) entry.first_signature = signature.date;
    }
    if (signed_in_force(rules.amendments[k], entry, timeline, diagnostics)) by_first.push_back(k);
  }
  // Who signs an amendment depends on the amendments in force before its first signature: settle them
  // in that order (E_j < F_k implies F_j < F_k).
  std::stable_sort(by_first.begin(), by_first.end(), [&](std::size_t a, std::size_t b) {
    return *timeline.amendments[a].first_signature < *timeline.amendments[b].first_signature;
  });
  for (std::size_t k : by_first) settle_signatories(rules, k, timeline, diagnostics);
  std::vector<std::size_t> by_effective;
  for (std::size_t k : by_first) {
    if (timeline.amendments[k].effective) by_effective.push_back(k);
  }
  std::sort(by_effective.begin(), by_effective.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(*timeline.amendments[a].effective, a) < std::tie(*timeline.amendments[b].effective, b);
  });
  for (std::size_t k : by_effective) {
    auto next = apply_checked(rules, k, timeline.versions.back().rules(rules), facts, timeline, diagnostics);
    if (!next) {
      timeline.amendments[k].effective.reset();
      continue;
    }
    timeline.versions.push_back(
        RulesVersion{timeline.amendments[k].effective, k + 1, std::make_shared<const Rules>(std::move(*next))});
  }
  return timeline;
}

}  // namespace prorata
