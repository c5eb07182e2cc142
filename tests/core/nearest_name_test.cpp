#include "core/nearest_name.h"

#include <doctest/doctest.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

using prorata::edit_distance;
using prorata::nearest_name;

TEST_CASE("edit_distance: classic pairs, worked out by hand") {
  CHECK(edit_distance("amout", "amount", 5) == 1);    // insert n
  CHECK(edit_distance("flaw", "lawn", 5) == 2);       // delete f, insert n
  CHECK(edit_distance("kitten", "sitting", 5) == 3);  // k->s, e->i, insert g
  CHECK(edit_distance("", "abc", 5) == 3);
  CHECK(edit_distance("abc", "", 5) == 3);
  CHECK(edit_distance("same", "same", 0) == 0);
  CHECK(edit_distance("paymnet", "payment", 5) == 2);  // a swap costs two substitutions
}

TEST_CASE("edit_distance: beyond the bound it answers bound + 1") {
  CHECK(edit_distance("kitten", "sitting", 2) == 3);
  CHECK(edit_distance("kitten", "sitting", 1) == 2);
  CHECK(edit_distance(std::string(10'000, 'a'), "date", 2) == 3);  // length gap alone rules it out
  CHECK(edit_distance("abcdefgh", "zyxwvuts", 2) == 3);            // stopped as soon as a row exceeds 2
}

TEST_CASE("nearest_name: suggests a close candidate") {
  const std::array<std::string_view, 8> columns = {"date", "event",    "party", "amount",
                                                   "ref",  "category", "memo",  "convention"};
  CHECK(nearest_name("amout", columns) == std::optional<std::string>("amount"));
  CHECK(nearest_name("Date", columns) == std::optional<std::string>("date"));
  CHECK(nearest_name(" event", columns) == std::optional<std::string>("event"));
  CHECK(nearest_name("categroy", columns) == std::optional<std::string>("category"));
  CHECK(nearest_name("ref", columns) == std::optional<std::string>("ref"));  // exact: distance 0
}

TEST_CASE("nearest_name: distance 2 is close enough, 3 is not") {
  const std::array<std::string_view, 1> date = {"date"};
  CHECK(nearest_name("dxxe", date) == std::optional<std::string>("date"));
  CHECK(nearest_name("dxxx", date) == std::nullopt);
  CHECK(nearest_name("", std::array<std::string_view, 1>{"ab"}) == std::optional<std::string>("ab"));
  CHECK(nearest_name("", std::array<std::string_view, 1>{"abc"}) == std::nullopt);
  CHECK(nearest_name(std::string(10'000, 'x'), date) == std::nullopt);
}

TEST_CASE("nearest_name: on a tie the first candidate wins; none without candidates") {
  CHECK(nearest_name("at", std::array<std::string_view, 2>{"cat", "bat"}) == std::optional<std::string>("cat"));
  CHECK(nearest_name("at", std::array<std::string_view, 2>{"bat", "cat"}) == std::optional<std::string>("bat"));
  // A nearer candidate later in the list still beats an earlier one.
  CHECK(nearest_name("cart", std::array<std::string_view, 2>{"cat", "cart"}) == std::optional<std::string>("cart"));
  const std::vector<std::string_view> none;
  CHECK(nearest_name("date", none) == std::nullopt);
}

TEST_CASE("nearest_name: ASCII case does not count") {
  const std::array<std::string_view, 2> parties{"dinum", "nord"};
  CHECK(nearest_name("DINUM", parties) == std::optional<std::string>("dinum"));
  CHECK(nearest_name("Nrod", parties) == std::optional<std::string>("nord"));
}

TEST_CASE("nearest_name: the English plural or singular of a word counts as one edit") {
  const std::array<std::string_view, 3> keys{"eligible_categories", "aggregate_cap", "contributors"};
  // eligible_category is 3 edits from eligible_categories (y -> ies), but its plural is the key.
  CHECK(edit_distance("eligible_category", "eligible_categories", 5) == 3);
  CHECK(nearest_name("eligible_category", keys) == std::optional<std::string>("eligible_categories"));
  CHECK(nearest_name("contributor", keys) == std::optional<std::string>("contributors"));
  CHECK(nearest_name("aggregate_caps", keys) == std::optional<std::string>("aggregate_cap"));
  const std::array<std::string_view, 4> share_keys{"paid", "caps", "equal", "weights"};
  CHECK(nearest_name("cap", share_keys) == std::optional<std::string>("caps"));
  CHECK(nearest_name("weight", share_keys) == std::optional<std::string>("weights"));
  CHECK(nearest_name("shares", share_keys) == std::nullopt);
  CHECK(prorata::did_you_mean("cap", share_keys) == "; did you mean 'caps'?");
  CHECK(prorata::did_you_mean("shares", share_keys).empty());
}
