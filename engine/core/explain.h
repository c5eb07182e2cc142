// `explain`: every figure of a status with how it comes about: the rule that gives it (and the article
// where the rules name one), the journal lines it sums, the expense lines it leaves out and why, the
// signatures that set the term, and the exact shares (fractions of cents), floors, remainders and ranks
// of the settlement. Pure: built from the rules, the facts, the evaluation and the cited lines that a
// second streaming pass over the journal collected (ExplainCollector).
#pragma once
#include <cstdint>
#include <deque>
#include <set>
#include <string_view>
#include <optional>
#include <string>
#include <vector>

#include "core/evaluate.h"
#include "core/event.h"
#include "core/journal.h"
#include "core/ratio.h"

namespace prorata {

// A journal line an explanation cites: its file is the journal's path, kept once; its party and
// category point into the collector's names (few distinct ones, kept once each).
struct CitedLine {
  std::uint32_t line = 0;
  Date date;
  EventKind kind = EventKind::signature;
  std::optional<Money> amount;
  std::string_view party;
  std::string_view category;
  std::string ref;
};

// Keeps, from a second pass over the journal, the lines `explain` cites: the signatures, milestones,
// notices and terminations, every expense, and the calls, payments and refunds of `contributor` (of
// every contributor when empty). Events of other conventions never reach it (ConventionRouter).
class ExplainCollector : public EventSink {
 public:
  explicit ExplainCollector(std::string contributor) : contributor_(std::move(contributor)) {}
  ExplainCollector(const ExplainCollector&) = delete;  // its lines point into its own names
  ExplainCollector& operator=(const ExplainCollector&) = delete;
  void add(const Event& event, Diagnostics& diagnostics) override;
  // In journal order; a deque, so that keeping a million lines never copies them nor doubles its size.
  [[nodiscard]] const std::deque<CitedLine>& lines() const { return lines_; }
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string_view name(const std::string& text);

  std::string contributor_;
  std::string path_;
  std::set<std::string, std::less<>> names_;  // parties and categories: node addresses never move
  std::deque<CitedLine> lines_;
};

// A figure, its value as the status prints it, and why.
struct Figure {
  std::string value;                 // "9000.00", a date, or empty when unknown
  std::string rule;                  // how it comes about, in words
  std::string basis;                 // the article the rules give for it; may be empty
  std::vector<const CitedLine*> lines;  // the lines it sums or rests on (for sums: they add up to it)
};

struct ExcludedLine {
  const CitedLine* line = nullptr;
  std::string code;     // after_as_of, before_effective, after_end, category_not_eligible
  std::string version;  // category_not_eligible: "base" or the last amendment of the version on its date
  std::string reason;   // the same in words
};

// One contributor's share in an allocation (settlement, or caps scaled to the aggregate cap).
struct ShareDetail {
  std::string of;           // "refund" (share key paid: the unused part refunded), "contribution", "cap"
  Money basis;              // what the share is pro rata to, as an amount (paid key: min(paid, cap))
  Ratio weight;             // the weight in the allocation
  Ratio exact;              // the exact share, in cents
  Money floor;              // rounded down to the cent
  Ratio remainder;          // exact - floor, in cents
  std::size_t rank = 0;     // place in the leftover-cent order (1-based), 0 when not ranked
  bool leftover_cent = false;
  std::string tie;          // "", "weight" or "id": what broke a tie on the remainder at the cut
  bool at_cap = false;      // the share is the party's cap
};

struct ContributorExplanation {
  std::string id;
  Figure cap, called, paid, refunded, net_paid, final_contribution, balance, refund_due, amount_due, outstanding_calls;
  SourceLoc cap_loc;                // where the agreed cap in force is written
  std::string cap_from;             // "base" or the amendment id
  std::optional<ShareDetail> scaled_cap;  // under aggregate_cap_policy: scale, when the caps were scaled
  std::optional<ShareDetail> share;       // empty when nothing had to be shared (paid key, nothing unused)
};

struct AmendmentExplanation {
  AmendmentStatus status;
  std::vector<const CitedLine*> signatures;  // its signature lines on or before the as-of date
};

struct Explanation {
  std::string convention;
  std::string journal_path;
  Date as_of;
  Figure effective;                    // lines: the signatures of the convention itself
  std::string effective_party;         // whose signature set it
  Figure end;                          // lines: the milestone or termination that ended it
  std::optional<EndReason> end_reason;
  std::string max_duration;            // "9 months"
  std::string max_duration_from;       // "base" or the amendment id
  std::string ends_at_milestone;       // of the version in force; empty when none
  std::string ends_at_milestone_from;  // "base" or the amendment id
  std::vector<AmendmentExplanation> amendments;
  Figure spending, eligible_spending, covered, uncovered;
  std::vector<ExcludedLine> excluded;  // expense lines left out of the eligible spending
  std::string share_key;
  Figure settlement;                   // what was shared: the unused part (paid key) or the eligible spending
  std::size_t leftover_cents = 0;
  std::optional<Ratio> level;          // the allocation's lambda: exact_i = min(cap_i, level * weight_i)
  // Under aggregate_cap_policy: scale, when the agreed caps were scaled down to the aggregate cap.
  struct CapScaling {
    Money aggregate_cap;
    std::string from;                  // "base" or the amendment that set the aggregate cap
    Ratio level;
    std::size_t leftover_cents = 0;
  };
  std::optional<CapScaling> cap_scaling;
  std::vector<ContributorExplanation> contributors;  // sorted by id; only the one asked for, with --contributor
  // The cited lines sum to the status's figures. False only when the second pass read other lines than
  // the first (the file changed in between): the explanation must then not be shown.
  bool consistent = true;
};

// `evaluation` is evaluate_detailed(rules, facts, as_of); `collector` ran over the same journal.
Explanation explain(const Rules& rules, const JournalFacts& facts, const Evaluation& evaluation,
                    const ExplainCollector& collector, const std::optional<std::string>& contributor);

// "2540000/9": a ratio in lowest terms, always with its denominator.
std::string format_fraction(const Ratio& value);

}  // namespace prorata
