#include "core/event.h"

#include "core/document_number.h"
#include "core/limits.h"
#include "core/message_text.h"

namespace prorata {

const char* to_string(EventKind kind) { return event_kind_names[static_cast<int>(kind)]; }

std::optional<EventKind> parse_event_kind(std::string_view text) {
  // Compared as views made once: a view made from each name at each call measured its length every
  // time (strlen was 1 % of reading a journal, where this runs on every line).
  for (std::size_t i = 0; i < event_kind_views.size(); ++i) {
    if (text == event_kind_views[i]) return static_cast<EventKind>(i);
  }
  return std::nullopt;
}

namespace {

bool check_amount(const Event& event, Diagnostics& diagnostics) {
  const char* kind = to_string(event.kind);
  switch (event.kind) {
    case EventKind::statement:
    case EventKind::payment:
    case EventKind::refund:
    case EventKind::cancellation:
      if (!event.amount || event.amount->cents <= 0) {
        diagnostics.error(event.loc, std::string("a ") + kind + " needs an amount greater than 0" +
                                         (event.amount ? ", not " + format_amount(*event.amount) : ""));
        return false;
      }
      break;
    case EventKind::expense:
      if (!event.amount || event.amount->cents == 0) {
        diagnostics.error(event.loc, "an expense needs a non-zero amount (negative for a credit note)");
        return false;
      }
      break;
    case EventKind::issued:
      if (!event.amount) return true;  // a yearly report has no single amount
      if (event.amount->cents <= 0) {
        diagnostics.error(event.loc, "an issued document's amount is greater than 0 (or empty), not " +
                                         format_amount(*event.amount));
        return false;
      }
      break;
    default:
      if (event.amount) {
        diagnostics.error(event.loc, std::string("a ") + kind + " has no amount; leave the amount empty (found " +
                                         format_amount(*event.amount) + ")");
        return false;
      }
      return true;
  }
  if (event.amount->cents > limits::amount_cents_max || event.amount->cents < -limits::amount_cents_max) {
    diagnostics.error(event.loc, "amount " + format_amount(*event.amount) + " is beyond the limit of 999999999999.99");
    return false;
  }
  return true;
}

}  // namespace

bool check_event_shape(const Event& event, Diagnostics& diagnostics) {
  if (!check_amount(event, diagnostics)) return false;
  if (event.kind == EventKind::milestone && event.ref.empty()) {
    diagnostics.error(event.loc, "a milestone needs its id in the ref column (e.g. phase-5-end)");
    return false;
  }
  if (event.kind == EventKind::statement && !event.ref.empty() && !is_file_safe_number(event.ref)) {
    diagnostics.error(event.loc, "statement number " + in_quotes(event.ref) +
                                     " cannot name its document files: use letters, digits, '-', '_' and '.' "
                                     "(e.g. ESD-2021-0002 rather than ESD/2021/0002)");
    return false;
  }
  if (event.kind == EventKind::cancellation && event.ref.empty()) {
    diagnostics.error(event.loc, "a cancellation needs, in the ref column, the number of the statement it reduces");
    return false;
  }
  if (event.kind == EventKind::issued && (event.ref.empty() || !is_file_safe_number(event.ref))) {
    diagnostics.error(event.loc, event.ref.empty() ? std::string("an issued document needs its number in the ref column")
                                                   : "issued document number " + in_quotes(event.ref) +
                                                         " cannot name its files: use letters, digits, '-', '_' "
                                                         "and '.'");
    return false;
  }
  return true;
}

}  // namespace prorata
