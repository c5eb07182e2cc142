#include "core/source_path.h"

#include <mutex>
#include <unordered_set>

namespace prorata {

namespace {

// Allocated once and never destroyed: a location held by a static object stays valid at exit.
struct PathTable {
  std::mutex mutex;
  std::unordered_set<std::string> paths;  // node-based: a stored string never moves
};

PathTable& path_table() {
  static PathTable* const table = new PathTable;
  return *table;
}

// Made on first use (a location built while another file's statics are initialised finds it), never
// destroyed.
const std::string* empty_path() {
  static const std::string* const empty = new std::string;
  return empty;
}

}  // namespace

SourcePath::SourcePath() : text_(empty_path()) {}

SourcePath::SourcePath(std::string_view path) : text_(empty_path()) {
  if (path.empty()) return;
  PathTable& table = path_table();
  std::lock_guard lock(table.mutex);
  text_ = &*table.paths.emplace(path).first;
}

}  // namespace prorata
