#include "io/yaml_limits.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <cstdint>
#include <sstream>
#include <vector>

#include "core/assert.h"
#include "core/limits.h"

namespace prorata::io::detail {

namespace {

// Thrown by the walker to stop the parser at the first node past a limit, before it recurses further.
struct Refusal {
  YAML::Mark mark;
  std::string message;
};

// Counts nodes as if every alias were expanded: an anchor's expanded size is recorded when its node
// closes, and an alias adds it. An anchor still open has no size yet: an alias to it is a cycle.
class LimitWalker final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) throw Refusal{mark, "a second YAML document: a rules file holds one (remove the '---' line)"};
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { leaf(mark, anchor); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string&) override {
    leaf(mark, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor >= expanded_size_by_anchor_.size() || expanded_size_by_anchor_[anchor] == 0) {
      throw Refusal{mark, "an alias inside the node it names (a cycle): write the value out instead"};
    }
    count(mark, expanded_size_by_anchor_[anchor]);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YAML::anchor_t anchor;
    std::uint64_t nodes_before;
  };

  void count(const YAML::Mark& mark, std::uint64_t nodes) {
    nodes_ += nodes;  // both terms are at most yaml_nodes_max: no overflow
    if (nodes_ > limits::yaml_nodes_max) {
      throw Refusal{mark, "more than " + std::to_string(limits::yaml_nodes_max) +
                              " YAML nodes once aliases are expanded (an alias bomb?)"};
    }
  }
  void leaf(const YAML::Mark& mark, YAML::anchor_t anchor) {
    count(mark, 1);
    record(anchor, 1);
  }
  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (open_.size() >= limits::yaml_depth_max) {
      throw Refusal{mark, "nesting deeper than " + std::to_string(limits::yaml_depth_max) + " levels"};
    }
    count(mark, 1);
    open_.push_back({anchor, nodes_ - 1});
    record(anchor, 0);  // open: an alias to it now is a cycle
  }
  void close() {
    PRORATA_ASSERT(!open_.empty());
    const Open node = open_.back();
    open_.pop_back();
    record(node.anchor, nodes_ - node.nodes_before);
  }
  void record(YAML::anchor_t anchor, std::uint64_t expanded_size) {
    if (anchor == YAML::NullAnchor) return;
    if (anchor >= expanded_size_by_anchor_.size()) expanded_size_by_anchor_.resize(anchor + 1, 0);
    expanded_size_by_anchor_[anchor] = expanded_size;
  }

  int documents_ = 0;
  std::uint64_t nodes_ = 0;
  std::vector<Open> open_;                              // at most yaml_depth_max
  std::vector<std::uint64_t> expanded_size_by_anchor_;  // anchor ids count up from 1; 0 = open or unknown
};

SourceLoc loc_of(const std::string& path, const YAML::Mark& mark) {
  if (mark.is_null()) return SourceLoc{path, 1, 1};
  return SourceLoc{path, static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1)};
}

}  // namespace

bool check_yaml_limits(std::string_view text, const std::string& path, Diagnostics& diagnostics) {
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  LimitWalker walker;
  try {
    while (parser.HandleNextDocument(walker)) {
    }
  } catch (const Refusal& refusal) {
    diagnostics.error(loc_of(path, refusal.mark), refusal.message);
    return false;
  } catch (const YAML::Exception& e) {
    diagnostics.error(loc_of(path, e.mark), "YAML syntax: " + e.msg);
    return false;
  }
  return true;
}

}  // namespace prorata::io::detail
