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
  CHECK(out.starts_with("{\n  \"format\": \"prorata-statement/1\",\n"));  // format first, two-space indent
  const Json j = Json::parse(out);
  CHECK(j["format"] == "prorata-statement/1");
  CHECK(j["number"] == "ESD-2020-0004");
  CHECK(j["issued"] == "2020-07-22");
  CHECK(j["creditor"]["name"] == "Direction interministérielle du numérique");
  CHECK(j["creditor"]["address"] == Json::array({"20 avenue de Ségur — TSA 30719", "75334 Paris Cedex 07"}));
  CHECK(j["creditor"]["siren"] == "");
  CHECK(j["accountant"] == "SCBCM des services du Premier ministre");
  CHECK(j["debtor"]["name"] == "Département du Val-d'Oise");
  CHECK(j["debtor"]["siren"] == "229501275");
  CHECK(j["debtor"]["representative"]["name"] == "");
  CHECK(j["debtor"]["representative"]["title"] == "La Présidente du Conseil départemental");
  CHECK(j["convention"]["id"] == "dinum-preincubation-2020");
  CHECK(j["convention"]["title"] == "Programme de pré-incubation DINUM – Départements (2020)");
  CHECK(j["convention"]["signed_on"] == "2020-07-02");
  CHECK(j["legal_basis"] == "Convention, art. 4.1 à 4.4");
  CHECK(j["currency"] == "EUR");
  CHECK(j["amount"] == "9000.00");
  CHECK(j["amount_words"] == "neuf mille euros");
  const Json& pay_to = j["pay_to"];
  CHECK(pay_to["holder"] == "SCBCM SERVICES PREMIER MINISTRE");
  CHECK(pay_to["domiciliation"] == "DGO DSB SEGPS – 2310, 31 rue Croix des Petits-Champs, Paris 1er");
  CHECK(pay_to["rib"] == Json{{"bank", "30001"}, {"branch", "00064"}, {"account", "00000092441"}, {"key", "40"}});
  CHECK(pay_to["iban"] == "FR7630001000640000009244140");
  CHECK(pay_to["bic"] == "BDFEFRPPCCT");
  CHECK(j["payment_reference"] == "ESD-2020-0004");
  CHECK(j["budget"]["fund"] == "fonds de concours");
  CHECK(j["budget"]["programme"] == "352");
  CHECK(j["place"] == "Paris");
  CHECK(j["signatory"]["name"] == "Nadi Bou Hanna");
}

TEST_CASE("statement JSON: absent parts are null, IBANs unspaced") {
  prorata::StatementDocument d = samples::statement();
  d.budget.reset();
  d.signatory.reset();
  d.signed_on.reset();
  d.pay_to.rib.reset();
  d.pay_to.iban = "FR76 3000 1000 6400 0000 9244 140";
  const Json j = Json::parse(prorata::report::statement_json(d));
  CHECK(j["budget"].is_null());
  CHECK(j["signatory"].is_null());
  CHECK(j["convention"]["signed_on"].is_null());
  CHECK(j["pay_to"]["rib"].is_null());
  CHECK(j["pay_to"]["iban"] == "FR7630001000640000009244140");
}

TEST_CASE("refund notice JSON carries the settlement and the refund") {
  const prorata::RefundNotice notice = samples::refund_notice(5, true);
  const Json j = Json::parse(prorata::report::refund_notice_json(notice));
  CHECK(j["format"] == "prorata-refund-notice/1");
  CHECK(j["number"] == "AR-2020-0001");
  CHECK(j["issued"] == "2020-12-31");
  CHECK(j["provisional"] == true);
  CHECK(j["issuer"]["name"] == "Direction interministérielle du numérique");
  CHECK(j["contributor"]["id"] == "val-d-oise");
  CHECK(j["contributor"]["siren"] == "229501275");
  CHECK(j["convention"]["signed_on"] == "2020-07-02");
  CHECK(j["convention"]["term_end"] == "2021-01-02");
  CHECK(j["legal_basis"] == "Convention, art. 4.5");
  const Json& settlement = j["settlement"];
  CHECK(settlement["eligible_spending"] == "38123.45");
  CHECK(settlement["covered"] == "38123.45");
  CHECK(settlement["rule"].get<std::string>().find("au prorata des montants versés") != std::string::npos);
  REQUIRE(settlement["lines"].size() == 5);
  CHECK(settlement["lines"][0] == Json{{"id", "nord"},
                                       {"name", "Département du Nord"},
                                       {"net_paid", "9000.00"},
                                       {"final_contribution", "7624.69"},
                                       {"refund", "1375.31"}});
  CHECK(settlement["lines"][4]["id"] == "val-d-oise");
  CHECK(settlement["total"] == Json{{"net_paid", "45000.00"}, {"final_contribution", "38123.45"}, {"refund", "6876.55"}});
  CHECK(j["amount"] == "1375.31");
  CHECK(j["amount_words"] == "mille trois cent soixante-quinze euros et trente et un centimes");
  CHECK(j["refund_to"]["holder"] == "PAIERIE DEPARTEMENTALE DU VAL D'OISE");
  CHECK(j["refund_to"]["iban"] == notice.refund_to->iban);
  CHECK(j["refund_to"]["rib"]["account"] == "0000C955000");
  CHECK(j["signatory"]["title"] == "Directeur interministériel du numérique");

  prorata::RefundNotice final_notice = notice;
  final_notice.provisional = false;
  final_notice.refund_to.reset();
  const Json f = Json::parse(prorata::report::refund_notice_json(final_notice));
  CHECK(f["provisional"] == false);
  CHECK(f["refund_to"].is_null());
}
