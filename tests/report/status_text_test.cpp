// The "Why:" part of the text status (engine/report/status_text.cpp), on Status values built by hand:
// it must say where the eligible spending comes from, how the share key splits it, who got the
// leftover cents, and what nobody covers.
#include <doctest/doctest.h>

#include <string>

#include "report/status_output.h"

using namespace prorata;

namespace {

Money eur(const char* text) { return *parse_amount(text).value; }
Date day(const char* text) { return *parse_date(text).value; }

std::string why(const Status& status) {
  const std::string text = report::status_text(status);
  const auto at = text.find("\nWhy:\n");
  REQUIRE(at != std::string::npos);
  return text.substr(at + 6);
}

Status base(const char* as_of) {
  Status status;
  status.convention = "seed";
  status.title = "Seed";
  status.currency = "EUR";
  status.as_of = day(as_of);
  return status;
}

}  // namespace

TEST_CASE("before the convention takes effect, nothing is eligible and payments show as refundable") {
  Status status = base("2020-07-10");
  CHECK(why(status) == "- Nothing is eligible before the convention takes effect (when every party has signed).\n");
  status.totals.paid = eur("9000.00");
  CHECK(why(status) == "- Nothing is eligible before the convention takes effect (when every party has signed): "
                       "until then, every amount paid shows as refundable.\n");
}

TEST_CASE("paid key: the term's window, the unused part and the leftover cents") {
  // The seed on 2020-12-31 (fixtures/seed/NOTES.md): 12 700,00 unused, one cent left, to nord.
  Status status = base("2020-12-31");
  status.term = {TermState::ended, day("2020-07-21"), day("2020-12-15"), EndReason::milestone};
  status.totals.spending = eur("29000.00");
  status.totals.eligible_spending = eur("27800.00");
  status.basis = {ShareKey::paid, eur("40500.00"), eur("12700.00"), {"nord"}};
  CHECK(why(status) ==
        "- Eligible spending: expenses dated 2020-07-21 to 2020-12-15 (the term) in an eligible category: "
        "27 800,00 € of the 29 000,00 € spent.\n"
        "- Share key paid: each contributor's payments count up to its cap, 40 500,00 € in all. "
        "12 700,00 € of it was not needed for eligible spending and goes back pro rata to the amounts paid.\n"
        "- Every refund is rounded down to the cent; the 1 cent left over went to the largest remainders "
        "(on a tie, the larger payment, then the first id): nord.\n");
}

TEST_CASE("paid key while running: the window stops at the as-of date; shortfall borne by the beneficiary") {
  Status status = base("2020-10-15");
  status.term = {TermState::running, day("2020-07-21"), day("2021-01-21"), EndReason::max_duration};
  status.totals.spending = eur("20000.00");
  status.totals.eligible_spending = eur("20000.00");
  status.totals.covered = eur("18000.00");
  status.totals.uncovered = eur("2000.00");
  status.basis = {ShareKey::paid, eur("18000.00"), Money{}, {}};
  const std::string text = why(status);
  CHECK(text.find("expenses dated 2020-07-21 to 2020-10-15 (so far)") != std::string::npos);
  CHECK(text.find("18 000,00 € in all. All of it is used by the eligible spending.\n") != std::string::npos);
  CHECK(text.find("- 2 000,00 € of eligible spending is more than the contributors have paid (within their "
                  "caps): the beneficiary bears it unless more is paid.\n") != std::string::npos);
}

TEST_CASE("other keys: how the spending is shared, and what is beyond the caps") {
  Status status = base("2021-06-30");
  status.term = {TermState::ended, day("2021-01-11"), day("2021-04-15"), EndReason::termination};
  for (auto [key, how] : {std::pair{ShareKey::caps, "pro rata to the caps"}, std::pair{ShareKey::equal, "equally"},
                          std::pair{ShareKey::weights, "pro rata to the weights of the rules"}}) {
    status.basis = {key, Money{}, Money{}, {}, {"c"}};
    const std::string text = why(status);
    CHECK(text.find(std::string("- Share key ") + to_string(key) + ": the eligible spending is shared " + how) !=
          std::string::npos);
    CHECK(text.find("- Held at their cap, the rest shared among the others: c.\n") != std::string::npos);
    CHECK(text.find("of eligible spending is") == std::string::npos);  // nothing uncovered
    // When every sharing contributor is at its cap (held_at_cap then empty), the rest is uncovered.
    status.basis.held_at_cap.clear();
    status.totals.uncovered = eur("0.01");
    const std::string all_capped = why(status);
    CHECK(all_capped.find("Held at their cap") == std::string::npos);
    CHECK(all_capped.find("- 0,01 € of eligible spending is beyond the caps of the contributors who share it: the "
                          "beneficiary bears it.\n") != std::string::npos);
    status.totals.uncovered = Money{};
  }
}

TEST_CASE("the table shows a cancelled column only when calls were cancelled") {
  Status status = base("2020-12-31");
  ContributorStatus somme;
  somme.id = "somme";
  somme.cap = somme.called = eur("9000.00");
  somme.paid = eur("4500.00");
  status.contributors.push_back(somme);
  status.totals.caps = status.totals.called = eur("9000.00");
  status.totals.paid = eur("4500.00");
  const std::string plain = report::status_text(status);
  CHECK(plain.find("cancelled") == std::string::npos);
  status.contributors[0].cancelled = status.totals.cancelled = eur("4500.00");
  const std::string text = report::status_text(status);
  // called 9 000,00, cancelled 4 500,00, then paid 4 500,00: the columns in that order.
  const auto header = text.find("called   cancelled");
  CHECK(header != std::string::npos);
  CHECK(text.find("9 000,00 €  4 500,00 €  4 500,00 €") != std::string::npos);
}
