// Final contributions and refunds (tests engine/core/settle.h, caps.h's effective_caps and the
// money figures of evaluate.h) on the seed convention: beneficiary dinum; nord, pas-de-calais, oise,
// val-d-oise, somme with a 9000.00 cap each; aggregate 45000.00; share_key paid; every figure below
// is worked by hand in its comment.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/evaluate.h"
#include "core/journal.h"
#include "seed_convention.h"
#include "core/settle.h"

using namespace prorata;
using namespace prorata::test;

namespace {

// Three contributors a, b, c with the given caps and no aggregate cap (for the other share keys).
Rules three_rules(ShareKey key, const char* cap_a, const char* cap_b, const char* cap_c) {
  Rules rules = seed_rules();
  rules.aggregate_cap.reset();
  rules.share_key = key;
  rules.contributors = {Contributor{.id = "a", .name = "A", .cap_agreed = cents(cap_a)}, Contributor{.id = "b", .name = "B", .cap_agreed = cents(cap_b)},
                        Contributor{.id = "c", .name = "C", .cap_agreed = cents(cap_c)}};
  return rules;
}

std::vector<std::string> as_text(const std::vector<Money>& amounts) {
  std::vector<std::string> out;
  for (Money m : amounts) out.push_back(format_amount(m));
  return out;
}

std::vector<std::string> finals(const Rules& rules, std::vector<const char*> net_paid, const char* eligible) {
  std::vector<Money> paid;
  for (const char* text : net_paid) paid.push_back(cents(text));
  return as_text(final_contributions(rules, paid, cents(eligible)));
}

using Texts = std::vector<std::string>;

// A journal where every seed party signs (the last on 2020-07-21), each contributor is called
// for 9000.00 and pays `paid[i]` on 2020-08-03, and dinum spends `spending` on 2020-10-01.
Status run_seed(const Rules& rules, std::vector<const char*> paid, const char* spending,
                const char* as_of = "2021-03-01") {
  std::vector<Event> events;
  auto add = [&](const char* date, EventKind kind, std::string party, std::optional<Money> amount, std::string ref) {
    events.push_back(Event{day(date), kind, std::move(party), amount, std::move(ref), "", "",
                           SourceLoc{"journal.csv", static_cast<std::uint32_t>(events.size() + 2), 0}});
  };
  add("2020-07-01", EventKind::signature, "dinum", std::nullopt, "");
  for (std::size_t i = 0; i < rules.contributors.size(); ++i) {
    const std::string& id = rules.contributors[i].id;
    add(i == 0 ? "2020-07-21" : "2020-07-10", EventKind::signature, id, std::nullopt, "");
    // Called for 9000.00, or the whole cap when scaling made it smaller (a call never passes the cap).
    add("2020-07-25", EventKind::statement, id, min(cents("9000.00"), caps_of(rules)[i]), "T-" + std::to_string(i + 1));
    if (cents(paid[i]).cents > 0) add("2020-08-03", EventKind::payment, id, cents(paid[i]), "V-" + std::to_string(i + 1));
  }
  add("2020-10-01", EventKind::expense, "dinum", cents(spending), "F-1");
  JournalBuilder builder(rules);
  Diagnostics diagnostics;
  for (const auto& event : events) builder.add(event, diagnostics);
  builder.finish(diagnostics);
  REQUIRE(diagnostics.empty());
  return evaluate(rules, builder.facts(), day(as_of));
}


}  // namespace

TEST_CASE("paid key: all five pay 9000.00, 40000.00 eligible: each bears 8000.00, 1000.00 back") {
  // sum p = 45000.00 > 40000.00: U = 5000.00 shared pro rata to 9000.00 each: 1000.00 each.
  const Rules rules = seed_rules();
  CHECK(finals(rules, {"9000", "9000", "9000", "9000", "9000"}, "40000") ==
        Texts{"8000.00", "8000.00", "8000.00", "8000.00", "8000.00"});
  const Status status = run_seed(rules, {"9000", "9000", "9000", "9000", "9000"}, "40000.00");
  for (const auto& r : status.contributors) {
    CHECK(format_amount(r.final_contribution) == "8000.00");
    CHECK(format_amount(r.refund_due) == "1000.00");
    CHECK(r.amount_due == Money{});
    CHECK(r.outstanding_calls == Money{});
    CHECK(format_amount(r.balance) == "1000.00");
  }
  CHECK(format_amount(status.totals.covered) == "40000.00");
  CHECK(status.totals.uncovered == Money{});
  CHECK(format_amount(status.totals.refund_due) == "5000.00");
  CHECK(format_amount(status.totals.caps) == "45000.00");
  CHECK(format_amount(status.totals.paid) == "45000.00");
  CHECK(format_amount(status.totals.called) == "45000.00");
}

