#include "io/yaml_document.h"

#include <yaml.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <utility>

#include "core/assert.h"
#include "core/limits.h"
#include "io/text_checks.h"

namespace prorata::io::detail {

YamlType YamlNode::type() const { return nodes_ ? data().type : YamlType::undefined; }

const std::string& YamlNode::scalar() const {
  static const std::string none;
  return nodes_ && data().type == YamlType::scalar ? data().scalar : none;
}

std::uint32_t YamlNode::line() const { return nodes_ ? data().line : 0; }
std::uint32_t YamlNode::column() const { return nodes_ ? data().column : 0; }

std::size_t YamlNode::size() const {
  if (!nodes_) return 0;
  const YamlNodeData& node = data();
  if (node.type == YamlType::mapping) return node.children.size() / 2;
  return node.type == YamlType::sequence ? node.children.size() : 0;
}

YamlNode YamlNode::operator[](std::string_view key) const {
  if (!is_map()) return {};
  const std::vector<std::uint32_t>& children = data().children;
  for (std::size_t k = 0; k + 1 < children.size(); k += 2) {
    const YamlNode entry_key = child(k);
    if (entry_key.is_scalar() && entry_key.scalar() == key) return child(k + 1);
  }
  return {};
}

const YamlNodeData& YamlNode::data() const { return (*nodes_)[index_]; }
YamlNode YamlNode::child(std::size_t k) const { return YamlNode(nodes_, data().children[k]); }

YamlNode::Iterator YamlNode::begin() const { return Iterator(*this, 0); }
YamlNode::Iterator YamlNode::end() const {
  return Iterator(*this, is_map() || is_sequence() ? data().children.size() : 0);
}

YamlNode::Item YamlNode::Iterator::operator*() const {
  Item item;
  if (node_.is_map()) {
    item.first = node_.child(position_);
    item.second = node_.child(position_ + 1);
  } else {
    static_cast<YamlNode&>(item) = node_.child(position_);
  }
  return item;
}

namespace {

// Frees what libyaml allocated, whichever way the reading ends.
struct Parser {
  yaml_parser_t parser{};
  Parser() { PRORATA_ASSERT(yaml_parser_initialize(&parser) == 1); }
  ~Parser() { yaml_parser_delete(&parser); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

struct ParserEvent {
  yaml_event_t event{};
  bool held = false;  // set once libyaml filled it
  ~ParserEvent() {
    if (held) yaml_event_delete(&event);
  }
};

struct Refusal {
  yaml_mark_t mark;
  std::string message;
};

bool is_null_text(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

std::string anchor_name(const yaml_char_t* anchor) {
  return anchor ? std::string(reinterpret_cast<const char*>(anchor)) : std::string();
}

// Builds the tree from the parser's events. Counts nodes as if every alias were expanded: an anchor's
// expanded size is recorded when its node closes, and an alias adds it; an alias to an anchor still
// open is a cycle.
class Builder {
 public:
  explicit Builder(std::vector<YamlNodeData>& nodes) : nodes_(nodes) {}

  void document_start(const yaml_mark_t& mark) {
    if (++documents_ > 1) throw Refusal{mark, "a second YAML document: a rules file holds one (remove the '---' line)"};
  }

  void scalar(const yaml_event_t& event) {
    const auto& s = event.data.scalar;
    YamlNodeData node = data_at(event.start_mark);
    node.scalar.assign(reinterpret_cast<const char*>(s.value), s.length);
    const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE || s.style == YAML_ANY_SCALAR_STYLE;
    node.type = plain && s.tag == nullptr && is_null_text(node.scalar) ? YamlType::null : YamlType::scalar;
    if (node.type == YamlType::null) node.scalar.clear();
    count(event.start_mark, 1);
    const std::uint32_t index = add(std::move(node));
    record(anchor_name(s.anchor), index, 1);
  }

  void alias(const yaml_event_t& event) {
    const std::string name = anchor_name(event.data.alias.anchor);
    auto it = anchors_.find(name);
    if (it == anchors_.end()) throw Refusal{event.start_mark, "the alias '*" + name + "' names no anchor"};
    if (it->second.expanded_size == 0) {
      throw Refusal{event.start_mark, "an alias inside the node it names (a cycle): write the value out instead"};
    }
    count(event.start_mark, it->second.expanded_size);
    attach(it->second.index);
  }

  void open(const yaml_event_t& event, YamlType type, const yaml_char_t* anchor) {
    if (open_.size() >= limits::yaml_depth_max) {
      throw Refusal{event.start_mark, "nesting deeper than " + std::to_string(limits::yaml_depth_max) + " levels"};
    }
    count(event.start_mark, 1);
    YamlNodeData node = data_at(event.start_mark);
    node.type = type;
    const std::uint32_t index = add(std::move(node));
    open_.push_back({anchor_name(anchor), index, nodes_counted_ - 1});
    record(open_.back().anchor, index, 0);  // open: an alias to it now is a cycle
  }

  void close() {
    PRORATA_ASSERT(!open_.empty());
    const Open node = open_.back();
    open_.pop_back();
    record(node.anchor, node.index, nodes_counted_ - node.nodes_before);
  }

  void finish() {
    if (nodes_.empty()) nodes_.emplace_back();  // an empty stream: a null root
  }

 private:
  struct Open {
    std::string anchor;
    std::uint32_t index;
    std::uint64_t nodes_before;
  };
  struct Anchor {
    std::uint32_t index;
    std::uint64_t expanded_size;  // 0 while its node is open
  };

  static YamlNodeData data_at(const yaml_mark_t& mark) {
    YamlNodeData node;
    node.line = static_cast<std::uint32_t>(mark.line + 1);
    node.column = static_cast<std::uint32_t>(mark.column + 1);
    return node;
  }

  void count(const yaml_mark_t& mark, std::uint64_t nodes) {
    nodes_counted_ += nodes;  // both terms are at most yaml_nodes_max: no overflow
    if (nodes_counted_ > limits::yaml_nodes_max) {
      throw Refusal{mark, "more than " + std::to_string(limits::yaml_nodes_max) +
                              " YAML nodes once aliases are expanded (an alias bomb?)"};
    }
  }

  // A new node, attached to the open collection (or the root when none is open).
  std::uint32_t add(YamlNodeData node) {
    const auto index = static_cast<std::uint32_t>(nodes_.size());
    nodes_.push_back(std::move(node));
    if (index != 0) attach(index);
    return index;
  }

  void attach(std::uint32_t index) {
    PRORATA_ASSERT(!open_.empty());  // libyaml gives one root node per document
    nodes_[open_.back().index].children.push_back(index);
  }

  void record(const std::string& anchor, std::uint32_t index, std::uint64_t expanded_size) {
    if (!anchor.empty()) anchors_[anchor] = Anchor{index, expanded_size};
  }

  std::vector<YamlNodeData>& nodes_;
  int documents_ = 0;
  std::uint64_t nodes_counted_ = 0;
  std::vector<Open> open_;  // at most yaml_depth_max
  std::map<std::string, Anchor> anchors_;
};

// Where a mark is, kept inside the text: at the end of a text without a final line break, libyaml's
// mark is on the line after the last (and it counts a lone CR as a line break, which we do not).
SourceLoc loc_of(const std::string& path, std::string_view text, const yaml_mark_t& mark) {
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  if (mark.line + 1 > lines) {
    const LineColumn end = line_column_at(text, text.size());
    return SourceLoc{path, end.line, end.column};
  }
  return SourceLoc{path, static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1)};
}

// The character at a libyaml mark (line and column counted in characters from 0), or 0 past the text.
char character_at(std::string_view text, const yaml_mark_t& mark) {
  std::size_t i = 0;
  for (std::size_t line = 0; line < mark.line && i < text.size(); ++i) {
    if (text[i] == '\n') ++line;
  }
  for (std::size_t column = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0U) == 0x80U) continue;  // a continuation byte
    if (column++ == mark.column) return text[i];
  }
  return 0;
}

// libyaml's own words, with the construct it was reading: "did not find expected key (while parsing
// a block mapping that starts on line 3)"; a tab where a token should start is named.
std::string syntax_message(const yaml_parser_t& parser, std::string_view text) {
  std::string message = "YAML syntax: ";
  message += parser.problem ? parser.problem : "unreadable YAML";
  if (character_at(text, parser.problem_mark) == '\t') message += ": a tab; YAML indents with spaces";
  if (parser.context) {
    message += std::string(" (") + parser.context + " that starts on line " +
               std::to_string(parser.context_mark.line + 1) + ")";
  }
  return message;
}

// The first character refused before libyaml reads the text: its byte offset and code point. libyaml
// itself takes TAB, LF, CR, U+0020-U+007E, NEL, U+00A0-U+D7FF, U+E000-U+FFFD and U+10000 up; of those,
// a CR not followed by LF, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR are line breaks to YAML 1.1 and
// not to the rest of prorata (nor to most editors): refused too, every line number then means one
// thing. `text` is valid UTF-8.
std::optional<std::pair<std::size_t, char32_t>> first_refused_character(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      const bool lone_cr = lead == '\r' && (i + 1 == text.size() || text[i + 1] != '\n');
      if ((lead < 0x20 && lead != '\t' && lead != '\n' && lead != '\r') || lead == 0x7F || lone_cr) {
        return std::pair{i, char32_t{lead}};
      }
      ++i;
      continue;
    }
    const std::size_t width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    char32_t code = lead & (width == 2 ? 0x1FU : width == 3 ? 0x0FU : 0x07U);
    for (std::size_t k = 1; k < width && i + k < text.size(); ++k) {
      code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3FU);
    }
    const bool taken = (code >= 0xA0 && code <= 0xD7FF && code != 0x2028 && code != 0x2029) ||
                       (code >= 0xE000 && code <= 0xFFFD) || code >= 0x10000;
    if (!taken) return std::pair{i, code};
    i += width;
  }
  return std::nullopt;
}

