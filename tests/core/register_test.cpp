// The register of issued documents, cancellations of calls, and which documents are due: each figure
// worked by hand from the seed convention (five contributors capped at 9 000,00; beneficiary dinum).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/document_plan.h"
#include "core/evaluate.h"
#include "core/journal.h"
#include "core/register.h"
#include "seed_convention.h"

using namespace prorata;
using namespace prorata::test;

namespace {

const std::string digest_a = "sha256:" + std::string(64, 'a');

// Journal lines from line 2 (line 1 is the header). Every party signs; the last on 2020-07-21.
struct Lines {
  std::vector<Event> events;
  Lines() {
    for (const char* party : {"dinum", "val-d-oise", "somme", "nord", "pas-de-calais", "oise"}) {
      add(party == std::string("oise") ? "2020-07-21" : "2020-07-01", EventKind::signature, party);
    }
  }
  Lines& add(const char* date, EventKind kind, const char* party, const char* amount = "", const char* ref = "",
             const char* category = "", std::string memo = "") {
    events.push_back(Event{day(date), kind, party, *amount ? std::optional<Money>(cents(amount)) : std::nullopt, ref,
                           category, memo, SourceLoc{"j.csv", static_cast<std::uint32_t>(events.size() + 2), 0}});
    return *this;
  }
  [[nodiscard]] std::uint32_t last() const { return static_cast<std::uint32_t>(events.size() + 1); }
};

struct Loaded {
  JournalFacts facts;
  Diagnostics diagnostics;
};

Loaded load(const Rules& rules, const Lines& lines) {
  JournalBuilder builder(rules);
  Loaded out;
  for (const Event& event : lines.events) builder.add(event, out.diagnostics);
  builder.finish(out.diagnostics);
  out.facts = builder.facts();
  return out;
}

JournalFacts facts_of(const Rules& rules, const Lines& lines) {
  Loaded loaded = load(rules, lines);
  for (const auto& d : loaded.diagnostics.items()) FAIL_CHECK(format_diagnostic(d));
  return loaded.facts;
}

void one_error(const Rules& rules, const Lines& lines, std::uint32_t line, const std::string& words) {
  Loaded loaded = load(rules, lines);
  INFO("expected: ", words);
  for (const auto& d : loaded.diagnostics.items()) INFO(format_diagnostic(d));
  REQUIRE(loaded.diagnostics.size() == 1);
  CHECK(loaded.diagnostics.items()[0].loc.line == line);
  CHECK_MESSAGE(loaded.diagnostics.items()[0].message.find(words) != std::string::npos,
                loaded.diagnostics.items()[0].message);
}

// The seed: five calls of 9 000,00 (ESD-2020-0001..0005), four paid in full, the Somme 4 500,00.
Lines seed_lines() {
  Lines lines;
  const char* parties[] = {"nord", "pas-de-calais", "oise", "val-d-oise", "somme"};
  for (int i = 0; i < 5; ++i) {
    const std::string ref = "ESD-2020-000" + std::to_string(i + 1);
    lines.add("2020-07-22", EventKind::statement, parties[i], "9000.00", "", "", "");
    lines.events.back().ref = ref;
  }
  for (const char* party : {"nord", "pas-de-calais", "oise", "val-d-oise"}) {
    lines.add("2020-08-05", EventKind::payment, party, "9000.00");
  }
  lines.add("2020-09-30", EventKind::payment, "somme", "4500.00");
  lines.add("2020-09-14", EventKind::expense, "dinum", "6500.00", "", "seminar");
  lines.add("2020-09-30", EventKind::expense, "dinum", "21750.00", "", "coaching");
  lines.add("2020-12-04", EventKind::expense, "dinum", "-450.00", "", "seminar");
  lines.add("2020-12-15", EventKind::milestone, "", "", "phase-5-end");
  return lines;
}

}  // namespace

