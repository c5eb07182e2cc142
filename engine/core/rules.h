// The rules of one convention (`format: prorata/1`), as loaded and checked by io/rules_yaml.
// Pure data: the loader guarantees the invariants listed on each field.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/diagnostic.h"
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
  SourceLoc loc;       // its `cap` in the rules file

  [[nodiscard]] Organisation organisation() const { return {name, address, siren, representative}; }
};

struct Term {
  // `effective: last_signature` is the only rule for now: the day the last required party signed.
  Duration max_duration;
  std::optional<std::string> ends_at_milestone;
  // Between a formal notice and a termination; absent when the convention has no termination clause
  // (a notice or termination line in the journal is then refused).
  std::optional<Duration> notice_period;
  std::string basis;  // the article it comes from (optional `term: basis:`), for explain
};

// An existing contributor's agreed cap, as an amendment changes it.
struct CapChange {
  std::string id;
  Money cap_agreed;
  SourceLoc loc;
};

// What an amendment changes; every field is optional, at least one is given.
struct AmendmentChanges {
  std::optional<Duration> max_duration;
  std::optional<std::string> ends_at_milestone;
  std::optional<Money> aggregate_cap;
  std::optional<CapPolicy> aggregate_cap_policy;
  std::optional<std::vector<std::string>> eligible_categories;
  std::vector<CapChange> caps;           // existing contributors: only the agreed cap changes
  std::vector<Contributor> joining;      // contributors it adds
  std::map<std::string, Ratio> weights;  // share_key weights: exactly the joining contributors
};

// An avenant (art. 5 of the reference): signed in the journal by `signature` lines whose ref is its
// id, in force from its last required signature (core/timeline.h).
struct Amendment {
  std::string id;  // [a-z0-9-]+, unique
  std::string title;
  AmendmentChanges changes;
  SourceLoc loc;   // its `id` in the rules file
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
  std::vector<Amendment> amendments;      // in file order; none in an amended version (core/timeline.h)
  std::string caps_basis;                 // optional articles, for explain: the caps,
  std::string eligibility_basis;          // what is eligible,
  std::string settlement_basis;           // how the settlement is shared
  SourceLoc aggregate_cap_loc;            // where the aggregate cap is written
  SourceLoc loc;                          // where the convention is written (its mapping)

  [[nodiscard]] const Contributor* find_contributor(std::string_view id) const;
  [[nodiscard]] bool is_party(std::string_view id) const;
  [[nodiscard]] bool is_eligible(std::string_view category) const;
  [[nodiscard]] const Amendment* find_amendment(std::string_view id) const;
};

// The rules with `amendment`'s changes applied (the amendments list left as it is).
Rules apply_amendment(const Rules& rules, const Amendment& amendment);

}  // namespace prorata
