// A convention's net expenses per day and category, kept compact: a shared journal is mostly expenses,
// so this is most of what a convention holds in memory. Days before the last one are packed into bytes
// (the gap in days, the number of cells, then each cell's category and net cents as variable-length
// integers: about 4 bytes a cell instead of 16); the last day stays open for the lines that follow it.
// An expense dated before the last day (a journal out of date order) is kept beside them and merged
// in when read. Cells are read in date order; within a day, in the order their categories first
// appeared. There is one cell per day and category.
//
// Summing days (sum_days_between_pins): a caller that knows every date its answers will compare an
// expense's date with (the as-of date, the term's start and end, the dates the rules change) pins
// them, and consecutive days with no pinned day among them are then kept as one entry, dated on its
// last day, with one cell per category: what the store holds then grows with the pinned dates, not
// with the days that have an expense. Every answer on a pinned date is what day-by-day cells give
// (an entry never straddles one); a date pinned only after days around it were summed makes
// pins_hold() false, and the caller reads the expenses again day by day.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/calendar.h"
#include "core/money.h"

namespace prorata {

class ExpenseDays {
 public:
  // Adds `amount` to the day and category (checked: Money's sum throws on overflow).
  void add(Date date, std::string_view category, Money amount);
  // The same with the index category_index() gave (a caller that looks a category up once, not per line).
  void add_indexed(Date date, std::uint32_t category, Money amount);
  // The index of `category` among this store's, added if new (in the order categories first appear).
  std::uint32_t category_index(std::string_view category);

  // Adds every cell of `other`, a store of later lines: the same cells and sums as adding those lines
  // one by one (only the order of cells within a day may differ, which no reader of cells depends on).
  // Summing days, its pins become this store's and its entries are summed further between them.
  void add_all(const ExpenseDays& other);
  // Turns summing days on (before any expense): see the file comment.
  void sum_days_between_pins() { sums_days_ = true; }
  [[nodiscard]] bool sums_days() const { return sums_days_; }
  // A date answers will compare expense dates with: never inside an entry of several days.
  void pin(Date day);
  // Whether no entry of several days holds a pinned date: true without summing.
  [[nodiscard]] bool pins_hold() const;
  // Whether answers up to `day` and comparisons with it are what day-by-day cells give: no entry of
  // several days holds it.
  [[nodiscard]] bool exact_on(Date day) const;
  // Entries kept (a day, or days summed): for the log and tests.
  [[nodiscard]] std::size_t entry_count() const;

  // The categories named so far, in the order they first appeared.
  [[nodiscard]] const std::vector<std::string>& categories() const { return categories_; }

  [[nodiscard]] bool empty() const { return !has_open_ && !has_pending_ && packed_.empty(); }
  [[nodiscard]] Date last_day() const;  // not empty
  [[nodiscard]] std::size_t cell_count() const;  // days x categories with an expense
  // The net amount of a day and category (zero when none): for tests and checks.
  [[nodiscard]] Money on(Date date, std::string_view category) const;
  // Bytes held by the packed days (for tests: closed days are packed).
  [[nodiscard]] std::size_t packed_bytes() const { return packed_.size(); }

  // Calls visit(date, category, amount) for every cell dated on or before `last`, in date order (an
  // entry of summed days is dated on its last day).
  template <typename Visit>
  void for_each_until(Date last, Visit&& visit) const {
    walk(last, [&](Date day, std::uint32_t category, Money amount) { visit(day, categories_[category], amount); });
  }
  // The same with each category as its index in categories(): for a caller that decides once per
  // category, not once per cell.
  template <typename Visit>
  void for_each_indexed_until(Date last, Visit&& visit) const {
    walk(last, std::forward<Visit>(visit));
  }

 private:
  struct Cell {
    std::uint32_t category;  // index into categories_
    Money amount;            // net: credit notes count negative
  };
  using Day = std::vector<Cell>;

