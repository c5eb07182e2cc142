// Expense lines handed to their builder as rows (core/expense_row.h, io/journal_csv.cpp) give what the
// same lines give as events: the reference reads the journal with JournalReadOptions::expense_rows
// false, so every line is an event and JournalBuilder::add checks it. The journal holds every kind of
// expense line the row path must leave to add() (a bad party, a typo of an eligible category, cells
// with spaces, a quote, a tab or a non-ASCII byte, bad amounts and dates, more categories than the
// reading names) beside the good ones, over two conventions and others not loaded; facts, the
// diagnostics in order and the other conventions' counts must be the same, on one thread and two and
// whatever the block size.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/journal.h"
#include "core/limits.h"
#include "core/rules.h"
#include "io/journal_csv.h"

using prorata::Diagnostics;
using prorata::JournalBuilder;
using prorata::Money;
using prorata::Rules;

namespace {

Rules make_rules(const std::string& id, const std::string& beneficiary) {
  Rules rules;
  rules.id = id;
  rules.title = id;
  rules.beneficiary = {beneficiary, beneficiary};
  rules.term.max_duration = prorata::Duration{12, prorata::Duration::Unit::months};
  prorata::Contributor c;
  c.id = "dept";
  c.name = "dept";
  c.cap_agreed = Money::from_cents(1'000'000);
  rules.contributors = {c};
  rules.eligible_categories = std::vector<std::string>{"coaching", "studies", "travel"};
  return rules;
}

struct Outcome {
  std::vector<std::string> diagnostics;                 // formatted, in order
  std::vector<std::vector<std::string>> expense_cells;  // per convention: "day category cents"
  std::vector<std::size_t> events;                      // per convention: events folded
  std::map<std::string, std::uint64_t> other_conventions;
};

Outcome outcome_of(const Diagnostics& diagnostics, const std::vector<JournalBuilder*>& builders,
                   std::map<std::string, std::uint64_t> other_conventions) {
  Outcome out;
  for (const auto& d : diagnostics.items()) out.diagnostics.push_back(prorata::format_diagnostic(d));
  for (JournalBuilder* builder : builders) {
    std::vector<std::string> cells;
    builder->facts().expenses.for_each_until(prorata::Date::max(), [&](prorata::Date day, const std::string& category,
                                                                        Money amount) {
      cells.push_back(prorata::format_date(day) + " " + category + " " + std::to_string(amount.cents));
    });
    out.expense_cells.push_back(cells);
    out.events.push_back(builder->facts().events);
  }
  out.other_conventions = std::move(other_conventions);
  return out;
}

// One builder per rules, loaded by `load` (a call of load_journal_portfolio or its _file variant).
template <typename Load>
Outcome load_with_builders(const std::vector<Rules>& rules, Load&& load) {
  std::vector<std::unique_ptr<JournalBuilder>> builders;
  std::vector<JournalBuilder*> pointers;
  std::vector<prorata::io::ConventionLoad> loads;
  for (const Rules& r : rules) {
    builders.push_back(std::make_unique<JournalBuilder>(r));
    pointers.push_back(builders.back().get());
    loads.push_back({&r, builders.back().get()});
  }
  Diagnostics diagnostics;
  std::map<std::string, std::uint64_t> other;
  load(loads, other, diagnostics);
  return outcome_of(diagnostics, pointers, other);
}

// As prorata reads a journal (options.expense_rows: expense lines in their commonest form as rows), or
// with every line an event, checked by JournalBuilder::add.
Outcome read(const std::string& text, const std::vector<Rules>& rules,
                       const prorata::io::JournalReadOptions& options) {
  std::istringstream in(text);
  return load_with_builders(rules, [&](const auto& loads, auto& other, Diagnostics& diagnostics) {
    prorata::io::load_journal_portfolio(in, "j.csv", loads, other, diagnostics, options);
  });
}

// The same read from a file, in two halves on two threads (io/journal_second_half.h) whatever its size;
// the file's path is shown as "j.csv", as read() names it.
Outcome read_file_in_halves(const std::string& text, const std::vector<Rules>& rules, std::size_t block) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "prorata-halves-j.csv";
  { std::ofstream(path, std::ios::binary) << text; }
  prorata::io::JournalReadOptions options;
  options.threads = 2;
  options.block_bytes = block;
  options.split_bytes_min = 0;
  Outcome out = load_with_builders(rules, [&](const auto& loads, auto& other, Diagnostics& diagnostics) {
    prorata::io::load_journal_portfolio_file(path.string(), loads, other, diagnostics, options);
  });
  for (std::string& d : out.diagnostics) {
    if (d.starts_with(path.string())) d = "j.csv" + d.substr(path.string().size());
  }
  std::filesystem::remove(path);
  return out;
}

