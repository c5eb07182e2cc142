// An expense line in its commonest form, handed from the journal reader to its convention's builder
// without building an Event: most of a shared journal is such lines, and building an Event (five
// strings copied) and checking it again cost more than the rest of the line's reading. The reader
// hands over only a line that is an Event check_event_shape accepts, whose party is empty or the
// convention's beneficiary, and whose other cells raise no problem (io/journal_csv.cpp says which);
// JournalBuilder::add_expense then does exactly what add() does with that event, and every line it
// would report a problem for goes to add() itself, so the messages are the same.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/calendar.h"
#include "core/diagnostic.h"
#include "core/money.h"

namespace prorata {

struct ExpenseRow {
  SourceLoc loc;
  Date date;
  Money amount;               // non-zero, within limits::amount_cents_max
  std::uint32_t category;     // an id of the reading's CategoryNames
  const std::string* category_name;  // its name there
  bool by_beneficiary;        // the party cell names the beneficiary (else it is empty)
};

// The expense categories of one reading, each stored once and named by a small id. Filled on the
// reading thread; the builders read a name on the folding thread only after the batch whose row gave
// its id was handed over, and a stored name never moves or changes (a fixed array), so the two threads
// never touch the same name at once.
class CategoryNames {
 public:
  static constexpr std::uint32_t capacity = 256;  // then lines with a new category take the general path
  static constexpr std::uint32_t none = capacity;

  CategoryNames() : names_(std::make_unique<std::string[]>(capacity)) {}

  // The id of `name`, added if new; `none` once full.
  std::uint32_t id(std::string_view name) {
    if (last_ < size_ && names_[last_] == name) return last_;  // expenses of one category often follow
    auto found = ids_.find(name);
    if (found != ids_.end()) return last_ = found->second;
    if (size_ == capacity) return none;
    names_[size_] = std::string(name);
    ids_.emplace(names_[size_], size_);
    return last_ = size_++;
  }
  [[nodiscard]] const std::string& name(std::uint32_t id) const { return names_[id]; }

 private:
  std::unique_ptr<std::string[]> names_;
  std::unordered_map<std::string_view, std::uint32_t> ids_;  // views of names_
  std::uint32_t size_ = 0;
  std::uint32_t last_ = capacity;
};

}  // namespace prorata
