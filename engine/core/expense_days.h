// A convention's net expenses per day and category, kept compact: a shared journal is mostly expenses,
// so this is most of what a convention holds in memory (16 bytes a day and category, instead of two
// tree nodes and a string). Cells are in date order; within a day, in the order their categories first
// appeared. A journal in date order only ever appends or adds to the last day.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/money.h"

namespace prorata {

class ExpenseDays {
 public:
  struct Cell {
    Date date;
    std::uint32_t category = 0;  // index into categories()
    Money amount;                // net: credit notes count negative
  };

  // Adds `amount` to the day and category (checked: Money's sum throws on overflow).
  void add(Date date, std::string_view category, Money amount);

  [[nodiscard]] const std::deque<Cell>& cells() const { return cells_; }
  [[nodiscard]] const std::string& category(const Cell& cell) const { return categories_[cell.category]; }
  [[nodiscard]] bool empty() const { return cells_.empty(); }
  [[nodiscard]] Date last_day() const;  // not empty
  // The net amount of a day and category (zero when none): for tests and checks.
  [[nodiscard]] Money on(Date date, std::string_view category) const;

  // Calls visit(date, category, amount) for every cell dated on or before `last`, in date order.
  template <typename Visit>
  void for_each_until(Date last, Visit&& visit) const {
    for (const Cell& cell : cells_) {
      if (cell.date > last) break;
      visit(cell.date, categories_[cell.category], cell.amount);
    }
  }

 private:
  std::uint32_t category_index(std::string_view category);
  static constexpr std::size_t few_categories = 16;

  std::deque<Cell> cells_;
  std::vector<std::string> categories_;
  std::map<std::string, std::uint32_t, std::less<>> index_;
  std::uint32_t last_category_ = 0;  // the one looked up last: expenses of one category often follow
};

}  // namespace prorata