TEST_CASE("paid key: 45000.01 spent: one cent uncovered, no refund") {
  // eligible 45000.01 >= sum p = 45000.00: F = p; uncovered = 45000.01 - 45000.00 = 0.01.
  const Rules rules = seed_rules();
  const Status status = run_seed(rules, {"9000", "9000", "9000", "9000", "9000"}, "45000.01");
  CHECK(format_amount(status.totals.eligible_spending) == "45000.01");
  CHECK(format_amount(status.totals.uncovered) == "0.01");
  CHECK(status.totals.refund_due == Money{});
  for (const auto& r : status.contributors) CHECK(format_amount(r.final_contribution) == "9000.00");
}

TEST_CASE("paid key: one departement paid half: refunds pro rata to what each paid") {
  // somme paid 4500.00, the four others 9000.00; eligible 36000.00. sum p = 40500.00, U = 4500.00.
  // somme: 4500 * 4500 / 40500 = 500.00; the others 9000 * 4500 / 40500 = 1000.00 (exact, no rounding).
  // F: somme 4000.00, others 8000.00 (sum 36000.00). somme was called 9000.00: 4500.00 outstanding.
  const Rules rules = seed_rules();
  CHECK(finals(rules, {"9000", "9000", "9000", "9000", "4500"}, "36000") ==
        Texts{"8000.00", "8000.00", "8000.00", "8000.00", "4000.00"});
  const Status status = run_seed(rules, {"9000", "9000", "9000", "9000", "4500"}, "36000.00");
  CHECK(format_amount(row(status, "somme").refund_due) == "500.00");
  CHECK(format_amount(row(status, "somme").final_contribution) == "4000.00");
  CHECK(format_amount(row(status, "somme").outstanding_calls) == "4500.00");
  CHECK(format_amount(row(status, "nord").refund_due) == "1000.00");
  CHECK(row(status, "nord").outstanding_calls == Money{});
  CHECK(format_amount(status.totals.refund_due) == "4500.00");
  CHECK(status.totals.uncovered == Money{});
}

TEST_CASE("paid key: the rounding cent falls on the refund, by the tie rule") {
  // eligible 40000.01, 5 x 9000.00 paid: U = 499999 cents, 99999.8 each. Floors 5 x 99999 = 499995,
  // 4 cents left; fractions (.8) and weights (9000.00) tie, so ids decide: nord < oise <
  // pas-de-calais < somme get 1000.00 back, val-d-oise 999.99 and bears 8000.01.
  const Rules rules = seed_rules();
  CHECK(finals(rules, {"9000", "9000", "9000", "9000", "9000"}, "40000.01") ==
        Texts{"8000.00", "8000.00", "8000.00", "8000.01", "8000.00"});
  const Status status = run_seed(rules, {"9000", "9000", "9000", "9000", "9000"}, "40000.01");
  CHECK(format_amount(row(status, "val-d-oise").refund_due) == "999.99");
  CHECK(format_amount(row(status, "somme").refund_due) == "1000.00");
  CHECK(format_amount(status.totals.covered) == "40000.01");
  // A tie of fractions between unequal payers goes to the larger one before the id: somme paid
  // 6000.00, nord 2000.00, nobody else. Eligible 7999.98: U = 2 cents, u = 2 * 6000/8000 = 1.5 for
  // somme and 0.5 for nord; floors 1 + 0; the cent left goes to somme (larger weight) though
  // "nord" < "somme". F: somme 6000.00 - 0.02 = 5999.98, nord 2000.00.
  CHECK(finals(rules, {"2000", "0", "0", "0", "6000"}, "7999.98") ==
        Texts{"2000.00", "0.00", "0.00", "0.00", "5999.98"});
}

