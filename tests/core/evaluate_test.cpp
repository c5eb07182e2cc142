// evaluate() and JournalBuilder on the seed convention (tests engine/core/evaluate.h, journal.h):
// the term (effective date, end, state, end reason and its tie order), which expenses are eligible,
// as-of filtering, every journal check with its line number, and generated journals whose figures
// must not depend on the order of the contributors or of the lines.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/evaluate.h"
#include "core/journal.h"
#include "seed_convention.h"

using namespace prorata;
using namespace prorata::test;

namespace {

// Journal lines; the first event is on line 2 (line 1 is the CSV header).
struct Journal {
  std::vector<Event> events;

  Journal& add(const char* date, EventKind kind, const char* party, const char* amount = "", const char* ref = "",
               const char* category = "") {
    return add_money(date, kind, party, *amount ? std::optional<Money>(cents(amount)) : std::nullopt, ref, category);
  }
  Journal& add_money(const char* date, EventKind kind, const char* party, std::optional<Money> amount,
                     const char* ref = "", const char* category = "") {
    events.push_back(Event{day(date), kind, party, amount, ref, category, "",
                           SourceLoc{"journal.csv", static_cast<std::uint32_t>(events.size() + 2), 0}});
    return *this;
  }
  [[nodiscard]] std::uint32_t last_line() const { return static_cast<std::uint32_t>(events.size() + 1); }
};

// Everybody signs; oise last, on 2020-07-21: E = 2020-07-21, E + 6 months = 2021-01-21. Lines 2-7.
Journal signed_journal(const char* last = "2020-07-21") {
  Journal j;
  j.add("2020-07-01", EventKind::signature, "dinum")
      .add("2020-07-02", EventKind::signature, "val-d-oise")
      .add("2020-07-05", EventKind::signature, "somme")
      .add("2020-07-10", EventKind::signature, "nord")
      .add("2020-07-15", EventKind::signature, "pas-de-calais")
      .add(last, EventKind::signature, "oise");
  return j;
}

Diagnostics load(const Rules& rules, const std::vector<Event>& events, JournalFacts& facts) {
  JournalBuilder builder(rules);
  Diagnostics diagnostics;
  for (const auto& event : events) builder.add(event, diagnostics);
  builder.finish(diagnostics);
  facts = builder.facts();
  return diagnostics;
}

Status run(const Rules& rules, const Journal& journal, const char* as_of) {
  JournalFacts facts;
  const Diagnostics diagnostics = load(rules, journal.events, facts);
  for (const auto& d : diagnostics.items()) {
    if (d.severity == Severity::error) FAIL_CHECK(format_diagnostic(d));  // a warning (a payment before its call) is fine
  }
  return evaluate(rules, facts, day(as_of));
}

std::string text(const std::optional<Date>& d) { return d ? format_date(*d) : "none"; }
std::string text(const std::optional<EndReason>& r) { return r ? to_string(*r) : "none"; }

// "state effective end reason" of the term on a date.
std::string term_on(const Rules& rules, const Journal& journal, const char* as_of) {
  const TermStatus term = run(rules, journal, as_of).term;
  return std::string(to_string(term.state)) + " " + text(term.effective) + " " + text(term.end) + " " +
         text(term.end_reason);
}


}  // namespace

TEST_CASE("term: pending until the last party signs, running to E + 6 months inclusive, then ended") {
  const Rules rules = seed_rules();
  const Journal journal = signed_journal();
  CHECK(term_on(rules, journal, "2020-07-20") == "pending none none none");  // oise signs the next day
  CHECK(term_on(rules, journal, "2020-07-21") == "running 2020-07-21 2021-01-21 max_duration");
  CHECK(term_on(rules, journal, "2021-01-21") == "running 2020-07-21 2021-01-21 max_duration");
  CHECK(term_on(rules, journal, "2021-01-22") == "ended 2020-07-21 2021-01-21 max_duration");
  // E is the latest first signature, whoever signs last (here the beneficiary, 2020-08-31): E + 6
  // months is clamped to 2021-02-28.
  Journal late = signed_journal("2020-07-03");
  late.events[0].date = day("2020-08-31");
  CHECK(term_on(rules, late, "2021-02-28") == "running 2020-08-31 2021-02-28 max_duration");
  CHECK(term_on(rules, late, "2021-03-01") == "ended 2020-08-31 2021-02-28 max_duration");
  // A contributor who never signs keeps the convention pending for ever.
  Journal unsigned_one = signed_journal();
  unsigned_one.events.pop_back();
  CHECK(term_on(rules, unsigned_one, "2030-01-01") == "pending none none none");
}

