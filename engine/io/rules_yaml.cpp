#include "io/rules_yaml.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/caps.h"
#include "core/limits.h"
#include "core/message_text.h"
#include "io/input_file.h"
#include "io/rules_yaml_amendments.h"
#include "io/rules_yaml_parties.h"
#include "io/text_checks.h"
#include "io/yaml_document.h"
#include "io/yaml_reader.h"

namespace prorata::io {

namespace {

using detail::YamlReader;
using namespace detail;  // the loaders of rules_yaml_parties.h

// Before the YAML parser sees the text: its size, no NUL, valid UTF-8. The nesting, alias and document
// limits are checked while the tree is built (io/yaml_document.h).
bool precheck(std::string_view text, const std::string& path, Diagnostics& diagnostics) {
  if (text.size() > limits::rules_file_bytes_max) {
    LineColumn at = line_column_at(text, limits::rules_file_bytes_max);  // where the limit is passed
    diagnostics.error({path, at.line, at.column}, "rules file larger than " +
                                                      std::to_string(limits::rules_file_bytes_max) + " bytes");
    return false;
  }
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    LineColumn at = line_column_at(text, nul);
    diagnostics.error({path, at.line, at.column}, "NUL byte in a text file (is this a binary file?)");
    return false;
  }
  if (auto bad = first_invalid_utf8(text)) {
    LineColumn at = line_column_at(text, *bad);
    diagnostics.error({path, at.line, at.column}, not_utf8_hint);
    return false;
  }
  return true;
}

void load_term(const YamlReader& in, const YamlNode& node, Term& term) {
  if (!in.check_mapping(node, "term", {"effective", "max_duration", "ends_at_milestone", "notice_period", "basis"})) {
    return;
  }
  if (auto effective = in.child(node, "effective", true, "term")) {
    auto value = in.text(*effective, "effective");
    if (value && *value != "last_signature") {
      in.unknown_value(*effective, "effective rule", *value, {"last_signature"}, "the only one is 'last_signature'");
    }
  }
  if (auto child = in.child(node, "max_duration", true, "term")) {
    if (auto value = load_duration(in, *child, "max_duration")) term.max_duration = *value;
  }
  if (auto child = in.child(node, "notice_period", false, "term")) {
    if (auto value = load_duration(in, *child, "notice_period")) term.notice_period = *value;
  }
  if (auto milestone = in.child(node, "ends_at_milestone", false, "term")) {
    term.ends_at_milestone = in.id(*milestone, "ends_at_milestone");
  }
  if (auto basis = in.child(node, "basis", false, "term")) term.basis = in.text(*basis, "basis").value_or("");
}

void load_settlement(const YamlReader& in, const YamlNode& node, Rules& rules,
                     std::optional<YamlNode>& weights_node) {
  if (!in.check_mapping(node, "settlement", {"share_key", "weights", "basis"})) return;
  if (auto basis = in.child(node, "basis", false, "settlement")) rules.settlement_basis = in.text(*basis, "basis").value_or("");
  if (auto key = in.child(node, "share_key", true, "settlement")) {
    auto value = in.text(*key, "share_key");
    const std::map<std::string, ShareKey> keys{{"paid", ShareKey::paid}, {"caps", ShareKey::caps},
                                               {"equal", ShareKey::equal}, {"weights", ShareKey::weights}};
    if (value && keys.count(*value)) rules.share_key = keys.at(*value);
    else if (value) {
      in.unknown_value(*key, "share_key", *value, {"paid", "caps", "equal", "weights"},
                       "expected paid, caps, equal or weights");
    }
  }
  weights_node = in.child(node, "weights", false, "settlement");
}

void load_contributors(const YamlReader& in, const YamlNode& node, Rules& rules) {
  if (!node.is_sequence() || node.size() == 0) {
    in.error(node, "contributors must be a non-empty list");
    return;
  }
  if (node.size() > limits::contributors_max) {
    in.error(node, "more than " + std::to_string(limits::contributors_max) + " contributors");
    return;
  }
  std::map<std::string, YamlNode> seen;
  seen.emplace(rules.beneficiary.id, node);
  rules.contributors.reserve(node.size());  // no doubling slack: a portfolio holds thousands of these
  for (const auto& item : node) {
    auto contributor = load_contributor(in, item);
    if (!contributor) continue;
    if (!seen.emplace(contributor->id, item).second) {
      in.error(item, "duplicate party id " + in_quotes(contributor->id));
      continue;
    }
    rules.contributors.push_back(*contributor);
  }
}

// Weights name every contributor exactly once, only under share_key weights, and are not all zero.
void load_weights(const YamlReader& in, const std::optional<YamlNode>& node, const YamlNode& settlement,
                  Rules& rules) {
  if (rules.share_key != ShareKey::weights) {
    if (node) in.error(*node, "weights are only read with share_key: weights");
    return;
  }
  if (!node) {
    in.error(settlement, "share_key: weights needs a weights map naming every contributor");
    return;
  }
  if (!node->is_map()) {
    in.error(*node, "weights must map each contributor id to a weight");
    return;
  }
  bool any_positive = false;
  std::set<std::string> named;
  for (const auto& entry : *node) {
    const std::string name = entry.first.is_scalar() ? entry.first.scalar() : std::string();
    if (rules.find_contributor(name) == nullptr) {
      in.error(entry.first, "weights name " + in_quotes(name) + ", which is not a contributor");
      continue;
    }
    if (!named.insert(name).second) {
      in.error(entry.first, "duplicate weight for " + in_quotes(name));
      continue;
    }
    if (auto weight = in.weight(entry.second, name)) {
      any_positive = any_positive || *weight > 0;
      rules.weights.emplace(name, *weight);
    }
  }
  for (const auto& c : rules.contributors) {
    if (!named.count(c.id)) in.error(*node, "weights miss contributor " + in_quotes(c.id));
  }
  if (rules.weights.size() == rules.contributors.size() && !any_positive) in.error(*node, "weights are all zero");
}

void load_aggregate(const YamlReader& in, const YamlNode& convention, Rules& rules) {
  auto cap = in.child(convention, "aggregate_cap", false, "convention");
  if (cap) rules.aggregate_cap = in.amount(*cap, "aggregate_cap", false);
  if (cap) rules.aggregate_cap_loc = in.loc(*cap);
  if (auto policy = in.child(convention, "aggregate_cap_policy", false, "convention")) {
    auto value = in.text(*policy, "aggregate_cap_policy");
    if (value && *value == "scale") rules.aggregate_cap_policy = CapPolicy::scale;
    else if (value && *value != "reject") {
      in.unknown_value(*policy, "aggregate_cap_policy", *value, {"reject", "scale"}, "expected reject or scale");
    }
    if (!cap) in.error(*policy, "aggregate_cap_policy without an aggregate_cap");
  }
  const CapsResult caps = effective_caps(rules);
  if (!caps.value) {
    if (caps.overflow) in.error(convention, "the contributors' caps add up past the checked range");
    else in.error(cap ? *cap : convention, "the contributors' caps sum to " + format_amount(caps.agreed_sum) +
                                               ", more than aggregate_cap " + format_amount(*rules.aggregate_cap) +
                                               " (aggregate_cap_policy: scale would scale them down)");
  }
}

void load_categories(const YamlReader& in, const YamlNode& convention, Rules& rules) {
  auto node = in.child(convention, "eligible_categories", false, "convention");
  if (!node) return;
  if (!node->is_sequence()) {
    in.error(*node, "eligible_categories must be a list, e.g. [coaching, seminar]");
    return;
  }
  std::vector<std::string> categories;
  for (const auto& item : *node) {
    if (auto value = in.text(item, "category")) categories.push_back(*value);
  }
  rules.eligible_categories = categories;
}

void load_beneficiary(const YamlReader& in, const YamlNode& node, Rules& rules) {
  if (!in.check_mapping(node, "beneficiary", {"id", "name", "address", "siren", "representative"})) return;
  if (auto id = in.child(node, "id", true, "beneficiary")) rules.beneficiary.id = in.id(*id, "beneficiary id").value_or("");
  if (auto name = in.child(node, "name", true, "beneficiary")) rules.beneficiary.name = in.text(*name, "name").value_or("");
  load_identity(in, node, "beneficiary", rules.beneficiary);
}

void load_convention(const YamlReader& in, const YamlNode& node, Rules& rules) {
  rules.loc = in.loc(node);
  // On unknown keys, go on: the problems of the known keys are reported too.
  in.check_mapping(node, "convention",
                   {"id", "title", "currency", "beneficiary", "term", "aggregate_cap", "aggregate_cap_policy",
                    "eligible_categories", "settlement", "contributors", "accountant", "budget", "documents",
                    "amendments", "caps_basis", "eligibility_basis"});
  if (auto id = in.child(node, "id", true, "convention")) rules.id = in.id(*id, "convention id").value_or("");
  if (auto title = in.child(node, "title", true, "convention")) rules.title = in.text(*title, "title").value_or("");
  if (auto currency = in.child(node, "currency", false, "convention")) {
    auto value = in.text(*currency, "currency");
    if (value && *value != "EUR") in.error(*currency, "unsupported currency " + in_quotes(*value) + "; only EUR for now");
  }
  if (auto beneficiary = in.child(node, "beneficiary", true, "convention")) load_beneficiary(in, *beneficiary, rules);
  if (auto term = in.child(node, "term", true, "convention")) load_term(in, *term, rules.term);
  load_categories(in, node, rules);
  if (auto contributors = in.child(node, "contributors", true, "convention")) load_contributors(in, *contributors, rules);
  std::optional<YamlNode> weights;
  auto settlement = in.child(node, "settlement", true, "convention");
  if (settlement) load_settlement(in, *settlement, rules, weights);
  if (settlement && settlement->is_map()) load_weights(in, weights, *settlement, rules);
  load_aggregate(in, node, rules);
  if (auto accountant = in.child(node, "accountant", false, "convention")) rules.accountant = load_accountant(in, *accountant);
  if (auto budget = in.child(node, "budget", false, "convention")) rules.budget = load_budget(in, *budget);
  if (auto documents = in.child(node, "documents", false, "convention")) load_documents(in, *documents, rules.documents);
  for (auto [key, text] : {std::pair{"caps_basis", &rules.caps_basis}, {"eligibility_basis", &rules.eligibility_basis}}) {
    if (auto basis = in.child(node, key, false, "convention")) *text = in.text(*basis, key).value_or("");
  }
  if (auto amendments = in.child(node, "amendments", false, "convention")) load_amendments(in, *amendments, rules);
}

}  // namespace

