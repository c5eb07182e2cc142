// The path of a file as diagnostics name it, interned: each distinct path is stored once for the
// process, and a SourcePath is a pointer to it. A location (core/diagnostic.h) is then copied without
// allocating: every journal line's event, statement and payment carries one, and a path longer than
// a short string's 15 bytes was a heap block per copy (about 1 MiB of a 1M-line, 1 000-convention
// run). The stored paths are never freed: a process reads a bounded number of files, and a path kept
// alive by a location outlives whatever read it.
#pragma once
#include <string>
#include <string_view>

namespace prorata {

class SourcePath {
 public:
  SourcePath();
  // Implicit, so that SourceLoc{path, line, column} reads as before: interns `path` (thread-safe).
  SourcePath(std::string_view path);  // NOLINT(google-explicit-constructor)
  SourcePath(const std::string& path) : SourcePath(std::string_view(path)) {}  // NOLINT
  SourcePath(const char* path) : SourcePath(std::string_view(path)) {}         // NOLINT

  [[nodiscard]] const std::string& str() const noexcept { return *text_; }
  operator const std::string&() const noexcept { return *text_; }  // NOLINT(google-explicit-constructor)
  [[nodiscard]] const char* c_str() const noexcept { return text_->c_str(); }
  [[nodiscard]] bool empty() const noexcept { return text_->empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return text_->size(); }

  // Interned: equal paths are one stored string.
  friend bool operator==(const SourcePath& a, const SourcePath& b) noexcept { return a.text_ == b.text_; }
  friend bool operator==(const SourcePath& a, const std::string& b) noexcept { return *a.text_ == b; }
  friend bool operator==(const SourcePath& a, const char* b) noexcept { return *a.text_ == b; }
  friend bool operator<(const SourcePath& a, const SourcePath& b) noexcept { return *a.text_ < *b.text_; }

  friend std::string operator+(const SourcePath& a, const std::string& b) { return *a.text_ + b; }
  friend std::string operator+(const SourcePath& a, const char* b) { return *a.text_ + b; }
  friend std::string operator+(const SourcePath& a, char b) { return *a.text_ + b; }
  friend std::string operator+(const std::string& a, const SourcePath& b) { return a + *b.text_; }
  friend std::string operator+(const char* a, const SourcePath& b) { return a + *b.text_; }

 private:
  const std::string* text_;
};

}  // namespace prorata