TEST_CASE("term: the phase-5-end milestone ends it once reached, other milestones do not") {
  const Rules rules = seed_rules();
  Journal journal = signed_journal();
  journal.add("2020-10-01", EventKind::milestone, "", "", "phase-4-end")
      .add("2020-12-15", EventKind::milestone, "dinum", "", "phase-5-end");
  CHECK(term_on(rules, journal, "2020-12-14") == "running 2020-07-21 2021-01-21 max_duration");  // not yet known
  CHECK(term_on(rules, journal, "2020-12-15") == "running 2020-07-21 2020-12-15 milestone");
  CHECK(term_on(rules, journal, "2020-12-16") == "ended 2020-07-21 2020-12-15 milestone");
  Rules no_milestone = rules;
  no_milestone.term.ends_at_milestone.reset();
  CHECK(term_on(no_milestone, journal, "2020-12-16") == "running 2020-07-21 2021-01-21 max_duration");
}

TEST_CASE("term: a termination after a notice ends it; ties go max_duration, milestone, termination") {
  const Rules rules = seed_rules();
  Journal terminated = signed_journal();  // notice 2020-10-01 + 1 month = 2020-11-01: just in time
  terminated.add("2020-10-01", EventKind::notice, "nord")
      .add("2020-11-01", EventKind::termination, "nord")
      .add("2020-12-15", EventKind::milestone, "", "", "phase-5-end");
  CHECK(term_on(rules, terminated, "2020-10-31") == "running 2020-07-21 2021-01-21 max_duration");
  CHECK(term_on(rules, terminated, "2020-11-01") == "running 2020-07-21 2020-11-01 termination");
  CHECK(term_on(rules, terminated, "2021-06-01") == "ended 2020-07-21 2020-11-01 termination");

  Journal milestone_on_max = signed_journal();  // milestone on E + 6 months: max_duration wins
  milestone_on_max.add("2021-01-21", EventKind::milestone, "", "", "phase-5-end");
  CHECK(term_on(rules, milestone_on_max, "2021-06-01") == "ended 2020-07-21 2021-01-21 max_duration");

  Journal termination_on_max = signed_journal();
  termination_on_max.add("2020-12-01", EventKind::notice, "dinum").add("2021-01-21", EventKind::termination, "");
  CHECK(term_on(rules, termination_on_max, "2021-06-01") == "ended 2020-07-21 2021-01-21 max_duration");

  Journal same_day = signed_journal();  // milestone and termination both 2020-12-01: milestone wins
  same_day.add("2020-10-01", EventKind::notice, "oise")
      .add("2020-12-01", EventKind::termination, "oise")
      .add("2020-12-01", EventKind::milestone, "", "", "phase-5-end");
  CHECK(term_on(rules, same_day, "2021-06-01") == "ended 2020-07-21 2020-12-01 milestone");

  Journal all_three = signed_journal();  // all three on 2021-01-21: max_duration
  all_three.add("2020-10-01", EventKind::notice, "oise")
      .add("2021-01-21", EventKind::termination, "oise")
      .add("2021-01-21", EventKind::milestone, "", "", "phase-5-end");
  CHECK(term_on(rules, all_three, "2021-06-01") == "ended 2020-07-21 2021-01-21 max_duration");
}

TEST_CASE("eligible spending: only eligible categories dated within [E, End]; credit notes count") {
  Rules rules = seed_rules();
  rules.eligible_categories = std::vector<std::string>{"development", "hosting"};
  Journal journal = signed_journal();
  journal.add("2020-07-20", EventKind::expense, "dinum", "100.00", "F-1", "development")  // before E
      .add("2020-07-21", EventKind::expense, "", "200.00", "F-2", "development")          // on E
      .add("2021-01-21", EventKind::expense, "dinum", "300.00", "F-3", "hosting")         // on End
      .add("2021-01-22", EventKind::expense, "dinum", "400.00", "F-4", "development")     // after End
      .add("2020-09-01", EventKind::expense, "dinum", "500.00", "F-5", "catering")        // ineligible
      .add("2020-09-02", EventKind::expense, "dinum", "-50.00", "A-1", "development");    // credit note
  // spending = 100 + 200 + 300 + 400 + 500 - 50 = 1450.00; eligible = 200 + 300 - 50 = 450.00.
  Status status = run(rules, journal, "2021-06-01");
  CHECK(format_amount(status.totals.spending) == "1450.00");
  CHECK(format_amount(status.totals.eligible_spending) == "450.00");
  CHECK(format_amount(status.totals.uncovered) == "450.00");  // nobody has paid anything
  // Every category is eligible when the rules list none: 200 + 300 + 500 - 50 = 950.00.
  rules.eligible_categories.reset();
  CHECK(format_amount(run(rules, journal, "2021-06-01").totals.eligible_spending) == "950.00");
  // Pending on 2020-07-20: 100.00 spent, nothing eligible (no E).
  status = run(rules, journal, "2020-07-20");
  CHECK(format_amount(status.totals.spending) == "100.00");
  CHECK(status.totals.eligible_spending == Money{});
}

