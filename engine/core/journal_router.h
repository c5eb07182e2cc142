// Routes the events of a journal, read once without any rules, to the convention each belongs to:
// one pass over a shared journal serves any number of conventions. Without a convention column every
// event goes to the only convention (with several loaded, that is one error, at the first line); with one, a cell that is empty, has
// spaces around it or cannot be a convention id is an error at its line, and rows of conventions not
// loaded are counted per id, never silently dropped.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"
#include "core/id_index.h"

namespace prorata {

class JournalBuilder;

class ConventionRouter : public EventSink {
 public:
  // `sink` must outlive the router; ids are unique.
  void add_route(std::string convention_id, EventSink& sink);
  // The same for a convention's builder, which then also takes expense rows (route_expense).
  void add_route(std::string convention_id, JournalBuilder& builder);
  void add(const Event& event, Diagnostics& diagnostics) override;
  // The convention's sink, or null for a row of no loaded convention (counted) or a bad cell (reported).
  EventSink* route(const Event& event, Diagnostics& diagnostics) override;

  // Where an expense row goes (core/expense_row.h), from its convention cell (`has_column`: the journal
  // has that column): the builder of its convention; or nowhere, the row counted as route() counts a
  // row of a convention not loaded (`counted`); or, with neither, the row must go through route() as an
  // event (a bad cell, whose problem route() reports, or a route that is not a builder). Called where
  // route() would be, on the reading thread.
  struct ExpenseRoute {
    JournalBuilder* builder = nullptr;
    bool counted = false;
    std::string_view beneficiary;  // the builder's beneficiary id (JournalBuilder::beneficiary_id)
  };
  ExpenseRoute route_expense(bool has_column, std::string_view convention);

  // What route_expense() decides, without counting anything (for a second thread reading ahead, which
  // keeps its own counts, merged with count_other()); `route` numbers the builder's route (0 to
  // route_count() - 1, in the order added).
  struct ExpenseRouteFound {
    JournalBuilder* builder = nullptr;
    std::size_t route = 0;
    bool other = false;  // a well-formed id of no loaded convention: route_expense() would count it
    std::string_view beneficiary;
  };
  [[nodiscard]] ExpenseRouteFound find_expense_route(bool has_column, std::string_view convention) const;
  [[nodiscard]] std::size_t route_count() const { return routes_.size(); }
  void count_other(const std::string& convention, std::uint64_t rows) { other_[convention] += rows; }

  // Rows of conventions that none of the routes names: id -> number of rows.
  [[nodiscard]] const std::map<std::string, std::uint64_t>& other_conventions() const { return other_; }

 private:
  bool well_formed(const Event& event, Diagnostics& diagnostics) const;

  struct Route;
  // The one lookup of route() and route_expense(): the route of a row's convention cell; or none, the
  // row counted as another convention's (`counted`); or, with neither, a cell for route() to report.
  struct Lookup {
    Route* route = nullptr;
    bool counted = false;
  };
  Lookup look_up(bool has_column, std::string_view convention);

  struct Route {
    EventSink* sink;
    JournalBuilder* builder;  // the same object when the route is a builder, else null
    // Its beneficiary id, copied here: read for every expense row, beside the route found (through the
    // builder and its rules, two more places in memory a row, most of them cache misses).
    std::string beneficiary;
  };
  // Looked up by the row's cell without building a string, in a flat hash table (core/id_index.h):
  // with a thousand conventions a tree walk was ten string compares a row (10 % of a portfolio run).
  // Messages list the ids sorted, whatever the table's order.
  IdIndex ids_;
  std::vector<Route> routes_;  // by the id's number in ids_: the order added
  std::map<std::string, std::uint64_t> other_;
  bool no_column_reported_ = false;
};

}  // namespace prorata