TEST_CASE("settlement basis: what the payments cover, the unused part, and who got a leftover cent") {
  const Rules rules = seed_rules();
  auto basis = [&](std::vector<const char*> paid_text, const char* eligible) {
    std::vector<Money> paid;
    for (const char* text : paid_text) paid.push_back(cents(text));
    return settlement_basis(rules, paid, cents(eligible));
  };
  // The tie case above: 45000.00 retained, 4999.99 unused, 4 cents left over: nord, oise,
  // pas-de-calais, somme (val-d-oise's refund stays at its floor, 999.99).
  const SettlementBasis ties = basis({"9000", "9000", "9000", "9000", "9000"}, "40000.01");
  CHECK(ties.share_key == ShareKey::paid);
  CHECK(format_amount(ties.retained) == "45000.00");
  CHECK(format_amount(ties.unused) == "4999.99");
  CHECK(ties.leftover_cent_to == Texts{"nord", "oise", "pas-de-calais", "somme"});
  // Unequal payers: the one cent left goes to somme (1.5 -> 2 cents), not nord (0.5 -> 0).
  CHECK(basis({"2000", "0", "0", "0", "6000"}, "7999.98").leftover_cent_to == Texts{"somme"});
  // Exact shares (4500.00 unused: 1000.00 and 500.00): no cent left over.
  const SettlementBasis exact = basis({"9000", "9000", "9000", "9000", "4500"}, "36000");
  CHECK(format_amount(exact.unused) == "4500.00");
  CHECK(exact.leftover_cent_to.empty());
  // Paid above the cap counts up to the cap; nothing unused when the eligible spending uses it all.
  const SettlementBasis used = basis({"9500", "9000", "9000", "9000", "9000"}, "45000");
  CHECK(format_amount(used.retained) == "45000.00");
  CHECK(used.unused == Money{});
  CHECK(used.leftover_cent_to.empty());
  // Another key: only the key is told.
  const Rules caps = three_rules(ShareKey::caps, "100", "200", "300");
  const std::vector<Money> paid{cents("100"), cents("200"), cents("300")};
  const SettlementBasis by_caps = settlement_basis(caps, paid, cents("1"));
  CHECK(by_caps.share_key == ShareKey::caps);
  CHECK(by_caps.retained == Money{});
  CHECK(by_caps.leftover_cent_to.empty());
  CHECK(by_caps.held_at_cap.empty());  // 1 cent shared by caps: nobody near a cap
  // fixtures/weights-terminated/NOTES.md, equal key: level 5000.01 / 3 = 1666.67 > c's 1000.00 cap,
  // so c is held at it and a, b share the rest.
  const Rules equal = three_rules(ShareKey::equal, "5000", "3000", "1000");
  const std::vector<Money> none{Money{}, Money{}, Money{}};
  auto held = [&](const char* eligible) {
    return settlement_basis(equal, none, cents(eligible)).held_at_cap;
  };
  CHECK(held("5000.01") == Texts{"c"});
  CHECK(held("2999.99").empty());  // 999.99 (rounded) each: nobody at a cap
  CHECK(held("12000").empty());    // everybody at the cap (3000.00 uncovered): nobody "held" apart
  CHECK(held("7000.01") == Texts{"b", "c"});  // b 3000.00, c 1000.00, a 3000.01
  // Weights a 1, b 1, c 0 (caps 5000, 3000, 2000), 9000.00 eligible: b 3000.00 and a 5000.00 at their
  // caps, 1000.00 uncovered; c shares nothing, so it does not make a and b "held apart".
  Rules weighted = three_rules(ShareKey::weights, "5000", "3000", "2000");
  weighted.weights = {{"a", Ratio(1)}, {"b", Ratio(1)}, {"c", Ratio(0)}};
  const std::vector<Money> finals_w = final_contributions(weighted, none, cents("9000"));
  CHECK(as_text(finals_w) == Texts{"5000.00", "3000.00", "0.00"});
  CHECK(settlement_basis(weighted, none, cents("9000")).held_at_cap.empty());
  // 7000.00: level 3500 > b's cap: b held at 3000.00, a 4000.00.
  const std::vector<Money> finals_7 = final_contributions(weighted, none, cents("7000"));
  CHECK(as_text(finals_7) == Texts{"4000.00", "3000.00", "0.00"});
  CHECK(settlement_basis(weighted, none, cents("7000")).held_at_cap == Texts{"b"});
}

