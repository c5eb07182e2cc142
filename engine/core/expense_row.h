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
#include <string>
#include <string_view>

#include "core/calendar.h"
#include "core/diagnostic.h"
#include "core/id_index.h"
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
// its id was handed over, and a stored name never moves or changes (core/id_index.h), so the two threads
// never touch the same name at once (a name is read through the pointer the row carries, never through
// the index, which may grow meanwhile).
class CategoryNames {
 public:
  static constexpr std::uint32_t capacity = 256;  // then lines with a new category take the general path
  static constexpr std::uint32_t none = capacity;

  // The id of `name`, added if new; `none` once full.
  std::uint32_t id(std::string_view name) {
    if (last_ != none && last_name_ == name) return last_;  // expenses of one category often follow
    std::uint32_t found = names_.find(name);
    if (found == IdIndex::absent) {
      if (names_.size() == capacity) return none;
      found = names_.insert(name);
    }
    last_name_ = names_.id(found);
    return last_ = found;
  }
  [[nodiscard]] const std::string& name(std::uint32_t id) const { return names_.id(id); }

 private:
  IdIndex names_;  // its stored names never move
  std::uint32_t last_ = none;
  std::string_view last_name_;  // names_.id(last_)
};

}  // namespace prorata
