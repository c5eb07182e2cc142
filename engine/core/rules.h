// The rules of one convention (`format: prorata/1`), as loaded and checked by io/rules_yaml.
// Pure data: the loader guarantees the invariants listed on each field.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/money.h"
#include "core/parties.h"
#include "core/ratio.h"

namespace prorata {

enum class CapPolicy { reject, scale };
enum class ShareKey { paid, caps, equal, weights };

const char* to_string(CapPolicy policy);
const char* to_string(ShareKey key);

struct Party {
  std::string id;  // [a-z0-9-]+, unique across beneficiary and contributors
  std::string name;
  std::vector<std::string> address;  // one entry per line; may be empty
  std::string siren;                 // 9 digits, Luhn-checked; may be empty
  std::optional<Person> representative;

  [[nodiscard]] Organisation organisation() const { return {name, address, siren, representative}; }
};

struct Contributor {
  std::string id;
  std::string name;
  std::string siren;   // 9 digits, Luhn-checked; may be empty
  Money cap_agreed;    // >= 0, as written in the rules (the cap in force: core/caps.h)
  std::vector<std::string> address;
  std::optional<Person> representative;
  std::optional<BankAccount> refund_account;  // where refunds go (art. 4.5 of the reference)

  [[nodiscard]] Organisation organisation() const { return {name, address, siren, representative}; }
};

struct Term {
  // `effective: last_signature` is the only rule for now: the day the last required party signed.
  Duration max_duration;
  std::optional<std::string> ends_at_milestone;
  Duration notice_period;
};

struct Rules {
  std::string id;
  std::string title;
  std::string currency = "EUR";
  Party beneficiary;
  Term term;
  std::optional<Money> aggregate_cap;
  CapPolicy aggregate_cap_policy = CapPolicy::reject;
  std::optional<std::vector<std::string>> eligible_categories;  // absent: every category is eligible
  ShareKey share_key = ShareKey::paid;
  std::map<std::string, Ratio> weights;  // share_key weights only: exactly the contributors
  std::vector<Contributor> contributors;  // in file order
  std::optional<Accountant> accountant;   // the collecting accounting office: needed for statements
  std::optional<Budget> budget;           // how receipts are booked
  DocumentSettings documents;

  [[nodiscard]] const Contributor* find_contributor(std::string_view id) const;
  [[nodiscard]] bool is_party(std::string_view id) const;
  [[nodiscard]] bool is_eligible(std::string_view category) const;
};

}  // namespace prorata