TEST_CASE("eligible spending is floored at 0 when credit notes exceed the invoices") {
  const Rules rules = seed_rules();
  Journal journal = signed_journal();
  journal.add("2020-08-01", EventKind::payment, "nord", "9000.00", "V-1")
      .add("2020-09-01", EventKind::expense, "dinum", "100.00")
      .add("2020-09-02", EventKind::expense, "dinum", "-300.00");
  // spending = 100 - 300 = -200.00; eligible = max(0, -200.00) = 0: nord gets its 9000.00 back.
  const Status status = run(rules, journal, "2021-06-01");
  CHECK(format_amount(status.totals.spending) == "-200.00");
  CHECK(status.totals.eligible_spending == Money{});
  CHECK(status.totals.uncovered == Money{});
  CHECK(format_amount(row(status, "nord").refund_due) == "9000.00");
  CHECK(row(status, "nord").final_contribution == Money{});
}

TEST_CASE("as of D, only lines dated <= D count") {
  const Rules rules = seed_rules();
  Journal journal = signed_journal();
  journal.add("2020-07-25", EventKind::statement, "nord", "4500.00", "T-1")
      .add("2020-08-01", EventKind::payment, "nord", "4500.00", "V-1")
      .add("2020-09-01", EventKind::expense, "dinum", "10000.00")
      .add("2020-11-25", EventKind::statement, "nord", "4500.00", "T-2")
      .add("2020-12-01", EventKind::payment, "nord", "4500.00", "V-2")
      .add("2020-12-20", EventKind::expense, "dinum", "30000.00")
      .add("2021-02-15", EventKind::refund, "nord", "1000.00", "R-1")
      .add("2020-08-01", EventKind::payment, "oise", "100.00", "V-1");  // paid without a call
  Status s = run(rules, journal, "2020-07-24");
  CHECK(row(s, "nord").called == Money{});
  s = run(rules, journal, "2020-11-30");  // two calls, one payment: 4500.00 outstanding
  CHECK(format_amount(row(s, "nord").called) == "9000.00");
  CHECK(format_amount(row(s, "nord").paid) == "4500.00");
  CHECK(format_amount(row(s, "nord").outstanding_calls) == "4500.00");
  CHECK(row(s, "oise").outstanding_calls == Money{});  // max(0, 0.00 - 100.00)
  CHECK(format_amount(s.totals.spending) == "10000.00");
  // 10000.00 eligible > sum p = 4500.00 + 100.00: F = p, 10000 - 4600 = 5400.00 uncovered so far.
  CHECK(format_amount(row(s, "nord").final_contribution) == "4500.00");
  CHECK(format_amount(row(s, "oise").final_contribution) == "100.00");
  CHECK(format_amount(s.totals.uncovered) == "5400.00");
  s = run(rules, journal, "2020-12-01");
  CHECK(format_amount(row(s, "nord").paid) == "9000.00");
  CHECK(row(s, "nord").outstanding_calls == Money{});
  CHECK(format_amount(run(rules, journal, "2020-12-19").totals.spending) == "10000.00");
  CHECK(format_amount(run(rules, journal, "2020-12-20").totals.spending) == "40000.00");
  s = run(rules, journal, "2021-02-14");
  CHECK(row(s, "nord").refunded == Money{});
  // The refund of 1000.00 was not due: 40000.00 eligible >= sum p = 9100.00, and p is the gross amount
  // paid (a refund does not move the basis, see core/settle.h), so F stays 9000.00 and nord owes the
  // 1000.00 back: balance = 8000.00 - 9000.00.
  s = run(rules, journal, "2021-02-15");
  CHECK(format_amount(row(s, "nord").refunded) == "1000.00");
  CHECK(format_amount(row(s, "nord").net_paid) == "8000.00");
  CHECK(format_amount(row(s, "nord").final_contribution) == "9000.00");
  CHECK(row(s, "nord").refund_due == Money{});
  CHECK(format_amount(row(s, "nord").amount_due) == "1000.00");
  CHECK(format_amount(s.totals.refunded) == "1000.00");
  // Rows come sorted by id (byte order), whatever the order of the rules.
  std::vector<std::string> ids;
  for (const auto& r : s.contributors) ids.push_back(r.id);
  CHECK(ids == std::vector<std::string>{"nord", "oise", "pas-de-calais", "somme", "val-d-oise"});
}