TEST_CASE("paid key: what is paid above the cap is refunded; refunds made reduce net_paid") {
  // nord paid 9500.00 (500.00 over its cap): p = 9000.00. Eligible 45000.00 = sum p: F = p, and
  // nord gets its 500.00 back.
  const Rules rules = seed_rules();
  CHECK(finals(rules, {"9500", "9000", "9000", "9000", "9000"}, "45000") ==
        Texts{"9000.00", "9000.00", "9000.00", "9000.00", "9000.00"});
  const Status status = run_seed(rules, {"9500", "9000", "9000", "9000", "9000"}, "45000.00");
  CHECK(format_amount(row(status, "nord").refund_due) == "500.00");
  CHECK(row(status, "oise").refund_due == Money{});
  // Nothing eligible: U = sum p = caps sum, so every p comes back.
  CHECK(finals(rules, {"9000", "9000", "9000", "9000", "4500"}, "0") ==
        Texts{"0.00", "0.00", "0.00", "0.00", "0.00"});
  // Net paid 8000.00 (1000.00 already refunded) with 40000.00 eligible: F = 8000.00, balance 0.
  CHECK(finals(rules, {"8000", "8000", "8000", "8000", "8000"}, "40000") ==
        Texts{"8000.00", "8000.00", "8000.00", "8000.00", "8000.00"});
}

TEST_CASE("caps key: the spending is shared by caps, whatever was paid") {
  // Seed caps equal: 40000.00 / 5 = 8000.00 each. somme paid 4500.00: balance -3500.00 due.
  Rules rules = seed_rules();
  rules.share_key = ShareKey::caps;
  const Status status = run_seed(rules, {"9000", "9000", "9000", "9000", "4500"}, "40000.00");
  CHECK(format_amount(row(status, "somme").final_contribution) == "8000.00");
  CHECK(format_amount(row(status, "somme").amount_due) == "3500.00");
  CHECK(row(status, "somme").refund_due == Money{});
  CHECK(format_amount(row(status, "nord").refund_due) == "1000.00");
  CHECK(format_amount(status.totals.amount_due) == "3500.00");
  // 0.03 among five equal caps: 0.6 cent each; floors 0; 3 cents to nord, oise, pas-de-calais.
  CHECK(finals(rules, {"0", "0", "0", "0", "0"}, "0.03") == Texts{"0.01", "0.01", "0.01", "0.00", "0.00"});
  // More eligible than the caps: each bears its cap, the rest is uncovered.
  const Status over = run_seed(rules, {"9000", "9000", "9000", "9000", "9000"}, "50000.00");
  CHECK(format_amount(over.totals.uncovered) == "5000.00");
  // Unequal caps 10000/5000/5000, 10000.00 eligible: lambda = 1/2, so 5000/2500/2500.
  const Rules three = three_rules(ShareKey::caps, "10000", "5000", "5000");
  CHECK(finals(three, {"0", "0", "0"}, "10000") == Texts{"5000.00", "2500.00", "2500.00"});
}

TEST_CASE("equal key: weight 1 each, still capped") {
  // Caps 1000/5000/5000, 9000.00 eligible: lambda = 3000 > a's cap, a = 1000.00; (9000 - 1000) / 2
  // = 4000.00 for b and c.
  const Rules three = three_rules(ShareKey::equal, "1000", "5000", "5000");
  CHECK(finals(three, {"0", "0", "0"}, "9000") == Texts{"1000.00", "4000.00", "4000.00"});
  // 100.00 among three: 33.34/33.33/33.33, the cent to the smallest id.
  CHECK(finals(three, {"0", "0", "0"}, "100") == Texts{"33.34", "33.33", "33.33"});
}

