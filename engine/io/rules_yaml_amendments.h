// The `amendments:` list of a rules file: dated changes (avenants) to the convention. What can be
// checked without the journal is checked here: ids, keys, amounts, who joins and who only changes
// cap, weights of the joining contributors. When each amendment takes effect, and what it may do
// then, is judged against the journal (core/timeline.h).
#pragma once

#include "core/rules.h"
#include "io/yaml_reader.h"

namespace prorata::io::detail {

// Reads `node` (the value of `amendments:`) into rules.amendments; rules' base contributors, share
// key and weights are already loaded.
void load_amendments(const YamlReader& in, const YamlNode& node, Rules& rules);

// Reads a duration setting (`6 months`); `key` names it in messages.
std::optional<Duration> load_duration(const YamlReader& in, const YamlNode& node, std::string_view key);

}  // namespace prorata::io::detail
