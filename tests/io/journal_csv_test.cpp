#include "io/journal_csv.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar.h"
#include "core/journal.h"
#include "core/rules.h"

using prorata::Contributor;
using prorata::Date;
using prorata::Diagnostics;
using prorata::Duration;
using prorata::JournalBuilder;
using prorata::JournalFacts;
using prorata::Money;
using prorata::Rules;
using prorata::io::load_journal;
using prorata::io::load_journal_file;

namespace {

Contributor contributor(std::string id, std::int64_t cap_cents) {
  Contributor c;
  c.id = std::move(id);
  c.name = c.id;
  c.cap_agreed = Money::from_cents(cap_cents);
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

Date day(std::string_view text) { return prorata::parse_date(text).value.value(); }

struct Loaded {
  bool ok = false;
  Diagnostics diagnostics;

  // The errors' lines and messages: these tests are about what is refused (warnings, such as a
  // payment with no statement before it, are tested in journal_diagnostics_test.cpp).
  [[nodiscard]] std::vector<std::uint32_t> lines() const {
    std::vector<std::uint32_t> out;
    for (const auto& d : diagnostics.items()) {
      if (d.severity == prorata::Severity::error) out.push_back(d.loc.line);
    }
    return out;
  }
  [[nodiscard]] std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const auto& d : diagnostics.items()) {
      if (d.severity == prorata::Severity::error) out.push_back(d.message);
    }
    return out;
  }
};

Loaded load(const std::string& text, JournalBuilder& builder, const Rules& rules) {
  std::istringstream in(text);
  Loaded out;
  out.ok = load_journal(in, "journal.csv", rules, builder, out.diagnostics);
  return out;
}

// (party, day) -> cents paid, from the builder's facts.
std::map<std::pair<std::string, std::string>, std::int64_t> paid_cents(const JournalFacts& facts) {
  std::map<std::pair<std::string, std::string>, std::int64_t> out;
  for (const auto& [party, party_facts] : facts.parties) {
    for (const auto& [date, flows] : party_facts.flows_by_day) {
      if (flows.paid.cents != 0) out[{party, prorata::format_date(date)}] = flows.paid.cents;
    }
  }
  return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string full_journal =
    "date,event,party,amount,ref,category,memo\n"
    "2021-01-10,signature,asso,,,,\n"
    "2021-01-11,signature,ville,,,,\n"
    "2021-01-12,signature,dept,,,,\n"
    "2021-02-01,statement,ville,5000.00,AF-1,,first call\n"
    "2021-02-01,statement,dept,2500.00,AF-2,,\n"
    "2021-02-15,payment,ville,3000.00,VIR-1,,\n"
    "2021-02-15,payment,ville,2000.50,VIR-2,,\"second, partial\"\n"
    "2021-02-15,payment,dept,2500,VIR-3,,\n"
    "2021-03-01,payment,dept,0.5,VIR-4,,\n"
    "2021-03-10,expense,,1200.00,F-1,travel,\n"
    "2021-03-10,expense,asso,-200.00,F-2,travel,credit note\n"
    "2021-03-10,expense,asso,99.99,F-3,meals,\n"
    "2021-04-01,refund,ville,0.50,RB-1,,\n";

}  // namespace

