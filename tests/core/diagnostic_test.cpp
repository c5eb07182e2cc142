#include "core/diagnostic.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "core/limits.h"

using prorata::Diagnostics;
using prorata::Severity;
using prorata::SourceLoc;

TEST_CASE("a warning prints as `PATH:LINE: warning: MESSAGE`, an error as before") {
  Diagnostics d;
  d.warning(SourceLoc{"j.csv", 12, 0}, "a payment with no statement before it");
  d.error(SourceLoc{"r.yaml", 3, 7}, "bad id");
  d.warning(SourceLoc{"j.csv", 0, 0}, "no line for this convention");
  REQUIRE(d.size() == 3);
  CHECK(prorata::format_diagnostic(d.items()[0]) == "j.csv:12: warning: a payment with no statement before it");
  CHECK(prorata::format_diagnostic(d.items()[1]) == "r.yaml:3:7: error: bad id");
  CHECK(prorata::format_diagnostic(d.items()[2]) == "j.csv: warning: no line for this convention");
  CHECK(d.items()[0].severity == Severity::warning);
  CHECK(d.items()[1].severity == Severity::error);
}

TEST_CASE("empty() means no error: warnings alone never refuse an input") {
  Diagnostics d;
  d.warning(SourceLoc{"j.csv", 2, 0}, "w");
  CHECK(d.empty());
  CHECK(d.error_count() == 0);
  CHECK(d.size() == 1);
  d.error(SourceLoc{"j.csv", 3, 0}, "e");
  CHECK(!d.empty());
  CHECK(d.error_count() == 1);
}

TEST_CASE("an error past the limit of kept diagnostics still counts, after warnings and through append") {
  Diagnostics d;
  for (std::size_t i = 0; i < prorata::limits::diagnostics_max; ++i) d.warning(SourceLoc{"j.csv", 2, 0}, "w");
  d.error(SourceLoc{"j.csv", 9, 0}, "dropped but counted");
  CHECK(d.size() == prorata::limits::diagnostics_max);
  CHECK(d.error_count() == 1);
  CHECK(!d.empty());
  Diagnostics all;
  all.append(d);
  CHECK(all.error_count() == 1);  // the one not kept in `d` is counted here too
  CHECK(all.items()[0].severity == Severity::warning);
}

TEST_CASE("an unmarked list only counts what it drops; joined in parts, the whole is marked once, as one list") {
  const std::size_t total = prorata::limits::diagnostics_max + 250;
  Diagnostics whole;  // the reference: every error into one list
  for (std::size_t i = 0; i < total; ++i) whole.error(SourceLoc{"j.csv", static_cast<std::uint32_t>(i + 2), 0}, "e");

  // The same errors in three unmarked parts of 400, 700 and 150, joined by ranges.
  std::vector<Diagnostics> parts;
  std::size_t line = 2;
  for (std::size_t size : {400u, 700u, 150u}) {
    parts.emplace_back(Diagnostics::Truncation::unmarked);
    for (std::size_t i = 0; i < size; ++i) parts.back().error(SourceLoc{"j.csv", static_cast<std::uint32_t>(line++), 0}, "e");
  }
  Diagnostics joined;
  for (const Diagnostics& part : parts) {
    joined.append(part, 0, part.size() / 2);  // in two ranges, as the pipeline joins a batch around its events
    joined.append(part, part.size() / 2, part.size());
    joined.append_dropped(part);
  }
  REQUIRE(joined.size() == whole.size());
  CHECK(joined.size() == prorata::limits::diagnostics_max);
  CHECK(joined.error_count() == total);
  CHECK(whole.error_count() == total);
  for (std::size_t i = 0; i < whole.size(); ++i) {
    CHECK(prorata::format_diagnostic(joined.items()[i]) == prorata::format_diagnostic(whole.items()[i]));
  }
  CHECK(whole.items().back().message == "e (further errors not shown: more than 1000)");
}

TEST_CASE("an unmarked part that itself passed the limit: its dropped errors are counted and the whole marked") {
  Diagnostics part(Diagnostics::Truncation::unmarked);
  for (std::size_t i = 0; i < prorata::limits::diagnostics_max + 5; ++i) part.error(SourceLoc{"j.csv", 2, 0}, "e");
  CHECK(part.size() == prorata::limits::diagnostics_max);
  CHECK(part.items().back().message == "e");  // not marked: a part only counts
  CHECK(part.error_count() == prorata::limits::diagnostics_max + 5);
  Diagnostics all;
  all.append(part);
  CHECK(all.error_count() == prorata::limits::diagnostics_max + 5);
  CHECK(all.items().back().message == "e (further errors not shown: more than 1000)");
}
