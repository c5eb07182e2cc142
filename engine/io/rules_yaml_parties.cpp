#include "io/rules_yaml_parties.h"

#include <iterator>
#include <utility>

#include "core/company_id.h"
#include "core/message_text.h"
#include "io/rules_yaml_amendments.h"

namespace prorata::io::detail {

namespace {

// A required or optional text field of a mapping; "" when absent.
std::string text_field(const YamlReader& in, const YamlNode& node, std::string_view key, bool required,
                       std::string_view what, bool& ok) {
  auto child = in.child(node, key, required, what);
  if (!child) {
    ok = ok && !required;
    return {};
  }
  auto value = in.text(*child, key);
  if (!value) ok = false;
  return value.value_or("");
}

std::optional<Rib> load_rib(const YamlReader& in, const YamlNode& node) {
  if (!in.check_mapping(node, "rib", {"bank", "branch", "account", "key"})) return std::nullopt;
  bool ok = true;
  Rib rib;
  rib.bank = text_field(in, node, "bank", true, "rib", ok);
  rib.branch = text_field(in, node, "branch", true, "rib", ok);
  rib.account = text_field(in, node, "account", true, "rib", ok);
  rib.key = text_field(in, node, "key", true, "rib", ok);
  if (!ok) return std::nullopt;
  BankCheck check = validate_rib(rib);
  if (!check.ok) {
    in.error(node, "bad RIB: " + check.reason);
    return std::nullopt;
  }
  return rib;
}
}  // namespace

std::optional<std::vector<std::string>> load_address(const YamlReader& in, const YamlNode& node) {
  if (!node.is_sequence()) {
    in.error(node, "an address is a list of lines, e.g. [\"2 avenue du Parc\", \"95032 Cergy-Pontoise Cedex\"]");
    return std::nullopt;
  }
  std::vector<std::string> lines;
  for (const auto& line : node) {
    auto value = in.text(line, "address line");
    if (!value) return std::nullopt;
    lines.push_back(*value);
  }
  return lines;
}

std::optional<Person> load_person(const YamlReader& in, const YamlNode& node, std::string_view what) {
  if (!in.check_mapping(node, what, {"name", "title"})) return std::nullopt;
  bool ok = true;
  Person person;
  person.name = text_field(in, node, "name", false, what, ok);
  person.title = text_field(in, node, "title", true, what, ok);
  if (!ok) return std::nullopt;
  return person;
}

std::optional<std::string> load_siren(const YamlReader& in, const YamlNode& node) {
  auto value = in.text(node, "siren");
  if (!value) return std::nullopt;
  CompanyIdCheck check = validate_siren(*value);
  if (!check.ok) {
    in.error(node, "bad SIREN " + in_quotes(*value) + ": " + check.reason);
    return std::nullopt;
  }
  return normalise_company_id(*value);
}

std::optional<BankAccount> load_account(const YamlReader& in, const YamlNode& node, std::string_view what) {
  if (!in.check_mapping(node, what, {"holder", "domiciliation", "rib", "iban", "bic"})) return std::nullopt;
  bool ok = true;
  BankAccount account;
  account.holder = text_field(in, node, "holder", true, what, ok);
  account.domiciliation = text_field(in, node, "domiciliation", false, what, ok);
  auto rib = in.child(node, "rib", false, what);
  auto iban = in.child(node, "iban", false, what);
  if (rib) {
    account.rib = load_rib(in, *rib);
    ok = ok && account.rib.has_value();
  }
  if (iban) {
    auto value = in.text(*iban, "iban");
    BankCheck check = value ? validate_iban(*value) : BankCheck{};
    if (value && !check.ok) in.error(*iban, "bad IBAN " + in_quotes(*value) + ": " + check.reason);
    if (check.ok) account.iban = normalise_iban(*value);
    ok = ok && check.ok;
  }
  if (!rib && !iban) {
    in.error(node, std::string(what) + " needs an iban or a rib");
    ok = false;
  }
  if (ok && account.rib && !account.iban.empty()) {
    BankCheck same = iban_matches_rib(account.iban, *account.rib);
    if (!same.ok) in.error(*iban, "the IBAN and the RIB of " + std::string(what) + " differ: " + same.reason);
    ok = same.ok;
  }
  if (ok && account.iban.empty()) account.iban = iban_from_rib(*account.rib).value_or("");
  if (auto bic = in.child(node, "bic", false, what)) {
    auto value = in.text(*bic, "bic");
    BankCheck check = value ? validate_bic(*value) : BankCheck{};
    if (value && !check.ok) in.error(*bic, "bad BIC " + in_quotes(*value) + ": " + check.reason);
    if (check.ok) account.bic = *value;
    ok = ok && check.ok;
  }
  if (!ok) return std::nullopt;
  return account;
}

std::optional<Accountant> load_accountant(const YamlReader& in, const YamlNode& node) {
  if (!in.check_mapping(node, "accountant", {"name", "account"})) return std::nullopt;
  bool ok = true;
  Accountant accountant;
  accountant.name = text_field(in, node, "name", true, "accountant", ok);
  auto account = in.child(node, "account", true, "accountant");
  std::optional<BankAccount> loaded = account ? load_account(in, *account, "the accountant's account") : std::nullopt;
  if (!ok || !loaded) return std::nullopt;
  accountant.account = *loaded;
  return accountant;
}

std::optional<Budget> load_budget(const YamlReader& in, const YamlNode& node) {
  if (!in.check_mapping(node, "budget", {"fund", "programme", "note"})) return std::nullopt;
  bool ok = true;
  Budget budget;
  budget.fund = text_field(in, node, "fund", true, "budget", ok);
  budget.programme = text_field(in, node, "programme", true, "budget", ok);
  budget.note = text_field(in, node, "note", false, "budget", ok);
  if (!ok) return std::nullopt;
  return budget;
}

void load_documents(const YamlReader& in, const YamlNode& node, DocumentSettings& settings) {
  if (!in.check_mapping(node, "documents", {"statement_prefix", "refund_prefix", "reversal_prefix",
                                            "cancellation_prefix", "report_prefix", "payment_term",
                                            "vat_mention", "place", "signatory", "statement_basis",
                                            "refund_basis", "spelling"})) {
    return;
  }
  bool ok = true;
  auto prefix = [&](std::string_view key, std::string& out) {
    auto child = in.child(node, key, false, "documents");
    auto value = child ? in.text(*child, key) : std::nullopt;
    if (!value) return;
    bool shape = !value->empty() && value->size() <= 16 && value->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos;
    if (shape) out = *value;
    else in.error(*child, "bad " + std::string(key) + " " + in_quotes(*value) + ": use 1 to 16 capital letters, e.g. ESD");
  };
  prefix("statement_prefix", settings.statement_prefix);
  prefix("refund_prefix", settings.refund_prefix);
  prefix("reversal_prefix", settings.reversal_prefix);
  prefix("cancellation_prefix", settings.cancellation_prefix);
  prefix("report_prefix", settings.report_prefix);
  // One series per kind: two kinds with one prefix would share a series (each kind's numbers with gaps).
  const std::pair<std::string_view, const std::string*> kinds[] = {
      {"statement_prefix", &settings.statement_prefix}, {"refund_prefix", &settings.refund_prefix},
      {"reversal_prefix", &settings.reversal_prefix},   {"cancellation_prefix", &settings.cancellation_prefix},
      {"report_prefix", &settings.report_prefix}};
  for (std::size_t later = 1; later < std::size(kinds); ++later) {
    for (std::size_t earlier = 0; earlier < later; ++earlier) {
      if (*kinds[earlier].second != *kinds[later].second) continue;
      auto at = in.child(node, kinds[later].first, false, "documents");
      if (!at) at = in.child(node, kinds[earlier].first, false, "documents");
      in.diagnostics().warning(at ? in.loc(*at) : in.loc(node),
                               std::string(kinds[later].first) + " " + in_quotes(*kinds[later].second) + " is also the " +
                                   std::string(kinds[earlier].first) + ": the two kinds of document would share one "
                                   "series of numbers; give each its own prefix");
      break;
    }
  }
  if (auto term = in.child(node, "payment_term", false, "documents")) {
    settings.payment_term = load_duration(in, *term, "payment_term");
  }
  settings.vat_mention = text_field(in, node, "vat_mention", false, "documents", ok);
  settings.place = text_field(in, node, "place", false, "documents", ok);
  settings.statement_basis = text_field(in, node, "statement_basis", false, "documents", ok);
  settings.refund_basis = text_field(in, node, "refund_basis", false, "documents", ok);
  if (auto spelling = in.child(node, "spelling", false, "documents")) {
    auto value = in.text(*spelling, "spelling");
    if (value && *value == "1990") settings.spelling = Spelling::reform1990;
    else if (value && *value != "traditional") {
      in.unknown_value(*spelling, "spelling", *value, {"traditional", "1990"}, "expected traditional or 1990");
    }
  }
  if (auto signatory = in.child(node, "signatory", false, "documents")) {
    settings.signatory = load_person(in, *signatory, "signatory");
  }
}

// Address, SIREN and representative: shared by the beneficiary and the contributors.
namespace {

template <typename PartyLike>
bool load_identity_of(const YamlReader& in, const YamlNode& node, std::string_view what, PartyLike& party) {
  bool ok = true;
  if (auto address = in.child(node, "address", false, what)) {
    auto lines = load_address(in, *address);
    if (lines) party.address = *lines; else ok = false;
  }
  if (auto siren = in.child(node, "siren", false, what)) {
    auto value = load_siren(in, *siren);
    if (value) party.siren = *value; else ok = false;
  }
  if (auto representative = in.child(node, "representative", false, what)) {
    party.representative = load_person(in, *representative, "representative");
    ok = ok && party.representative.has_value();
  }
  return ok;
}

}  // namespace

bool load_identity(const YamlReader& in, const YamlNode& node, std::string_view what, Party& party) {
  return load_identity_of(in, node, what, party);
}

bool load_identity(const YamlReader& in, const YamlNode& node, std::string_view what, Contributor& party) {
  return load_identity_of(in, node, what, party);
}

std::optional<Contributor> load_contributor(const YamlReader& in, const YamlNode& node) {
  if (!in.check_mapping(node, "a contributor",
                        {"id", "name", "siren", "cap", "address", "representative", "refund_account"})) {
    return std::nullopt;
  }
  Contributor c;
  bool ok = true;
  auto id = in.child(node, "id", true, "contributor");
  auto name = in.child(node, "name", true, "contributor");
  auto cap = in.child(node, "cap", true, "contributor");
  if (auto v = id ? in.id(*id, "contributor id") : std::nullopt) c.id = *v; else ok = false;
  if (auto v = name ? in.text(*name, "name") : std::nullopt) c.name = *v; else ok = false;
  if (auto v = cap ? in.amount(*cap, "cap", false) : std::nullopt) c.cap_agreed = *v; else ok = false;
  if (cap) c.loc = in.loc(*cap);
  ok = load_identity(in, node, "contributor", c) && ok;
  if (auto account = in.child(node, "refund_account", false, "contributor")) {
    c.refund_account = load_account(in, *account, "refund_account");
    ok = ok && c.refund_account.has_value();
  }
  if (!ok) return std::nullopt;
  return c;
}

}  // namespace prorata::io::detail