std::optional<Rules> load_rules(std::string_view text, const std::string& path, Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.error_count();
  if (!precheck(text, path, diagnostics)) return std::nullopt;
  const std::optional<YamlDocument> document = YamlDocument::parse(text, path, diagnostics);
  if (!document) return std::nullopt;
  const YamlNode root = document->root();
  YamlReader in(path, diagnostics);
  if (root.is_null()) {
    diagnostics.error({path, 1, 1}, "empty rules file: expected 'format: prorata/1' and a convention");
    return std::nullopt;
  }
  Rules rules;
  in.check_mapping(root, "the rules file", {"format", "convention"});
  if (auto format = in.child(root, "format", true, "the rules file")) {
    auto value = in.text(*format, "format");
    if (value && *value != "prorata/1") in.unknown_value(*format, "format", *value, {"prorata/1"}, "expected prorata/1");
  }
  if (auto convention = in.child(root, "convention", true, "the rules file")) load_convention(in, *convention, rules);
  if (diagnostics.error_count() != errors_before) return std::nullopt;
  return rules;
}

std::optional<Rules> load_rules_file(const std::string& path, Diagnostics& diagnostics) {
  auto file = open_input_file(path, "the rules file", diagnostics);
  if (!file) return std::nullopt;
  std::string text;
  char buffer[1 << 16];
  while (file->read(buffer, sizeof buffer) || file->gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(file->gcount()));
    if (text.size() > limits::rules_file_bytes_max) break;  // precheck reports it
  }
  return load_rules(text, path, diagnostics);
}

}  // namespace prorata::io
