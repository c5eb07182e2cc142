// The document builders (core/documents.h) on the seed and on variants of it, rendered as text and
// JSON; every figure is worked by hand from the seed (fixtures/seed/NOTES.md) and written beside its check.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "core/documents.h"
#include "document_checks.h"
#include "report/document_json.h"
#include "report/document_text.h"
#include "seed_documents.h"

using prorata::DocumentMark;
using prorata::Money;
using namespace prorata::test;  // NOLINT: the test helpers, in this file only
using Json = nlohmann::json;

namespace {

// "9 000,00 €" as the documents write it (narrow no-break space, no-break space before €).
std::string fr(const char* amount) { return prorata::report::amount_fr(eur(amount)); }

// The seed rules with a payment term and a VAT mention.
std::string seed_rules_with_terms() {
  return replaced(seed_rules_text(), "    place: \"Paris\"\n",
                  "    place: \"Paris\"\n    payment_term: 30 days\n"
                  "    vat_mention: \"Hors champ de TVA, art. 256 B du CGI.\"\n");
}

// The seed with the Somme called in two tranches of 4 500,00 € (ESD-2020-0005, then ESD-2020-0006 on
// 2020-09-01): the same totals as the seed (called 9 000,00 €, paid 4 500,00 €).
std::string two_tranches_journal() {
  return replaced(seed_journal_text(), "2020-07-22,statement,somme,9000.00,ESD-2020-0005,,\n",
                  "2020-07-22,statement,somme,4500.00,ESD-2020-0005,,\"1re tranche, 50 %\"\n"
                  "2020-09-01,statement,somme,4500.00,ESD-2020-0006,,\"2e tranche, 50 %\"\n");
}

const prorata::SettlementLine& line_of(const prorata::RefundNotice& notice, const std::string& id) {
  for (const auto& line : notice.settlement) {
    if (line.id == id) return line;
  }
  FAIL("no line " << id);
  return notice.settlement.front();
}

}  // namespace

TEST_CASE("a statement says which call it is, the earlier calls, the cap, its due date, year and VAT") {
  auto seed = load(seed_rules_with_terms(), two_tranches_journal());
  const auto doc = prorata::build_statement(seed->rules, seed->facts(), seed->statement("ESD-2020-0006"),
                                            "ESD-2020-0006", DocumentMark::issued);
  CHECK(doc.issued == on("2020-09-01"));  // the line's own date
  CHECK(doc.call == "2e tranche, 50 %");
  REQUIRE(doc.earlier_calls.size() == 1);
  CHECK(doc.earlier_calls[0].number == "ESD-2020-0005");
  CHECK(doc.earlier_calls[0].amount == eur("4500.00"));
  CHECK(doc.called_to_date == eur("9000.00"));  // 4 500,00 + 4 500,00
  CHECK(doc.cap == eur("9000.00"));
  CHECK(doc.due == on("2020-10-01"));  // 1 September + 30 days
  CHECK(doc.budget_year == 2020);
  CHECK(doc.convention.signed_on == on("2020-07-21"));  // DINUM signed last

  const std::string text = flat(prorata::report::statement_text(doc));
  CHECK(contains(text, "N° ESD-2020-0006 du 1er septembre 2020"));
  CHECK(contains(text, "Département de la Somme"));
  CHECK(contains(text, "Appel de fonds : 2e tranche, 50 %"));
  CHECK(contains(text, "N° ESD-2020-0005 du 22 juillet 2020 (1re tranche, 50 %) " + fr("4500.00")));
  CHECK(contains(text, "Total appelé au titre de la convention " + fr("9000.00")));
  CHECK(contains(text, "Reste mobilisable dans la limite du plafond " + fr("0.00")));
  CHECK(contains(text, "À régler au plus tard le 1er octobre 2020."));
  CHECK(contains(text, "Hors champ de TVA, art. 256 B du CGI."));
  CHECK(contains(text, "Exercice : 2020"));
  CHECK(contains(text, "quatre mille cinq cents euros"));

  // The first tranche cites no earlier call; nothing of the kind is hard-coded: the seed rules have no
  // payment term and no VAT mention, and the statement has neither.
  auto plain = load_seed();
  const auto first = prorata::build_statement(plain->rules, plain->facts(), plain->statement("ESD-2020-0005"),
                                              "ESD-2020-0005", DocumentMark::issued);
  CHECK(first.earlier_calls.empty());
  CHECK(!first.due.has_value());
  const std::string first_text = prorata::report::statement_text(first);
  CHECK(!contains(first_text, "À régler au plus tard"));
  CHECK(!contains(first_text, "TVA"));
  CHECK(contains(flat(first_text), "Appel de fonds Présent état"));  // no memo: no words invented
}