TEST_CASE("register: an issued line reads back its number, kind, digest and links") {
  Event event{day("2021-01-05"), EventKind::issued, "somme", cents("1411.11"), "AR-2021-0004", "refund",
              digest_a + " corrects=AR-2021-0001", SourceLoc{"j.csv", 9, 0}};
  Diagnostics diagnostics;
  auto issued = parse_issued(event, diagnostics);
  REQUIRE(issued.has_value());
  CHECK(issued->kind == DocumentKind::refund);
  CHECK(issued->digest == digest_a);
  CHECK(issued->corrects == "AR-2021-0001");
  CHECK(register_memo(*issued) == event.memo);  // written back as read

  const auto refused = [&](const char* category, std::string memo, std::optional<Money> amount, const char* words) {
    Event bad = event;
    bad.category = category;
    bad.memo = std::move(memo);
    bad.amount = amount;
    Diagnostics d;
    CHECK_FALSE(parse_issued(bad, d).has_value());
    REQUIRE(d.size() == 1);
    CHECK_MESSAGE(d.items()[0].message.find(words) != std::string::npos, d.items()[0].message);
  };
  refused("refunds", digest_a, cents("1.00"), "is none of statement, refund, reversal, cancellation, report");
  refused("refund", "sha256:ABC", cents("1.00"), "starts with the digest");
  refused("refund", digest_a + " corrects=", cents("1.00"), "is not one of corrects=NUMBER");
  refused("refund", digest_a, std::nullopt, "records its amount");
  refused("cancellation", digest_a, cents("1.00"), "names the statement it reduces");
  refused("report", digest_a, std::nullopt, "names its year");
}

TEST_CASE("cancellation: reduces what remains unpaid on a statement, payments settling the oldest first") {
  const Rules rules = seed_rules();
  // Somme: ESD-A 4 000,00 (2020-07-22), ESD-B 5 000,00 (2020-08-01); paid 6 000,00 on 2020-09-01:
  // ESD-A is paid in full, 2 000,00 of ESD-B; 3 000,00 remains unpaid on ESD-B, nothing on ESD-A.
  Lines lines;
  lines.add("2020-07-22", EventKind::statement, "somme", "4000.00", "ESD-A")
      .add("2020-08-01", EventKind::statement, "somme", "5000.00", "ESD-B")
      .add("2020-09-01", EventKind::payment, "somme", "6000.00");
  Lines ok = lines;
  ok.add("2020-10-01", EventKind::cancellation, "somme", "2500.00", "ESD-B")
      .add("2020-10-02", EventKind::cancellation, "somme", "500.00", "ESD-B");
  const JournalFacts facts = facts_of(rules, ok);
  const Status status = evaluate(rules, facts, day("2020-10-31"));
  CHECK(row(status, "somme").called == cents("9000.00"));
  CHECK(row(status, "somme").cancelled == cents("3000.00"));
  CHECK(row(status, "somme").outstanding_calls == cents("0.00"));  // 9 000 - 3 000 - 6 000
  CHECK(status.totals.cancelled == cents("3000.00"));
  // As of the day of the first cancellation only, 500,00 remains called.
  CHECK(row(evaluate(rules, facts, day("2020-10-01")), "somme").outstanding_calls == cents("500.00"));

  Lines too_much = lines;
  too_much.add("2020-10-01", EventKind::cancellation, "somme", "3000.01", "ESD-B");
  one_error(rules, too_much, too_much.last(), "a cancellation of 3000.01 on 'ESD-B' but only 3000.00 remains unpaid");
  Lines paid_off = lines;
  paid_off.add("2020-10-01", EventKind::cancellation, "somme", "0.01", "ESD-A");
  one_error(rules, paid_off, paid_off.last(), "only 0.00 remains unpaid on it on 2020-10-01");
  Lines twice = lines;
  twice.add("2020-10-01", EventKind::cancellation, "somme", "2000.00", "ESD-B")
      .add("2020-10-02", EventKind::cancellation, "somme", "1000.01", "ESD-B");
  one_error(rules, twice, twice.last(), "only 1000.00 remains unpaid");
  Lines unknown = lines;
  unknown.add("2020-10-01", EventKind::cancellation, "somme", "1.00", "ESD-C");
  one_error(rules, unknown, unknown.last(), "no statement number of the journal or the register; did you mean 'ESD-A'");
  Lines other = lines;
  other.add("2020-10-01", EventKind::cancellation, "nord", "1.00", "ESD-A");
  one_error(rules, other, other.last(), "statement 'ESD-A' calls 'somme', not 'nord'");
  Lines before = lines;
  before.add("2020-07-30", EventKind::cancellation, "somme", "1.00", "ESD-B");
  one_error(rules, before, before.last(), "of statement 'ESD-B' dated later, 2020-08-01");
  // A call cancelled in part leaves room under the cap for a later one.
  Lines recalled = lines;
  recalled.add("2020-10-01", EventKind::cancellation, "somme", "3000.00", "ESD-B")
      .add("2020-10-02", EventKind::statement, "somme", "3000.00", "ESD-C");
  CHECK(load(rules, recalled).diagnostics.empty());
}

