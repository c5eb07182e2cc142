#include "core/journal_router.h"

#include <algorithm>

#include "core/assert.h"
#include "core/journal.h"
#include "core/message_text.h"
#include "core/nearest_name.h"

namespace prorata {

void ConventionRouter::add_route(std::string convention_id, EventSink& sink) {
  PRORATA_ASSERT(!convention_id.empty());
  const bool inserted = sinks_.emplace(std::move(convention_id), Route{&sink, nullptr, {}, sinks_.size()}).second;
  PRORATA_ASSERT(inserted);
}

void ConventionRouter::add_route(std::string convention_id, JournalBuilder& builder) {
  PRORATA_ASSERT(!convention_id.empty());
  const bool inserted =
      sinks_.emplace(std::move(convention_id), Route{&builder, &builder, builder.beneficiary_id(), sinks_.size()}).second;
  PRORATA_ASSERT(inserted);
}

namespace {

// What well_formed() accepts without a word.
bool is_plain_convention_id(std::string_view convention) {
  return !convention.empty() && !has_surrounding_space(convention) && is_id(convention);
}

}  // namespace

ConventionRouter::Lookup ConventionRouter::look_up(bool has_column, std::string_view convention) {
  PRORATA_ASSERT(!sinks_.empty());
  if (!has_column) {
    // A journal without a convention column serves one convention.
    return sinks_.size() == 1 ? Lookup{&sinks_.begin()->second, false} : Lookup{};
  }
  if (!is_plain_convention_id(convention)) return {};
  auto route = sinks_.find(convention);
  if (route == sinks_.end()) {
    ++other_[std::string(convention)];
    return {nullptr, true};
  }
  return {&route->second, false};
}

ConventionRouter::ExpenseRoute ConventionRouter::route_expense(bool has_column, std::string_view convention) {
  const Lookup found = look_up(has_column, convention);
  if (found.route == nullptr) return {nullptr, found.counted, {}};
  return {found.route->builder, false, found.route->beneficiary};
}

ConventionRouter::ExpenseRouteFound ConventionRouter::find_expense_route(bool has_column,
                                                                       std::string_view convention) const {
  PRORATA_ASSERT(!sinks_.empty());
  const Route* route = nullptr;
  if (!has_column) {
    if (sinks_.size() == 1) route = &sinks_.begin()->second;
  } else if (is_plain_convention_id(convention)) {
    auto found = sinks_.find(convention);
    if (found == sinks_.end()) return {nullptr, 0, true, {}};
    route = &found->second;
  }
  if (route == nullptr) return {};
  return {route->builder, route->number, false, route->beneficiary};
}

bool ConventionRouter::well_formed(const Event& event, Diagnostics& diagnostics) const {
  const std::string& convention = event.convention;
  if (has_surrounding_space(convention)) {
    diagnostics.error(event.loc, "convention '" + convention + "' has spaces around it: remove them");
    return false;
  }
  if (!convention.empty() && is_id(convention)) return true;
  std::vector<std::string_view> ids;
  for (const auto& [id, route] : sinks_) ids.emplace_back(id);
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
                                       std::to_string(sinks_.size()) + " conventions are loaded: add a convention "
                                       "column, or load the one convention this journal is for");
    }
    return nullptr;
  }
  const bool reported = !well_formed(event, diagnostics);
  PRORATA_ASSERT(reported);  // look_up() takes every cell well_formed() accepts
  return nullptr;
}

}  // namespace prorata