  static void add_to(Day& day, std::uint32_t category, Money amount);
  // The open day is complete (a later one comes): summed into the pending entry when no pin lies in
  // between, else the pending entry is packed and the day becomes the pending one (or, without
  // summing, is packed).
  void settle_open_day();
  // Packs [first, last] and its cells after the last packed entry.
  void pack(Date first, Date last, const Day& cells);
  // Adds to a day before the open one: into the pending entry when it covers it, else with the late days.
  void add_late(Date date, std::uint32_t category, Money amount);
  [[nodiscard]] bool no_pin_in(Date first, Date last) const;  // none in [first, last]
  // Calls visit(first, last, cells) for every packed entry, in order.
  template <typename Visit>
  void for_each_packed(Visit&& visit) const;
  // Calls visit(first, last) for every entry of several days (packed, pending, late).
  template <typename Visit>
  void for_each_span(Visit&& visit) const;
  // Adds a complete entry of `other` ([first, last], its cells), summed with the pending one when no
  // pin lies between.
  void add_entry(Date first, Date last, const Day& cells, const std::vector<std::uint32_t>& index);

  // Calls visit(date, category index, amount) for every cell dated on or before `last`, in order.
  template <typename Visit>
  void walk(Date last, Visit&& visit) const;
  // Reads the entry that starts at `at` in packed_ (its date follows `previous`) into `cells`; returns
  // its last day, and its first in `first`.
  Date unpack_day(std::size_t& at, Date previous, Day& cells, Date& first) const;

  static constexpr std::size_t few_categories = 16;

  std::vector<std::uint8_t> packed_;  // the closed entries, in date order (of their last days)
  Date last_packed_{};                // the last day of the last packed entry (1970-01-01 before any)
  // Summing days: the entry after the packed ones that may still sum the days that follow it.
  bool has_pending_ = false;
  Date pending_first_{};
  Date pending_last_{};
  Day pending_cells_;
  // The day lines are being added to (the latest), not complete until a later one comes.
  bool has_open_ = false;
  Date open_day_{};
  Day open_cells_;
  std::map<Date, Day> late_;          // earlier days added to after a later one (out of date order)
  std::vector<std::pair<Date, Date>> late_spans_;  // entries of several days of add_all() kept in late_
  std::vector<Date> pins_;            // sorted, distinct
  bool sums_days_ = false;
  bool has_spans_ = false;            // an entry of several days was made (the checks walk only then)
  std::vector<std::string> categories_;
  std::map<std::string, std::uint32_t, std::less<>> index_;
  std::uint32_t last_category_ = 0;  // the one looked up last: expenses of one category often follow
};

template <typename Visit>
void ExpenseDays::walk(Date last, Visit&& visit) const {
  // Merges a packed day with the late cells of that day: one cell per category, first seen first.
  auto visit_day = [&](Date day, const Day& cells) {
    auto late_cells = late_.find(day);
    if (late_cells == late_.end()) {
      for (const Cell& cell : cells) visit(day, cell.category, cell.amount);
      return;
    }
    Day merged = cells;
    for (const Cell& cell : late_cells->second) add_to(merged, cell.category, cell.amount);
    for (const Cell& cell : merged) visit(day, cell.category, cell.amount);
  };
  auto late = late_.begin();
  auto visit_late_before = [&](Date day) {  // late days with no packed day of their own
    for (; late != late_.end() && late->first < day && late->first <= last; ++late) {
      for (const Cell& cell : late->second) visit(late->first, cell.category, cell.amount);
    }
    while (late != late_.end() && late->first == day) ++late;
  };
  std::size_t at = 0;
  Date previous{};
  Date first{};
  Day cells;
  while (at < packed_.size()) {
    const Date day = unpack_day(at, previous, cells, first);
    previous = day;
    visit_late_before(day);
    if (day > last) return;
    visit_day(day, cells);
  }
  if (has_pending_) {
    visit_late_before(pending_last_);
    if (pending_last_ > last) return;
    visit_day(pending_last_, pending_cells_);
  }
  if (has_open_) {
    visit_late_before(open_day_);
    if (open_day_ <= last) visit_day(open_day_, open_cells_);
  } else {
    visit_late_before(Date::max());
  }
}

template <typename Visit>
void ExpenseDays::for_each_packed(Visit&& visit) const {
  std::size_t at = 0;
  Date last{};
  Date first{};
  Day cells;
  while (at < packed_.size()) {
    last = unpack_day(at, last, cells, first);
    visit(first, last, cells);
  }
}

template <typename Visit>
void ExpenseDays::for_each_span(Visit&& visit) const {
  for_each_packed([&](Date first, Date last, const Day&) {
    if (first < last) visit(first, last);
  });
  if (has_pending_ && pending_first_ < pending_last_) visit(pending_first_, pending_last_);
  for (const auto& [span_first, span_last] : late_spans_) visit(span_first, span_last);
}

}  // namespace prorata