// "the file holds CSI (U+009B, a control character): ...", in the words of the value checks.
std::string refused_character_message(std::string_view text, std::size_t offset, char32_t code) {
  if (code == '\r' || code == 0x85 || code == 0x2028 || code == 0x2029) {
    const char* name = code == '\r'    ? "a CR (U+000D) without LF"
                       : code == 0x85   ? "NEL (U+0085, a line break)"
                       : code == 0x2028 ? "U+2028 LINE SEPARATOR"
                                        : "U+2029 PARAGRAPH SEPARATOR";
    return std::string("the file holds ") + name + ": YAML would count a line there that other tools do not; end "
           "lines with LF or CRLF";
  }
  std::string name;
  if (auto hidden = first_hidden_character(text.substr(offset), /*allow_tab=*/true); hidden && hidden->offset == 0) {
    name = hidden->name;
  } else {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "U+%04X (not a character)", static_cast<unsigned>(code));
    name = buffer;
  }
  return "the file holds " + name + ": it would reach a terminal, a PDF or a bank file unseen; remove it";
}

}  // namespace

std::optional<YamlDocument> YamlDocument::parse(std::string_view text, const std::string& path,
                                                Diagnostics& diagnostics) {
  if (auto refused = first_refused_character(text)) {
    const LineColumn at = line_column_at(text, refused->first);
    diagnostics.error({path, at.line, at.column}, refused_character_message(text, refused->first, refused->second));
    return std::nullopt;
  }
  auto nodes = std::make_unique<std::vector<YamlNodeData>>();
  Parser parser;
  static const unsigned char no_text[] = "";
  const auto* input = text.empty() ? no_text : reinterpret_cast<const unsigned char*>(text.data());
  yaml_parser_set_input_string(&parser.parser, input, text.size());
  yaml_parser_set_encoding(&parser.parser, YAML_UTF8_ENCODING);
  Builder builder(*nodes);
  try {
    for (bool done = false; !done;) {
      ParserEvent event;
      if (yaml_parser_parse(&parser.parser, &event.event) != 1) {
        diagnostics.error(loc_of(path, text, parser.parser.problem_mark), syntax_message(parser.parser, text));
        return std::nullopt;
      }
      event.held = true;
      const yaml_event_t& e = event.event;
      switch (e.type) {
        case YAML_STREAM_END_EVENT: done = true; break;
        case YAML_DOCUMENT_START_EVENT: builder.document_start(e.start_mark); break;
        case YAML_SCALAR_EVENT: builder.scalar(e); break;
        case YAML_ALIAS_EVENT: builder.alias(e); break;
        case YAML_SEQUENCE_START_EVENT: builder.open(e, YamlType::sequence, e.data.sequence_start.anchor); break;
        case YAML_MAPPING_START_EVENT: builder.open(e, YamlType::mapping, e.data.mapping_start.anchor); break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: builder.close(); break;
        default: break;  // stream start, document end, no event
      }
    }
  } catch (const Refusal& refusal) {
    diagnostics.error(loc_of(path, text, refusal.mark), refusal.message);
    return std::nullopt;
  }
  builder.finish();
  return YamlDocument(std::move(nodes));
}

}  // namespace prorata::io::detail
