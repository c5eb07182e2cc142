#include "core/diagnostic.h"

#include <doctest/doctest.h>

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
