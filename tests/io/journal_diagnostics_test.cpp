// What a new user met (issue 9): payments before a signature or without a statement, a journal in
// Windows-1252, a journal whose rows are all another convention's, a milestone twice, a notice under
// rules with no notice_period, capitalised headers. Each expected message is written out in full.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/journal.h"
#include "core/rules.h"
#include "io/journal_csv.h"

using prorata::Diagnostics;
using prorata::Duration;
using prorata::JournalBuilder;
using prorata::Rules;

namespace {

prorata::Contributor contributor(std::string id, std::int64_t cap_cents) {
  prorata::Contributor c;
  c.id = std::move(id);
  c.name = c.id;
  c.cap_agreed = prorata::Money::from_cents(cap_cents);
  return c;
}

Rules make_rules() {
  Rules rules;
  rules.id = "conv-2021";
  rules.title = "Test convention";
  rules.beneficiary = {"asso", "Association"};
  rules.term.max_duration = Duration{36, Duration::Unit::months};
  rules.term.notice_period = Duration{3, Duration::Unit::months};
  rules.contributors = {contributor("ville", 10'000'000), contributor("dept", 5'000'000)};
  return rules;
}

struct Loaded {
  bool ok = false;
  std::vector<std::string> printed;  // every diagnostic as the CLI prints it, in file order
  std::int64_t paid_cents(const JournalBuilder& builder, const std::string& party) const {
    std::int64_t total = 0;
    for (const auto& [day, flows] : builder.facts().parties.at(party).flows_by_day) total += flows.paid.cents;
    return total;
  }
};

Loaded load(const std::string& text, const Rules& rules, JournalBuilder& builder) {
  std::istringstream in(text);
  Diagnostics diagnostics;
  Loaded out;
  out.ok = prorata::io::load_journal(in, "journal.csv", rules, builder, diagnostics);
  diagnostics.sort();
  for (const auto& d : diagnostics.items()) out.printed.push_back(prorata::format_diagnostic(d));
  return out;
}

const std::string signatures =
    "date,event,party,amount,ref,category,memo\n"  // 1
    "2021-01-10,signature,asso,,,,\n"              // 2
    "2021-01-11,signature,ville,,,,\n";            // 3

}  // namespace

TEST_CASE("a payment dated before its payer signed is refused at its line; the payer's later one only warned") {
  const Rules rules = make_rules();
  JournalBuilder builder(rules);
  const Loaded loaded = load(signatures +
                                 "2021-01-20,signature,dept,,,,\n"              // 4
                                 "2021-02-01,statement,ville,5000.00,AF-1,,\n"  // 5
                                 "2021-01-15,payment,dept,100.00,VIR-1,,\n"     // 6: dept signs on 01-20
                                 "2021-01-25,payment,dept,200.00,VIR-2,,\n",    // 7: after, but no statement
                             rules, builder);
  CHECK_FALSE(loaded.ok);
  CHECK(loaded.printed == std::vector<std::string>{
                              "journal.csv:6: error: a payment from 'dept' dated 2021-01-15 comes before it signed the "
                              "convention (on 2021-01-20): a party pays under a convention it has signed",
                              "journal.csv:7: warning: a payment from 'dept' dated 2021-01-25 has no statement (call "
                              "for funds) to it dated on or before it (the journal has none): record the statement "
                              "it pays, or check the date"});
}

