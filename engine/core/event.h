// One line of the journal: something that happened on a date (a signature, a call for funds, a
// payment, an expense...), with where it is. The journal reader makes these without any rules
// (io/journal_csv.h); a ConventionRouter hands each to its convention's JournalBuilder, which checks
// it against the rules and sums it.
#pragma once
#include <array>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar.h"
#include "core/diagnostic.h"
#include "core/money.h"

namespace prorata {

// cancellation: reduces or cancels what remains unpaid on a statement (ref: its number).
// issued: the register of issued documents (core/register.h): ref the document's number, category its
// kind, memo its digest and links.
enum class EventKind { signature, statement, payment, refund, expense, milestone, notice, termination, cancellation, issued };

inline constexpr const char* event_kind_names[] = {"signature", "statement", "payment",     "refund",       "expense",
                                                   "milestone", "notice",    "termination", "cancellation", "issued"};

// The same names as views (for lookups and messages), made once.
inline constexpr auto event_kind_views = [] {
  std::array<std::string_view, std::size(event_kind_names)> views{};
  for (std::size_t i = 0; i < views.size(); ++i) views[i] = event_kind_names[i];
  return views;
}();

const char* to_string(EventKind kind);
std::optional<EventKind> parse_event_kind(std::string_view text);

struct Event {
  Date date;
  EventKind kind = EventKind::signature;
  std::string party;               // may be empty where the kind allows it
  std::optional<Money> amount;     // empty when the amount cell is empty
  std::string ref;                 // statement/payment/refund number, milestone id
  std::string category;            // expenses: eligibility
  std::string memo;
  SourceLoc loc;                   // where the line is, for diagnostics
  std::string convention;          // the convention cell; empty when the journal has no such column
  bool has_convention = false;     // the journal has a convention column
};

// What an event must be whatever the rules: an amount where the kind takes one (> 0 for calls,
// payments, refunds and cancellations, non-zero for expenses, optional and > 0 for an issued document,
// none for the others) within limits::amount_cents_max, a milestone id, a statement number that can
// name its files, the statement a cancellation reduces, an issued document's number and kind. Reports each problem at event.loc.
bool check_event_shape(const Event& event, Diagnostics& diagnostics);

// Takes the events of a journal one at a time, in file order.
class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void add(const Event& event, Diagnostics& diagnostics) = 0;

  // The sink that takes `event`: this one, or for a sink that hands events on (a router), the one it
  // would hand it to; null when none does (the problem, if any, reported). A reader on two threads
  // calls route() on its reading thread, in file order, and add() on what it returned later, on the
  // other thread, also in file order: so route() must not touch what add() does, and add(event) must
  // be the same as route(event)->add(event).
  virtual EventSink* route(const Event& event, Diagnostics& diagnostics) {
    (void)event;
    (void)diagnostics;
    return this;
  }
};

}  // namespace prorata
