#include "io/journal_pipeline.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/assert.h"
#include "core/journal.h"
#include "core/limits.h"

namespace prorata::io::detail {

namespace {

struct EventBatch {
  // What goes to a sink, in file order: an event (events[index]) or an expense row (rows[index]).
  struct Entry {
    EventSink* sink;                    // the event's (EventSink::route), or null for a row
    JournalBuilder* builder;            // the row's
    std::size_t index;
    std::size_t diagnostics_before;     // how many of `diagnostics` come before it
  };
  std::vector<Event> events;            // the first `event_count` are this batch's (the rest: kept capacity)
  std::size_t event_count = 0;
  std::vector<ExpenseRow> rows;
  std::vector<Entry> entries;
  Diagnostics diagnostics{Diagnostics::Truncation::unmarked};  // the reading's, in order

  void clear() {
    event_count = 0;
    rows.clear();
    entries.clear();
    diagnostics = Diagnostics{Diagnostics::Truncation::unmarked};
  }
};

// Three batches go round: one being filled, one being folded, one waiting.
class BatchQueue {
 public:
  static constexpr std::size_t batch_count = 3;

  BatchQueue() {
    for (std::size_t k = 0; k < batch_count; ++k) free_.push_back(std::make_unique<EventBatch>());
  }

  // A batch to fill, or null once the folding side has stopped.
  std::unique_ptr<EventBatch> take_free() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return cancelled_ || !free_.empty(); });
    if (cancelled_) return nullptr;
    auto batch = std::move(free_.back());
    free_.pop_back();
    return batch;
  }
  void put_full(std::unique_ptr<EventBatch> batch) {
    change([&] { full_.push_back(std::move(batch)); });
  }
  // The next batch to fold, in the order filled; null when the reading side has finished and all
  // are folded.
  std::unique_ptr<EventBatch> take_full() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return finished_ || !full_.empty(); });
    if (full_.empty()) return nullptr;
    auto batch = std::move(full_.front());
    full_.pop_front();
    return batch;
  }
  void put_free(std::unique_ptr<EventBatch> batch) {
    change([&] { free_.push_back(std::move(batch)); });
  }
  void finish() {
    change([&] { finished_ = true; });
  }
  void cancel() {
    change([&] { cancelled_ = true; });
  }

 private:
  // Every change of the queue: made under the lock, then both sides woken.
  template <typename Change>
  void change(Change&& make) {
    {
      std::lock_guard lock(mutex_);
      make();
    }
    changed_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::unique_ptr<EventBatch>> free_;
  std::deque<std::unique_ptr<EventBatch>> full_;
  bool finished_ = false;   // the reading side has put its last batch
  bool cancelled_ = false;  // the folding side has stopped (an exception)
};

struct Cancelled {};  // thrown on the reading side to unwind when the folding side has stopped

class BatchWriter final : public RowTarget, public EventSink {
 public:
  // Each event is routed here, on the reading thread, by `sink` (EventSink::route).
  BatchWriter(BatchQueue& queue, EventSink& sink, std::size_t batch_events)
      : queue_(queue), sink_(sink), batch_events_(batch_events) {
    PRORATA_ASSERT(batch_events_ > 0);
    take();
  }

  EventSink& sink() override { return *this; }
  Diagnostics& diagnostics() override { return batch_->diagnostics; }

  // The next slot of the batch: events kept from batch to batch keep their strings' capacity, so
  // filling one allocates nothing.
  Event& event_to_fill() override {
    if (batch_->event_count == batch_->events.size()) batch_->events.emplace_back();
    return batch_->events[batch_->event_count];
  }

  void add(const Event& event, Diagnostics& diagnostics) override {
    PRORATA_ASSERT(&diagnostics == &batch_->diagnostics);
    EventSink* target = sink_.route(event, diagnostics);
    if (target == nullptr) return;  // its problems, if any, are in the batch's diagnostics already
    Event& slot = event_to_fill();
    if (&event != &slot) slot = event;  // an event built elsewhere
    batch_->entries.push_back({target, nullptr, batch_->event_count++, diagnostics.size()});
  }

  void add_expense(const ExpenseRow& row, JournalBuilder& builder) override {
    batch_->entries.push_back({nullptr, &builder, batch_->rows.size(), batch_->diagnostics.size()});
    batch_->rows.push_back(row);
  }

  // A batch goes when it has its events, or many problems (a broken file: they are seen soon).
  void row_done() override {
    if (batch_->entries.size() >= batch_events_ || batch_->diagnostics.size() >= limits::diagnostics_max / 2) {
      queue_.put_full(std::move(batch_));
      take();
    }
  }

  void flush() { queue_.put_full(std::move(batch_)); }

 private:
  void take() {
    batch_ = queue_.take_free();
    if (!batch_) throw Cancelled{};
  }

  BatchQueue& queue_;
  EventSink& sink_;
  std::size_t batch_events_;
  std::unique_ptr<EventBatch> batch_;
};

void fold_batch(const EventBatch& batch, Diagnostics& diagnostics) {
  std::size_t shown = 0;
  for (const EventBatch::Entry& entry : batch.entries) {
    diagnostics.append(batch.diagnostics, shown, entry.diagnostics_before);
    shown = entry.diagnostics_before;
    if (entry.sink != nullptr) {
      entry.sink->add(batch.events[entry.index], diagnostics);
    } else {
      entry.builder->add_expense(batch.rows[entry.index], diagnostics);
    }
  }
  diagnostics.append(batch.diagnostics, shown, batch.diagnostics.size());
  diagnostics.append_dropped(batch.diagnostics);
}

}  // namespace

void read_in_batches(const std::function<void(RowTarget&)>& read, EventSink& sink, Diagnostics& diagnostics,
                     std::size_t batch_events) {
  BatchQueue queue;
  std::exception_ptr read_failure;  // written by the reader, read after join()
  std::thread reader([&] {
    try {
      BatchWriter writer(queue, sink, batch_events);
      read(writer);
      writer.flush();
    } catch (const Cancelled&) {  // the folding side stopped: its exception is the one that counts
    } catch (...) {
      read_failure = std::current_exception();
    }
    queue.finish();
  });
  try {
    while (auto batch = queue.take_full()) {
      fold_batch(*batch, diagnostics);
      batch->clear();
      queue.put_free(std::move(batch));
    }
  } catch (...) {
    queue.cancel();
    reader.join();
    throw;
  }
  reader.join();
  if (read_failure) std::rethrow_exception(read_failure);
}

}  // namespace prorata::io::detail
