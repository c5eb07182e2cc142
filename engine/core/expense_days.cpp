#include "core/expense_days.h"

#include <algorithm>

#include "core/assert.h"

namespace prorata {

std::uint32_t ExpenseDays::category_index(std::string_view category) {
  if (last_category_ < categories_.size() && categories_[last_category_] == category) return last_category_;
  if (categories_.size() <= few_categories) {  // a convention has a handful: a scan beats a tree walk
    for (std::uint32_t k = 0; k < categories_.size(); ++k) {
      if (categories_[k] == category) return last_category_ = k;
    }
  }
  auto found = index_.find(category);
  if (found == index_.end()) {
    PRORATA_ASSERT(categories_.size() < UINT32_MAX);
    found = index_.emplace(std::string(category), static_cast<std::uint32_t>(categories_.size())).first;
    categories_.emplace_back(category);
  }
  last_category_ = found->second;
  return found->second;
}

void ExpenseDays::add(Date date, std::string_view category, Money amount) {
  const std::uint32_t id = category_index(category);
  // The day's cells: [first, last) (empty where the day has none yet, at the place it would go).
  auto last = cells_.end();
  if (cells_.empty() || cells_.back().date < date) {
    cells_.push_back({date, id, amount});
    return;
  }
  if (cells_.back().date != date) {
    last = std::upper_bound(cells_.begin(), cells_.end(), date, [](Date d, const Cell& c) { return d < c.date; });
  }
  for (auto it = last; it != cells_.begin() && (it - 1)->date == date; --it) {
    if ((it - 1)->category == id) {
      (it - 1)->amount += amount;
      return;
    }
  }
  cells_.insert(last, Cell{date, id, amount});  // a journal out of date order: rare, and bounded by its days
}

Date ExpenseDays::last_day() const {
  PRORATA_ASSERT(!cells_.empty());
  return cells_.back().date;
}

Money ExpenseDays::on(Date date, std::string_view category) const {
  Money sum{};
  for (const Cell& cell : cells_) {
    if (cell.date == date && categories_[cell.category] == category) sum += cell.amount;
  }
  return sum;
}

}  // namespace prorata
