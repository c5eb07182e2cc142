#include "core/diagnostic.h"

#include <algorithm>

#include "core/assert.h"
#include "core/limits.h"

namespace prorata {

std::string format_diagnostic(const Diagnostic& diagnostic) {
  std::string out = diagnostic.loc.path;
  if (diagnostic.loc.line != 0) {
    out += ':' + std::to_string(diagnostic.loc.line);
    if (diagnostic.loc.column != 0) out += ':' + std::to_string(diagnostic.loc.column);
  }
  out += diagnostic.severity == Severity::warning ? ": warning: " : ": error: ";
  out += diagnostic.message;
  return out;
}

void Diagnostics::error(SourceLoc loc, std::string message) {
  add(Diagnostic{std::move(loc), std::move(message), Severity::error});
}

void Diagnostics::warning(SourceLoc loc, std::string message) {
  add(Diagnostic{std::move(loc), std::move(message), Severity::warning});
}

void Diagnostics::add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::error) ++error_count_;
  if (items_.size() >= limits::diagnostics_max) {
    mark_truncated();
    return;
  }
  items_.push_back(std::move(diagnostic));
}

void Diagnostics::mark_truncated() {
  if (truncated_) return;
  truncated_ = true;
  if (marked_ && !items_.empty()) {
    items_.back().message += " (further errors not shown: more than " + std::to_string(limits::diagnostics_max) + ")";
  }
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.loc.path != b.loc.path) return a.loc.path < b.loc.path;
    if (a.loc.line != b.loc.line) return a.loc.line < b.loc.line;
    return a.loc.column < b.loc.column;
  });
}

void Diagnostics::append(const Diagnostics& other) {
  append(other, 0, other.items_.size());
  append_dropped(other);
}

void Diagnostics::append(const Diagnostics& other, std::size_t from, std::size_t to) {
  PRORATA_ASSERT(from <= to && to <= other.items_.size());
  for (std::size_t k = from; k < to; ++k) add(other.items_[k]);
}

void Diagnostics::append_dropped(const Diagnostics& other) {
  if (!other.truncated_) return;
  // What `other` counted past its own limit is still an error here (and past this one's: `other` kept
  // diagnostics_max before them).
  error_count_ += other.error_count_ - static_cast<std::size_t>(std::count_if(
                      other.items_.begin(), other.items_.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::error; }));
  if (other.marked_) {
    truncated_ = true;  // its last item, copied here, already says so
  } else {
    mark_truncated();
  }
}

}  // namespace prorata
