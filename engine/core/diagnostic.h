// Errors as values: loaders collect every problem of a file, each with where it comes from, and the
// CLI prints them compiler-style (`PATH:LINE:COL: error: MESSAGE`). A warning is the same, printed
// `PATH:LINE:COL: warning: MESSAGE`: the input is accepted as it is, but a finance officer should look at
// that line (a payment with no statement before it, a journal with no line for this convention).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/source_path.h"

namespace prorata {

// Where something is written: trivially copied (the path is interned, core/source_path.h).
struct SourceLoc {
  SourcePath path;
  std::uint32_t line = 0;    // 1-based; 0 = the whole file
  std::uint32_t column = 0;  // 1-based; 0 = not known (CSV reports lines)
};

// An error refuses the input (exit status 2); a warning only reports (exit status unchanged).
enum class Severity : std::uint8_t { error, warning };

struct Diagnostic {
  SourceLoc loc;
  std::string message;
  Severity severity = Severity::error;
};

// `PATH:LINE:COL: error: MESSAGE` (or `warning:`), omitting LINE/COL when they are 0.
std::string format_diagnostic(const Diagnostic& diagnostic);

class Diagnostics {
 public:
  // Past limits::diagnostics_max, the last kept message says that further ones are not shown
  // (`marked`); an `unmarked` list only counts them: a part of a longer list (io/journal_pipeline.h)
  // whose parts are joined with append() and append_dropped(), which mark the whole.
  enum class Truncation : std::uint8_t { marked, unmarked };
  Diagnostics() = default;
  explicit Diagnostics(Truncation truncation) : marked_(truncation == Truncation::marked) {}

  void error(SourceLoc loc, std::string message);
  void warning(SourceLoc loc, std::string message);
  // No error (warnings may be there: they never refuse an input). Every "was the input good?" test
  // asks this, so a warning can never turn a good input into a bad one.
  [[nodiscard]] bool empty() const { return error_count_ == 0; }
  [[nodiscard]] std::size_t error_count() const { return error_count_; }
  // Errors and warnings kept (at most limits::diagnostics_max).
  [[nodiscard]] std::size_t size() const { return items_.size(); }
  [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
  // Keeps file order: sorts by path, line, column, stably.
  void sort();
  // Adds other's items and counts what it dropped past its limit: append(other, 0, other.size()) then
  // append_dropped(other).
  void append(const Diagnostics& other);
  // Adds other's items [from, to), as error() and warning() would.
  void append(const Diagnostics& other, std::size_t from, std::size_t to);
  // Counts the errors `other` dropped past its limit (and marks this list truncated if it dropped any).
  void append_dropped(const Diagnostics& other);

 private:
  void add(Diagnostic diagnostic);
  void mark_truncated();

  std::vector<Diagnostic> items_;
  std::size_t error_count_ = 0;  // counted even past the limit, so that empty() stays true to its word
  bool truncated_ = false;       // some were dropped
  bool marked_ = true;
};

}  // namespace prorata