TEST_CASE("register: numbers are issued once, in series without gaps; issued lines stay as issued") {
  const Rules rules = seed_rules();
  Lines lines = seed_lines();  // statements ESD-2020-0001..0005 from the journal
  Lines ok = lines;
  ok.add("2020-07-22", EventKind::issued, "nord", "9000.00", "ESD-2020-0001", "statement", digest_a)
      .add("2020-12-31", EventKind::issued, "nord", "2822.23", "AR-2020-0001", "refund", digest_a)
      .add("2021-01-02", EventKind::issued, "nord", "2822.23", "AR-2021-0001", "refund",
           digest_a + " corrects=AR-2020-0001");
  const JournalFacts facts = facts_of(rules, ok);
  REQUIRE(facts.issued.size() == 3);
  CHECK(facts.statements[0].issued == std::optional<std::size_t>(0));
  CHECK(current_entries(facts) == std::vector<std::size_t>{0, 2});  // AR-2020-0001 was corrected

  Lines twice = lines;
  twice.add("2020-12-31", EventKind::issued, "nord", "1.00", "AR-2020-0001", "refund", digest_a)
      .add("2020-12-31", EventKind::issued, "oise", "1.00", "AR-2020-0001", "refund", digest_a);
  one_error(rules, twice, twice.last(), "was already issued (line " + std::to_string(twice.last() - 1) + ")");
  Lines gap = lines;
  gap.add("2020-12-31", EventKind::issued, "nord", "1.00", "AR-2020-0002", "refund", digest_a);
  one_error(rules, gap, gap.last(), "gap in the series AR-2020: 'AR-2020-0002' is issued but not AR-2020-0001");
  Lines after_refs = lines;  // the journal's refs run to ESD-2020-0005: 0006 follows, 0007 would not
  after_refs.add("2020-12-19", EventKind::cancellation, "somme", "100.00", "ESD-2020-0005")  // room under the cap
      .add("2020-12-31", EventKind::statement, "somme", "1.00")
      .add("2020-12-31", EventKind::issued, "somme", "1.00", "ESD-2020-0007", "statement", digest_a);
  one_error(rules, after_refs, after_refs.last(), "is issued but not ESD-2020-0006");
  Lines edited = lines;  // issued for 9 000,00, the line now says 8 000,00
  edited.events[6].amount = cents("8000.00");
  edited.add("2020-07-22", EventKind::issued, "nord", "9000.00", "ESD-2020-0001", "statement", digest_a);
  one_error(rules, edited, 8, "was changed: an issued statement is reduced by a cancellation, never edited");
  Lines orphan = lines;
  orphan.add("2020-08-01", EventKind::issued, "somme", "1.00", "ESD-2020-0006", "statement", digest_a);
  one_error(rules, orphan, orphan.last(), "matches no statement line of the journal");
  Lines bad_correction = lines;
  bad_correction.add("2020-12-31", EventKind::issued, "nord", "1.00", "AR-2020-0001", "refund", digest_a)
      .add("2020-12-31", EventKind::issued, "oise", "1.00", "AR-2020-0002", "refund",
           digest_a + " corrects=AR-2020-0001");
  one_error(rules, bad_correction, bad_correction.last(), "a correction is of the same kind, to the same party");
  Lines cross = lines;
  cross.add("2020-12-31", EventKind::issued, "nord", "1.00", "ESD-2020-0001", "refund", digest_a);
  one_error(rules, cross, cross.last(), "has the number of a statement of the journal");
  // A statement without a ref takes its number from the register: matched by date, party and amount.
  Lines unnumbered = lines;
  unnumbered.add("2020-12-19", EventKind::cancellation, "somme", "100.00", "ESD-2020-0005")
      .add("2020-12-20", EventKind::statement, "somme", "10.00")
      .add("2020-12-20", EventKind::issued, "somme", "10.00", "ESD-2020-0006", "statement", digest_a)
      .add("2020-12-21", EventKind::cancellation, "somme", "10.00", "ESD-2020-0006");
  const JournalFacts numbered = facts_of(rules, unnumbered);
  CHECK(numbered.statements.back().number == "ESD-2020-0006");
}

