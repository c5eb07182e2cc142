// A YAML document read with libyaml into a small tree of nodes, under limits checked while it is read:
// the rules loader walks this tree (io/yaml_reader.h). One pass over the text builds it; aliases share
// the node they name, as in the YAML model, and their expanded size is counted, so a "billion laughs"
// file is refused before anything walks it.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace prorata::io::detail {

enum class YamlType { undefined, null, scalar, sequence, mapping };

struct YamlNodeData;

class YamlNode {
 public:
  YamlNode() = default;  // undefined: what operator[] gives for a missing key

  [[nodiscard]] explicit operator bool() const { return nodes_ != nullptr; }
  [[nodiscard]] YamlType type() const;
  [[nodiscard]] bool is_null() const { return type() == YamlType::null; }
  [[nodiscard]] bool is_scalar() const { return type() == YamlType::scalar; }
  [[nodiscard]] bool is_sequence() const { return type() == YamlType::sequence; }
  [[nodiscard]] bool is_map() const { return type() == YamlType::mapping; }
  [[nodiscard]] const std::string& scalar() const;  // the text of a scalar; empty for any other node
  [[nodiscard]] std::uint32_t line() const;    // 1-based; 0 for an undefined node
  [[nodiscard]] std::uint32_t column() const;  // 1-based, in characters; 0 for an undefined node
  [[nodiscard]] std::size_t size() const;      // items of a list, entries of a mapping, else 0
  // The value of the first entry whose key is the scalar `key`; undefined when there is none.
  [[nodiscard]] YamlNode operator[](std::string_view key) const;

  // An item of a list (the node itself), or an entry of a mapping (`first` the key, `second` the value).
  struct Item;
  class Iterator;
  [[nodiscard]] Iterator begin() const;
  [[nodiscard]] Iterator end() const;

 private:
  friend class YamlDocument;
  YamlNode(const std::vector<YamlNodeData>* nodes, std::uint32_t index) : nodes_(nodes), index_(index) {}
  [[nodiscard]] const YamlNodeData& data() const;
  [[nodiscard]] YamlNode child(std::size_t k) const;

  const std::vector<YamlNodeData>* nodes_ = nullptr;
  std::uint32_t index_ = 0;
};

struct YamlNode::Item : YamlNode {
  YamlNode first;
  YamlNode second;
};

class YamlNode::Iterator {
 public:
  Iterator(YamlNode node, std::size_t position) : node_(node), position_(position) {}
  [[nodiscard]] Item operator*() const;
  Iterator& operator++() {
    position_ += node_.is_map() ? 2U : 1U;
    return *this;
  }
  [[nodiscard]] bool operator!=(const Iterator& other) const { return position_ != other.position_; }

 private:
  YamlNode node_;
  std::size_t position_;  // index into the node's children (a mapping's keys and values alternate)
};

struct YamlNodeData {
  YamlType type = YamlType::null;
  std::uint32_t line = 0;  // 1-based
  std::uint32_t column = 0;
  std::string scalar;
  std::vector<std::uint32_t> children;  // a list's items; a mapping's key, value, key, value...
};

class YamlDocument {
 public:
  // Reads `text` (checked as UTF-8 before) as one YAML document. Refuses, with one located diagnostic
  // and nullopt: a character YAML does not allow anywhere (C0 controls but TAB, LF and CR; DEL; C1
  // controls; U+FFFE, U+FFFF), named as the value checks name it (io/text_checks.h); a line break
  // other than LF and CRLF (a lone CR, NEL, U+2028, U+2029: YAML 1.1 counts lines there, the rest of
  // prorata does not); a YAML syntax error, in libyaml's words; collections nested deeper than limits::yaml_depth_max; more than
  // limits::yaml_nodes_max nodes once every alias is expanded; an alias inside the node it names (a
  // cycle) or naming no anchor; a second document in the stream. A plain `~`, `null`, `Null`, `NULL`
  // or nothing at all is a null node; an empty stream is a document whose root is null.
  static std::optional<YamlDocument> parse(std::string_view text, const std::string& path, Diagnostics& diagnostics);

  [[nodiscard]] YamlNode root() const { return YamlNode(nodes_.get(), 0); }

 private:
  explicit YamlDocument(std::unique_ptr<std::vector<YamlNodeData>> nodes) : nodes_(std::move(nodes)) {}
  std::unique_ptr<std::vector<YamlNodeData>> nodes_;  // on the heap: nodes point to it, documents move
};

}  // namespace prorata::io::detail
