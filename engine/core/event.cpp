#include "core/event.h"

#include <iterator>

namespace prorata {

const char* to_string(EventKind kind) { return event_kind_names[static_cast<int>(kind)]; }

std::optional<EventKind> parse_event_kind(std::string_view text) {
  for (std::size_t i = 0; i < std::size(event_kind_names); ++i) {
    if (text == event_kind_names[i]) return static_cast<EventKind>(i);
  }
  return std::nullopt;
}

}  // namespace prorata