TEST_CASE("journal: the facts are the hand sums of the rows") {
  const Rules rules = make_rules();
  JournalBuilder builder(rules);
  const Loaded loaded = load(full_journal, builder, rules);
  CHECK(loaded.ok);
  CHECK(loaded.diagnostics.empty());
  const JournalFacts& facts = builder.facts();
  CHECK(facts.events == 13);
  // ville: 3000.00 + 2000.50 on 02-15; dept: 2500 on 02-15 and 0.50 on 03-01.
  const std::map<std::pair<std::string, std::string>, std::int64_t> expected_paid = {
      {{"ville", "2021-02-15"}, 500'050}, {{"dept", "2021-02-15"}, 250'000}, {{"dept", "2021-03-01"}, 50}};
  CHECK(paid_cents(facts) == expected_paid);
  CHECK(facts.parties.at("ville").flows_by_day.at(day("2021-02-01")).called.cents == 500'000);
  CHECK(facts.parties.at("dept").flows_by_day.at(day("2021-02-01")).called.cents == 250'000);
  CHECK(facts.parties.at("ville").flows_by_day.at(day("2021-04-01")).refunded.cents == 50);
  // travel: 1200.00 - 200.00; meals: 99.99.
  CHECK(facts.expenses.on(day("2021-03-10"), "travel").cents == 100'000);
  CHECK(facts.expenses.on(day("2021-03-10"), "meals").cents == 9'999);
  CHECK(facts.parties.at("asso").signed_on == day("2021-01-10"));
  CHECK(facts.parties.at("dept").signed_on == day("2021-01-12"));
}

TEST_CASE("journal: columns in any order, optional ones left out") {
  const Rules rules = make_rules();
  JournalBuilder builder(rules);
  const Loaded loaded = load(
      "amount,party,event,date\n"
      "3000.00,ville,payment,2021-02-15\n"
      "2000.50,ville,payment,2021-02-15\n"
      "2500,dept,payment,2021-02-15\n"
      "0.5,dept,payment,2021-03-01\n",
      builder, rules);
  CHECK(loaded.ok);
  CHECK(loaded.diagnostics.empty());
  const std::map<std::pair<std::string, std::string>, std::int64_t> expected_paid = {
      {{"ville", "2021-02-15"}, 500'050}, {{"dept", "2021-02-15"}, 250'000}, {{"dept", "2021-03-01"}, 50}};
  CHECK(paid_cents(builder.facts()) == expected_paid);
  CHECK(builder.facts().events == 4);
}

TEST_CASE("journal: rows of another convention are read, not summed; an empty convention is an error") {
  const Rules rules = make_rules();
  JournalBuilder builder(rules);
  const Loaded loaded = load(
      "convention,date,event,party,amount\n"
      "conv-2021,2021-02-15,payment,ville,100.00\n"
      "other-conv,2021-02-15,payment,ville,999.00\n"
      "other-conv,not-a-date,paymnet,nobody,9 000\n"
      "conv-2021,2021-02-15,payment,ville,0.25\n"
      ",2021-02-16,payment,ville,1.00\n",
      builder, rules);
  CHECK_FALSE(loaded.ok);
  // The journal is read without the rules: a broken row is an error whatever its convention (its
  // party is another convention's business: 'nobody' is not judged here).
  CHECK(loaded.lines() == std::vector<std::uint32_t>{4, 4, 4, 6});
  CHECK(contains(loaded.messages().at(0), "bad date 'not-a-date'"));
  CHECK(contains(loaded.messages().at(1), "unknown event 'paymnet'"));
  CHECK(contains(loaded.messages().at(2), "bad amount '9 000'"));
  CHECK(loaded.messages().at(3) ==
        "empty convention cell: name the convention of this row (this journal is read for 'conv-2021')");
  CHECK(paid_cents(builder.facts()) ==
        std::map<std::pair<std::string, std::string>, std::int64_t>{{{"ville", "2021-02-15"}, 10'025}});
}

TEST_CASE("journal: BOM, CRLF, a two-line memo and empty lines keep the line numbers right") {
  const Rules rules = make_rules();
  JournalBuilder builder(rules);
  const Loaded loaded = load(
      "\xEF\xBB\xBF"
      "date,event,party,amount,memo\r\n"                     // 1
      "2021-02-15,payment,ville,10.00,\"two\r\nlines\"\r\n"  // 2-3
      "\r\n"                                                 // 4
      "2021-02-15,payment,nobody,10.00,\r\n"                 // 5
      "2021-02-16,payment,ville,5.00,\"a\ttab\"\r\n"          // 6: a memo may hold a tab
      "\r\n",                                                // 7
      builder, rules);
  CHECK_FALSE(loaded.ok);
  CHECK(loaded.lines() == std::vector<std::uint32_t>{2, 5});
  // A line break inside a cell would print as a line of its own: refused like any control character.
  CHECK(contains(loaded.messages().at(0), "memo holds carriage return (U+000D)"));
  CHECK(contains(loaded.messages().at(1), "unknown party 'nobody'"));
  CHECK(paid_cents(builder.facts()) ==
        std::map<std::pair<std::string, std::string>, std::int64_t>{{{"ville", "2021-02-16"}, 500}});
}

TEST_CASE("journal: a Latin-1 row is reported with its line and stops the reading: the rows before count") {
  const Rules rules = make_rules();
  JournalBuilder builder(rules);
  const Loaded loaded = load(
      "date,event,party,amount,memo\n"
      "2021-02-15,payment,ville,100.00,\n"
      "2021-02-15,payment,ville,50.00,caf\xE9\n"
      "2021-02-15,payment,ville,25.00,\n",
      builder, rules);
  CHECK_FALSE(loaded.ok);
  CHECK(loaded.lines() == std::vector<std::uint32_t>{3});
  CHECK(contains(loaded.messages().at(0), "the file is not UTF-8 (a Windows-1252/Latin-1 export?)"));
  CHECK(contains(loaded.messages().at(0), "iconv -f WINDOWS-1252 -t UTF-8 journal.csv"));
  // 100.00 of line 2 only: line 4 comes after the encoding error and is not read.
  CHECK(paid_cents(builder.facts()) ==
        std::map<std::pair<std::string, std::string>, std::int64_t>{{{"ville", "2021-02-15"}, 10'000}});
}

TEST_CASE("journal: a malformed header line is reported once, without a cascade on the rows") {
  const Rules rules = make_rules();
  JournalBuilder builder(rules);
  const Loaded loaded = load("date,\"event\"x,party\n2021-02-15,payment,ville\n2021-02-15,bad\n", builder, rules);
  CHECK_FALSE(loaded.ok);
  CHECK(loaded.lines() == std::vector<std::uint32_t>{1});
  CHECK(contains(loaded.messages().at(0), "text after the closing quote"));
}

TEST_CASE("journal: finish() runs after the last row (termination and notice)") {
  const Rules rules = make_rules();  // notice period: 3 months
  const std::string head = "date,event,party\n2021-01-01,notice,ville\n";
  JournalBuilder on_time(rules);
  CHECK(load(head + "2021-04-01,termination,\n", on_time, rules).ok);
  CHECK(on_time.facts().termination == day("2021-04-01"));

  JournalBuilder too_early(rules);
  const Loaded loaded = load(head + "2021-03-31,termination,\n", too_early, rules);
  CHECK_FALSE(loaded.ok);
  CHECK(loaded.lines() == std::vector<std::uint32_t>{3});
  CHECK(loaded.messages().at(0) ==
        "termination on 2021-03-31 needs a formal notice at least 3 months earlier "
        "(the notice of 2021-01-01 allows it from 2021-04-01)");
  CHECK_FALSE(too_early.facts().termination.has_value());
}

TEST_CASE("journal: text cells have limits") {
  const Rules rules = make_rules();
  JournalBuilder builder(rules);
  const std::string ref_65(65, 'r');
  const std::string memo_4097(4'097, 'm');
  const Loaded loaded = load(
      "date,event,party,amount,ref,memo\n"
      "2021-02-15,payment,ville,1.00," +
          ref_65 +
          ",\n"
          "2021-02-15,payment,ville,1.00,," +
          memo_4097 +
          "\n"
          "2021-02-15,payment,ville,1.00," +
          std::string(64, 'r') + "," + std::string(4'096, 'm') + "\n",
      builder, rules);
  CHECK(loaded.lines() == std::vector<std::uint32_t>{2, 3});
  CHECK(loaded.messages().at(0) == "ref longer than 64 bytes: '" + ref_65 + "'");
  CHECK(loaded.messages().at(1) == "memo longer than 4096 bytes: '" + std::string(80, 'm') + "'...");
  CHECK(builder.facts().events == 1);
}

TEST_CASE("journal: cells in messages are escaped and cut at a character boundary") {
  const Rules rules = make_rules();
  JournalBuilder builder(rules);
  const std::string long_date = std::string(79, 'a') + "\xC3\xA9zz";  // é straddles byte 80: cut before it
  const Loaded loaded = load("date,event\n\"2021-01-01\nx\",payment\n" + long_date + ",payment\n", builder, rules);
  CHECK(loaded.lines() == std::vector<std::uint32_t>{2, 4});
  CHECK(loaded.messages() ==
        std::vector<std::string>{"bad date '2021-01-01\\nx': expected a date as YYYY-MM-DD",
                                 "bad date '" + std::string(79, 'a') + "'...: expected a date as YYYY-MM-DD"});
}

TEST_CASE("journal: the caller's diagnostics are kept; the result says whether this file added any") {
  const Rules rules = make_rules();
  Diagnostics diagnostics;
  diagnostics.error({"rules.yaml", 3, 1}, "an earlier problem");
  JournalBuilder good_builder(rules);
  std::istringstream good(full_journal);
  CHECK(load_journal(good, "journal.csv", rules, good_builder, diagnostics));
  CHECK(diagnostics.size() == 1);

  JournalBuilder bad_builder(rules);
  std::istringstream bad("date,event\n2021-13-01,payment\n");
  CHECK_FALSE(load_journal(bad, "journal.csv", rules, bad_builder, diagnostics));
  REQUIRE(diagnostics.size() == 2);
  CHECK(diagnostics.items()[0].message == "an earlier problem");
  CHECK(prorata::format_diagnostic(diagnostics.items()[1]) ==
        "journal.csv:2: error: bad date '2021-13-01': no such date in the calendar");
}

TEST_CASE("journal file: cannot open, a directory, and a real file") {
  const Rules rules = make_rules();
  JournalBuilder missing_builder(rules);
  Diagnostics missing;
  CHECK_FALSE(load_journal_file("/nonexistent/prorata/journal.csv", rules, missing_builder, missing));
  REQUIRE(missing.size() == 1);
  CHECK(prorata::format_diagnostic(missing.items()[0]) ==
        "/nonexistent/prorata/journal.csv: error: cannot open the journal: No such file or directory");

  const std::filesystem::path directory =
      std::filesystem::temp_directory_path() / ("prorata_journal_csv_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(directory);
  JournalBuilder directory_builder(rules);
  Diagnostics not_a_file;
  CHECK_FALSE(load_journal_file(directory.string(), rules, directory_builder, not_a_file));
  REQUIRE(not_a_file.size() == 1);
  CHECK(not_a_file.items()[0].message == "cannot open the journal: Is a directory");

  const std::filesystem::path file = directory / "journal.csv";
  {
    std::ofstream out(file, std::ios::binary);
    out << "\xEF\xBB\xBF"
           "date,event,party,amount\r\n2021-02-15,payment,ville,12.34\r\n";
  }
  JournalBuilder builder(rules);
  Diagnostics diagnostics;
  CHECK(load_journal_file(file.string(), rules, builder, diagnostics));
  CHECK(diagnostics.empty());
  CHECK(paid_cents(builder.facts()) ==
        std::map<std::pair<std::string, std::string>, std::int64_t>{{{"ville", "2021-02-15"}, 1'234}});
  std::filesystem::remove_all(directory);
}
