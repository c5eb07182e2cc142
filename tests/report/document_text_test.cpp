// The documents as French text (tests engine/report/document_text.h), on hand-made samples
// (document_samples.h); the documents built from the seed are in document_seed_test.cpp.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "document_samples.h"
#include "report/document_text.h"
#include "document_checks.h"

namespace samples = prorata::samples;
using prorata::Money;
using prorata::test::contains;
using prorata::test::count_of;
using prorata::test::flat;
using prorata::test::line_after;

TEST_CASE("French dates and amounts of the documents") {
  CHECK(prorata::report::date_fr(samples::day(2020, 7, 22)) == "22 juillet 2020");
  CHECK(prorata::report::date_fr(samples::day(2020, 8, 1)) == "1er août 2020");
  CHECK(prorata::report::date_fr(samples::day(2021, 2, 28)) == "28 février 2021");
  CHECK(prorata::report::date_fr(samples::day(2020, 12, 31)) == "31 décembre 2020");
  // U+202F between thousands, U+00A0 before the euro sign: the figure never breaks across lines.
  CHECK(prorata::report::amount_fr(Money::from_cents(900'000)) == "9\u202F000,00\u00A0€");
  CHECK(prorata::report::amount_fr(Money::from_cents(123'456'789)) == "1\u202F234\u202F567,89\u00A0€");
  CHECK(prorata::report::amount_fr(Money::from_cents(5)) == "0,05\u00A0€");
}

TEST_CASE("the statement shows every part of the paper form") {
  const std::string raw = prorata::report::statement_text(samples::statement());
  const std::string text = flat(raw);
  CHECK(raw.starts_with(std::string(29, ' ') + "ÉTAT DES SOMMES DUES\n"));
  CHECK(contains(text, "N° ESD-2020-0004 du 22 juillet 2020"));
  CHECK(contains(raw, "Direction interministérielle du numérique\n  20 avenue de Ségur — TSA 30719\n"
                      "  75334 Paris Cedex 07\n"));
  CHECK(contains(text, "SCBCM des services du Premier ministre"));
  CHECK(contains(text, "Département du Val-d'Oise"));
  CHECK(contains(text, "SIREN : 229501275"));
  CHECK(contains(text, "Représenté par : La Présidente du Conseil départemental"));
  CHECK(contains(text, "Convention « Programme de pré-incubation DINUM – Départements (2020) » signée le 2 juillet 2020"));
  CHECK(contains(text, "Convention, art. 4.1 à 4.4"));
  CHECK(contains(raw, "MONTANT DÛ" + std::string(58, ' ') + "4\u202F500,00\u00A0€\n"));  // flush right at 78
  CHECK(contains(raw, "\nArrêté le présent état à la somme de : quatre mille cinq cents euros\n"));
  CHECK(contains(text, "SCBCM SERVICES PREMIER MINISTRE"));
  CHECK(contains(text, "DGO DSB SEGPS – 2310, 31 rue Croix des Petits-Champs, Paris 1er"));
  CHECK(contains(raw, "  Code banque     : 30001\n"));
  CHECK(contains(raw, "  Code guichet    : 00064\n"));
  CHECK(contains(raw, "  N° de compte    : 00000092441\n"));
  CHECK(contains(raw, "  Clé RIB         : 40\n"));
  CHECK(contains(raw, "  IBAN            : FR76 3000 1000 6400 0000 9244 140\n"));
  CHECK(contains(text, "BDFEFRPPCCT"));
  CHECK(contains(raw, "Référence à rappeler sur le virement : ESD-2020-0004\n"));
  CHECK(contains(text, "fonds de concours, programme 352"));
  CHECK(contains(raw, "\nFait à Paris, le 22 juillet 2020\n"));
  CHECK(raw.ends_with("Directeur interministériel du numérique\n" + std::string(39, ' ') + "Nadi Bou Hanna\n"));
  CHECK(!contains(text, "PROVISOIRE"));
  CHECK(!contains(text, "PROJET"));
  prorata::test::check_no_blank_field(raw);
}

TEST_CASE("a statement says which call it is, the earlier calls, the cap, the due date, the year, the VAT") {
  const std::string raw = prorata::report::statement_text(samples::statement());
  const std::string text = flat(raw);
  CHECK(contains(text, "Appel de fonds : 2e tranche, 50 %"));
  // 4 500,00 (1re tranche) + 4 500,00 (this one) = 9 000,00 called; cap 9 000,00: nothing left to call.
  CHECK(contains(raw, "  N° ESD-2020-0001 du 10 juillet 2020 (1re tranche, 50 %)"));
  CHECK(contains(raw, "  Présent état" + std::string(54, ' ') + "4\u202F500,00\u00A0€\n"));
  CHECK(contains(raw, "  Total appelé au titre de la convention" + std::string(28, ' ') + "9\u202F000,00\u00A0€\n"));
  CHECK(contains(raw, "  Plafond d’engagement en vigueur" + std::string(35, ' ') + "9\u202F000,00\u00A0€\n"));
  CHECK(contains(raw, "  Reste mobilisable dans la limite du plafond" + std::string(27, ' ') + "0,00\u00A0€\n"));
  CHECK(contains(text, "À régler au plus tard le 21 août 2020."));
  CHECK(contains(raw, "  Exercice        : 2020\n"));
  CHECK(contains(raw, "\nHors champ de TVA, art. 256 B du CGI.\n"));

  prorata::StatementDocument bare = samples::statement();
  bare.call.clear();
  bare.due.reset();
  bare.vat_mention.clear();
  const std::string plain = prorata::report::statement_text(bare);
  CHECK(contains(plain, "\nAPPEL DE FONDS\n  Appel de fonds\n"));
  CHECK(!contains(plain, "À régler au plus tard"));
  CHECK(!contains(plain, "TVA"));
}

TEST_CASE("a title that starts with Convention is not preceded by the word again") {
  prorata::StatementDocument d = samples::statement();
  d.convention.title = "Convention d’étude";
  const std::string text = flat(prorata::report::statement_text(d));
  CHECK(contains(text, "Objet : « Convention d’étude » signée le 2 juillet 2020"));
  CHECK(!contains(text, "Convention « Convention"));
  d.convention.amendments = {{"avenant-1", "Avenant n° 1 : prolongation", samples::day(2020, 11, 30)}};
  CHECK(contains(flat(prorata::report::statement_text(d)),
                 "« Convention d’étude » signée le 2 juillet 2020, modifiée par l’avenant avenant-1 (« Avenant n° 1 : "
                 "prolongation ») en vigueur le 30 novembre 2020"));
}

TEST_CASE("the statement leaves out the lines it has no data for") {
  prorata::StatementDocument d = samples::statement();
  d.budget.reset();
  d.signature.signatory.reset();
  d.convention.signed_on.reset();
  d.debtor.siren.clear();
  d.debtor.representative.reset();
  d.pay_to.domiciliation.clear();
  d.pay_to.bic.clear();
  d.pay_to.rib.reset();
  d.signature.place.clear();
  const std::string text = prorata::report::statement_text(d);
  CHECK(!contains(text, "Imputation"));
  CHECK(contains(text, "Exercice        : 2020"));  // the budget year is the statement's own
  CHECK(!contains(text, "SIREN"));
  CHECK(!contains(text, "Représenté par : La Présidente"));
  CHECK(!contains(text, "Domiciliation"));
  CHECK(!contains(text, "BIC"));
  CHECK(!contains(text, "Code banque"));
  CHECK(!contains(text, "signée le"));
  CHECK(text.ends_with("\nFait, le 22 juillet 2020\n"));  // no signatory below
  CHECK(contains(text, "FR76 3000 1000 6400 0000 9244 140"));
  prorata::test::check_no_blank_field(text);
}

TEST_CASE("a preview has no number and says PROJET; a corrective document cites the one it replaces") {
  prorata::StatementDocument d = samples::statement();
  d.number.clear();
  d.payment_reference.clear();
  d.mark = prorata::DocumentMark::preview;
  const std::string raw = prorata::report::statement_text(d);
  CHECK(raw.starts_with(std::string(32, ' ') + "*** PROJET ***\n"));
  CHECK(contains(raw, "Projet non numéroté du 22 juillet 2020"));
  CHECK(!contains(raw, "N° ESD-2020-0004"));
  CHECK(!contains(raw, "Référence à rappeler"));

  prorata::StatementDocument corrective = samples::statement();
  corrective.number = "ESD-2020-0009";
  corrective.corrects = prorata::CorrectionRef{"ESD-2020-0004", samples::day(2020, 7, 22)};
  CHECK(contains(flat(prorata::report::statement_text(corrective)),
                 "Le présent document annule et remplace le document N° ESD-2020-0004 du 22 juillet 2020."));
}

TEST_CASE("the refund notice shows the settlement of every contributor") {
  const prorata::RefundNotice notice = samples::refund_notice(5, false);
  const std::string raw = prorata::report::refund_notice_text(notice);
  const std::string text = flat(raw);
  CHECK(contains(text, "AVIS DE RESTITUTION"));
  CHECK(contains(text, "N° AR-2020-0001 du 31 décembre 2020"));
  CHECK(!contains(text, "PROVISOIRE"));
  for (const auto& line : notice.settlement) CHECK_MESSAGE(contains(text, line.name), line.name);
  CHECK(count_of(text, "9\u202F000,00\u00A0€") == 5);
  CHECK(count_of(text, "7\u202F624,69\u00A0€") == 5);
  CHECK(contains(raw, "\n> Département du Val-d'Oise "));
  CHECK(count_of(raw, "\n> ") == 1);
  // The settlement table's header, on two lines: "Contribution" over "définitive".
  CHECK(flat(line_after(raw, "  Contributeur")) == "définitive");
  CHECK(contains(text, "À payer"));
  // 5 × 9 000,00 = 45 000,00 paid; 5 × 7 624,69 = 38 123,45 final; 5 × 1 375,31 = 6 876,55 refunded.
  CHECK(contains(text, "Total 45\u202F000,00\u00A0€ 38\u202F123,45\u00A0€ 6\u202F876,55\u00A0€ 0,00\u00A0€"));
  CHECK(contains(text, "Convention, art. 4.5"));
  CHECK(contains(text, "au prorata des montants versés"));
  CHECK(contains(text, "Fin du terme : le 15 décembre 2020"));
  CHECK(contains(text, "Le terme a pris fin le 15 décembre 2020, au jalon « phase-5-end »."));
  CHECK(contains(raw, "MONTANT À RESTITUER" + std::string(49, ' ') + "1\u202F375,31\u00A0€\n"));
  CHECK(contains(text, "Arrêté le présent avis à la somme de : mille trois cent soixante-quinze euros et trente et un "
                       "centimes"));
  CHECK(contains(text, "PAIERIE DEPARTEMENTALE DU VAL D'OISE"));
  CHECK(contains(text, prorata::format_iban_grouped(notice.refund_to->iban)));
  CHECK(!contains(text, "sont annulés"));
  prorata::test::check_no_blank_field(raw);
}

TEST_CASE("a provisional refund notice says so at the top, has no number, and a provisional contribution") {
  const std::string text = prorata::report::refund_notice_text(samples::refund_notice(5, true));
  CHECK(text.starts_with(std::string(30, ' ') + "*** PROVISOIRE ***\n"));
  CHECK(contains(text, "Document provisoire non numéroté du 31 décembre 2020"));
  CHECK(contains(text, "Document provisoire : la convention est en cours d’exécution"));
  CHECK(flat(line_after(text, "  Contributeur")) == "provisoire");
  CHECK(!contains(text, "définitive"));
  CHECK(!contains(text, "N° AR-"));
}

TEST_CASE("why the term ended, in each of its three ways") {
  prorata::RefundNotice notice = samples::refund_notice(5, false);
  notice.term_end = prorata::TermEndRef{samples::day(2021, 1, 21), prorata::EndReason::max_duration, "",
                                        {6, prorata::Duration::Unit::months}, {}};
  CHECK(contains(flat(prorata::report::refund_notice_text(notice)),
                 "Le terme a pris fin le 21 janvier 2021, au bout de sa durée maximale de 6 mois."));
  notice.term_end = prorata::TermEndRef{samples::day(2021, 4, 15), prorata::EndReason::termination, "",
                                        {12, prorata::Duration::Unit::months}, samples::day(2021, 3, 15)};
  CHECK(contains(flat(prorata::report::refund_notice_text(notice)),
                 "La convention a été résiliée le 15 avril 2021, après la mise en demeure du 15 mars 2021."));
}

TEST_CASE("a refund notice without a refund account says the account is missing") {
  prorata::RefundNotice notice = samples::refund_notice(5, false);
  notice.refund_to.reset();
  notice.term_end.reset();
  const std::string text = prorata::report::refund_notice_text(notice);
  CHECK(contains(text, "COMPTE DE RESTITUTION\n  Non renseigné dans la convention"));
  CHECK(!contains(text, "IBAN"));
  CHECK(!contains(text, "Fin du terme"));
  prorata::test::check_no_blank_field(text);
}

TEST_CASE("the order to pay back adds up") {
  const std::string raw = prorata::report::reversal_order_text(samples::reversal_order());
  const std::string text = flat(raw);
  CHECK(raw.starts_with(std::string(29, ' ') + "ORDRE DE REVERSEMENT\n"));
  CHECK(contains(text, "N° OR-2021-0001 du 1er février 2021"));
  CHECK(contains(text, "Département de l'Oise"));
  CHECK(contains(text, "Le terme a pris fin le 2 janvier 2021, au bout de sa durée maximale de 6 mois."));
  // 9 000,00 paid − 3 000,00 refunded = 6 000,00 net; 7 000,00 final − 6 000,00 = 1 000,00 due, all of it
  // refunds beyond what was due.
  CHECK(contains(raw, "  Versé" + std::string(61, ' ') + "9\u202F000,00\u00A0€\n"));
  CHECK(contains(raw, "  Restitué" + std::string(58, ' ') + "3\u202F000,00\u00A0€\n"));
  CHECK(contains(raw, "  Versé net (versé − restitué)" + std::string(38, ' ') + "6\u202F000,00\u00A0€\n"));
  CHECK(contains(raw, "  Contribution définitive" + std::string(43, ' ') + "7\u202F000,00\u00A0€\n"));
  CHECK(contains(raw, "  Reste dû (contribution définitive − versé net)" + std::string(20, ' ') + "1\u202F000,00\u00A0€\n"));
  CHECK(contains(raw, "MONTANT À REVERSER" + std::string(50, ' ') + "1\u202F000,00\u00A0€\n"));
  CHECK(contains(text, "Arrêté le présent ordre à la somme de : mille euros"));
  CHECK(contains(text, "À régler au plus tard le 3 mars 2021."));
  CHECK(contains(text, "Référence à rappeler sur le virement : OR-2021-0001"));
  CHECK(!contains(text, "appel complémentaire"));
  prorata::test::check_no_blank_field(raw);
}

TEST_CASE("the état rectificatif cites the statement it reduces and adds up") {
  const std::string raw = prorata::report::cancellation_text(samples::cancellation());
  const std::string text = flat(raw);
  CHECK(raw.starts_with(std::string(30, ' ') + "ÉTAT RECTIFICATIF\n"));
  CHECK(contains(text, "N° ER-2021-0001 du 15 janvier 2021"));
  CHECK(contains(text, "État rectifié : N° ESD-2020-0005 du 22 juillet 2020"));
  CHECK(contains(text, "la contribution définitive du contributeur (3\u202F088,89\u00A0€) est couverte par ses versements "
                       "nets (4\u202F500,00\u00A0€)"));
  // 9 000,00 called − 4 500,00 cancelled = 4 500,00; paid 4 500,00 on it: nothing left to pay.
  CHECK(contains(text, "Montant de l’état N° ESD-2020-0005 du 22 juillet 2020 9\u202F000,00\u00A0€"));
  CHECK(contains(text, "Annulé par le présent état 4\u202F500,00\u00A0€"));
  CHECK(contains(text, "Montant de l’appel après rectification 4\u202F500,00\u00A0€"));
  CHECK(contains(text, "Déjà versé sur cet appel 4\u202F500,00\u00A0€"));
  CHECK(contains(text, "Reste à verser sur cet appel 0,00\u00A0€"));
  CHECK(contains(text, "Le présent état réduit l’appel de fonds de la somme de : quatre mille cinq cents euros"));
  prorata::test::check_no_blank_field(raw);
}
