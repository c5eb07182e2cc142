// Sample documents for the text, JSON and PDF renderer tests, with the reference convention's values
// (shared/reference/convention-dinum-val-doise-2020.txt): the DINUM calls 9 000,00 € from the
// Département du Val-d'Oise, to be paid to the SCBCM of the Prime Minister's services.
#pragma once
#include <cstddef>
#include <string>

#include "core/amount_words.h"
#include "core/bank_account.h"
#include "core/document_types.h"

namespace prorata::samples {

inline Date day(int year, unsigned month, unsigned day_of_month) {
  return Date{date::year{year} / date::month{month} / date::day{day_of_month}};
}

inline Organisation dinum() {
  return Organisation{.name = "Direction interministérielle du numérique",
                      .address = {"20 avenue de Ségur — TSA 30719", "75334 Paris Cedex 07"},
                      .siren = "",
                      .representative = Person{"Nadi Bou Hanna", "Directeur interministériel du numérique"}};
}

inline Organisation val_d_oise() {
  return Organisation{.name = "Département du Val-d'Oise",
                      .address = {"Hôtel du Département", "2 avenue du Parc", "95032 Cergy-Pontoise Cedex"},
                      .siren = "229501275",
                      .representative = Person{"", "La Présidente du Conseil départemental"}};
}

inline BankAccount scbcm_account() {
  return BankAccount{.holder = "SCBCM SERVICES PREMIER MINISTRE",
                     .domiciliation = "DGO DSB SEGPS – 2310, 31 rue Croix des Petits-Champs, Paris 1er",
                     .rib = Rib{"30001", "00064", "00000092441", "40"},
                     .iban = "FR7630001000640000009244140",
                     .bic = "BDFEFRPPCCT"};
}

inline const char* convention_title() { return "Programme de pré-incubation DINUM – Départements (2020)"; }

inline ConventionRef convention() {
  return ConventionRef{"dinum-preincubation-2020", convention_title(), day(2020, 7, 2), {}};
}

inline Signature signature() { return Signature{"Paris", Person{"Nadi Bou Hanna", "Directeur interministériel du numérique"}}; }

// The Val-d'Oise's second call: 4 500,00 € after a first one of 4 500,00 € (cap 9 000,00 €).
inline StatementDocument statement() {
  StatementDocument d;
  d.number = "ESD-2020-0004";
  d.issued = day(2020, 7, 22);
  d.creditor = dinum();
  d.accountant = "SCBCM des services du Premier ministre";
  d.debtor = val_d_oise();
  d.debtor_id = "val-d-oise";
  d.convention = convention();
  d.legal_basis = "Convention, art. 4.1 à 4.4";
  d.call = "2e tranche, 50 %";
  d.cap = Money::from_cents(900'000);
  d.earlier_calls = {{"ESD-2020-0001", day(2020, 7, 10), Money::from_cents(450'000), "1re tranche, 50 %"}};
  d.amount = Money::from_cents(450'000);
  d.called_to_date = Money::from_cents(900'000);
  d.amount_words = amount_in_words_fr(d.amount);
  d.due = day(2020, 8, 21);
  d.budget_year = 2020;
  d.vat_mention = "Hors champ de TVA, art. 256 B du CGI.";
  d.pay_to = scbcm_account();
  d.payment_reference = d.number;
  d.budget = Budget{"fonds de concours", "352", "Arrêté d'ouverture de crédits rattachant les versements au programme"};
  d.signature = signature();
  return d;
}

// The Val-d'Oise's refund account (a paierie départementale at the Banque de France), with its key
// and IBAN computed from bank, branch and account.
inline BankAccount paierie_account() {
  Rib rib{"30001", "00663", "0000C955000", ""};
  rib.key = std::to_string(*rib_key(rib.bank, rib.branch, rib.account));
  if (rib.key.size() < 2) rib.key.insert(0, "0");
  return BankAccount{.holder = "PAIERIE DEPARTEMENTALE DU VAL D'OISE",
                     .domiciliation = "BDF CERGY-PONTOISE",
                     .rib = rib,
                     .iban = *iban_from_rib(rib),
                     .bic = "BDFEFRPPCCT"};
}

// `count` contributors who each paid 9 000,00 €, each finally contributing 7 624,69 € (eligible spending
// 7 624,69 € × count): 1 375,31 € back to each. The five of the reference when count is 5, otherwise
// "dept-01"… with the Val-d'Oise as "val-d-oise" among them (ids sort it last).
inline RefundNotice refund_notice(std::size_t count, bool provisional) {
  const char* five[][2] = {{"nord", "Département du Nord"},
                           {"oise", "Département de l'Oise"},
                           {"pas-de-calais", "Département du Pas-de-Calais"},
                           {"somme", "Département de la Somme"},
                           {"val-d-oise", "Département du Val-d'Oise"}};
  RefundNotice n;
  n.number = provisional ? "" : "AR-2020-0001";
  n.mark = provisional ? DocumentMark::provisional : DocumentMark::issued;
  n.issued = day(2020, 12, 31);
  n.issuer = dinum();
  n.contributor = val_d_oise();
  n.contributor_id = "val-d-oise";
  n.convention = convention();
  if (!provisional) n.term_end = TermEndRef{day(2020, 12, 15), EndReason::milestone, "phase-5-end", {6, Duration::Unit::months}, {}};
  n.legal_basis = "Convention, art. 4.5";
  n.rule = "Les crédits versés non utilisés conformément à l'objet de la convention sont restitués à chaque "
           "contributeur au prorata des montants versés.";
  for (std::size_t i = 0; i < count; ++i) {
    std::string id = count == 5 ? five[i][0] : (i + 1 == count ? "val-d-oise" : "dept-" + std::to_string(100 + i).substr(1));
    std::string name = count == 5 ? five[i][1] : (i + 1 == count ? "Département du Val-d'Oise"
                                                                  : "Département n° " + std::to_string(i + 1));
    n.settlement.push_back(
        {id, name, Money::from_cents(900'000), Money::from_cents(762'469), Money::from_cents(137'531), Money{}});
    n.eligible_spending += Money::from_cents(762'469);
  }
  n.covered = n.eligible_spending;
  n.amount = Money::from_cents(137'531);
  n.amount_words = amount_in_words_fr(n.amount);
  n.refund_to = paierie_account();
  n.signature = signature();
  return n;
}

// The Oise was refunded 3 000,00 € of its 9 000,00 € but its final contribution is 7 000,00 €: it owes
// 1 000,00 €, all of it refunds beyond what was due (net paid 6 000,00 €).
inline ReversalOrder reversal_order() {
  ReversalOrder o;
  o.number = "OR-2021-0001";
  o.issued = day(2021, 2, 1);
  o.issuer = dinum();
  o.accountant = "SCBCM des services du Premier ministre";
  o.debtor = Organisation{.name = "Département de l'Oise", .address = {"1 rue Cambry", "60024 Beauvais Cedex"}};
  o.debtor_id = "oise";
  o.convention = convention();
  o.term_end = TermEndRef{day(2021, 1, 2), EndReason::max_duration, "", {6, Duration::Unit::months}, {}};
  o.legal_basis = "Convention, art. 4.5";
  o.paid = Money::from_cents(900'000);
  o.refunded = Money::from_cents(300'000);
  o.net_paid = Money::from_cents(600'000);
  o.final_contribution = Money::from_cents(700'000);
  o.amount_due = Money::from_cents(100'000);
  o.amount = Money::from_cents(100'000);
  o.complementary = Money{};
  o.amount_words = amount_in_words_fr(o.amount);
  o.due = day(2021, 3, 3);
  o.budget_year = 2021;
  o.pay_to = scbcm_account();
  o.payment_reference = o.number;
  o.signature = signature();
  return o;
}

// The Somme's call ESD-2020-0005 of 9 000,00 €, 4 500,00 € paid on it, the other 4 500,00 € cancelled
// at the end of the term (its final contribution 3 088,89 € is covered by its 4 500,00 € paid).
inline CancellationDocument cancellation() {
  CancellationDocument d;
  d.number = "ER-2021-0001";
  d.issued = day(2021, 1, 15);
  d.creditor = dinum();
  d.accountant = "SCBCM des services du Premier ministre";
  d.debtor = Organisation{.name = "Département de la Somme"};
  d.debtor_id = "somme";
  d.convention = convention();
  d.legal_basis = "Convention, art. 4.1 à 4.4";
  d.term_end = TermEndRef{day(2020, 12, 15), EndReason::milestone, "phase-5-end", {6, Duration::Unit::months}, {}};
  d.final_contribution = Money::from_cents(308'889);
  d.net_paid = Money::from_cents(450'000);
  d.statement_number = "ESD-2020-0005";
  d.statement_date = day(2020, 7, 22);
  d.statement_amount = Money::from_cents(900'000);
  d.paid_on_statement = Money::from_cents(450'000);
  d.amount = Money::from_cents(450'000);
  d.remaining = Money::from_cents(450'000);
  d.remaining_unpaid = Money{};
  d.amount_words = amount_in_words_fr(d.amount);
  d.budget_year = 2021;
  d.signature = signature();
  return d;
}

}  // namespace prorata::samples
