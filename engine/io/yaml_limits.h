// Limits a YAML text must pass before yaml-cpp builds a node from it. The check walks the parser's event
// stream once, keeping only counters: yaml-cpp recurses once per nesting level (its own guard is at
// 2,000 levels), and its aliases share nodes, so a walk over an `&a [*a, *a]`-style "billion laughs"
// tree, or over an alias to the node that contains it, would never end.
#pragma once
#include <string>
#include <string_view>

#include "core/diagnostic.h"

namespace prorata::io::detail {

// Refuses, with one located diagnostic: a YAML syntax error; collections nested deeper than
// limits::yaml_depth_max; more than limits::yaml_nodes_max nodes once every alias is expanded; an alias
// inside the node it names (a cycle); a second document in the stream. True when the text passes.
bool check_yaml_limits(std::string_view text, const std::string& path, Diagnostics& diagnostics);

}  // namespace prorata::io::detail
