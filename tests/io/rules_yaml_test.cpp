// The rules loader on good files: every field lands where the convention says. Bad files are in
// fixtures/bad/ and tested through the CLI (tests/cli/bad_input_test.cpp).
#include <doctest/doctest.h>

#include <string>

#include "core/caps.h"
#include "io/rules_yaml.h"

using namespace prorata;

namespace {

std::optional<Rules> load(const std::string& text, Diagnostics& diagnostics) {
  return io::load_rules(text, "test.yaml", diagnostics);
}

std::string mini(const std::string& contributors, const std::string& extra = "") {
  return "format: prorata/1\n"
         "convention:\n"
         "  id: mini\n"
         "  title: \"Mini\"\n"
         "  beneficiary: {id: agglo, name: \"Agglo\"}\n"
         "  term: {effective: last_signature, max_duration: 30 days, notice_period: 1 month}\n"
         "  settlement: {share_key: caps}\n" +
         extra + "  contributors:\n" + contributors;
}

}  // namespace

TEST_CASE("the seed rules carry the convention's articles") {
  Diagnostics diagnostics;
  auto rules = io::load_rules_file(std::string(PRORATA_SOURCE_DIR) + "/rules/dinum-preincubation-2020.yaml",
                                   diagnostics);
  REQUIRE(diagnostics.empty());
  REQUIRE(rules);
  CHECK(rules->id == "dinum-preincubation-2020");
  CHECK(rules->beneficiary.id == "dinum");
  REQUIRE(rules->contributors.size() == 5);  // preamble: Nord, Pas-de-Calais, Oise, Val-d'Oise, Somme
  CHECK_FALSE(prorata::effective_caps(*rules).value->scaled);  // 5 x 9 000 = 45 000: nothing to scale
  for (const auto& c : rules->contributors) {
    CHECK(c.cap_agreed == Money::from_cents(900'000));  // art. 4.1: 9 000 €
  }
  CHECK(rules->aggregate_cap == Money::from_cents(4'500'000));  // art. 4.1: 45 000 €
  CHECK(rules->share_key == ShareKey::paid);                       // art. 4.5
  CHECK(rules->term.max_duration == Duration{6, Duration::Unit::months});  // art. 2
  CHECK(rules->term.notice_period == Duration{1, Duration::Unit::months});  // art. 5
  CHECK(rules->term.ends_at_milestone == std::optional<std::string>("phase-5-end"));
  CHECK(rules->find_contributor("val-d-oise")->siren == "229501275");
  REQUIRE(rules->accountant);  // art. 4.3
  CHECK(rules->accountant->account.holder == "SCBCM SERVICES PREMIER MINISTRE");
  REQUIRE(rules->accountant->account.rib);
  CHECK(rules->accountant->account.rib->key == "40");
  CHECK(rules->accountant->account.iban == "FR7630001000640000009244140");
  REQUIRE(rules->budget);  // art. 4.4
  CHECK(rules->budget->programme == "352");
  CHECK(rules->documents.statement_prefix == "ESD");
}

TEST_CASE("amounts are read from the scalar's text, plain or quoted") {
  Diagnostics diagnostics;
  auto rules = load(mini("    - {id: a, name: A, cap: 9000.5}\n"
                         "    - {id: b, name: B, cap: \"0.07\"}\n"
                         "    - {id: c, name: C, cap: 12}\n"),
                    diagnostics);
  REQUIRE(diagnostics.empty());
  CHECK(rules->contributors[0].cap_agreed == Money::from_cents(900'050));
  CHECK(rules->contributors[1].cap_agreed == Money::from_cents(7));
  CHECK(rules->contributors[2].cap_agreed == Money::from_cents(1'200));
}

TEST_CASE("aggregate_cap_policy scale shares the aggregate in proportion to the caps") {
  // Caps 6000 + 3000 + 1000.01 = 10000.01 over an aggregate of 9000.00: exact shares are
  // 900000 x (600000, 300000, 100001) / 1000001 = 539999.46.., 269999.73.., 90000.80.. cents;
  // floors 539999 + 269999 + 90000 = 899998, two cents left: largest remainders .80 (c) then .73 (b).
  Diagnostics diagnostics;
  auto rules = load(mini("    - {id: a, name: A, cap: 6000.00}\n"
                         "    - {id: b, name: B, cap: 3000.00}\n"
                         "    - {id: c, name: C, cap: 1000.01}\n",
                         "  aggregate_cap: 9000.00\n  aggregate_cap_policy: scale\n"),
                    diagnostics);
  REQUIRE(diagnostics.empty());
  const prorata::CapsResult caps = prorata::effective_caps(*rules);
  REQUIRE(caps.value.has_value());
  CHECK(caps.value->caps[0] == Money::from_cents(539'999));
  CHECK(caps.value->caps[1] == Money::from_cents(270'000));
  CHECK(caps.value->caps[2] == Money::from_cents(90'001));
  CHECK(rules->contributors[0].cap_agreed == Money::from_cents(600'000));
}

TEST_CASE("weights are exact decimals and name every contributor once") {
  Diagnostics diagnostics;
  std::string text = mini("    - {id: a, name: A, cap: 10}\n    - {id: b, name: B, cap: 10}\n");
  text.replace(text.find("{share_key: caps}"), 17, "{share_key: weights, weights: {a: 2.5, b: 0.125}}");
  auto rules = load(text, diagnostics);
  REQUIRE(diagnostics.empty());
  CHECK(rules->weights.at("a") == Ratio(5, 2));
  CHECK(rules->weights.at("b") == Ratio(1, 8));
}

TEST_CASE("an account given as RIB only gets its IBAN computed; RIB and IBAN must agree") {
  const std::string account = "      refund_account: {holder: \"Commune A\", rib: {bank: \"30001\", branch: \"00064\", "
                              "account: \"00000092441\", key: \"40\"}IBAN}\n";
  auto with = [&](const std::string& iban) {
    std::string block = account;
    block.replace(block.find("IBAN"), 4, iban);
    return mini("    - id: a\n      name: A\n      cap: 10\n" + block);
  };
  Diagnostics ok;
  auto rules = load(with(""), ok);
  REQUIRE(ok.empty());
  CHECK(rules->contributors[0].refund_account->iban == "FR7630001000640000009244140");

  Diagnostics differ;
  CHECK_FALSE(load(with(", iban: \"FR76 3000 1007 9412 3456 7890 185\""), differ));
  REQUIRE(differ.size() == 1);
  CHECK(differ.items()[0].loc.line == 12);  // the refund_account line: 8 header lines, then id, name, cap
  CHECK(differ.items()[0].message.find("the IBAN and the RIB of refund_account differ") != std::string::npos);
}

TEST_CASE("two kinds of document with one prefix: accepted, with a warning at the later key") {
  Diagnostics diagnostics;
  auto rules = load(mini("    - {id: dept, name: \"Dept\", cap: 100.00}\n",
                         "  documents:\n"
                         "    statement_prefix: ESD\n"
                         "    refund_prefix: AR\n"
                         "    cancellation_prefix: ESD\n"),
                    diagnostics);
  REQUIRE(rules);
  CHECK(diagnostics.empty());  // no error
  REQUIRE(diagnostics.size() == 1);
  CHECK(format_diagnostic(diagnostics.items()[0]) ==
        "test.yaml:11:26: warning: cancellation_prefix 'ESD' is also the statement_prefix: the two kinds of document "
        "would share one series of numbers; give each its own prefix");
  // A default can be the one shared: the explicit key is named.
  Diagnostics defaults;
  REQUIRE(load(mini("    - {id: dept, name: \"Dept\", cap: 100.00}\n", "  documents: {report_prefix: AR}\n"), defaults));
  REQUIRE(defaults.size() == 1);
  CHECK(format_diagnostic(defaults.items()[0]) ==
        "test.yaml:8:30: warning: report_prefix 'AR' is also the refund_prefix: the two kinds of document would share "
        "one series of numbers; give each its own prefix");
  Diagnostics distinct;
  REQUIRE(load(mini("    - {id: dept, name: \"Dept\", cap: 100.00}\n", "  documents: {report_prefix: CR}\n"), distinct));
  CHECK(distinct.size() == 0);
}
