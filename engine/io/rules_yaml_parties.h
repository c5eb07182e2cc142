// The parts of a rules file that documents need: addresses, representatives, bank accounts (RIB,
// IBAN, BIC checked), the accountant, the budget imputation and document settings.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/parties.h"
#include "core/rules.h"
#include "io/yaml_reader.h"

namespace prorata::io::detail {

std::optional<std::vector<std::string>> load_address(const YamlReader& in, const YamlNode& node);
std::optional<Person> load_person(const YamlReader& in, const YamlNode& node, std::string_view what);
std::optional<BankAccount> load_account(const YamlReader& in, const YamlNode& node, std::string_view what);
std::optional<std::string> load_siren(const YamlReader& in, const YamlNode& node);
std::optional<Accountant> load_accountant(const YamlReader& in, const YamlNode& node);
std::optional<Budget> load_budget(const YamlReader& in, const YamlNode& node);
void load_documents(const YamlReader& in, const YamlNode& node, DocumentSettings& settings);

// Address, SIREN and representative: shared by the beneficiary and the contributors.
bool load_identity(const YamlReader& in, const YamlNode& node, std::string_view what, Party& party);
bool load_identity(const YamlReader& in, const YamlNode& node, std::string_view what, Contributor& party);

// A contributor: id, name, cap (its location kept), and its identity and refund account.
std::optional<Contributor> load_contributor(const YamlReader& in, const YamlNode& node);

}  // namespace prorata::io::detail
