// Errors as values: loaders collect every problem of a file, each with where it comes from, and the
// CLI prints them compiler-style (`PATH:LINE:COL: error: MESSAGE`).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace prorata {

struct SourceLoc {
  std::string path;
  std::uint32_t line = 0;    // 1-based; 0 = the whole file
  std::uint32_t column = 0;  // 1-based; 0 = not known (CSV reports lines)
};

struct Diagnostic {
  SourceLoc loc;
  std::string message;
};

// `PATH:LINE:COL: error: MESSAGE`, omitting LINE/COL when they are 0.
std::string format_diagnostic(const Diagnostic& diagnostic);

class Diagnostics {
 public:
  void error(SourceLoc loc, std::string message);
  [[nodiscard]] bool empty() const { return items_.empty(); }
  [[nodiscard]] std::size_t size() const { return items_.size(); }
  [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
  // Keeps file order: sorts by path, line, column, stably.
  void sort();
  void append(const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
  bool truncated_ = false;
};

}  // namespace prorata
