// The documents as JSON (tests engine/report/document_json.h): parsed back, every figure where it belongs.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "document_samples.h"
#include "report/document_json.h"

namespace samples = prorata::samples;
using Json = nlohmann::json;

TEST_CASE("statement JSON carries every figure of the statement") {
  const std::string out = prorata::report::statement_json(samples::statement());
  CHECK(out.ends_with("}\n"));
  // format first, then kind, number, mark, corrects, issued; two-space indent.
  CHECK(out.starts_with("{\n  \"format\": \"prorata-document/1\",\n  \"kind\": \"statement\",\n  \"number\": "
                        "\"ESD-2020-0004\",\n  \"mark\": \"issued\",\n  \"corrects\": null,\n  \"issued\": \"2020-07-22\",\n"));
  const Json j = Json::parse(out);
  CHECK(j["complementary"] == false);
  CHECK(j["creditor"]["name"] == "Direction interministérielle du numérique");
  CHECK(j["creditor"]["address"] == Json::array({"20 avenue de Ségur — TSA 30719", "75334 Paris Cedex 07"}));
  CHECK(j["creditor"]["siren"] == "");
  CHECK(j["accountant"] == "SCBCM des services du Premier ministre");
  CHECK(j["debtor"]["id"] == "val-d-oise");
  CHECK(j["debtor"]["name"] == "Département du Val-d'Oise");
  CHECK(j["debtor"]["siren"] == "229501275");
  CHECK(j["debtor"]["representative"]["name"] == "");
  CHECK(j["debtor"]["representative"]["title"] == "La Présidente du Conseil départemental");
  CHECK(j["convention"]["id"] == "dinum-preincubation-2020");
  CHECK(j["convention"]["title"] == "Programme de pré-incubation DINUM – Départements (2020)");
  CHECK(j["convention"]["signed_on"] == "2020-07-02");
  CHECK(j["convention"]["amendments"] == Json::array());
  CHECK(j["legal_basis"] == "Convention, art. 4.1 à 4.4");
  CHECK(j["calls"] == Json{{"call", "2e tranche, 50 %"},
                           {"cap", "9000.00"},
                           {"earlier",
                            Json::array({Json{{"number", "ESD-2020-0001"},
                                              {"date", "2020-07-10"},
                                              {"amount", "4500.00"},
                                              {"memo", "1re tranche, 50 %"}}})},
                           {"called_to_date", "9000.00"}});
  CHECK(j["settlement"].is_null());
  CHECK(j["currency"] == "EUR");
  CHECK(j["amount"] == "4500.00");
  CHECK(j["amount_words"] == "quatre mille cinq cents euros");
  CHECK(j["due"] == "2020-08-21");
  CHECK(j["budget_year"] == 2020);
  CHECK(j["vat_mention"] == "Hors champ de TVA, art. 256 B du CGI.");
  const Json& pay_to = j["pay_to"];
  CHECK(pay_to["holder"] == "SCBCM SERVICES PREMIER MINISTRE");
  CHECK(pay_to["domiciliation"] == "DGO DSB SEGPS – 2310, 31 rue Croix des Petits-Champs, Paris 1er");
  CHECK(pay_to["rib"] == Json{{"bank", "30001"}, {"branch", "00064"}, {"account", "00000092441"}, {"key", "40"}});
  CHECK(pay_to["iban"] == "FR7630001000640000009244140");
  CHECK(pay_to["bic"] == "BDFEFRPPCCT");
  CHECK(j["payment_reference"] == "ESD-2020-0004");
  CHECK(j["budget"]["fund"] == "fonds de concours");
  CHECK(j["budget"]["programme"] == "352");
  CHECK(j["signature"]["place"] == "Paris");
  CHECK(j["signature"]["signatory"]["name"] == "Nadi Bou Hanna");
}

TEST_CASE("statement JSON: absent parts are null, IBANs unspaced, a preview has a null number") {
  prorata::StatementDocument d = samples::statement();
  d.budget.reset();
  d.signature.signatory.reset();
  d.convention.signed_on.reset();
  d.pay_to.rib.reset();
  d.due.reset();
  d.pay_to.iban = "FR76 3000 1000 6400 0000 9244 140";
  d.number.clear();
  d.payment_reference.clear();
  d.mark = prorata::DocumentMark::preview;
  d.corrects = prorata::CorrectionRef{"ESD-2020-0003", samples::day(2020, 7, 21)};
  const Json j = Json::parse(prorata::report::statement_json(d));
  CHECK(j["budget"].is_null());
  CHECK(j["signature"]["signatory"].is_null());
  CHECK(j["convention"]["signed_on"].is_null());
  CHECK(j["pay_to"]["rib"].is_null());
  CHECK(j["due"].is_null());
  CHECK(j["pay_to"]["iban"] == "FR7630001000640000009244140");
  CHECK(j["number"].is_null());
  CHECK(j["mark"] == "preview");
  CHECK(j["corrects"] == Json{{"number", "ESD-2020-0003"}, {"date", "2020-07-21"}});
}

