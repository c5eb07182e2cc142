#include "core/journal_router.h"

#include <algorithm>

#include "core/assert.h"
#include "core/journal.h"
#include "core/message_text.h"
#include "core/nearest_name.h"

namespace prorata {

namespace {

// What well_formed() accepts without a word.
bool is_plain_convention_id(std::string_view convention) {
  return !convention.empty() && !has_surrounding_space(convention) && is_id(convention);
}

}  // namespace

void ConventionRouter::add_route(std::string convention_id, EventSink& sink) {
  PRORATA_ASSERT(is_plain_convention_id(convention_id) && ids_.find(convention_id) == IdIndex::absent);
  ids_.insert(convention_id);
  routes_.push_back(Route{&sink, nullptr, {}});
}

void ConventionRouter::add_route(std::string convention_id, JournalBuilder& builder) {
  PRORATA_ASSERT(is_plain_convention_id(convention_id) && ids_.find(convention_id) == IdIndex::absent);
  ids_.insert(convention_id);
  routes_.push_back(Route{&builder, &builder, builder.beneficiary_id()});
}

ConventionRouter::Lookup ConventionRouter::look_up(bool has_column, std::string_view convention) {
  PRORATA_ASSERT(!routes_.empty());
  if (!has_column) {
    // A journal without a convention column serves one convention.
    return routes_.size() == 1 ? Lookup{&routes_.front(), false} : Lookup{};
  }
  // A loaded id is a plain one (add_route): a cell found needs no other check.
  const std::uint32_t number = ids_.find(convention);
  if (number != IdIndex::absent) return {&routes_[number], false};
  if (!is_plain_convention_id(convention)) return {};
  ++other_[std::string(convention)];
  return {nullptr, true};
}

ConventionRouter::ExpenseRoute ConventionRouter::route_expense(bool has_column, std::string_view convention) {
  const Lookup found = look_up(has_column, convention);
  if (found.route == nullptr) return {nullptr, found.counted, {}};
  return {found.route->builder, false, found.route->beneficiary};
}

ConventionRouter::ExpenseRouteFound ConventionRouter::find_expense_route(bool has_column,
                                                                       std::string_view convention) const {
  PRORATA_ASSERT(!routes_.empty());
  std::uint32_t number = IdIndex::absent;
  if (!has_column) {
    if (routes_.size() == 1) number = 0;
  } else {
    number = ids_.find(convention);  // a loaded id is a plain one (add_route)
    if (number == IdIndex::absent) return {nullptr, 0, is_plain_convention_id(convention), {}};
  }
  if (number == IdIndex::absent) return {};
  const Route& route = routes_[number];
  return {route.builder, number, false, route.beneficiary};
}

bool ConventionRouter::well_formed(const Event& event, Diagnostics& diagnostics) const {
  const std::string& convention = event.convention;
  if (has_surrounding_space(convention)) {
    diagnostics.error(event.loc, "convention '" + convention + "' has spaces around it: remove them");
    return false;
  }
  if (!convention.empty() && is_id(convention)) return true;
  std::vector<std::string_view> ids;
  for (std::uint32_t number = 0; number < ids_.size(); ++number) ids.emplace_back(ids_.id(number));
  std::sort(ids.begin(), ids.end());
  std::string loaded;
  for (std::string_view id : ids) loaded += (loaded.empty() ? "'" : ", '") + std::string(id) + "'";
  if (convention.empty()) {
    diagnostics.error(event.loc, "empty convention cell: name the convention of this row (this journal is read for " +
                                     loaded + ")");
    return false;
  }
  // A value no convention id can have (ids are lower-case letters, digits and '-') is a typo that
  // would silently drop the row.
  std::string message = "convention '" + convention + "' is not a convention id (lower-case letters, digits and '-')";
  if (auto near = nearest_name(convention, ids)) message += "; did you mean '" + *near + "'?";
  diagnostics.error(event.loc, message);
  return false;
}

void ConventionRouter::add(const Event& event, Diagnostics& diagnostics) {
  if (EventSink* sink = route(event, diagnostics)) sink->add(event, diagnostics);
}

EventSink* ConventionRouter::route(const Event& event, Diagnostics& diagnostics) {
  const Lookup found = look_up(event.has_convention, event.convention);  // every good row: nothing built
  if (found.route != nullptr) return found.route->sink;
  if (found.counted) return nullptr;
  if (!event.has_convention) {
    if (!no_column_reported_) {  // once: every line would say the same
      no_column_reported_ = true;
      diagnostics.error(event.loc, "this line names no convention (the journal has no convention column) while " +
                                       std::to_string(routes_.size()) + " conventions are loaded: add a convention "
                                       "column, or load the one convention this journal is for");
    }
    return nullptr;
  }
  const bool reported = !well_formed(event, diagnostics);
  PRORATA_ASSERT(reported);  // look_up() takes every cell well_formed() accepts
  return nullptr;
}

}  // namespace prorata
