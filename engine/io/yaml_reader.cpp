#include "io/yaml_reader.h"

#include <set>
#include <vector>

#include "core/limits.h"
#include "core/message_text.h"
#include "core/nearest_name.h"
#include "io/text_checks.h"

namespace prorata::io::detail {

namespace {
std::string in_quotes(std::string_view text) { return "'" + shown_safely(text) + "'"; }

const char* type_name(const YamlNode& node) {
  switch (node.type()) {
    case YamlType::mapping: return "a mapping";
    case YamlType::sequence: return "a list";
    case YamlType::scalar: return "a single value";
    case YamlType::null:
    case YamlType::undefined: return "nothing";
  }
  return "nothing";
}
}  // namespace

SourceLoc YamlReader::loc(const YamlNode& node) const {
  return SourceLoc{path_, node.line(), node.column()};
}

void YamlReader::error(const YamlNode& node, std::string message) const {
  diagnostics_.error(loc(node), std::move(message));
}

bool YamlReader::check_mapping(const YamlNode& node, std::string_view what,
                               std::initializer_list<std::string_view> allowed) const {
  if (!node.is_map()) {
    error(node, std::string(what) + " must be a mapping of keys, found " + type_name(node));
    return false;
  }
  std::vector<std::string_view> names(allowed);
  std::set<std::string> seen;
  bool ok = true;
  for (const auto& entry : node) {
    const YamlNode& key = entry.first;
    if (!key.is_scalar()) {
      error(key, "keys of " + std::string(what) + " must be plain names");
      ok = false;
      continue;
    }
    const std::string& name = key.scalar();
    if (!seen.insert(name).second) {
      error(key, "duplicate key " + in_quotes(name) + " in " + std::string(what));
      ok = false;
    }
    bool known = false;
    for (auto candidate : names) known = known || candidate == name;
    if (!known) {
      std::string message = "unknown key " + in_quotes(name) + " in " + std::string(what);
      if (!name.empty() && name.find_first_not_of("0123456789") == std::string::npos) {
        message += " (a decimal comma inside {...}? write amounts as 9000.00)";
      } else if (auto near = nearest_name(name, names)) {
        message += "; did you mean " + in_quotes(*near) + "?";
      }
      error(key, message);
      ok = false;
    }
  }
  return ok;
}

void YamlReader::unknown_value(const YamlNode& node, std::string_view what, const std::string& value,
                               std::initializer_list<std::string_view> allowed, std::string_view expected) const {
  const std::vector<std::string_view> names(allowed);
  const std::string near = did_you_mean(value, names);
  std::string message = "unknown " + std::string(what) + " " + in_quotes(value);
  message += near.empty() ? "; " + std::string(expected) : near + " (" + std::string(expected) + ")";
  error(node, message);
}

std::optional<YamlNode> YamlReader::child(const YamlNode& parent, std::string_view key, bool required,
                                            std::string_view what) const {
  if (!parent.is_map()) return std::nullopt;
  for (const auto& entry : parent) {
    if (!entry.first.is_scalar() || entry.first.scalar() != key) continue;
    if (entry.second.is_null()) {
      if (required) error(entry.first, "key " + in_quotes(key) + " in " + std::string(what) + " has no value");
      return std::nullopt;
    }
    return entry.second;
  }
  if (required) error(parent, "missing key " + in_quotes(key) + " in " + std::string(what));
  return std::nullopt;
}

std::optional<std::string> YamlReader::text(const YamlNode& node, std::string_view key) const {
  if (!node.is_scalar()) {
    error(node, in_quotes(key) + " must be text, found " + type_name(node));
    return std::nullopt;
  }
  if (node.scalar().size() > limits::text_bytes_max) {
    error(node, in_quotes(key) + " is longer than " + std::to_string(limits::text_bytes_max) + " bytes");
    return std::nullopt;
  }
  // No tab either: in a title, a name or an address it is a hidden column break, in an id an error.
  if (auto hidden = first_hidden_character(node.scalar(), /*allow_tab=*/false)) {
    error(node, hidden_character_message(in_quotes(key), *hidden));
    return std::nullopt;
  }
  return node.scalar();
}

std::optional<std::string> YamlReader::id(const YamlNode& node, std::string_view key) const {
  auto value = text(node, key);
  if (!value) return std::nullopt;
  if (!is_id(*value)) {
    error(node, "bad " + std::string(key) + " " + in_quotes(*value) +
                    ": use 1 to 64 lower-case letters, digits and '-' (e.g. val-d-oise)");
    return std::nullopt;
  }
  return value;
}

std::optional<Money> YamlReader::amount(const YamlNode& node, std::string_view key, bool allow_negative) const {
  auto value = text(node, key);
  if (!value) return std::nullopt;
  AmountParse parsed = parse_amount(*value);
  if (!parsed.value) {
    error(node, "bad amount " + in_quotes(*value) + " for " + in_quotes(key) + ": " + parsed.error);
    return std::nullopt;
  }
  if (!allow_negative && parsed.value->cents < 0) {
    error(node, in_quotes(key) + " cannot be negative (found " + *value + ")");
    return std::nullopt;
  }
  return parsed.value;
}

std::optional<Ratio> YamlReader::weight(const YamlNode& node, std::string_view key) const {
  auto value = text(node, key);
  if (!value) return std::nullopt;
  WeightParse parsed = parse_weight(*value);
  if (!parsed.value) {
    error(node, "bad weight " + in_quotes(*value) + " for " + in_quotes(key) + ": " + parsed.error);
    return std::nullopt;
  }
  return parsed.value;
}

}  // namespace prorata::io::detail
