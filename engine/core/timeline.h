// The convention over time: when it took effect (E, the last signature of the base parties), which
// amendments took effect and when (E_k, the last signature each needs), and the version of the rules in
// force on any date: the base rules plus every amendment with E_k <= that date, applied in the order of
// their effective dates (same date: file order). Built over the whole journal by core/timeline_check.h.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/diagnostic.h"
#include "core/rules.h"

namespace prorata {

enum class EndReason { max_duration, milestone, termination };
const char* to_string(EndReason reason);

struct SignatureFact {
  Date date;
  SourceLoc loc;
};

// One amendment of the rules, as the journal has it.
struct AmendmentTimeline {
  std::map<std::string, SignatureFact> signatures;  // by party
  std::vector<std::string> required;                 // who signs it, by id (once it has a first signature)
  std::optional<Date> first_signature;
  std::optional<Date> effective;                     // E_k: every required party has signed, and it holds
};

struct RulesVersion {
  std::optional<Date> from;     // E_k; nullopt for the base (in force from E)
  std::size_t amendment = 0;    // index in rules.amendments + 1; 0 for the base
  // The amended rules, owned here; empty for the base, which is the convention's own rules (not a
  // copy: a portfolio holds thousands of conventions).
  std::shared_ptr<const Rules> amended;

  // The rules of this version: `base` (the rules the timeline was built from) with the amendments
  // applied up to this one.
  [[nodiscard]] const Rules& rules(const Rules& base) const { return amended ? *amended : base; }
};

struct Timeline {
  std::optional<Date> effective;               // E, over the whole journal
  std::string effective_party;                 // whose signature set E
  std::vector<AmendmentTimeline> amendments;   // one per rules.amendments, same order
  std::vector<RulesVersion> versions;          // the base first, then by effective date

  // The version in force on `day` (the base before E or while E is unknown).
  [[nodiscard]] const RulesVersion& on(Date day) const;
  // Indexes (in rules.amendments) of the amendments in force on `day`, in the order applied.
  [[nodiscard]] std::vector<std::size_t> in_force(Date day) const;
};

// The end of the term under `version`: the earliest of effective + max_duration, the day its
// ends_at_milestone was reached, the termination (those two only when on or before `as_of`). On equal
// dates the earlier reason in EndReason wins.
struct TermEnd {
  Date end;
  EndReason reason = EndReason::max_duration;
};
TermEnd term_end(const Rules& version, Date effective, const std::map<std::string, Date>& milestones,
                 std::optional<Date> termination, Date as_of);

enum class AmendmentState { in_force, pending };
const char* to_string(AmendmentState state);

// An amendment on a date: in force (since when), or pending (who has still to sign).
struct AmendmentStatus {
  std::string id;
  std::string title;
  AmendmentState state = AmendmentState::pending;
  std::optional<Date> effective;
  std::vector<std::string> missing_signatures;  // pending: by id
};
std::vector<AmendmentStatus> amendment_statuses(const Rules& rules, const Timeline& timeline, Date as_of);

// Who signs amendment `index` if its first signature is on `first` (nullopt: not signed yet, judged on
// `as_of`): the beneficiary, the contributors of the base rules and of the amendments in force before
// that day (E_j < first), and the contributors it adds. By id.
std::vector<std::string> required_signatories(const Rules& rules, const Timeline& timeline, std::size_t index,
                                              std::optional<Date> first, Date as_of);

}  // namespace prorata