TEST_CASE("a preview statement has no number and is marked PROJET") {
  auto seed = load_seed();
  const auto doc = prorata::build_statement(seed->rules, seed->facts(), seed->statement("ESD-2020-0004"), "",
                                            DocumentMark::preview);
  CHECK(doc.number.empty());
  CHECK(doc.payment_reference.empty());
  const std::string text = prorata::report::statement_text(doc);
  CHECK(contains(text, "*** PROJET ***"));
  CHECK(!contains(text, "ESD-2020-0004"));
  const Json j = Json::parse(prorata::report::statement_json(doc));
  CHECK(j["number"].is_null());
  CHECK(j["mark"] == "preview");
}

TEST_CASE("the seed's refund notices as of 2020-12-31: the settlement adds up per row and in total") {
  auto seed = load_seed();
  const prorata::Status status = seed->status("2020-12-31");
  const auto nord = prorata::build_refund_notice(seed->rules, seed->facts(), status, "nord", "AR-2020-0001",
                                                 DocumentMark::issued, Money{});
  CHECK(nord.amount == eur("2822.23"));
  CHECK(nord.issued == on("2020-12-31"));
  REQUIRE(nord.term_end.has_value());
  CHECK(nord.term_end->end == on("2020-12-15"));
  CHECK(nord.term_end->milestone == "phase-5-end");
  // Eligible spending by category: seminar 6 500,00 − 450,00 = 6 050,00; coaching 3 × 7 250,00 =
  // 21 750,00 (the 1 200,00 after phase 5 left out); 27 800,00 in all.
  REQUIRE(nord.eligible_by_category.size() == 2);
  CHECK(nord.eligible_by_category[0].category == "coaching");
  CHECK(nord.eligible_by_category[0].amount == eur("21750.00"));
  CHECK(nord.eligible_by_category[1].category == "seminar");
  CHECK(nord.eligible_by_category[1].amount == eur("6050.00"));
  CHECK(nord.eligible_spending == eur("27800.00"));
  CHECK(line_of(nord, "nord").final_contribution == eur("6177.77"));
  const auto& somme = line_of(nord, "somme");
  CHECK(somme.net_paid == eur("4500.00"));
  CHECK(somme.final_contribution == eur("3088.89"));
  CHECK(somme.refund == eur("1411.11"));
  CHECK(somme.amount_due == Money{});

  const std::string raw = prorata::report::refund_notice_text(nord);
  const std::string text = flat(raw);
  CHECK(contains(text, "Le terme a pris fin le 15 décembre 2020, au jalon « phase-5-end »."));
  CHECK(contains(text, "coaching " + fr("21750.00")));
  CHECK(contains(text, "seminar " + fr("6050.00")));
  CHECK(contains(text, "Dépenses éligibles " + fr("27800.00")));
  CHECK(contains(text, "Département du Nord " + fr("9000.00") + " " + fr("6177.77") + " " + fr("2822.23") + " " + fr("0.00")));
  CHECK(contains(text, "Département de la Somme " + fr("4500.00") + " " + fr("3088.89") + " " + fr("1411.11") + " " +
                           fr("0.00")));
  // 4 × 9 000,00 + 4 500,00 = 40 500,00 paid net; 27 800,00 final; 12 700,00 refunded; nothing due.
  CHECK(contains(text, "Total " + fr("40500.00") + " " + fr("27800.00") + " " + fr("12700.00") + " " + fr("0.00")));
  // The settlement table's header, on two lines: "Contribution" over "définitive".
  CHECK(flat(line_after(raw, "  Contributeur")) == "définitive");
  CHECK(contains(text, "l’objet de la convention"));  // the French apostrophe in prorata's own words
  CHECK(!contains(text, "sont annulés"));

  const std::string json = prorata::report::refund_notice_json(nord);
  CHECK(json == prorata::report::refund_notice_json(nord));  // deterministic: hashed for the register
  const Json j = Json::parse(json);
  CHECK(j["settlement"]["total"] ==
        Json{{"net_paid", "40500.00"}, {"final_contribution", "27800.00"}, {"refund", "12700.00"}, {"amount_due", "0.00"}});
  CHECK(j["settlement"]["eligible_by_category"][0] == Json{{"category", "coaching"}, {"amount", "21750.00"}});
}

