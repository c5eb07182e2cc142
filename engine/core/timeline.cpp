#include "core/timeline.h"

#include <algorithm>
#include <set>

#include "core/assert.h"

namespace prorata {

const char* to_string(EndReason reason) {
  switch (reason) {
    case EndReason::max_duration: return "max_duration";
    case EndReason::milestone: return "milestone";
    case EndReason::termination: return "termination";
  }
  return "?";
}

const char* to_string(AmendmentState state) { return state == AmendmentState::in_force ? "in_force" : "pending"; }

const RulesVersion& Timeline::on(Date day) const {
  PRORATA_ASSERT(!versions.empty());
  const RulesVersion* found = &versions.front();
  for (const RulesVersion& version : versions) {
    if (version.from && *version.from <= day) found = &version;
  }
  return *found;
}

std::vector<std::size_t> Timeline::in_force(Date day) const {
  std::vector<std::size_t> indexes;
  for (const RulesVersion& version : versions) {
    if (version.from && *version.from <= day) indexes.push_back(version.amendment - 1);
  }
  return indexes;
}

TermEnd term_end(const Rules& version, Date effective, const std::map<std::string, Date>& milestones,
                 std::optional<Date> termination, Date as_of) {
  // Candidates in reason order, so that on equal dates the earlier reason wins.
  TermEnd term{add(effective, version.term.max_duration), EndReason::max_duration};
  auto consider = [&](std::optional<Date> day, EndReason reason) {
    if (day && *day <= as_of && *day < term.end) {
      term.end = *day;
      term.reason = reason;
    }
  };
  if (version.term.ends_at_milestone) {
    auto milestone = milestones.find(*version.term.ends_at_milestone);
    if (milestone != milestones.end()) consider(milestone->second, EndReason::milestone);
  }
  consider(termination, EndReason::termination);
  return term;
}

std::vector<std::string> required_signatories(const Rules& rules, const Timeline& timeline, std::size_t index,
                                              std::optional<Date> first, Date as_of) {
  PRORATA_ASSERT(index < rules.amendments.size());
  std::set<std::string> ids{rules.beneficiary.id};
  for (const auto& c : rules.contributors) ids.insert(c.id);
  for (std::size_t j = 0; j < timeline.amendments.size(); ++j) {
    const std::optional<Date>& effective = timeline.amendments[j].effective;
    if (j == index || !effective) continue;
    const bool before = first ? *effective < *first : *effective <= as_of;
    if (!before) continue;
    for (const auto& c : rules.amendments[j].changes.joining) ids.insert(c.id);
  }
  for (const auto& c : rules.amendments[index].changes.joining) ids.insert(c.id);
  return {ids.begin(), ids.end()};
}

std::vector<AmendmentStatus> amendment_statuses(const Rules& rules, const Timeline& timeline, Date as_of) {
  PRORATA_ASSERT(timeline.amendments.size() == rules.amendments.size());
  std::vector<AmendmentStatus> out;
  for (std::size_t k = 0; k < rules.amendments.size(); ++k) {
    const AmendmentTimeline& amendment = timeline.amendments[k];
    AmendmentStatus status{rules.amendments[k].id, rules.amendments[k].title, AmendmentState::pending, {}, {}};
    if (amendment.effective && *amendment.effective <= as_of) {
      status.state = AmendmentState::in_force;
      status.effective = amendment.effective;
    } else {
      const bool signed_by_then = amendment.first_signature && *amendment.first_signature <= as_of;
      const std::vector<std::string> required =
          required_signatories(rules, timeline, k, signed_by_then ? amendment.first_signature : std::nullopt, as_of);
      for (const std::string& id : required) {
        auto signature = amendment.signatures.find(id);
        if (signature == amendment.signatures.end() || signature->second.date > as_of) {
          status.missing_signatures.push_back(id);
        }
      }
    }
    out.push_back(std::move(status));
  }
  // In force first, by effective date (as applied), then the pending ones in file order.
  std::stable_sort(out.begin(), out.end(), [](const AmendmentStatus& a, const AmendmentStatus& b) {
    if (a.state != b.state) return a.state == AmendmentState::in_force;
    return a.state == AmendmentState::in_force && a.effective < b.effective;
  });
  return out;
}

}  // namespace prorata
