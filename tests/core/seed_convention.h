// Test helpers shared by the core tests: exact amounts and dates from text, the seed convention
// built in code (beneficiary dinum; nord, pas-de-calais, oise, val-d-oise, somme with a 9000.00 cap
// each; aggregate 45000.00; share_key paid; 6 months; phase-5-end; 1 month notice), and row lookup.
#pragma once
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "core/caps.h"
#include "core/evaluate.h"
#include "core/settle.h"
#include "core/rules.h"

namespace prorata::test {

inline Money cents(const char* text) {
  auto parsed = parse_amount(text);
  REQUIRE_MESSAGE(parsed.value.has_value(), text);
  return *parsed.value;
}

inline Date day(const char* text) {
  auto parsed = parse_date(text);
  REQUIRE_MESSAGE(parsed.value.has_value(), text);
  return *parsed.value;
}

inline constexpr const char* seed_ids[] = {"nord", "pas-de-calais", "oise", "val-d-oise", "somme"};  // file order

inline Rules seed_rules() {
  Rules rules;
  rules.id = "seed";
  rules.title = "Seed convention";
  rules.beneficiary = Party{.id = "dinum", .name = "DINUM"};
  rules.term = Term{Duration{6, Duration::Unit::months}, std::string("phase-5-end"), Duration{1, Duration::Unit::months}};
  rules.aggregate_cap = cents("45000.00");
  rules.aggregate_cap_policy = CapPolicy::reject;
  rules.share_key = ShareKey::paid;
  for (const char* id : seed_ids) {
    rules.contributors.push_back(Contributor{.id = id, .name = id, .cap_agreed = cents("9000.00")});
  }
  REQUIRE(effective_caps(rules).value.has_value());
  return rules;
}

// The caps in force under `rules` (agreed, or scaled to the aggregate cap): they must exist.
inline std::vector<Money> caps_of(const Rules& rules) {
  CapsResult caps = effective_caps(rules);
  REQUIRE(caps.value.has_value());
  return caps.value->caps;
}

inline std::vector<Money> final_contributions(const Rules& rules, const std::vector<Money>& paid, Money eligible) {
  return settle(rules, caps_of(rules), paid, eligible).finals;
}

inline SettlementBasis settlement_basis(const Rules& rules, const std::vector<Money>& paid, Money eligible) {
  return settle(rules, caps_of(rules), paid, eligible).basis;
}

inline const ContributorStatus& row(const Status& status, std::string_view id) {
  for (const auto& r : status.contributors) {
    if (r.id == id) return r;
  }
  FAIL("no row for ", id);
  return status.contributors.front();
}

}  // namespace prorata::test