TEST_CASE("the Somme: its refund notice cancels its unpaid call, and the état rectificatif says so") {
  auto seed = load_seed();
  const prorata::Status status = seed->status("2020-12-31");
  const auto notice = prorata::build_refund_notice(seed->rules, seed->facts(), status, "somme", "AR-2020-0004",
                                                   DocumentMark::issued, eur("4500.00"));
  CHECK(notice.amount == eur("1411.11"));
  CHECK(contains(flat(prorata::report::refund_notice_text(notice)),
                 "Les appels de fonds restant à verser par le contributeur, soit " + fr("4500.00") + ", sont annulés"));
  CHECK(Json::parse(prorata::report::refund_notice_json(notice))["calls_cancelled"] == "4500.00");

  const auto er = prorata::build_cancellation(seed->rules, seed->facts(), status, "somme", "ESD-2020-0005",
                                              eur("4500.00"), on("2020-12-31"), "ER-2020-0001", DocumentMark::issued);
  CHECK(er.statement_date == on("2020-07-22"));
  CHECK(er.statement_amount == eur("9000.00"));
  CHECK(er.paid_on_statement == eur("4500.00"));
  CHECK(er.remaining == eur("4500.00"));      // 9 000,00 − 4 500,00 cancelled
  CHECK(er.remaining_unpaid == Money{});      // 4 500,00 − 4 500,00 paid
  const std::string text = flat(prorata::report::cancellation_text(er));
  CHECK(contains(text, "N° ER-2020-0001 du 31 décembre 2020"));
  CHECK(contains(text, "État rectifié : N° ESD-2020-0005 du 22 juillet 2020"));
  CHECK(contains(text, "(" + fr("3088.89") + ") est couverte par ses versements nets (" + fr("4500.00") + ")"));
  CHECK(contains(text, "Reste à verser sur cet appel " + fr("0.00")));
}

TEST_CASE("payments settle a contributor's statements oldest first") {
  auto seed = load(seed_rules_text(), two_tranches_journal());
  const prorata::Status status = seed->status("2020-12-31");
  // The Somme's 4 500,00 € paid settles ESD-2020-0005 (22 July); ESD-2020-0006 (1 September) is unpaid.
  const auto er = prorata::build_cancellation(seed->rules, seed->facts(), status, "somme", "ESD-2020-0006",
                                              eur("4500.00"), on("2020-12-31"), "ER-2020-0001", DocumentMark::issued);
  CHECK(er.paid_on_statement == Money{});
  CHECK(er.remaining == Money{});
  CHECK(er.remaining_unpaid == Money{});
  const Json j = Json::parse(prorata::report::cancellation_json(er));
  CHECK(j["statement"]["number"] == "ESD-2020-0006");
  CHECK(j["statement"]["paid"] == "0.00");
}

TEST_CASE("a provisional notice while the term runs: no number, no term end, a provisional contribution") {
  auto seed = load_seed();
  const prorata::Status status = seed->status("2020-10-15");
  const auto notice =
      prorata::build_refund_notice(seed->rules, seed->facts(), status, "nord", "", DocumentMark::provisional, Money{});
  CHECK(notice.amount == eur("5944.45"));  // fixtures/seed/NOTES.md, as of 2020-10-15
  CHECK(!notice.term_end.has_value());
  const std::string text = prorata::report::refund_notice_text(notice);
  CHECK(contains(text, "*** PROVISOIRE ***"));
  CHECK(flat(line_after(text, "  Contributeur")) == "provisoire");
  CHECK(!contains(text, "définitive"));
  CHECK(!contains(text, "N° AR-"));
}

