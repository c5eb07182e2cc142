#include "core/nearest_name.h"

#include <algorithm>
#include <string>
#include <vector>

#include "core/assert.h"

namespace prorata {

std::size_t edit_distance(std::string_view source, std::string_view target, std::size_t bound) {
  const std::size_t length_gap =
      source.size() > target.size() ? source.size() - target.size() : target.size() - source.size();
  if (length_gap > bound) return bound + 1;  // every alignment needs at least that many insertions
  // One row of the classic table at a time: row[j] = distance(source[0, i), target[0, j)).
  std::vector<std::size_t> row(target.size() + 1);
  for (std::size_t j = 0; j < row.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= source.size(); ++i) {
    std::size_t diagonal = row[0];  // distance(source[0, i-1), target[0, j-1))
    row[0] = i;
    std::size_t row_min = row[0];
    for (std::size_t j = 1; j <= target.size(); ++j) {
      const std::size_t substitution = diagonal + (source[i - 1] == target[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({substitution, row[j] + 1, row[j - 1] + 1});
      row_min = std::min(row_min, row[j]);
    }
    if (row_min > bound) return bound + 1;  // rows never decrease below their minimum
  }
  const std::size_t distance = std::min(row[target.size()], bound + 1);
  PRORATA_ASSERT(distance >= length_gap);
  return distance;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

namespace {

// `word` and its English plural or singular: category <-> categories, cap <-> caps.
std::vector<std::string> number_forms(const std::string& word) {
  std::vector<std::string> forms{word, word + "s"};
  const auto ends_with = [&](std::string_view end) {
    return word.size() > end.size() && word.compare(word.size() - end.size(), end.size(), end) == 0;
  };
  if (ends_with("y")) forms.push_back(word.substr(0, word.size() - 1) + "ies");
  if (ends_with("ies")) forms.push_back(word.substr(0, word.size() - 3) + "y");
  if (ends_with("s")) forms.push_back(word.substr(0, word.size() - 1));
  return forms;
}

}  // namespace

std::optional<std::string> nearest_name(std::string_view word, std::span<const std::string_view> candidates) {
  std::optional<std::string_view> best;
  std::size_t best_distance = nearest_name_distance_max + 1;
  const std::vector<std::string> forms = number_forms(ascii_lower(word));
  for (std::string_view candidate : candidates) {
    const std::string lower_candidate = ascii_lower(candidate);
    std::size_t distance = edit_distance(forms.front(), lower_candidate, nearest_name_distance_max);
    // Another number of the word counts as one edit, so the word as written wins a tie.
    for (std::size_t f = 1; f < forms.size() && distance > 1; ++f) {
      if (forms[f] == lower_candidate) distance = 1;
    }
    if (distance < best_distance) {  // strictly less: the first of equally near candidates wins
      best = candidate;
      best_distance = distance;
    }
  }
  if (!best) return std::nullopt;
  PRORATA_ASSERT(best_distance <= nearest_name_distance_max);
  return std::string(*best);
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  auto near = nearest_name(word, candidates);
  return near ? "; did you mean '" + *near + "'?" : std::string();
}

}  // namespace prorata
