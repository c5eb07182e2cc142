// Generated journals of the seed convention, for the property tests (timeline_test, explain_test).
#pragma once
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/journal.h"
#include "seed_convention.h"

namespace prorata::test {

struct Lines {
  std::vector<Event> events;
  void add(Date date, EventKind kind, std::string party, std::optional<Money> amount, std::string ref,
           std::string category = "") {
    events.push_back(Event{date, kind, std::move(party), amount, std::move(ref), std::move(category), "",
                           SourceLoc{"journal.csv", static_cast<std::uint32_t>(events.size() + 2), 0}});
  }
};

inline Date random_day(std::mt19937_64& rng, Date from, int span_days) {
  return from + date::days{static_cast<int>(rng() % static_cast<std::uint64_t>(span_days))};
}

inline Money random_cents(std::mt19937_64& rng, std::int64_t low, std::int64_t high) {
  return Money::from_cents(low + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(high - low + 1)));
}

// The seed's parties all sign by 2020-07-21 (E); calls of at most 3000.00 each, payments, expenses
// in two categories up to 2021-01-31; phase-5-end somewhere in November or never.
inline Lines random_seed_journal(std::mt19937_64& rng) {
  Lines j;
  const Date e = day("2020-07-21");
  j.add(e, EventKind::signature, "dinum", std::nullopt, "");
  int number = 0;
  for (const char* id : seed_ids) {
    j.add(random_day(rng, day("2020-07-01"), 21), EventKind::signature, id, std::nullopt, "");
    for (std::uint64_t k = rng() % 3; k > 0; --k) {
      j.add(random_day(rng, e, 120), EventKind::statement, id, random_cents(rng, 1, 300000), "T-" + std::to_string(++number));
    }
    for (std::uint64_t k = rng() % 3; k > 0; --k) {
      j.add(random_day(rng, e, 150), EventKind::payment, id, random_cents(rng, 1, 400000), "V-" + std::to_string(k));
    }
  }
  for (std::uint64_t k = 2 + rng() % 8; k > 0; --k) {
    j.add(random_day(rng, day("2020-07-01"), 210), EventKind::expense, "dinum", random_cents(rng, -50000, 900000),
          "F-" + std::to_string(k), rng() % 2 ? "coaching" : "travel");
  }
  if (rng() % 2) j.add(random_day(rng, day("2020-11-01"), 30), EventKind::milestone, "", std::nullopt, "phase-5-end");
  return j;
}

inline void sign(Lines& j, const std::string& amendment, Date on) {
  j.add(on, EventKind::signature, "dinum", std::nullopt, amendment);
  for (const char* id : seed_ids) j.add(on, EventKind::signature, id, std::nullopt, amendment);
}

inline JournalFacts load(const Rules& rules, const Lines& j) {
  JournalBuilder builder(rules);
  Diagnostics diagnostics;
  for (const auto& event : j.events) builder.add(event, diagnostics);
  builder.finish(diagnostics);
  for (const auto& d : diagnostics.items()) {
    if (d.severity == Severity::error) FAIL_CHECK(format_diagnostic(d));  // a warning (a payment before its call) is fine
  }
  return builder.facts();
}

}  // namespace prorata::test