TEST_CASE("document JSON is the same bytes for the same document, other bytes for another") {
  const std::string first = prorata::report::statement_json(samples::statement());
  CHECK(first == prorata::report::statement_json(samples::statement()));
  prorata::StatementDocument other = samples::statement();
  other.amount_words = "quatre mille cinq cent euros";
  CHECK(prorata::report::statement_json(other) != first);
}

TEST_CASE("refund notice JSON carries the settlement and the refund") {
  const prorata::RefundNotice notice = samples::refund_notice(5, true);
  const Json j = Json::parse(prorata::report::refund_notice_json(notice));
  CHECK(j["format"] == "prorata-document/1");
  CHECK(j["kind"] == "refund_notice");
  CHECK(j["number"].is_null());
  CHECK(j["mark"] == "provisional");
  CHECK(j["issued"] == "2020-12-31");
  CHECK(j["issuer"]["name"] == "Direction interministérielle du numérique");
  CHECK(j["contributor"]["id"] == "val-d-oise");
  CHECK(j["contributor"]["siren"] == "229501275");
  CHECK(j["convention"]["signed_on"] == "2020-07-02");
  CHECK(j["term_end"].is_null());
  CHECK(j["legal_basis"] == "Convention, art. 4.5");
  const Json& settlement = j["settlement"];
  CHECK(settlement["eligible_by_category"] == Json::array());
  CHECK(settlement["eligible_spending"] == "38123.45");
  CHECK(settlement["covered"] == "38123.45");
  CHECK(settlement["rule"].get<std::string>().find("au prorata des montants versés") != std::string::npos);
  REQUIRE(settlement["lines"].size() == 5);
  CHECK(settlement["lines"][0] == Json{{"id", "nord"},
                                       {"name", "Département du Nord"},
                                       {"net_paid", "9000.00"},
                                       {"final_contribution", "7624.69"},
                                       {"refund", "1375.31"},
                                       {"amount_due", "0.00"}});
  CHECK(settlement["lines"][4]["id"] == "val-d-oise");
  CHECK(settlement["total"] ==
        Json{{"net_paid", "45000.00"}, {"final_contribution", "38123.45"}, {"refund", "6876.55"}, {"amount_due", "0.00"}});
  CHECK(j["amount"] == "1375.31");
  CHECK(j["amount_words"] == "mille trois cent soixante-quinze euros et trente et un centimes");
  CHECK(j["calls_cancelled"] == "0.00");
  CHECK(j["refund_to"]["holder"] == "PAIERIE DEPARTEMENTALE DU VAL D'OISE");
  CHECK(j["refund_to"]["iban"] == notice.refund_to->iban);
  CHECK(j["refund_to"]["rib"]["account"] == "0000C955000");
  CHECK(j["signature"]["signatory"]["title"] == "Directeur interministériel du numérique");

  prorata::RefundNotice final_notice = samples::refund_notice(5, false);
  final_notice.refund_to.reset();
  const Json f = Json::parse(prorata::report::refund_notice_json(final_notice));
  CHECK(f["mark"] == "issued");
  CHECK(f["number"] == "AR-2020-0001");
  CHECK(f["refund_to"].is_null());
  CHECK(f["term_end"] == Json{{"end", "2020-12-15"},
                              {"reason", "milestone"},
                              {"milestone", "phase-5-end"},
                              {"max_duration", "6 months"},
                              {"notice", nullptr}});
}

TEST_CASE("order to pay back and état rectificatif JSON") {
  const Json o = Json::parse(prorata::report::reversal_order_json(samples::reversal_order()));
  CHECK(o["kind"] == "reversal_order");
  CHECK(o["number"] == "OR-2021-0001");
  CHECK(o["debtor"]["id"] == "oise");
  CHECK(o["paid"] == "9000.00");
  CHECK(o["refunded"] == "3000.00");
  CHECK(o["net_paid"] == "6000.00");
  CHECK(o["final_contribution"] == "7000.00");
  CHECK(o["amount_due"] == "1000.00");
  CHECK(o["complementary"] == "0.00");
  CHECK(o["amount"] == "1000.00");
  CHECK(o["due"] == "2021-03-03");
  CHECK(o["term_end"]["reason"] == "max_duration");

  const Json c = Json::parse(prorata::report::cancellation_json(samples::cancellation()));
  CHECK(c["kind"] == "cancellation");
  CHECK(c["number"] == "ER-2021-0001");
  CHECK(c["statement"] == Json{{"number", "ESD-2020-0005"},
                               {"date", "2020-07-22"},
                               {"amount", "9000.00"},
                               {"cancelled_before", "0.00"},
                               {"paid", "4500.00"},
                               {"remaining", "4500.00"},
                               {"remaining_unpaid", "0.00"}});
  CHECK(c["amount"] == "4500.00");
  CHECK(c["amount_words"] == "quatre mille cinq cents euros");
  CHECK(c["final_contribution"] == "3088.89");
}