TEST_CASE("a payment with no statement on or before its date is accepted and counted, with a warning") {
  const Rules rules = make_rules();
  JournalBuilder builder(rules);
  const Loaded loaded = load(signatures +
                                 "2021-01-12,signature,dept,,,,\n"              // 4
                                 "2021-02-10,payment,ville,1000.00,VIR-1,,\n"   // 5: the statement comes later in
                                 "2021-02-01,statement,ville,5000.00,AF-1,,\n"  // 6  the file, dated before it
                                 "2021-01-31,payment,ville,200.00,VIR-0,,\n"    // 7: before the only statement
                                 "2021-02-01,payment,ville,300.00,VIR-2,,\n"    // 8: the same day: fine
                                 "2021-03-01,payment,dept,50.00,VIR-3,,\n",     // 9: dept is never called
                             rules, builder);
  CHECK(loaded.ok);
  CHECK(loaded.printed == std::vector<std::string>{
                              "journal.csv:7: warning: a payment from 'ville' dated 2021-01-31 has no statement (call "
                              "for funds) to it dated on or before it (the first is dated 2021-02-01): record the "
                              "statement it pays, or check the date",
                              "journal.csv:9: warning: a payment from 'dept' dated 2021-03-01 has no statement (call "
                              "for funds) to it dated on or before it (the journal has none): record the statement "
                              "it pays, or check the date"});
  CHECK(loaded.paid_cents(builder, "ville") == 150'000);  // 1000.00 + 200.00 + 300.00: all counted
  CHECK(loaded.paid_cents(builder, "dept") == 5'000);
}

TEST_CASE("a Windows-1252 journal gives one error, at its first non-UTF-8 line, and no cascade") {
  const Rules rules = make_rules();
  JournalBuilder builder(rules);
  // Line 2 hides the beneficiary's signature: read on, the statement of line 5 would be "before the
  // convention took effect (not every party has signed it)".
  const Loaded loaded = load(
      "date,event,party,amount,memo\n"
      "2021-01-10,signature,asso,,D\xE9partement\n"
      "2021-01-11,signature,ville,,\n"
      "2021-01-12,signature,dept,,\n"
      "2021-02-01,statement,ville,10.00,\n"
      "2021-02-02,payment,ville,10.00,caf\xE9\n",
      rules, builder);
  CHECK_FALSE(loaded.ok);
  CHECK(loaded.printed ==
        std::vector<std::string>{"journal.csv:2: error: invalid UTF-8 (byte 0xE9): the file is not UTF-8 (a "
                                 "Windows-1252/Latin-1 export?): convert it with `iconv -f WINDOWS-1252 -t UTF-8 "
                                 "journal.csv > journal.csv.utf8`; nothing after this line is read or checked until "
                                 "then"});
}

TEST_CASE("a journal with rows of other conventions only: a warning names them, with counts and a likely typo") {
  const Rules rules = make_rules();
  JournalBuilder builder(rules);
  const Loaded loaded = load(
      "convention,date,event,party,amount\n"
      "other,2021-02-15,payment,x,1.00\n"
      "conv-2022,2021-02-15,payment,ville,100.00\n"
      "conv-2022,2021-02-16,payment,ville,100.00\n",
      rules, builder);
  CHECK(loaded.ok);
  CHECK(builder.facts().events == 0);
  CHECK(loaded.printed == std::vector<std::string>{
                              "journal.csv:1: warning: no row of the journal is for 'conv-2021' (the rules' convention "
                              "id); the convention column names 'conv-2022' (2 rows), 'other' (1 row); 'conv-2022' is "
                              "one edit from 'conv-2021': a typo?"});
}

TEST_CASE("a shared journal with rows for these rules too gives no such warning") {
  const Rules rules = make_rules();
  JournalBuilder builder(rules);
  const Loaded loaded = load("convention,date,event,party\nother,2021-02-15,signature,x\nconv-2021,2021-01-10,"
                             "signature,asso\n",
                             rules, builder);
  CHECK(loaded.ok);
  CHECK(loaded.printed.empty());
}

TEST_CASE("a milestone twice names both lines and dates") {
  const Rules rules = make_rules();
  JournalBuilder builder(rules);
  const Loaded loaded = load(signatures + "2021-06-01,milestone,,,phase-2,,\n"   // 4
                                          "2021-05-01,milestone,,,phase-2,,\n",  // 5
                             rules, builder);
  CHECK_FALSE(loaded.ok);
  CHECK(loaded.printed == std::vector<std::string>{"journal.csv:5: error: milestone 'phase-2' appears twice: line 4 "
                                                   "(2021-06-01) and line 5 (2021-05-01); a milestone is reached once: "
                                                   "remove one"});
}

TEST_CASE("without a notice_period in the rules, a notice or a termination is refused at its line") {
  Rules rules = make_rules();
  rules.term.notice_period.reset();
  JournalBuilder builder(rules);
  const Loaded loaded = load(signatures + "2021-01-12,signature,dept,,,,\n"  // 4
                                          "2021-03-01,notice,ville,,,,\n"    // 5
                                          "2021-07-01,termination,,,,,\n",   // 6
                             rules, builder);
  CHECK_FALSE(loaded.ok);
  const std::string why = " needs the rules' notice_period (term: notice_period: 1 month), and the rules of conv-2021 "
                          "have none: a convention without one has no termination clause";
  CHECK(loaded.printed ==
        std::vector<std::string>{"journal.csv:5: error: a notice" + why, "journal.csv:6: error: a termination" + why});
  CHECK_FALSE(builder.facts().termination.has_value());
}

TEST_CASE("capitalised column names read like lower-case ones; a column twice in two cases is a duplicate") {
  const Rules rules = make_rules();
  const std::string rows = "2021-01-10,signature,asso,,,,\n"
                           "2021-01-11,signature,ville,,,,\n"
                           "2021-01-12,signature,dept,,,,\n"
                           "2021-02-01,statement,ville,5000.00,AF-1,,\n"
                           "2021-02-15,payment,ville,3000.00,VIR-1,,\n";
  JournalBuilder capitalised(rules);
  const Loaded upper = load("Date,Event,Party,Amount,Ref,Category,MEMO\n" + rows, rules, capitalised);
  CHECK(upper.ok);
  CHECK(upper.printed.empty());
  CHECK(capitalised.facts().events == 5);
  CHECK(upper.paid_cents(capitalised, "ville") == 300'000);
  JournalBuilder twice(rules);
  const Loaded duplicate = load("Date,date,event\n", rules, twice);
  CHECK_FALSE(duplicate.ok);
  CHECK(duplicate.printed ==
        std::vector<std::string>{"journal.csv:1: error: duplicate column 'date' (columns 1 and 2)"});
}
