// Dates are Howard Hinnant's date types: year_month_day at the edges (checked with ok()), sys_days
// (a day count) inside. Durations of the rules are whole months or whole days.
#pragma once
#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace prorata {

using Date = date::sys_days;

struct DateParse {
  std::optional<Date> value;
  std::string error;
};

// Strict `YYYY-MM-DD`; impossible dates (2021-02-30) are refused.
DateParse parse_date(std::string_view text);
std::string format_date(Date day);

struct Duration {
  enum class Unit { days, months };
  int count = 0;
  Unit unit = Unit::days;
  friend bool operator==(const Duration&, const Duration&) = default;
};

struct DurationParse {
  std::optional<Duration> value;
  std::string error;
};

// `N months`, `N month`, `N days`, `N day`, and in French `N mois`, `N jours`, `N jour`
// (N a whole number, 0..limits::duration_count_max).
DurationParse parse_duration(std::string_view text);
std::string format_duration(const Duration& duration);

// Adding months keeps the day of month, clamped to the last day of the target month:
// 2020-08-31 + 6 months = 2021-02-28.
Date add(Date start, const Duration& duration);

}  // namespace prorata