namespace {

// Seed signatures (lines 2-7), then `extra`: exactly one diagnostic is expected, on `line`.
void check_error(const Journal& journal, std::uint32_t line, const char* words) {
  const Rules rules = seed_rules();
  JournalFacts facts;
  const Diagnostics diagnostics = load(rules, journal.events, facts);
  INFO("expected one error about: ", std::string(words));
  for (const auto& item : diagnostics.items()) INFO(format_diagnostic(item));
  REQUIRE(diagnostics.error_count() == 1);  // warnings aside (a payment with no statement before it)
  const Diagnostic& d = *std::find_if(diagnostics.items().begin(), diagnostics.items().end(),
                                      [](const Diagnostic& item) { return item.severity == Severity::error; });
  CHECK(d.loc.path == "journal.csv");
  CHECK(d.loc.line == line);
  CHECK_MESSAGE(d.message.find(words) != std::string::npos, d.message);
}

Journal with(const char* date, EventKind kind, const char* party, const char* amount = "", const char* ref = "") {
  Journal j = signed_journal();
  j.add(date, kind, party, amount, ref);
  return j;
}

}  // namespace

TEST_CASE("journal: a category that looks like a typo of an eligible one is refused") {
  Rules rules = seed_rules();
  rules.eligible_categories = std::vector<std::string>{"coaching", "seminar"};
  auto errors_for = [&](const char* category) {
    Journal journal = signed_journal();
    journal.add("2020-09-01", EventKind::expense, "dinum", "100.00", "F-1", category);
    JournalFacts facts;
    return load(rules, journal.events, facts);
  };
  for (const char* typo : {"Coaching", "coachng", "COACHING", "seminars"}) {
    const Diagnostics diagnostics = errors_for(typo);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics.items()[0].loc.line == 8);
    CHECK(diagnostics.items()[0].message.find("did you mean") != std::string::npos);
  }
  CHECK(errors_for("Coaching").items()[0].message.find("'coaching'") != std::string::npos);
  // Eligible, far from any eligible one (ineligible on purpose), or none: accepted.
  for (const char* fine : {"coaching", "seminar", "catering", "travel", "seminarist", ""}) CHECK(errors_for(fine).empty());
  // Codes with digits differ by a digit on purpose, and short words are too close to tell: only the
  // case is checked there. 'rent' is two edits from 'event' (4 letters: no edit allowed).
  rules.eligible_categories = std::vector<std::string>{"6226", "event"};
  for (const char* fine : {"6227", "6256", "rent", "hr", "evnt"}) CHECK(errors_for(fine).empty());
  for (const char* typo : {"EVENT", "Event"}) CHECK(errors_for(typo).size() == 1);
}

TEST_CASE("journal: statements come once the convention is in force and stay within the cap in force") {
  // signed_journal: somme signs on 2020-07-05, oise last on 2020-07-21 (E); every cap is 9000.00.
  check_error(with("2020-07-20", EventKind::statement, "somme", "100.00", "T-1"), 8,
              "a statement to 'somme' dated 2020-07-20 comes before the convention took effect (on 2020-07-21, "
              "signature of 'oise'): funds are called under a convention in force");
  Journal unsigned_journal;
  unsigned_journal.add("2020-07-01", EventKind::signature, "somme").add("2020-07-02", EventKind::statement, "somme", "1.00", "T-1");
  check_error(unsigned_journal, 3, "comes before the convention took effect (not every party has signed it)");
  Journal two = signed_journal();
  two.add("2020-08-01", EventKind::statement, "nord", "5000.00", "T-1")
      .add("2020-07-25", EventKind::statement, "nord", "4000.00", "T-2")   // 9000.00 by 2020-08-01: at the cap
      .add("2020-09-01", EventKind::statement, "nord", "0.01", "T-3");     // one cent above
  check_error(two, 10, "statements to 'nord' reach 9000.01 by 2020-09-01, above its cap of 9000.00");
  // A statement number that starts like a refund notice ('AR-' by default) would share its file name.
  check_error(with("2020-07-25", EventKind::statement, "nord", "100.00", "AR-2020-0001"), 8,
              "statement number 'AR-2020-0001' starts like a refund notice ('AR-')");
  // Scaled caps: aggregate 40000.00 over five 9000.00 caps gives 8000.00 each; a 9000.00 call is above.
  Rules scaled = seed_rules();
  scaled.aggregate_cap = cents("40000");
  scaled.aggregate_cap_policy = CapPolicy::scale;
  REQUIRE(effective_caps(scaled).value.has_value());
  JournalFacts scaled_facts;
  const Diagnostics over = load(scaled, with("2020-07-25", EventKind::statement, "nord", "9000.00", "T-1").events, scaled_facts);
  REQUIRE(over.size() == 1);
  CHECK(over.items()[0].message == "statements to 'nord' reach 9000.00 by 2020-07-25, above its cap of 8000.00 (its "
                                   "agreed 9000.00, scaled down to fit the aggregate cap)");
  Journal at_cap = signed_journal();
  at_cap.add("2020-07-21", EventKind::statement, "somme", "9000.00", "T-1");  // the day it takes effect, the whole cap
  JournalFacts facts;
  CHECK(load(seed_rules(), at_cap.events, facts).empty());
}

