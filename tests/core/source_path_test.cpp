// SourcePath: a path is stored once, whatever thread or string it comes from, and reads back as given.
#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "core/diagnostic.h"
#include "core/source_path.h"

using prorata::SourceLoc;
using prorata::SourcePath;

TEST_CASE("equal paths are one stored string, read back byte for byte") {
  const std::string text = "/var/lib/prorata/a-path-longer-than-a-short-string/journal.csv";
  const SourcePath a(text);
  const SourcePath b(std::string_view(text).substr(0));
  const SourcePath c(text.c_str());
  CHECK(&a.str() == &b.str());
  CHECK(&a.str() == &c.str());
  CHECK(a == b);
  CHECK(a.str() == text);
  CHECK(a.size() == text.size());
  CHECK_FALSE(a == SourcePath("/var/lib/prorata/other.csv"));
  CHECK(a + ":12" == text + ":12");
  CHECK("in " + a == "in " + text);
  CHECK(a + ':' == text + ":");
}

TEST_CASE("the empty path is the default, and is not stored") {
  const SourcePath none;
  const SourcePath empty("");
  CHECK(none.empty());
  CHECK(empty.empty());
  CHECK(none == empty);
  CHECK(none.str().empty());
  CHECK(std::string(none.c_str()).empty());
}

TEST_CASE("locations copy the path's pointer, and order by the text") {
  const SourceLoc first{"rules/b.yaml", 3, 1};
  SourceLoc copy = first;
  copy.line = 4;
  CHECK(&copy.path.str() == &first.path.str());
  CHECK(SourcePath("rules/a.yaml") < SourcePath("rules/b.yaml"));
  CHECK_FALSE(SourcePath("rules/b.yaml") < SourcePath("rules/a.yaml"));
}

TEST_CASE("two threads interning the same paths get the same stored strings") {
  constexpr int paths = 200;
  auto intern_all = [](std::vector<const std::string*>& out) {
    for (int k = 0; k < paths; ++k) out.push_back(&SourcePath("threads/file-" + std::to_string(k) + ".csv").str());
  };
  std::vector<const std::string*> one;
  std::vector<const std::string*> two;
  std::thread other([&] { intern_all(two); });
  intern_all(one);
  other.join();
  CHECK(one == two);
  CHECK(*one[7] == "threads/file-7.csv");
}