TEST_CASE("refunds paid beyond what was due: an order to pay back, and the table shows what is due") {
  // The Somme is refunded 2 000,00 € where 1 411,11 € was due. Its final contribution stays 3 088,89 €
  // (the settlement's basis is the gross amount paid); net paid 4 500,00 − 2 000,00 = 2 500,00 €, so it
  // owes 3 088,89 − 2 500,00 = 588,89 €, all of it refunds beyond what was due.
  auto seed = load(seed_rules_text(), seed_journal_text() + "2020-12-20,refund,somme,2000.00,AR-2020-0004,,\n");
  const prorata::Status status = seed->status("2020-12-31");
  const auto order = prorata::build_reversal_order(seed->rules, seed->facts(), status, "somme", eur("588.89"),
                                                   on("2020-12-31"), "OR-2020-0001", DocumentMark::issued);
  CHECK(order.paid == eur("4500.00"));
  CHECK(order.refunded == eur("2000.00"));
  CHECK(order.net_paid == eur("2500.00"));
  CHECK(order.final_contribution == eur("3088.89"));
  CHECK(order.amount_due == eur("588.89"));
  CHECK(order.complementary == Money{});
  const std::string text = flat(prorata::report::reversal_order_text(order));
  CHECK(contains(text, "ORDRE DE REVERSEMENT"));
  CHECK(contains(text, "N° OR-2020-0001 du 31 décembre 2020"));
  CHECK(contains(text, "Reste dû (contribution définitive − versé net) " + fr("588.89")));
  CHECK(contains(text, "MONTANT À REVERSER " + fr("588.89")));
  CHECK(contains(text, "cinq cent quatre-vingt-huit euros et quatre-vingt-neuf centimes"));

  // Nord's notice of the same date shows the Somme's amount due; the total still adds up:
  // 40 500,00 − 2 000,00 = 38 500,00 net paid; 27 800,00 final; refunds 11 288,89 (12 700,00 − 1 411,11);
  // due 588,89: 38 500,00 − 27 800,00 = 10 700,00 = 11 288,89 − 588,89.
  const auto nord = prorata::build_refund_notice(seed->rules, seed->facts(), status, "nord", "AR-2020-0005",
                                                 DocumentMark::issued, Money{});
  const std::string notice = flat(prorata::report::refund_notice_text(nord));
  CHECK(contains(notice, "Département de la Somme " + fr("2500.00") + " " + fr("3088.89") + " " + fr("0.00") + " " +
                             fr("588.89")));
  CHECK(contains(notice, "Total " + fr("38500.00") + " " + fr("27800.00") + " " + fr("11288.89") + " " + fr("588.89")));
}

TEST_CASE("an amount due beyond the calls: a complementary statement") {
  // Share key caps (the equal caps share 27 800,00 € as 5 560,00 € each) and a Somme called for one
  // tranche of 4 500,00 € only, paid: it owes 5 560,00 − 4 500,00 = 1 060,00 €, with nothing refunded.
  auto seed = load(seed_rules_text(),
                   replaced(seed_journal_text(), "2020-07-22,statement,somme,9000.00,ESD-2020-0005,,\n",
                            "2020-07-22,statement,somme,4500.00,ESD-2020-0005,,\"1re tranche, 50 %\"\n"),
                   [](prorata::Rules& rules) { rules.share_key = prorata::ShareKey::caps; });
  const prorata::Status status = seed->status("2020-12-31");
  const auto doc = prorata::build_complementary_statement(seed->rules, seed->facts(), status, "somme", eur("1060.00"),
                                                          on("2020-12-31"), "ESD-2020-0006", DocumentMark::issued);
  CHECK(doc.complementary);
  REQUIRE(doc.settlement.has_value());
  CHECK(doc.settlement->final_contribution == eur("5560.00"));
  CHECK(doc.settlement->net_paid == eur("4500.00"));
  CHECK(doc.settlement->amount_due == eur("1060.00"));
  CHECK(doc.settlement->reversal == Money{});
  CHECK(doc.called_to_date == eur("5560.00"));  // 4 500,00 + 1 060,00
  const std::string text = flat(prorata::report::statement_text(doc));
  CHECK(contains(text, "ÉTAT DES SOMMES DUES COMPLÉMENTAIRE"));
  CHECK(contains(text, "Appel complémentaire : solde de la contribution définitive au terme de la convention"));
  CHECK(contains(text, "Reste dû (contribution définitive − versé net) " + fr("1060.00")));
  CHECK(contains(text, "Reste mobilisable dans la limite du plafond " + fr("3440.00")));  // 9 000,00 − 5 560,00
  CHECK(contains(text, "mille soixante euros"));
  CHECK(Json::parse(prorata::report::statement_json(doc))["complementary"] == true);

  // The nord's refund notice: the Somme's row shows 1 060,00 € to pay, and the total adds up:
  // 40 500,00 − 27 800,00 = 12 700,00 = 4 × 3 440,00 − 1 060,00.
  const auto nord = prorata::build_refund_notice(seed->rules, seed->facts(), status, "nord", "AR-2020-0001",
                                                 DocumentMark::issued, Money{});
  const std::string notice = flat(prorata::report::refund_notice_text(nord));
  CHECK(contains(notice, "Département de la Somme " + fr("4500.00") + " " + fr("5560.00") + " " + fr("0.00") + " " +
                             fr("1060.00")));
  CHECK(contains(notice, "Total " + fr("40500.00") + " " + fr("27800.00") + " " + fr("13760.00") + " " + fr("1060.00")));
}

