// Checked access to a YAML document (io/yaml_document.h): every accessor reports a located diagnostic instead of
// throwing, and mappings are checked for unknown (with a suggestion) and duplicate keys.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "core/money.h"
#include "core/ratio.h"
#include "io/yaml_document.h"

namespace prorata::io::detail {

class YamlReader {
 public:
  YamlReader(const std::string& path, Diagnostics& diagnostics) : path_(path), diagnostics_(diagnostics) {}

  SourceLoc loc(const YamlNode& node) const;
  [[nodiscard]] Diagnostics& diagnostics() const { return diagnostics_; }
  void error(const YamlNode& node, std::string message) const;

  // `node` must be a mapping whose keys are all in `allowed`, each once. `what` names it in messages.
  bool check_mapping(const YamlNode& node, std::string_view what,
                     std::initializer_list<std::string_view> allowed) const;
  // A present key's value; reports "missing key" at `parent` when absent and required.
  std::optional<YamlNode> child(const YamlNode& parent, std::string_view key, bool required,
                                  std::string_view what) const;

  // "unknown WHAT 'VALUE'; did you mean 'NEAR'? (EXPECTED)" at `node`, or "...; EXPECTED" when no
  // value of `allowed` is near (core/nearest_name.h). `expected` lists the values in words.
  void unknown_value(const YamlNode& node, std::string_view what, const std::string& value,
                     std::initializer_list<std::string_view> allowed, std::string_view expected) const;

  std::optional<std::string> text(const YamlNode& node, std::string_view key) const;
  std::optional<std::string> id(const YamlNode& node, std::string_view key) const;  // [a-z0-9-]+
  std::optional<Money> amount(const YamlNode& node, std::string_view key, bool allow_negative) const;
  std::optional<Ratio> weight(const YamlNode& node, std::string_view key) const;

 private:
  const std::string& path_;
  Diagnostics& diagnostics_;
};

}  // namespace prorata::io::detail
