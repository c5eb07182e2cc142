// One line of the journal: something that happened on a date (a signature, a call for funds, a
// payment, an expense...). The journal loader makes these; the JournalBuilder checks and sums them.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar.h"
#include "core/diagnostic.h"
#include "core/money.h"

namespace prorata {

enum class EventKind { signature, statement, payment, refund, expense, milestone, notice, termination };

inline constexpr const char* event_kind_names[] = {"signature", "statement", "payment", "refund",
                                                   "expense",   "milestone", "notice",  "termination"};

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
};

}  // namespace prorata
