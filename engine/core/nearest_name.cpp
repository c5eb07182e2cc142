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

std::optional<std::string> nearest_name(std::string_view word, std::span<const std::string_view> candidates) {
  std::optional<std::string_view> best;
  std::size_t best_distance = nearest_name_distance_max + 1;
  const std::string lower_word = ascii_lower(word);
  for (std::string_view candidate : candidates) {
    const std::size_t distance = edit_distance(lower_word, ascii_lower(candidate), nearest_name_distance_max);
    if (distance < best_distance) {  // strictly less: the first of equally near candidates wins
      best = candidate;
      best_distance = distance;
    }
  }
  if (!best) return std::nullopt;
  PRORATA_ASSERT(best_distance <= nearest_name_distance_max);
  return std::string(*best);
}

}  // namespace prorata