std::string mixed_journal() {
  std::string text = "date,event,party,amount,ref,category,memo,convention\n";
  const auto line = [&](const std::string& rest) { text += rest + "\n"; };
  for (const char* conv : {"cv-a", "cv-b"}) {
    line(std::string("2023-01-02,signature,dept,,,,,") + conv);
  }
  line("2023-01-03,signature,op-a,,,,,cv-a");
  line("2023-01-03,signature,op-b,,,,,cv-b");
  for (int k = 0; k < 40; ++k) {  // good lines, both parties' forms, credit notes, days in and out of order
    const std::string day = "2023-02-" + std::string(k % 20 < 9 ? "0" : "") + std::to_string(1 + k % 20);
    line(day + ",expense,op-a,1" + std::to_string(k) + ".05,F-" + std::to_string(k) + ",coaching,,cv-a");
    line(day + ",expense,,-" + std::to_string(k + 1) + ",,catering,note,cv-a");
    line(day + ",expense,op-b,2" + std::to_string(k) + ".5,,travel,,cv-b");
    line(day + ",expense,op-b,7,,,,cv-b");  // no category
  }
  line("2023-03-01,expense,op-b,10.00,,coaching,,cv-a");    // another convention's beneficiary
  line("2023-03-01,expense,dept,10.00,,coaching,,cv-a");    // a contributor
  line("2023-03-01,expense,nobody,10.00,,coaching,,cv-a");  // an unknown party
  line("2023-03-01,expense,op-a,10.00,,Coaching,,cv-a");    // a typo of an eligible category
  line("2023-03-02,expense,op-a,10.00,,coachin,,cv-a");     // another typo, one edit
  line("2023-03-02,expense,op-a,10.00,, travel,,cv-a");     // spaces around a category
  line("2023-03-02,expense,op-a ,10.00,,travel,,cv-a");     // around a party
  line("2023-03-02,expense,op-a,10.00,F-1 ,travel,,cv-a");  // around a ref
  line("2023-03-02,expense,op-a,10.00,,travel,,cv-a ");     // around a convention
  line("2023-03-03,expense,op-a,10.00,,travel,\"quoted, memo\",cv-a");
  line("2023-03-03,expense,op-a,10.00,,travel,caf\xC3\xA9,cv-a");
  line("2023-03-03,expense,op-a,10.00,,travel,a\ttab,cv-a");
  line("2023-03-03,expense,op-a,0,,travel,,cv-a");           // zero
  line("2023-03-03,expense,op-a,10.001,,travel,,cv-a");      // three decimals
  line("2023-03-03,expense,op-a,1000000000000.00,,travel,,cv-a");  // beyond the limit
  line("2023-03-03,expense,op-a,,,travel,,cv-a");            // no amount
  line("2023-02-30,expense,op-a,10.00,,travel,,cv-a");       // no such day
  line("2023-03-04,expense,op-a,10.00,,travel,,cv-z");       // a convention not loaded
  line("2023-03-04,expense,op-a,10.00,,travel,,cv-b1");      // not loaded, one edit from cv-b
  line("2023-03-04,expense,op-a,10.00,,travel,,CV-A");       // not a convention id
  line("2023-03-04,expense,op-a,10.00,,travel,,");           // no convention
  line("2023-03-04,expence,op-a,10.00,,travel,,cv-a");       // not an event
  line("2023-03-05,expense,op-a,10.00,,travel,,cv-a,extra");  // a field too many
  std::string long_category(prorata::limits::id_bytes_max + 1, 'c');
  line("2023-03-05,expense,op-a,10.00,," + long_category + ",,cv-a");
  for (int k = 0; k < 300; ++k) {  // more categories than the reading names (CategoryNames::capacity)
    const std::string conv = k % 2 == 0 ? "a" : "b";
    line("2023-03-06,expense,op-" + conv + ",1.00,,own-" + std::to_string(k) + ",,cv-" + conv);
  }
  line("2023-01-15,expense,op-a,3.00,,travel,,cv-a");  // before the days read so far
  return text;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

Outcome read_as_events(const std::string& text, const std::vector<Rules>& rules) {
  prorata::io::JournalReadOptions options;
  options.expense_rows = false;
  return read(text, rules, options);
}

void check_same(const std::string& text, const std::vector<Rules>& rules) {
  const Outcome reference = read_as_events(text, rules);
  for (unsigned threads : {1u, 2u}) {
    for (std::size_t block : {std::size_t{5}, std::size_t{97}, std::size_t{64} << 10}) {
      CAPTURE(threads);
      CAPTURE(block);
      prorata::io::JournalReadOptions options;
      options.threads = threads;
      options.block_bytes = block;
      options.batch_events = 3;
      const Outcome rows = read(text, rules, options);
      CHECK(joined(rows.diagnostics) == joined(reference.diagnostics));
      REQUIRE(rows.expense_cells.size() == reference.expense_cells.size());
      for (std::size_t k = 0; k < rows.expense_cells.size(); ++k) {
        CHECK(joined(rows.expense_cells[k]) == joined(reference.expense_cells[k]));
      }
      CHECK(rows.events == reference.events);
      CHECK(rows.other_conventions == reference.other_conventions);
      if (threads == 1) continue;
      const Outcome halves = read_file_in_halves(text, rules, block);
      CHECK(joined(halves.diagnostics) == joined(reference.diagnostics));
      REQUIRE(halves.expense_cells.size() == reference.expense_cells.size());
      for (std::size_t k = 0; k < halves.expense_cells.size(); ++k) {  // within a day, cells in any order
        std::vector<std::string> sorted_halves = halves.expense_cells[k];
        std::vector<std::string> sorted_reference = reference.expense_cells[k];
        std::sort(sorted_halves.begin(), sorted_halves.end());
        std::sort(sorted_reference.begin(), sorted_reference.end());
        CHECK(joined(sorted_halves) == joined(sorted_reference));
      }
      CHECK(halves.events == reference.events);
      CHECK(halves.other_conventions == reference.other_conventions);
    }
  }
}

}  // namespace

