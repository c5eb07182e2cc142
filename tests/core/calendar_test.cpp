// Calendar: strict dates, durations in months or days, month arithmetic clamped to the month's end
// (tests engine/core/calendar.h).
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "core/calendar.h"

using prorata::Date;
using prorata::Duration;

namespace {

Date date_of(const char* text) {
  auto parsed = prorata::parse_date(text);
  REQUIRE_MESSAGE(parsed.value.has_value(), text, ": ", parsed.error);
  CHECK(parsed.error.empty());
  return *parsed.value;
}

void check_date_refused(const char* text) {
  auto parsed = prorata::parse_date(text);
  CHECK_MESSAGE(!parsed.value.has_value(), "accepted date '", text, "'");
  CHECK_MESSAGE(!parsed.error.empty(), "no reason given for '", text, "'");
}

Duration duration_of(const char* text) {
  auto parsed = prorata::parse_duration(text);
  REQUIRE_MESSAGE(parsed.value.has_value(), text, ": ", parsed.error);
  return *parsed.value;
}

void check_duration_refused(const char* text) {
  auto parsed = prorata::parse_duration(text);
  CHECK_MESSAGE(!parsed.value.has_value(), "accepted duration '", text, "'");
  CHECK_MESSAGE(!parsed.error.empty(), "no reason given for '", text, "'");
}

std::string plus(const char* start, const char* duration) {
  return prorata::format_date(prorata::add(date_of(start), duration_of(duration)));
}

// Days in a month by the Gregorian rule, written out independently of the date library.
unsigned days_in_month(int year, unsigned month) {
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29u : 28u;
  }
  return (month == 4 || month == 6 || month == 9 || month == 11) ? 30u : 31u;
}

}  // namespace

TEST_CASE("parse_date reads strict YYYY-MM-DD and round-trips") {
  for (const char* text : {"2020-07-21", "2021-02-28", "2020-02-29", "2000-02-29", "1999-12-31", "2021-01-01",
                           "0001-01-01", "9999-12-31"}) {
    CHECK(prorata::format_date(date_of(text)) == text);
  }
  CHECK(date_of("2021-01-01") - date_of("2020-12-31") == date::days{1});
  CHECK(date_of("2021-03-01") - date_of("2021-02-28") == date::days{1});
  CHECK(date_of("2020-03-01") - date_of("2020-02-28") == date::days{2});  // 2020 is a leap year
  CHECK(date_of("2020-07-21") < date_of("2021-01-21"));
}

TEST_CASE("parse_date refuses dates that are not in the calendar") {
  check_date_refused("2021-02-30");
  check_date_refused("2021-02-29");  // 2021 is not a leap year
  check_date_refused("1900-02-29");  // divisible by 100, not by 400
  check_date_refused("2021-04-31");
  check_date_refused("2021-13-01");
  check_date_refused("2021-00-10");
  check_date_refused("2021-01-00");
  check_date_refused("2021-01-32");
  CHECK(prorata::parse_date("2021-02-30").error == "no such date in the calendar");
}

TEST_CASE("parse_date refuses every other shape") {
  check_date_refused("");
  check_date_refused("2021-1-01");
  check_date_refused("2021-01-1");
  check_date_refused("21-01-01");
  check_date_refused("2021/01/01");
  check_date_refused("20210101");
  check_date_refused("01-01-2021");
  check_date_refused(" 2021-01-01");
  check_date_refused("2021-01-01 ");
  check_date_refused("2021-01-01T00:00");
  check_date_refused("2021-01-1a");
  check_date_refused("+021-01-01");
  check_date_refused("-021-01-01");
  check_date_refused("2021-0a-01");
  CHECK(prorata::parse_date("2021/01/01").error == "expected a date as YYYY-MM-DD");
}

TEST_CASE("parse_duration reads N months|N month|N days|N day") {
  CHECK(duration_of("6 months") == Duration{6, Duration::Unit::months});
  CHECK(duration_of("1 month") == Duration{1, Duration::Unit::months});
  CHECK(duration_of("30 days") == Duration{30, Duration::Unit::days});
  CHECK(duration_of("1 day") == Duration{1, Duration::Unit::days});
  CHECK(duration_of("0 days") == Duration{0, Duration::Unit::days});
  CHECK(duration_of("1200 months") == Duration{1200, Duration::Unit::months});  // limits::duration_count_max
  CHECK(duration_of("6 month") == Duration{6, Duration::Unit::months});
  CHECK(duration_of("1 days") == Duration{1, Duration::Unit::days});
  for (const char* text : {"6 months", "1 month", "30 days", "1 day", "0 days", "1200 months"}) {
    CHECK(prorata::format_duration(duration_of(text)) == text);
  }
  // The French of the conventions: "six mois" (art. 2), "un mois" (art. 5), written with digits.
  CHECK(duration_of("6 mois") == Duration{6, Duration::Unit::months});
  CHECK(duration_of("30 jours") == Duration{30, Duration::Unit::days});
  CHECK(duration_of("1 jour") == Duration{1, Duration::Unit::days});
  CHECK(prorata::format_duration(duration_of("1 months")) == "1 month");
  CHECK(prorata::format_duration(duration_of("2 day")) == "2 days");
}

