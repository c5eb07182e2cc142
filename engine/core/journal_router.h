// Routes the events of a journal, read once without any rules, to the convention each belongs to:
// one pass over a shared journal serves any number of conventions. Without a convention column every
// event goes to the only convention (with several loaded, that is one error, at the first line); with one, a cell that is empty, has
// spaces around it or cannot be a convention id is an error at its line, and rows of conventions not
// loaded are counted per id, never silently dropped.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"

namespace prorata {

class ConventionRouter : public EventSink {
 public:
  // `sink` must outlive the router; ids are unique.
  void route(std::string convention_id, EventSink& sink);
  void add(const Event& event, Diagnostics& diagnostics) override;

  // Rows of conventions that none of the routes names: id -> number of rows.
  [[nodiscard]] const std::map<std::string, std::uint64_t>& other_conventions() const { return other_; }

 private:
  bool well_formed(const Event& event, Diagnostics& diagnostics) const;

  std::map<std::string, EventSink*, std::less<>> sinks_;
  std::map<std::string, std::uint64_t> other_;
  bool no_column_reported_ = false;
};

}  // namespace prorata
