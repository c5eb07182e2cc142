// A portfolio: every convention of a shared journal evaluated on one date (pure). Each convention's
// Status is exactly the one `status` gives for it alone; the totals are their sums; what needs a
// finance officer's attention is listed per convention.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/evaluate.h"
#include "core/journal.h"
#include "core/rules.h"

namespace prorata {

// Something to act on: an amendment still to sign, a call unpaid past its due date, a refund due to a
// contributor whose refund account the rules lack.
struct AttentionItem {
  std::string convention;
  std::string what;
};

struct PortfolioStatus {
  Date as_of;
  std::vector<Status> conventions;  // sorted by id (byte order)
  Totals totals;                    // each field the sum over the conventions
  std::map<std::string, std::uint64_t> other_conventions;  // rows of conventions not loaded, per id
  std::vector<AttentionItem> attention;                     // in the order of the conventions
};

struct ConventionFacts {
  const Rules* rules = nullptr;
  const JournalFacts* facts = nullptr;
};

// With threads > 1, the conventions are evaluated on that many threads (each convention's evaluation
// is pure and independent); the result is the same, byte for byte, whatever the number.
PortfolioStatus evaluate_portfolio(const std::vector<ConventionFacts>& conventions, Date as_of,
                                   std::map<std::string, std::uint64_t> other_conventions, unsigned threads = 1);

}  // namespace prorata
