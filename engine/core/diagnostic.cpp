#include "core/diagnostic.h"

#include <algorithm>

#include "core/limits.h"

namespace prorata {

std::string format_diagnostic(const Diagnostic& diagnostic) {
  std::string out = diagnostic.loc.path;
  if (diagnostic.loc.line != 0) {
    out += ':' + std::to_string(diagnostic.loc.line);
    if (diagnostic.loc.column != 0) out += ':' + std::to_string(diagnostic.loc.column);
  }
  out += ": error: ";
  out += diagnostic.message;
  return out;
}

void Diagnostics::error(SourceLoc loc, std::string message) {
  if (items_.size() >= limits::diagnostics_max) {
    if (!truncated_) {
      truncated_ = true;
      items_.back().message += " (further errors not shown: more than " +
                               std::to_string(limits::diagnostics_max) + ")";
    }
    return;
  }
  items_.push_back(Diagnostic{std::move(loc), std::move(message)});
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.loc.path != b.loc.path) return a.loc.path < b.loc.path;
    if (a.loc.line != b.loc.line) return a.loc.line < b.loc.line;
    return a.loc.column < b.loc.column;
  });
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.items_) error(d.loc, d.message);
}

}  // namespace prorata
