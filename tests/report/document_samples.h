// Sample documents for the text, JSON and PDF renderer tests, with the reference convention's values
// (shared/reference/convention-dinum-val-doise-2020.txt): the DINUM calls 9 000,00 € from the
// Département du Val-d'Oise, to be paid to the SCBCM of the Prime Minister's services.
#pragma once
#include <cstddef>
#include <string>

#include "core/amount_words.h"
#include "core/bank_account.h"
#include "core/documents.h"

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

inline StatementDocument statement() {
  StatementDocument d;
  d.number = "ESD-2020-0004";
  d.issued = day(2020, 7, 22);
  d.creditor = dinum();
  d.accountant = "SCBCM des services du Premier ministre";
  d.debtor = val_d_oise();
  d.convention_id = "dinum-preincubation-2020";
  d.convention_title = convention_title();
  d.signed_on = day(2020, 7, 2);
  d.legal_basis = "Convention, art. 4.1 à 4.4";
  d.amount = Money::from_cents(900'000);
  d.amount_words = amount_in_words_fr(d.amount);
  d.pay_to = scbcm_account();
  d.payment_reference = d.number;
  d.budget = Budget{"fonds de concours", "352", "Arrêté d'ouverture de crédits rattachant les versements au programme"};
  d.place = "Paris";
  d.signatory = Person{"Nadi Bou Hanna", "Directeur interministériel du numérique"};
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
  n.number = "AR-2020-0001";
  n.issued = day(2020, 12, 31);
  n.provisional = provisional;
  n.issuer = dinum();
  n.contributor = val_d_oise();
  n.contributor_id = "val-d-oise";
  n.convention_id = "dinum-preincubation-2020";
  n.convention_title = convention_title();
  n.signed_on = day(2020, 7, 2);
  n.term_end = day(2021, 1, 2);
  n.legal_basis = "Convention, art. 4.5";
  n.rule = "Les crédits versés non utilisés conformément à l'objet de la convention sont restitués à chaque "
           "contributeur au prorata des montants versés.";
  for (std::size_t i = 0; i < count; ++i) {
    std::string id = count == 5 ? five[i][0] : (i + 1 == count ? "val-d-oise" : "dept-" + std::to_string(100 + i).substr(1));
    std::string name = count == 5 ? five[i][1] : (i + 1 == count ? "Département du Val-d'Oise"
                                                                  : "Département n° " + std::to_string(i + 1));
    n.settlement.push_back({id, name, Money::from_cents(900'000), Money::from_cents(762'469), Money::from_cents(137'531)});
    n.eligible_spending += Money::from_cents(762'469);
  }
  n.covered = n.eligible_spending;
  n.amount = Money::from_cents(137'531);
  n.amount_words = amount_in_words_fr(n.amount);
  n.refund_to = paierie_account();
  n.place = "Paris";
  n.signatory = Person{"Nadi Bou Hanna", "Directeur interministériel du numérique"};
  return n;
}

}  // namespace prorata::samples