TEST_CASE("a refund notice after a termination says which formal notice it followed") {
  auto terminated = load(read_source("fixtures/weights-terminated/rules-weights.yaml"),
                         read_source("fixtures/weights-terminated/journal.csv"));
  const prorata::Status status = terminated->status("2021-06-30");
  const auto notice = prorata::build_refund_notice(terminated->rules, terminated->facts(), status, "a",
                                                   "AR-2021-0001", DocumentMark::issued, Money{});
  CHECK(notice.amount == eur("2499.99"));  // fixtures/weights-terminated/NOTES.md
  const std::string text = flat(prorata::report::refund_notice_text(notice));
  CHECK(contains(text, "La convention a été résiliée le 15 avril 2021, après la mise en demeure du 15 mars 2021."));
  CHECK(contains(text, "study " + fr("5000.01")));  // 3 000,00 + 2 000,01; F-3 came after the end
  const Json j = Json::parse(prorata::report::refund_notice_json(notice));
  CHECK(j["term_end"]["reason"] == "termination");
  CHECK(j["term_end"]["notice"] == "2021-03-15");
}

TEST_CASE("a convention titled « Convention … » is not called « Convention « Convention … » »") {
  auto seed = load(replaced(seed_rules_text(), "title: \"Programme de pré-incubation DINUM – Départements (2020)\"",
                            "title: \"Convention d'étude DINUM – Départements (2020)\""),
                   seed_journal_text());
  const auto doc = prorata::build_statement(seed->rules, seed->facts(), seed->statement("ESD-2020-0001"),
                                            "ESD-2020-0001", DocumentMark::issued);
  const std::string text = flat(prorata::report::statement_text(doc));
  CHECK(contains(text, "« Convention d'étude DINUM – Départements (2020) » signée le 21 juillet 2020"));
  CHECK(!contains(text, "Convention « Convention"));
}

TEST_CASE("the documents settings are read from the rules, with their defaults") {
  auto seed = load(seed_rules_with_terms(), seed_journal_text());
  const prorata::DocumentSettings& settings = seed->rules.documents;
  CHECK(settings.statement_prefix == "ESD");
  CHECK(settings.refund_prefix == "AR");
  CHECK(settings.reversal_prefix == "OR");
  CHECK(settings.cancellation_prefix == "ER");
  CHECK(settings.report_prefix == "CRG");
  REQUIRE(settings.payment_term.has_value());
  CHECK(*settings.payment_term == prorata::Duration{30, prorata::Duration::Unit::days});
  CHECK(settings.vat_mention == "Hors champ de TVA, art. 256 B du CGI.");

  prorata::Diagnostics diagnostics;
  auto bad = prorata::io::load_rules(replaced(seed_rules_text(), "    place: \"Paris\"\n",
                                              "    place: \"Paris\"\n    payment_term: one month\n"
                                              "    reversal_prefix: or\n"),
                                     "rules.yaml", diagnostics);
  (void)bad;
  REQUIRE(diagnostics.items().size() == 2);
  const std::string messages =
      prorata::format_diagnostic(diagnostics.items()[0]) + "\n" + prorata::format_diagnostic(diagnostics.items()[1]);
  CHECK(contains(messages, "bad payment_term 'one month'"));
  CHECK(contains(messages, "bad reversal_prefix 'or': use 1 to 16 capital letters"));
}
