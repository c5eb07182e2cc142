// Who the documents name: organisations with their address, identifiers and representative, and the
// bank accounts money moves through. Loaded and checked by io/rules_yaml (RIB key, IBAN, BIC, SIREN).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/amount_words.h"
#include "core/bank_account.h"
#include "core/calendar.h"

namespace prorata {

struct Person {
  std::string name;   // may be empty when only the title is known ("La Présidente du Conseil départemental")
  std::string title;
};

struct BankAccount {
  std::string holder;
  std::string domiciliation;  // may be empty
  std::optional<Rib> rib;     // French RIB, when given
  std::string iban;           // normalised (no spaces), may be empty when only a RIB is given
  std::string bic;            // may be empty
};

struct Organisation {
  std::string name;
  std::vector<std::string> address;  // one entry per line, may be empty
  std::string siren;                 // 9 digits, Luhn-checked; may be empty
  std::optional<Person> representative;
};

// The public accountant who collects the contributions (art. 4.3 of the reference: the SCBCM).
struct Accountant {
  std::string name;
  BankAccount account;
};

// How receipts are booked (art. 4.4 of the reference: fonds de concours, programme 352).
struct Budget {
  std::string fund;       // e.g. "fonds de concours"
  std::string programme;  // e.g. "352"
  std::string note;       // free text, may be empty
};

struct DocumentSettings {
  std::string statement_prefix = "ESD";     // états des sommes dues, complementary ones too: ESD-2020-0001
  std::string refund_prefix = "AR";         // avis de restitution: AR-2021-0001
  std::string reversal_prefix = "OR";       // ordres de reversement: OR-2021-0001
  std::string cancellation_prefix = "ER";   // états rectificatifs (a call reduced or cancelled): ER-2021-0001
  std::string report_prefix = "CRG";        // comptes rendus de gestion (yearly reports): CRG-2021-0001
  std::optional<Duration> payment_term;     // a statement's due date is its date + this ("30 days")
  std::string vat_mention;                  // printed on statements when set ("hors champ de TVA, art. 256 B du CGI")
  std::string place;                     // "Paris"
  std::optional<Person> signatory;
  std::string statement_basis;           // legal basis printed on statements
  std::string refund_basis;              // legal basis printed on refund notices
  Spelling spelling = Spelling::traditional;  // amounts in words: traditional, or 1990 (all hyphens)
};

}  // namespace prorata
