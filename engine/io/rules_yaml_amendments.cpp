#include "io/rules_yaml_amendments.h"

#include <algorithm>
#include <map>
#include <set>

#include "io/rules_yaml_parties.h"

#include "core/message_text.h"

namespace prorata::io::detail {

namespace {


// What an amendment may not change (art. 5 changes how the convention runs, not who it is between
// nor how it is shared), with the reason given to the user.
std::optional<std::string> unchangeable(std::string_view key) {
  static const std::map<std::string, std::string, std::less<>> keys{
      {"share_key", "the share key cannot be changed by an amendment: it would resettle every payment already made"},
      {"settlement", "the settlement cannot be changed by an amendment; a joining contributor's weight goes under "
                     "'weights'"},
      {"beneficiary", "the beneficiary cannot be changed by an amendment: it is a party to the convention itself"},
      {"currency", "the currency cannot be changed by an amendment"},
      {"id", "the convention id cannot be changed by an amendment"},
      {"notice_period", "the notice period cannot be changed by an amendment"},
  };
  auto found = keys.find(key);
  if (found == keys.end()) return std::nullopt;
  return found->second;
}

struct FileContext {
  std::set<std::string> base_contributors;
  std::map<std::string, std::string> joined_by;  // contributor id -> the amendment that adds it
  std::vector<std::pair<CapChange, std::string>> cap_changes;  // checked once every amendment is read
};

void load_contributor_change(const YamlReader& in, const YamlNode& item, const Rules& rules,
                             const std::string& amendment_id, FileContext& file, AmendmentChanges& changes) {
  if (!item.is_map()) {
    in.error(item, "an amendment's contributor is {id: ..., cap: ...} to change a cap, or a full contributor "
                   "(with its name) to add one");
    return;
  }
  if (!item["name"]) {  // an existing contributor: only its cap
    if (!in.check_mapping(item, "an amendment's cap change (a joining contributor needs its name)", {"id", "cap"})) {
      return;
    }
    auto id_node = in.child(item, "id", true, "an amendment's cap change");
    auto cap_node = in.child(item, "cap", true, "an amendment's cap change");
    auto id = id_node ? in.id(*id_node, "contributor id") : std::nullopt;
    auto cap = cap_node ? in.amount(*cap_node, "cap", false) : std::nullopt;
    if (!id || !cap) return;
    if (std::any_of(changes.caps.begin(), changes.caps.end(), [&](const CapChange& c) { return c.id == *id; })) {
      in.error(*id_node, "the cap of " + in_quotes(*id) + " is changed twice in this amendment");
      return;
    }
    changes.caps.push_back({*id, *cap, in.loc(*cap_node)});
    file.cap_changes.emplace_back(changes.caps.back(), amendment_id);
    return;
  }
  auto contributor = load_contributor(in, item);
  if (!contributor) return;
  const YamlNode id_node = item["id"];
  if (contributor->id == rules.beneficiary.id || file.base_contributors.count(contributor->id)) {
    in.error(id_node, "contributor " + in_quotes(contributor->id) +
                          " is already a party to the convention: to change its cap, give only {id, cap}");
    return;
  }
  if (auto [it, inserted] = file.joined_by.emplace(contributor->id, amendment_id); !inserted) {
    in.error(id_node, "contributor " + in_quotes(contributor->id) + " already joins by " + in_quotes(it->second));
    return;
  }
  changes.joining.push_back(*contributor);
}

// Under share_key weights, exactly the joining contributors get a weight; the others keep theirs.
void load_joining_weights(const YamlReader& in, const std::optional<YamlNode>& node, const YamlNode& changes_node,
                          const Rules& rules, AmendmentChanges& changes) {
  if (rules.share_key != ShareKey::weights) {
    if (node) in.error(*node, "weights are only read with share_key: weights");
    return;
  }
  if (node && !node->is_map()) {
    in.error(*node, "weights must map each joining contributor id to a weight");
    return;
  }
  if (node) {
    for (const auto& entry : *node) {
      const std::string name = entry.first.is_scalar() ? entry.first.scalar() : std::string();
      const bool joins = std::any_of(changes.joining.begin(), changes.joining.end(),
                                     [&](const Contributor& c) { return c.id == name; });
      if (!joins) {
        in.error(entry.first, rules.weights.count(name)
                                  ? "the weight of " + in_quotes(name) +
                                        " cannot be changed by an amendment: only joining contributors get one"
                                  : "weights name " + in_quotes(name) + ", which this amendment does not add");
        continue;
      }
      if (auto weight = in.weight(entry.second, name)) changes.weights.emplace(name, *weight);
    }
  }
  for (const Contributor& c : changes.joining) {
    if (!changes.weights.count(c.id)) {
      in.error(node ? *node : changes_node, "share_key: weights: the amendment must give the weight of joining "
                                            "contributor " + in_quotes(c.id) + " (changes: weights: {" + c.id + ": 1})");
    }
  }
}

std::optional<AmendmentChanges> load_changes(const YamlReader& in, const YamlNode& node, const Rules& rules,
                                             const std::string& amendment_id, FileContext& file) {
  if (!node.is_map() || node.size() == 0) {
    in.error(node, "an amendment's changes must be a non-empty mapping (max_duration, ends_at_milestone, "
                   "aggregate_cap, aggregate_cap_policy, eligible_categories, contributors, weights)");
    return std::nullopt;
  }
  bool ok = true;
  for (const auto& entry : node) {
    if (!entry.first.is_scalar()) continue;
    if (auto why = unchangeable(entry.first.scalar())) {
      in.error(entry.first, *why);
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  if (!in.check_mapping(node, "an amendment's changes",
                        {"max_duration", "ends_at_milestone", "aggregate_cap", "aggregate_cap_policy",
                         "eligible_categories", "contributors", "weights"})) {
    return std::nullopt;
  }
  AmendmentChanges changes;
  if (auto v = in.child(node, "max_duration", false, "changes")) changes.max_duration = load_duration(in, *v, "max_duration");
  if (auto v = in.child(node, "ends_at_milestone", false, "changes")) changes.ends_at_milestone = in.id(*v, "ends_at_milestone");
  if (auto v = in.child(node, "aggregate_cap", false, "changes")) changes.aggregate_cap = in.amount(*v, "aggregate_cap", false);
  if (auto v = in.child(node, "aggregate_cap_policy", false, "changes")) {
    auto text = in.text(*v, "aggregate_cap_policy");
    if (text == "scale") changes.aggregate_cap_policy = CapPolicy::scale;
    else if (text == "reject") changes.aggregate_cap_policy = CapPolicy::reject;
    else if (text) in.unknown_value(*v, "aggregate_cap_policy", *text, {"reject", "scale"}, "expected reject or scale");
    if (!rules.aggregate_cap && !node["aggregate_cap"]) in.error(*v, "aggregate_cap_policy without an aggregate_cap");
  }
  if (auto v = in.child(node, "eligible_categories", false, "changes")) {
    if (!v->is_sequence()) {
      in.error(*v, "eligible_categories must be a list, e.g. [coaching, seminar]");
    } else {
      std::vector<std::string> categories;
      for (const auto& item : *v) {
        if (auto value = in.text(item, "category")) categories.push_back(*value);
      }
      changes.eligible_categories = categories;
    }
  }
  if (auto v = in.child(node, "contributors", false, "changes")) {
    if (!v->is_sequence() || v->size() == 0) {
      in.error(*v, "an amendment's contributors must be a non-empty list");
    } else {
      for (const auto& item : *v) load_contributor_change(in, item, rules, amendment_id, file, changes);
    }
  }
  load_joining_weights(in, in.child(node, "weights", false, "changes"), node, rules, changes);
  return changes;
}

}  // namespace

std::optional<Duration> load_duration(const YamlReader& in, const YamlNode& node, std::string_view key) {
  auto value = in.text(node, key);
  if (!value) return std::nullopt;
  DurationParse parsed = parse_duration(*value);
  if (!parsed.value) {
    in.error(node, "bad " + std::string(key) + " " + in_quotes(*value) + ": " + parsed.error);
    return std::nullopt;
  }
  if (key == "max_duration" && parsed.value->count == 0) {
    in.error(node, "max_duration " + in_quotes(*value) + " is no time at all: a convention lasts at least a day");
    return std::nullopt;
  }
  return parsed.value;
}

void load_amendments(const YamlReader& in, const YamlNode& node, Rules& rules) {
  if (!node.is_sequence()) {
    in.error(node, "amendments must be a list of {id, title, changes}");
    return;
  }
  FileContext file;
  for (const auto& c : rules.contributors) file.base_contributors.insert(c.id);
  std::set<std::string> ids;
  for (const auto& item : node) {
    if (!in.check_mapping(item, "an amendment", {"id", "title", "changes"})) continue;
    Amendment amendment;
    auto id_node = in.child(item, "id", true, "amendment");
    auto title_node = in.child(item, "title", true, "amendment");
    auto changes_node = in.child(item, "changes", true, "amendment");
    auto id = id_node ? in.id(*id_node, "amendment id") : std::nullopt;
    auto title = title_node ? in.text(*title_node, "title") : std::nullopt;
    if (!id || !title || !changes_node) continue;
    if (!ids.insert(*id).second) {
      in.error(*id_node, "duplicate amendment id " + in_quotes(*id));
      continue;
    }
    auto changes = load_changes(in, *changes_node, rules, *id, file);
    if (!changes) continue;
    amendment.id = *id;
    amendment.title = *title;
    amendment.changes = std::move(*changes);
    amendment.loc = in.loc(*id_node);
    rules.amendments.push_back(std::move(amendment));
  }
  // A cap change names a contributor of the base rules or one that some amendment adds (whether it
  // is in force when the change takes effect is judged with the journal).
  for (const auto& [change, amendment_id] : file.cap_changes) {
    if (file.base_contributors.count(change.id) || file.joined_by.count(change.id)) continue;
    in.diagnostics().error(change.loc, "amendment " + in_quotes(amendment_id) + " changes the cap of " +
                                           in_quotes(change.id) + ", which is not a contributor (to add one, give its "
                                           "name and cap)");
  }
}

}  // namespace prorata::io::detail