TEST_CASE("parse_duration reads years as 12 months, in English and French (an, ans, année, années)") {
  CHECK(duration_of("1 year") == Duration{12, Duration::Unit::months});
  CHECK(duration_of("3 years") == Duration{36, Duration::Unit::months});
  CHECK(duration_of("1 an") == Duration{12, Duration::Unit::months});
  CHECK(duration_of("2 ans") == Duration{24, Duration::Unit::months});
  CHECK(duration_of("1 ann\xC3\xA9" "e") == Duration{12, Duration::Unit::months});
  CHECK(duration_of("2 ann\xC3\xA9" "es") == Duration{24, Duration::Unit::months});
  CHECK(duration_of("100 years") == Duration{1200, Duration::Unit::months});  // limits::duration_count_max
  CHECK(prorata::format_duration(duration_of("2 ans")) == "24 months");
  CHECK(plus("2020-02-29", "1 an") == "2021-02-28");  // 12 months from a 29 February: clamped
  check_duration_refused("101 years");
  CHECK(prorata::parse_duration("101 years").error == "duration too long (at most 100 years)");
  check_duration_refused("1 Year");
  check_duration_refused("1 annee");  // without its accent: not guessed
  check_duration_refused("2 yrs");
  CHECK(prorata::parse_duration("1 week").error ==
        "expected a duration such as '6 months' or '30 days' (unit must be years, months or days; an/ans/"
        "ann\xC3\xA9" "e(s), mois and jours are accepted)");
}

TEST_CASE("parse_duration refuses other units, signs, spacing and too long durations") {
  check_duration_refused("");
  check_duration_refused("6");
  check_duration_refused("months");
  check_duration_refused("6months");
  check_duration_refused("6  months");
  check_duration_refused(" 6 months");
  check_duration_refused("6 months ");
  check_duration_refused("6 Months");
  check_duration_refused("6 weeks");
  check_duration_refused("six months");
  check_duration_refused("6 Mois");
  check_duration_refused("6 moi");
  check_duration_refused("-1 months");
  check_duration_refused("+1 months");
  check_duration_refused("1.5 months");
  check_duration_refused("1201 days");
  check_duration_refused("1234567 days");
  check_duration_refused("99999999999999999999 days");
  CHECK(prorata::parse_duration("1201 days").error.find("too long") != std::string::npos);
}

TEST_CASE("adding months keeps the day, clamped to the month's end") {
  CHECK(plus("2020-08-31", "6 months") == "2021-02-28");
  CHECK(plus("2020-07-21", "6 months") == "2021-01-21");
  CHECK(plus("2019-08-29", "6 months") == "2020-02-29");  // 2020 is a leap year: no clamping
  CHECK(plus("2019-08-30", "6 months") == "2020-02-29");
  CHECK(plus("2020-01-31", "1 month") == "2020-02-29");
  CHECK(plus("2021-01-31", "1 month") == "2021-02-28");
  CHECK(plus("2021-03-31", "1 month") == "2021-04-30");
  CHECK(plus("2021-12-31", "2 months") == "2022-02-28");
  CHECK(plus("2020-02-29", "12 months") == "2021-02-28");
  CHECK(plus("2020-02-29", "48 months") == "2024-02-29");
  CHECK(plus("2020-10-15", "3 months") == "2021-01-15");  // across the year
  CHECK(plus("2020-07-21", "0 months") == "2020-07-21");
  // Clamping does not accumulate: each addition starts from the original day.
  CHECK(plus("2021-02-28", "1 month") == "2021-03-28");
}

TEST_CASE("adding days counts calendar days") {
  CHECK(plus("2020-12-31", "1 day") == "2021-01-01");
  CHECK(plus("2020-02-28", "1 day") == "2020-02-29");
  CHECK(plus("2021-02-28", "1 day") == "2021-03-01");
  CHECK(plus("2020-07-21", "0 days") == "2020-07-21");
  CHECK(plus("2020-07-21", "184 days") == "2021-01-21");  // 10+31+30+31+30+31+21
  CHECK(plus("2020-01-01", "366 days") == "2021-01-01");
}

TEST_CASE("adding months agrees with a hand-written Gregorian rule on many dates") {
  std::mt19937_64 rng(6);
  for (int n = 0; n < 2000; ++n) {
    const int year = 1990 + static_cast<int>(rng() % 60);
    const unsigned month = 1 + static_cast<unsigned>(rng() % 12);
    const unsigned day = 1 + static_cast<unsigned>(rng() % days_in_month(year, month));
    const int count = static_cast<int>(rng() % 40);
    const Date start{date::year{year} / date::month{month} / date::day{day}};

    const int month_index = year * 12 + static_cast<int>(month) - 1 + count;
    const int target_year = month_index / 12;
    const unsigned target_month = static_cast<unsigned>(month_index % 12) + 1;
    const unsigned target_last = days_in_month(target_year, target_month);
    const unsigned target_day = day < target_last ? day : target_last;

    const date::year_month_day got{prorata::add(start, Duration{count, Duration::Unit::months})};
    REQUIRE(got.ok());
    CHECK(static_cast<int>(got.year()) == target_year);
    CHECK(static_cast<unsigned>(got.month()) == target_month);
    CHECK(static_cast<unsigned>(got.day()) == target_day);
  }
}