TEST_CASE("journal: parties must be known, and contributors where money moves") {
  check_error(with("2020-08-01", EventKind::payment, "lille", "10.00"), 8, "unknown party 'lille'");
  check_error(with("2020-08-01", EventKind::signature, "lille"), 8, "unknown party");
  check_error(with("2020-08-01", EventKind::statement, "", "10.00", "T-1"), 8, "a statement needs a party");
  check_error(with("2020-08-01", EventKind::payment, "", "10.00"), 8, "a payment needs a party");
  check_error(with("2020-08-01", EventKind::refund, "dinum", "10.00"), 8, "concerns a contributor");
  check_error(with("2020-08-01", EventKind::payment, "dinum", "10.00"), 8, "concerns a contributor");
  check_error(with("2020-08-01", EventKind::notice, ""), 8, "a notice needs a party");
  check_error(with("2020-08-01", EventKind::expense, "nord", "10.00"), 8, "incurred by the beneficiary");
  check_error(with("2020-08-01", EventKind::milestone, "lille", "", "phase-5-end"), 8, "unknown party");
}

TEST_CASE("journal: amounts where they belong, and positive for calls, payments and refunds") {
  check_error(with("2020-08-01", EventKind::statement, "nord", "0", "T-1"), 8, "greater than 0, not 0.00");
  check_error(with("2020-08-01", EventKind::payment, "nord", "-5.00"), 8, "greater than 0");
  check_error(with("2020-08-01", EventKind::refund, "nord"), 8, "a refund needs an amount greater than 0");
  check_error(with("2020-08-01", EventKind::expense, "dinum", "0.00"), 8, "non-zero amount");
  check_error(with("2020-08-01", EventKind::expense, ""), 8, "non-zero amount");
  check_error(with("2020-08-01", EventKind::signature, "nord", "1.00"), 8, "a signature has no amount");
  check_error(with("2020-08-01", EventKind::milestone, "", "0", "phase-5-end"), 8, "a milestone has no amount");
  check_error(with("2020-08-01", EventKind::notice, "nord", "1.00"), 8, "a notice has no amount");
  check_error(with("2020-08-01", EventKind::termination, "", "1.00"), 8, "a termination has no amount");
  // One amount beyond 999999999999.99 (an embedder may build Events without parse_amount) is refused.
  Journal beyond = signed_journal();
  beyond.add_money("2020-08-01", EventKind::expense, "dinum", Money::from_cents(100'000'000'000'000));
  check_error(beyond, 8, "beyond the limit");
  // Amounts whose magnitudes add up past int64 are refused at the line that overflows:
  // INT64_MAX / 99 999 999 999 999 = 92 233.7, so the 92 234th maximal expense (line 7 + 92 234) overflows.
  Journal huge = signed_journal();
  const Money largest = Money::from_cents(99'999'999'999'999);
  for (int k = 1; k <= 92'234; ++k) huge.add_money("2020-08-01", EventKind::expense, k % 2 ? "dinum" : "", largest);
  check_error(huge, 7 + 92'234, "past the checked 64-bit range");
}

TEST_CASE("journal: one signature per party, unique references and milestones, one termination") {
  Journal twice = signed_journal();
  twice.add("2020-08-01", EventKind::signature, "nord");
  check_error(twice, 8, "'nord' already signed on 2020-07-10");

  Journal payments = signed_journal();  // same ref, same party: refused, and not counted
  payments.add("2020-08-01", EventKind::payment, "nord", "100.00", "V-1")
      .add("2020-08-01", EventKind::payment, "oise", "100.00", "V-1")  // another party may reuse it
      .add("2020-08-02", EventKind::payment, "nord", "50.00")          // no ref: never a duplicate
      .add("2020-08-03", EventKind::payment, "nord", "50.00")
      .add("2020-08-04", EventKind::payment, "nord", "100.00", "V-1");
  check_error(payments, 12, "duplicate payment: ref 'V-1'");
  JournalFacts facts;
  load(seed_rules(), payments.events, facts);
  Money nord_paid{};
  for (const auto& [date, flows] : facts.parties.at("nord").flows_by_day) nord_paid += flows.paid;
  CHECK(format_amount(nord_paid) == "200.00");
  CHECK(facts.events == 10);  // 6 signatures + 4 accepted payments

  Journal statements = signed_journal();  // statement numbers are unique across contributors
  statements.add("2020-07-25", EventKind::statement, "nord", "100.00", "T-1")
      .add("2020-07-25", EventKind::statement, "oise", "100.00", "T-1");
  check_error(statements, 9, "duplicate statement number 'T-1' (first on line 8)");

  check_error(with("2020-12-01", EventKind::milestone, ""), 8, "a milestone needs its id");
  Journal milestones = signed_journal();
  milestones.add("2020-12-01", EventKind::milestone, "", "", "phase-5-end")
      .add("2020-12-02", EventKind::milestone, "", "", "phase-5-end");
  check_error(milestones, 9, "milestone 'phase-5-end' appears twice: line 8 (2020-12-01) and line 9 (2020-12-02)");

  Journal terminations = signed_journal();
  terminations.add("2020-09-01", EventKind::notice, "nord")
      .add("2020-11-01", EventKind::termination, "nord")
      .add("2020-11-02", EventKind::termination, "oise");
  check_error(terminations, 10, "a second termination (the first is on line 9)");
}

TEST_CASE("journal: a termination needs a notice given at least the notice period before") {
  check_error(with("2020-11-01", EventKind::termination, "nord"), 8, "(the journal has none)");
  Journal late = signed_journal();  // 2020-10-15 + 1 month = 2020-11-15 > 2020-11-01
  late.add("2020-10-15", EventKind::notice, "nord").add("2020-11-01", EventKind::termination, "nord");
  check_error(late, 9, "the notice of 2020-10-15 allows it from 2020-11-15");
  Journal after = signed_journal();  // a notice after the termination does not count
  after.add("2020-11-01", EventKind::termination, "nord").add("2020-11-02", EventKind::notice, "nord");
  check_error(after, 8, "(the journal has none)");
  // The refused termination is dropped: the term runs to E + 6 months.
  JournalFacts facts;
  load(seed_rules(), late.events, facts);
  CHECK(!facts.termination.has_value());
  CHECK(text(evaluate_term(seed_rules(), facts, day("2021-06-01")).end_reason) == "max_duration");
}

TEST_CASE("journal: cumulative refunds never pass cumulative payments, day by day") {
  Journal over = signed_journal();  // 600 + 500 = 1100 > 1000 on 2020-08-10
  over.add("2020-08-01", EventKind::payment, "nord", "1000.00", "V-1")
      .add("2020-08-05", EventKind::refund, "nord", "600.00", "R-1")
      .add("2020-08-10", EventKind::refund, "nord", "500.00", "R-2")
      .add("2020-08-20", EventKind::payment, "nord", "1000.00", "V-2");
  check_error(over, 10, "refunds to 'nord' reach 1100.00 by 2020-08-10 but payments from it are only 1000.00");
  Journal early = signed_journal();  // refunded before anything was paid, even if paid later
  early.add("2020-08-01", EventKind::payment, "nord", "1000.00", "V-1")
      .add("2020-07-30", EventKind::refund, "nord", "100.00", "R-1");
  check_error(early, 9, "reach 100.00 by 2020-07-30");
  Journal same_day = signed_journal();  // a refund of all that was paid, the same day: fine
  same_day.add("2020-08-01", EventKind::refund, "somme", "1000.00", "R-1")
      .add("2020-08-01", EventKind::payment, "somme", "1000.00", "V-1");
  const Status status = run(seed_rules(), same_day, "2020-08-01");
  CHECK(row(status, "somme").net_paid == Money{});
}

namespace {

// Every figure of a Status, one line per contributor, for comparing two evaluations.
std::string fingerprint(const Status& s) {
  std::string out = std::string(to_string(s.term.state)) + " " + text(s.term.effective) + " " + text(s.term.end) +
                    " " + text(s.term.end_reason) + "\n";
  for (Money m : {s.totals.caps, s.totals.called, s.totals.paid, s.totals.refunded, s.totals.spending,
                  s.totals.eligible_spending, s.totals.covered, s.totals.uncovered, s.totals.refund_due,
                  s.totals.amount_due}) {
    out += format_amount(m) + " ";
  }
  for (const auto& r : s.contributors) {
    out += "\n" + r.id;
    for (Money m : {r.cap_agreed, r.cap, r.called, r.paid, r.refunded, r.net_paid, r.final_contribution, r.balance,
                    r.refund_due, r.amount_due, r.outstanding_calls}) {
      out += " " + format_amount(m);
    }
  }
  return out;
}

Date random_day(std::mt19937_64& rng, const char* from, int span_days) {
  return day(from) + date::days{static_cast<int>(rng() % static_cast<std::uint64_t>(span_days))};
}

Money random_cents(std::mt19937_64& rng, std::int64_t low, std::int64_t high) {
  return Money::from_cents(low + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(high - low + 1)));
}

Journal random_journal(const Rules& rules, std::mt19937_64& rng) {
  Journal j;
  auto push = [&](Date date, EventKind kind, std::string party, std::optional<Money> amount, std::string ref,
                  std::string category) {
    j.events.push_back(Event{date, kind, std::move(party), amount, std::move(ref), std::move(category), "",
                             SourceLoc{"journal.csv", static_cast<std::uint32_t>(j.events.size() + 2), 0}});
  };
  const Date refunds_from = day("2021-02-01");  // after every payment: refunds <= payments to each date
  push(random_day(rng, "2020-06-15", 60), EventKind::signature, "dinum", std::nullopt, "", "");
  int statement_no = 0;
  const std::vector<Money> caps = caps_of(rules);
  std::vector<bool> signs(rules.contributors.size());
  for (std::size_t i = 0; i < rules.contributors.size(); ++i) signs[i] = rng() % 12 != 0;
  const bool all_sign = std::all_of(signs.begin(), signs.end(), [](bool b) { return b; });
  for (std::size_t i = 0; i < rules.contributors.size(); ++i) {
    const Contributor& c = rules.contributors[i];
    const Date signed_on = random_day(rng, "2020-06-15", 60);
    if (signs[i]) push(signed_on, EventKind::signature, c.id, std::nullopt, "", "");
    // Statements follow the journal's checks: once the convention is in force (every signature is by
    // 2020-08-14), at most two, each at most a third of its cap (so their sum stays within it).
    for (std::uint64_t k = rng() % 3; all_sign && caps[i].cents >= 3 && k > 0; --k) {
      push(day("2020-08-15") + date::days{static_cast<int>(rng() % 150)}, EventKind::statement, c.id,
           random_cents(rng, 1, caps[i].cents / 3), "T-" + std::to_string(++statement_no), "");
    }
    Money paid{};
    for (std::uint64_t k = rng() % 4; k > 0; --k) {
      Money amount = random_cents(rng, 1, 600000);
      paid += amount;
      // After every signature (by 2020-08-14): a payment before its payer signed is refused.
      push(random_day(rng, "2020-08-15", 150), EventKind::payment, c.id, amount, "V-" + std::to_string(k), "");
    }
    if (paid.cents > 0 && rng() % 3 == 0) {
      push(refunds_from + date::days{static_cast<int>(rng() % 90)}, EventKind::refund, c.id,
           random_cents(rng, 1, paid.cents), "", "");
    }
  }
  const char* categories[] = {"development", "hosting", "catering"};
  for (std::uint64_t k = rng() % 9; k > 0; --k) {
    Money amount = random_cents(rng, -300000, 1500000);
    if (amount.cents == 0) amount = Money::from_cents(1);
    push(random_day(rng, "2020-06-01", 400), EventKind::expense, rng() % 2 ? "dinum" : "", amount, "",
         categories[rng() % 3]);
  }
  if (rng() % 3 == 0) push(random_day(rng, "2020-09-01", 200), EventKind::milestone, "", std::nullopt, "phase-5-end", "");
  if (rng() % 4 == 0) {
    const Date notice = random_day(rng, "2020-08-01", 120);
    push(notice, EventKind::notice, "nord", std::nullopt, "", "");
    push(notice + date::days{31 + static_cast<int>(rng() % 60)}, EventKind::termination, "", std::nullopt, "", "");
  }
  return j;
}

}  // namespace

TEST_CASE("generated journals: no figure depends on the order of contributors or lines") {
  std::mt19937_64 rng(9000);
  const ShareKey keys[] = {ShareKey::paid, ShareKey::caps, ShareKey::equal, ShareKey::weights};
  for (int n = 0; n < 300; ++n) {
    Rules rules = seed_rules();
    rules.share_key = keys[rng() % 4];
    if (rng() % 3 == 0) {  // scaled caps: 45000.00 down to 40000.00, 8000.00 each
      rules.aggregate_cap = cents("40000.00");
      rules.aggregate_cap_policy = CapPolicy::scale;
    }
    if (rng() % 2 == 0) rules.eligible_categories = std::vector<std::string>{"development", "hosting"};
    for (const auto& c : rules.contributors) rules.weights[c.id] = Ratio(1 + static_cast<int>(rng() % 8), 2);
    REQUIRE(effective_caps(rules).value.has_value());
    Journal journal = random_journal(rules, rng);
    const char* as_of_from = "2020-06-01";
    const std::string as_of = format_date(random_day(rng, as_of_from, 450));

    const Status status = run(rules, journal, as_of.c_str());
    Money covered{};
    for (const auto& r : status.contributors) {
      CHECK(r.final_contribution + r.refund_due - r.amount_due == r.net_paid);
      CHECK(r.net_paid == r.paid - r.refunded);
      CHECK(r.outstanding_calls == max(r.called - r.paid, Money{}));  // never negative: paid ahead of a call
      CHECK(r.final_contribution >= Money{});
      CHECK(r.final_contribution <= r.cap);
      CHECK(r.refund_due >= Money{});
      CHECK(r.amount_due >= Money{});
      CHECK((r.refund_due == Money{} || r.amount_due == Money{}));
      if (rules.share_key == ShareKey::paid) CHECK(r.final_contribution <= r.paid);
      covered += r.final_contribution;
    }
    CHECK(covered == status.totals.covered);
    CHECK(status.totals.covered + status.totals.uncovered == status.totals.eligible_spending);
    CHECK(status.totals.uncovered >= Money{});
    if (!status.term.effective) CHECK(status.totals.eligible_spending == Money{});

    const std::string expected = fingerprint(status);
    Journal shuffled = journal;
    std::shuffle(shuffled.events.begin(), shuffled.events.end(), rng);
    CHECK(fingerprint(run(rules, shuffled, as_of.c_str())) == expected);
    Rules permuted = rules;
    std::shuffle(permuted.contributors.begin(), permuted.contributors.end(), rng);
    REQUIRE(effective_caps(permuted).value.has_value());
    CHECK(fingerprint(run(permuted, journal, as_of.c_str())) == expected);
  }
}

TEST_CASE("paying a refund that is due moves nobody's final contribution") {
  // somme paid 4500.00, the four others 9000.00, eligible 36000.00 (as in settle_test): refunds due
  // somme 500.00, others 1000.00, finals somme 4000.00, others 8000.00. Once the Somme's 500.00 is
  // paid back, it is owed nothing more and the others' figures do not move.
  const Rules rules = seed_rules();
  Journal journal = signed_journal();
  for (const char* id : {"nord", "pas-de-calais", "oise", "val-d-oise"}) {
    journal.add("2020-08-01", EventKind::payment, id, "9000.00", "V");
  }
  journal.add("2020-08-01", EventKind::payment, "somme", "4500.00", "V")
      .add("2020-09-01", EventKind::expense, "dinum", "36000.00");
  const Status before = run(rules, journal, "2021-03-01");
  CHECK(format_amount(row(before, "somme").refund_due) == "500.00");
  journal.add("2021-03-02", EventKind::refund, "somme", "500.00", "AR-2021-0001");
  const Status after = run(rules, journal, "2021-03-02");
  CHECK(row(after, "somme").refund_due == Money{});
  CHECK(row(after, "somme").amount_due == Money{});
  CHECK(format_amount(row(after, "somme").final_contribution) == "4000.00");
  CHECK(format_amount(row(after, "nord").final_contribution) == "8000.00");
  CHECK(format_amount(row(after, "nord").refund_due) == "1000.00");
  CHECK(format_amount(after.totals.refund_due) == "4000.00");
}

TEST_CASE("journal: the term cannot end before the convention takes effect") {
  // Everybody has signed by 2020-07-21 (signed_journal): a termination or the phase-5-end milestone
  // dated before that is a typo, refused at its line instead of zeroing the settlement.
  Journal terminated = signed_journal();
  terminated.add("2020-06-01", EventKind::notice, "nord").add("2020-07-20", EventKind::termination, "dinum");
  check_error(terminated, 9, "termination on 2020-07-20 is before the convention took effect on 2020-07-21");
  check_error(with("2020-07-01", EventKind::milestone, "", "", "phase-5-end"), 8,
              "milestone 'phase-5-end' on 2020-07-01 is before the convention took effect on 2020-07-21 (signature of 'oise')");
  // Another milestone may come before; so may anything while a party has not signed.
  Journal other = signed_journal();
  other.add("2020-07-01", EventKind::milestone, "", "", "phase-1-end");
  JournalFacts facts;
  CHECK(load(seed_rules(), other.events, facts).empty());
}
