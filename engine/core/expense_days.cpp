#include "core/expense_days.h"

#include <algorithm>

#include "core/assert.h"

namespace prorata {

namespace {

constexpr std::size_t varint_bytes_max = 10;  // a 64-bit value, 7 bits a byte

// Writes `value` at `out` (room for varint_bytes_max bytes) and moves it past what it wrote.
void put_varint(std::uint8_t*& out, std::uint64_t value) {
  while (value >= 0x80) {
    *out++ = static_cast<std::uint8_t>(value | 0x80U);
    value >>= 7;
  }
  *out++ = static_cast<std::uint8_t>(value);
}

std::uint64_t get_varint(const std::vector<std::uint8_t>& in, std::size_t& at) {
  std::uint64_t value = 0;
  for (unsigned shift = 0;; shift += 7) {
    PRORATA_ASSERT(at < in.size() && shift < 64);
    const std::uint8_t byte = in[at++];
    value |= static_cast<std::uint64_t>(byte & 0x7FU) << shift;
    if ((byte & 0x80U) == 0) return value;
  }
}

// Signed values as unsigned ones with small magnitudes kept small: 0, -1, 1, -2... -> 0, 1, 2, 3...
std::uint64_t zigzag(std::int64_t value) {
  return (static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63);
}
std::int64_t unzigzag(std::uint64_t value) {
  return static_cast<std::int64_t>(value >> 1) ^ -static_cast<std::int64_t>(value & 1U);
}

}  // namespace

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

void ExpenseDays::add_to(Day& day, std::uint32_t category, Money amount) {
  for (Cell& cell : day) {
    if (cell.category == category) {
      cell.amount += amount;
      return;
    }
  }
  day.push_back({category, amount});
}

void ExpenseDays::add_all(const ExpenseDays& other) {
  PRORATA_ASSERT(&other != this);
  std::vector<std::uint32_t> index(other.categories_.size());
  for (std::size_t k = 0; k < index.size(); ++k) index[k] = category_index(other.categories_[k]);
  // Grown once to about the size both will take (a journal's later lines mostly pack as they did
  // there), not a quarter at a time: each step would leave a freed buffer the grown one cannot reuse.
  const std::size_t open_bytes_max = 3 * varint_bytes_max + (open_cells_.size() + other.open_cells_.size()) *
                                                                2 * varint_bytes_max;
  packed_.reserve(packed_.size() + other.packed_.size() + open_bytes_max);
  if (!sums_days_) {  // day by day: every cell as if added line by line
    other.walk(Date::max(), [&](Date day, std::uint32_t category, Money amount) {
      add_indexed(day, index[category], amount);
    });
    return;
  }
  // `other`'s pins (the dates of its own lines that are not expenses, read in its part of the journal)
  // are this store's too; then its entries, summed further wherever no pin of either lies between them
  // (whether `other` summed days itself or kept them one by one, the entries come out the same), late
  // days (which walk() merges in) first, at their own dates.
  for (Date day : other.pins_) pin(day);
  for (const auto& [day, cells] : other.late_) add_entry(day, day, cells, index);
  for (const auto& [first, last] : other.late_spans_) late_spans_.emplace_back(first, last);
  other.for_each_packed([&](Date first, Date last, const Day& cells) { add_entry(first, last, cells, index); });
  if (other.has_pending_) add_entry(other.pending_first_, other.pending_last_, other.pending_cells_, index);
  if (other.has_open_) add_entry(other.open_day_, other.open_day_, other.open_cells_, index);
}

void ExpenseDays::add_entry(Date first, Date last, const Day& cells, const std::vector<std::uint32_t>& index) {
  PRORATA_ASSERT(first <= last && sums_days_);
  if (has_open_ && last > open_day_) settle_open_day();  // it ends after the open day: that one is complete
  if (has_open_) {  // on the open day, or before it: out of date order
    if (first == last && last == open_day_) {
      for (const Cell& cell : cells) add_to(open_cells_, index[cell.category], cell.amount);
      return;
    }
    for (const Cell& cell : cells) add_to(late_[last], index[cell.category], cell.amount);
    if (first < last) {
      late_spans_.emplace_back(first, last);
      has_spans_ = true;
    }
    return;
  }
  if (first < last) has_spans_ = true;
  if (has_pending_ && last > pending_last_ && no_pin_in(std::min(pending_first_, first), last)) {
    pending_first_ = std::min(pending_first_, first);  // the pending entry sums these days too
    pending_last_ = last;
    has_spans_ = true;
  } else if (has_pending_ && last > pending_last_) {
    pack(pending_first_, pending_last_, pending_cells_);
    pending_first_ = first;
    pending_last_ = last;
    pending_cells_.clear();
  } else if (!has_pending_ && (packed_.empty() || last > last_packed_)) {
    has_pending_ = true;
    pending_first_ = first;
    pending_last_ = last;
    pending_cells_.clear();
  } else if (has_pending_ && first >= pending_first_) {
    // within the pending entry's days
  } else {  // before: kept with the late days, a span remembered for the checks
    for (const Cell& cell : cells) add_to(late_[last], index[cell.category], cell.amount);
    if (first < last) late_spans_.emplace_back(first, last);
    return;
  }
  for (const Cell& cell : cells) add_to(pending_cells_, index[cell.category], cell.amount);
}

void ExpenseDays::pin(Date day) {
  const auto at = std::lower_bound(pins_.begin(), pins_.end(), day);
  if (at == pins_.end() || *at != day) pins_.insert(at, day);
}

bool ExpenseDays::no_pin_in(Date first, Date last) const {
  const auto at = std::lower_bound(pins_.begin(), pins_.end(), first);
  return at == pins_.end() || *at > last;
}

bool ExpenseDays::pins_hold() const {
  if (!has_spans_) return true;
  bool hold = true;
  for_each_span([&](Date first, Date last) { hold = hold && no_pin_in(first, last); });
  return hold;
}

bool ExpenseDays::exact_on(Date day) const {
  if (!has_spans_) return true;
  bool exact = true;
  for_each_span([&](Date first, Date last) { exact = exact && (day < first || day > last); });
  return exact;
}

std::size_t ExpenseDays::entry_count() const {
  std::size_t count = 0;
  for_each_packed([&](Date, Date, const Day&) { ++count; });
  return count + (has_pending_ ? 1 : 0) + (has_open_ ? 1 : 0) + late_.size();
}

void ExpenseDays::add(Date date, std::string_view category, Money amount) {
  add_indexed(date, category_index(category), amount);
}

void ExpenseDays::add_indexed(Date date, std::uint32_t id, Money amount) {
  PRORATA_ASSERT(id < categories_.size());
  if (has_open_ && date > open_day_) settle_open_day();
  if (has_open_ && date < open_day_) return add_late(date, id, amount);  // a journal out of date order
  if (!has_open_) {
    if (!empty() && date <= last_day()) return add_late(date, id, amount);
    has_open_ = true;
    open_day_ = date;
  }
  add_to(open_cells_, id, amount);
}

void ExpenseDays::add_late(Date date, std::uint32_t id, Money amount) {
  if (has_pending_ && pending_first_ <= date && date <= pending_last_) return add_to(pending_cells_, id, amount);
  add_to(late_[date], id, amount);  // rare, and bounded by its days
}

void ExpenseDays::settle_open_day() {
  PRORATA_ASSERT(has_open_);
  if (!sums_days_) {
    pack(open_day_, open_day_, open_cells_);
  } else if (has_pending_ && no_pin_in(pending_first_, open_day_)) {
    for (const Cell& cell : open_cells_) add_to(pending_cells_, cell.category, cell.amount);
    pending_last_ = open_day_;
    has_spans_ = true;
  } else {
    if (has_pending_) pack(pending_first_, pending_last_, pending_cells_);
    has_pending_ = true;
    pending_first_ = pending_last_ = open_day_;
    pending_cells_.swap(open_cells_);
  }
  has_open_ = false;
  open_cells_.clear();
}

// Packs an entry after the last packed one: the gap in days from it to its last day (the first
// entry: from 1970-01-01, before or after), the number of cells times two, plus one when it sums
// several days, then their number less one, then each cell's category and cents.
void ExpenseDays::pack(Date first, Date last, const Day& cells) {
  PRORATA_ASSERT(!cells.empty() && first <= last && (packed_.empty() || last > last_packed_));
  // Grown by a quarter, not doubled: with a thousand conventions in memory, doubling left about a third
  // of these bytes unused (1M-line benchmark: 1.2 MiB); the extra copies cost about 3 ms there.
  const std::size_t bytes_max = 3 * varint_bytes_max + cells.size() * 2 * varint_bytes_max;
  if (packed_.capacity() - packed_.size() < bytes_max) {
    packed_.reserve(packed_.size() + std::max(bytes_max, packed_.size() / 4));
  }
  // Written in place, then cut to what was written (a byte at a time through push_back was 3 % of a
  // portfolio run).
  const std::size_t size_before = packed_.size();
  packed_.resize(size_before + bytes_max);
  std::uint8_t* const begin = packed_.data() + size_before;
  std::uint8_t* out = begin;
  put_varint(out, zigzag((last - last_packed_).count()));
  const bool span = first < last;
  put_varint(out, cells.size() * 2 + (span ? 1 : 0));
  if (span) put_varint(out, static_cast<std::uint64_t>((last - first).count()));
  for (const Cell& cell : cells) {
    put_varint(out, cell.category);
    put_varint(out, zigzag(cell.amount.cents));
  }
  PRORATA_ASSERT(out <= begin + bytes_max);
  packed_.resize(size_before + static_cast<std::size_t>(out - begin));
  last_packed_ = last;
}

Date ExpenseDays::unpack_day(std::size_t& at, Date previous, Day& cells, Date& first) const {
  const Date day = previous + date::days{unzigzag(get_varint(packed_, at))};
  cells.clear();
  const std::uint64_t header = get_varint(packed_, at);
  const std::uint64_t count = header / 2;
  first = day;
  if (header % 2 == 1) first = day - date::days{static_cast<std::int64_t>(get_varint(packed_, at))};
  for (std::uint64_t k = 0; k < count; ++k) {
    const auto category = static_cast<std::uint32_t>(get_varint(packed_, at));
    const std::int64_t cents = unzigzag(get_varint(packed_, at));
    cells.push_back({category, Money{cents}});
  }
  return day;
}

Date ExpenseDays::last_day() const {
  PRORATA_ASSERT(!empty());
  return has_open_ ? open_day_ : has_pending_ ? pending_last_ : last_packed_;
}

std::size_t ExpenseDays::cell_count() const {
  std::size_t count = 0;
  if (!empty()) walk(last_day(), [&](Date, std::uint32_t, Money) { ++count; });
  return count;
}

Money ExpenseDays::on(Date date, std::string_view category) const {
  Money sum{};
  if (empty()) return sum;
  walk(date, [&](Date day, std::uint32_t id, Money amount) {
    if (day == date && categories_[id] == category) sum += amount;
  });
  return sum;
}

}  // namespace prorata
