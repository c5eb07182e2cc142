// Reading a journal on two threads: a second thread turns the file's rows into events, in batches,
// while the calling thread folds them, so that reading the CSV and checking each line against its
// convention's rules overlap. What comes out is the same, byte for byte, as reading on one thread:
// the events reach the sink in file order, and each problem the reading found is added to the
// diagnostics just before the event of its row (or where it came, between rows), as one thread adds
// it. Batches are few and reused (memory stays the same whatever the number of lines).
#pragma once
#include <cstddef>
#include <functional>

#include "core/diagnostic.h"
#include "core/event.h"
#include "core/expense_row.h"

namespace prorata {
class JournalBuilder;
}

namespace prorata::io::detail {

// Where rows read go: each row's event to sink(), with diagnostics(), where its problems go too;
// row_done() after each record (where a batch may be handed over, and diagnostics() change).
class RowTarget {
 public:
  virtual ~RowTarget() = default;
  virtual EventSink& sink() = 0;
  virtual Diagnostics& diagnostics() = 0;
  // Where the reader builds the next row's event before handing it to sink(): handed over, it is not
  // copied. Its fields hold the values of an earlier row until set.
  virtual Event& event_to_fill() = 0;
  // An expense row routed to `builder` (ConventionRouter::route_expense): where an event would go to
  // sink(), and in the same order.
  virtual void add_expense(const ExpenseRow& row, JournalBuilder& builder) = 0;
  virtual void row_done() {}
};

// Runs `read` on a second thread, with a target that batches `batch_events` events at a time, each
// routed there by sink.route(); this thread hands each event to the sink it was routed to and every
// problem to `diagnostics`, in the order one thread would. An exception on either side stops both
// and reaches the caller.
void read_in_batches(const std::function<void(RowTarget&)>& read, EventSink& sink, Diagnostics& diagnostics,
                     std::size_t batch_events);

}  // namespace prorata::io::detail