TEST_CASE("expense rows: every kind of expense line gives what it gives as an event") {
  const std::vector<Rules> rules{make_rules("cv-a", "op-a"), make_rules("cv-b", "op-b")};
  const std::string text = mixed_journal();
  const Outcome reference = read_as_events(text, rules);
  // The journal does what it is meant to: good lines folded, the bad ones reported, others counted.
  REQUIRE(reference.expense_cells.size() == 2);
  CHECK(reference.events[0] > 80);
  CHECK(reference.events[1] > 80);
  CHECK(reference.diagnostics.size() == 21);  // 19 lines refused, 2 ids one edit from a loaded one
  CHECK(reference.other_conventions == std::map<std::string, std::uint64_t>{{"cv-b1", 1}, {"cv-z", 1}});
  check_same(text, rules);
}

TEST_CASE("expense rows: a journal without a convention column, read for its one convention") {
  const std::vector<Rules> rules{make_rules("cv-a", "op-a")};
  std::string text = "date,event,party,amount,ref,category,memo\n2023-01-02,signature,dept,,,,\n";
  text += "2023-01-03,signature,op-a,,,,\n";
  for (int k = 0; k < 30; ++k) text += "2023-02-0" + std::to_string(1 + k % 9) + ",expense,op-a,5.10,,travel,\n";
  text += "2023-02-10,expense,op-b,5.10,,travel,\n2023-02-10,expense,op-a,5.10,,Travel,\n";
  const Outcome reference = read_as_events(text, rules);
  CHECK(reference.events[0] == 32);
  CHECK(reference.diagnostics.size() == 2);
  check_same(text, rules);
}

TEST_CASE("expense rows: the sum of magnitudes past 64 bits is refused at the same line") {
  // 92 234 lines of 999 999 999 999.99 pass INT64_MAX cents (9 223 372 036 854 775 807) at line 92 236.
  const std::vector<Rules> rules{make_rules("cv-a", "op-a")};
  std::string text = "date,event,party,amount,ref,category,memo\n2023-01-02,signature,dept,,,,\n";
  for (int k = 0; k < 92'240; ++k) text += "2023-02-01,expense,op-a,999999999999.99,,travel,\n";
  const Outcome reference = read_as_events(text, rules);
  REQUIRE(!reference.diagnostics.empty());
  CHECK(reference.diagnostics.front().starts_with("j.csv:92236: error: the amounts of the journal add up past"));
  check_same(text, rules);
}