TEST_CASE("documents due: the seed at the end of its term") {
  const Rules rules = seed_rules();
  const JournalFacts facts = facts_of(rules, seed_lines());
  const Status status = evaluate(rules, facts, day("2020-12-31"));
  REQUIRE(status.term.state == TermState::ended);
  std::vector<PlannedDocument> due = plan_documents(rules, facts, status);
  number_documents(rules, facts, due);
  // Five statements (their refs), then by contributor id: a refund notice each, and for the Somme
  // (paid 4 500,00 of 9 000,00, refund due) the cancellation of its unpaid 4 500,00.
  std::vector<std::string> numbers;
  for (const auto& doc : due) numbers.push_back(doc.number + " " + to_string(doc.kind) + " " + doc.party);
  CHECK(numbers == std::vector<std::string>{
                       "ESD-2020-0001 statement nord", "ESD-2020-0002 statement pas-de-calais",
                       "ESD-2020-0003 statement oise", "ESD-2020-0004 statement val-d-oise",
                       "ESD-2020-0005 statement somme", "AR-2020-0001 refund nord", "AR-2020-0002 refund oise",
                       "AR-2020-0003 refund pas-de-calais", "AR-2020-0004 refund somme",
                       "ER-2020-0001 cancellation somme", "AR-2020-0005 refund val-d-oise"});
  // Eligible 27 800,00 of 40 500,00 paid: nord's refund 9 000 - 6 177,77; the Somme's 4 500 - 3 088,89.
  CHECK(due[5].amount == cents("2822.23"));
  CHECK(due[8].amount == cents("1411.11"));
  CHECK(due[8].calls_cancelled == cents("4500.00"));
  CHECK(due[5].calls_cancelled == cents("0.00"));
  CHECK(due[9].amount == cents("4500.00"));
  CHECK(due[9].reduces == "ESD-2020-0005");
  CHECK(due[9].new_line);
  CHECK(due[9].date == day("2020-12-31"));
  CHECK(due[0].date == day("2020-07-22"));  // a statement keeps its journal date
}

TEST_CASE("documents due: amounts due split between an order to pay back and a complementary statement") {
  Rules rules = seed_rules();
  rules.share_key = ShareKey::caps;  // finals pro rata to the caps, whatever was paid
  // Eligible 10 000,00: 2 000,00 each. Nord called and paid 1 000,00: 1 000,00 to call. Oise paid
  // 9 000,00 and was refunded 8 000,00 during the term: 7 000,00 was due back, 1 000,00 more was paid
  // back: an order to pay back 1 000,00, nothing to call. Somme called 9 000,00, paid nothing: 2 000,00
  // of it stands, 7 000,00 is cancelled. The others, never called: 2 000,00 each on a complementary call.
  Lines lines;
  lines.add("2020-07-22", EventKind::statement, "nord", "1000.00", "ESD-2020-0001")
      .add("2020-07-22", EventKind::statement, "oise", "9000.00", "ESD-2020-0002")
      .add("2020-07-22", EventKind::statement, "somme", "9000.00", "ESD-2020-0003")
      .add("2020-08-01", EventKind::payment, "nord", "1000.00")
      .add("2020-08-01", EventKind::payment, "oise", "9000.00")
      .add("2020-09-01", EventKind::refund, "oise", "8000.00")
      .add("2020-09-14", EventKind::expense, "dinum", "10000.00", "", "seminar")
      .add("2020-12-15", EventKind::milestone, "", "", "phase-5-end");
  const JournalFacts facts = facts_of(rules, lines);
  const Status status = evaluate(rules, facts, day("2021-01-04"));
  std::vector<PlannedDocument> due = plan_documents(rules, facts, status);
  number_documents(rules, facts, due);
  std::vector<std::string> got;
  for (const auto& doc : due) {
    got.push_back(doc.number + " " + to_string(doc.kind) + " " + doc.party + " " + format_amount(doc.amount) +
                  (doc.reduces.empty() ? "" : " of " + doc.reduces));
  }
  CHECK(got == std::vector<std::string>{
                   "ESD-2020-0001 statement nord 1000.00", "ESD-2020-0002 statement oise 9000.00",
                   "ESD-2020-0003 statement somme 9000.00", "ESD-2021-0001 statement nord 1000.00",
                   "OR-2021-0001 reversal oise 1000.00", "ESD-2021-0002 statement pas-de-calais 2000.00",
                   "ER-2021-0001 cancellation somme 7000.00 of ESD-2020-0003",
                   "ESD-2021-0003 statement val-d-oise 2000.00"});
  CHECK(reversal_part(row(status, "oise")) == cents("1000.00"));
  CHECK(row(status, "oise").amount_due == cents("1000.00"));  // 2 000 - (9 000 - 8 000)
}
