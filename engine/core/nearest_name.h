// "Did you mean ...?" for misspelt names (CSV columns, YAML keys, event kinds): the candidate at the
// smallest Levenshtein distance, when that distance is small enough to be a typo.
#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace prorata {

// Beyond two edits a suggestion is more often wrong than helpful ("ref" is 3 edits from "").
inline constexpr std::size_t nearest_name_distance_max = 2;

// `text` with ASCII A-Z lowered (other bytes, UTF-8 included, as they are).
std::string ascii_lower(std::string_view text);

// Levenshtein distance (insertions, deletions, substitutions of bytes), or `bound + 1` as soon as it is
// known to exceed `bound`: cheap on long words.
std::size_t edit_distance(std::string_view source, std::string_view target, std::size_t bound);

// The candidate closest to `word` within nearest_name_distance_max edits, ASCII case not counted
// (`DINUM` finds `dinum`); on a tie, the first in `candidates`. An exact match is returned as is.
// The English plural or singular of `word` counts as `word` itself (`eligible_category` finds
// `eligible_categories`, three edits away; `cap` finds `caps`): the commonest slip in a key name.
std::optional<std::string> nearest_name(std::string_view word, std::span<const std::string_view> candidates);

// "; did you mean 'NAME'?" with the nearest_name of `word`, or "" when none is near.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace prorata