TEST_CASE("weights key: the given weights, capped") {
  // Weights a:1, b:2.5, c:0.5 (sum 4), caps 10000.00: 1000.00 eligible -> 250, 625, 125.
  Rules three = three_rules(ShareKey::weights, "10000", "10000", "10000");
  three.weights = {{"a", Ratio(1)}, {"b", Ratio(5, 2)}, {"c", Ratio(1, 2)}};
  CHECK(finals(three, {"0", "0", "0"}, "1000") == Texts{"250.00", "625.00", "125.00"});
  // b capped at 500.00: lambda = 1000/4 = 250 gives b 625 > 500, so b = 500.00; the other 500.00
  // over weight 1.5: a = 333.333.., c = 166.666..; floors 33333 + 16666 cents = 499.99; the cent
  // goes to the larger fraction (c, .67): a 333.33, c 166.67.
  three.contributors[1].cap_agreed = cents("500");
  CHECK(finals(three, {"0", "0", "0"}, "1000") == Texts{"333.33", "500.00", "166.67"});
}

TEST_CASE("aggregate cap: reject refuses, scale shares the aggregate by caps") {
  Rules rules = seed_rules();  // 5 x 9000.00 = 45000.00, exactly the aggregate: accepted as is
  for (std::size_t i = 0; i < rules.contributors.size(); ++i) CHECK(caps_of(rules)[i] == rules.contributors[i].cap_agreed);
  CHECK_FALSE(effective_caps(rules).value->scaled);

  rules.aggregate_cap = cents("40000.00");
  const CapsResult rejected = effective_caps(rules);  // reject
  CHECK_FALSE(rejected.value.has_value());
  CHECK_FALSE(rejected.overflow);
  CHECK(format_amount(rejected.agreed_sum) == "45000.00");

  rules.aggregate_cap_policy = CapPolicy::scale;  // allocate(40000, weight = cap = 9000): 8000 each
  REQUIRE(effective_caps(rules).value.has_value());
  CHECK(effective_caps(rules).value->scaled);
  for (std::size_t i = 0; i < rules.contributors.size(); ++i) {
    CHECK(format_amount(caps_of(rules)[i]) == "8000.00");
    CHECK(format_amount(rules.contributors[i].cap_agreed) == "9000.00");
  }
  // Scaled caps bind: all paid 9000.00, 45000.00 eligible: p = 8000.00, F = 8000.00, 1000.00 back
  // each, and 45000 - 40000 = 5000.00 uncovered.
  const Status status = run_seed(rules, {"9000", "9000", "9000", "9000", "9000"}, "45000.00");
  CHECK(format_amount(status.totals.caps) == "40000.00");
  CHECK(format_amount(status.totals.uncovered) == "5000.00");
  CHECK(format_amount(row(status, "oise").refund_due) == "1000.00");
  CHECK(format_amount(row(status, "oise").cap) == "8000.00");

  // Unequal: caps 10000/5000/5000 scaled to 10000.00: lambda = 1/2, 5000/2500/2500.
  Rules three = three_rules(ShareKey::caps, "10000", "5000", "5000");
  three.aggregate_cap = cents("10000");
  three.aggregate_cap_policy = CapPolicy::scale;
  CHECK(as_text(caps_of(three)) ==
        Texts{"5000.00", "2500.00", "2500.00"});
  // With rounding: 3 x 100.00 scaled to 200.00: 66.666.. each; the 2 cents left go to a and b.
  three = three_rules(ShareKey::caps, "100", "100", "100");
  three.aggregate_cap = cents("200");
  three.aggregate_cap_policy = CapPolicy::scale;
  CHECK(as_text(caps_of(three)) ==
        Texts{"66.67", "66.67", "66.66"});
  // A sum of caps past int64 is refused, not wrapped.
  three.contributors[0].cap_agreed = Money::from_cents(std::numeric_limits<std::int64_t>::max() / 2 + 1);
  three.contributors[1].cap_agreed = three.contributors[0].cap_agreed;
  CHECK_FALSE(effective_caps(three).value.has_value());
  CHECK(effective_caps(three).overflow);
}
