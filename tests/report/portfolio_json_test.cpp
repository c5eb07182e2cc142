// The portfolio JSON is written one convention at a time (engine/report/portfolio_output.cpp); it must
// be, byte for byte, what nlohmann's dump(2) gives for the whole document built as one tree (the
// reference here, as the output was made before), for no convention, one, and several with rows of
// other conventions whose ids need escaping.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "core/portfolio.h"
#include "report/portfolio_output.h"
#include "report/status_json_value.h"
#include "seed_documents.h"

namespace {

using prorata::PortfolioStatus;

std::string one_tree(const PortfolioStatus& portfolio) {
  using Json = nlohmann::ordered_json;
  Json conventions = Json::array();
  for (const auto& status : portfolio.conventions) conventions.push_back(prorata::report::status_json_value(status));
  Json other = Json::object();
  for (const auto& [id, rows] : portfolio.other_conventions) other[id] = rows;
  const Json out{{"format", "prorata-portfolio/1"},
                 {"as_of", prorata::format_date(portfolio.as_of)},
                 {"conventions", conventions},
                 {"totals", prorata::report::totals_json_value(portfolio.totals)},
                 {"other_conventions", other}};
  return out.dump(2) + "\n";
}

}  // namespace

TEST_CASE("portfolio JSON written convention by convention is the one-tree dump, byte for byte") {
  const auto seed = prorata::test::load_seed();
  const auto refunded = prorata::test::load(prorata::test::seed_rules_text(),
                                            prorata::test::read_source("fixtures/seed-refunded/journal.csv"),
                                            [](prorata::Rules& rules) { rules.id = "seed-refunded"; });
  const std::vector<prorata::ConventionFacts> both{{&seed->rules, &seed->facts()},
                                                   {&refunded->rules, &refunded->facts()}};
  for (const char* as_of : {"2020-07-01", "2020-12-31"}) {
    CAPTURE(std::string(as_of));
    const auto day = prorata::test::on(as_of);
    const PortfolioStatus none = prorata::evaluate_portfolio({}, day, {});
    const PortfolioStatus one = prorata::evaluate_portfolio({both[0]}, day, {});
    const PortfolioStatus two =
        prorata::evaluate_portfolio(both, day, {{"cv-\"quoted\"", 3}, {"zz", 12345678901234ULL}, {"é", 1}});
    for (const PortfolioStatus* portfolio : {&none, &one, &two}) {
      const std::string written = prorata::report::portfolio_json(*portfolio);
      CHECK(written == one_tree(*portfolio));
      CHECK(nlohmann::ordered_json::parse(written)["conventions"].size() == portfolio->conventions.size());
    }
  }
}

TEST_CASE("portfolio JSON handed out in pieces: the pieces joined are the one-tree dump") {
  const auto seed = prorata::test::load_seed();
  PortfolioStatus many =
      prorata::evaluate_portfolio({{&seed->rules, &seed->facts()}}, prorata::test::on("2020-12-31"), {{"zz", 7}});
  while (many.conventions.size() < 64) many.conventions.push_back(many.conventions.front());  // past 64 KiB
  std::vector<std::string> pieces;
  prorata::report::write_portfolio_json(many, [&](std::string_view piece) { pieces.emplace_back(piece); });
  std::string joined;
  for (const std::string& piece : pieces) joined += piece;
  CHECK(pieces.size() > 1);
  CHECK(joined.size() > (std::size_t{64} << 10));
  CHECK(joined == one_tree(many));
}

TEST_CASE("a portfolio evaluated on 1, 2 or 8 threads is the same, byte for byte") {
  std::vector<std::unique_ptr<prorata::test::Loaded>> loaded;
  const std::string seed_journal = prorata::test::read_source("fixtures/seed/journal.csv");
  const std::string refunded_journal = prorata::test::read_source("fixtures/seed-refunded/journal.csv");
  for (int k = 0; k < 7; ++k) {
    const std::string id = "cv-" + std::to_string(7 - k);  // given out of order: sorted by id
    loaded.push_back(prorata::test::load(prorata::test::seed_rules_text(), k % 2 == 0 ? seed_journal : refunded_journal,
                                         [&](prorata::Rules& rules) { rules.id = id; }));
  }
  std::vector<prorata::ConventionFacts> conventions;
  for (const auto& one : loaded) conventions.push_back({&one->rules, &one->facts()});
  for (const char* as_of : {"2020-07-01", "2020-12-31"}) {
    CAPTURE(std::string(as_of));
    const auto day = prorata::test::on(as_of);
    const std::string one_thread = prorata::report::portfolio_json(prorata::evaluate_portfolio(conventions, day, {}, 1));
    CHECK(one_thread == one_tree(prorata::evaluate_portfolio(conventions, day, {})));
    for (unsigned threads : {2U, 8U}) {
      CAPTURE(threads);
      CHECK(prorata::report::portfolio_json(prorata::evaluate_portfolio(conventions, day, {}, threads)) == one_thread);
    }
    CHECK(nlohmann::ordered_json::parse(one_thread)["conventions"][0]["convention"] == "cv-1");
  }
}
