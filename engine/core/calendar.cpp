#include "core/calendar.h"

#include <algorithm>
#include <initializer_list>

#include <cstdio>

#include "core/limits.h"

namespace prorata {

namespace {
bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}
}  // namespace

DateParse parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4)) ||
      !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2))) {
    return {std::nullopt, "expected a date as YYYY-MM-DD"};
  }
  date::year_month_day ymd{date::year{to_int(text.substr(0, 4))},
                           date::month{static_cast<unsigned>(to_int(text.substr(5, 2)))},
                           date::day{static_cast<unsigned>(to_int(text.substr(8, 2)))}};
  if (!ymd.ok()) return {std::nullopt, "no such date in the calendar"};
  return {Date{ymd}, {}};
}

std::string format_date(Date day) {
  date::year_month_day ymd{day};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

DurationParse parse_duration(std::string_view text) {
  const char* usage = "expected a duration such as '6 months' or '30 days'";
  std::size_t space = text.find(' ');
  if (space == std::string_view::npos || !all_digits(text.substr(0, space)) || space > 6) {
    return {std::nullopt, usage};
  }
  int count = to_int(text.substr(0, space));
  std::string_view unit = text.substr(space + 1);
  Duration duration{count, Duration::Unit::days};
  // French units too: the conventions are written in French ("six mois", "un an", "deux années").
  const auto is_one_of = [&](std::initializer_list<std::string_view> units) {
    return std::find(units.begin(), units.end(), unit) != units.end();
  };
  if (is_one_of({"months", "month", "mois"})) {
    duration.unit = Duration::Unit::months;
  } else if (is_one_of({"years", "year", "an", "ans", "ann\xC3\xA9" "e", "ann\xC3\xA9" "es"})) {
    // A year is 12 months: from 2020-02-29, "1 year" ends on 2021-02-28, as 12 months does.
    if (count > limits::duration_count_max / 12) return {std::nullopt, "duration too long (at most 100 years)"};
    duration = Duration{count * 12, Duration::Unit::months};
  } else if (!is_one_of({"days", "day", "jours", "jour"})) {
    return {std::nullopt, std::string(usage) +
                              " (unit must be years, months or days; an/ans/ann\xC3\xA9" "e(s), mois and jours are accepted)"};
  }
  if (count > limits::duration_count_max) return {std::nullopt, "duration too long (at most 1200 months or days)"};
  return {duration, {}};
}

std::string format_duration(const Duration& duration) {
  const bool one = duration.count == 1;
  if (duration.unit == Duration::Unit::months) return std::to_string(duration.count) + (one ? " month" : " months");
  return std::to_string(duration.count) + (one ? " day" : " days");
}

Date add(Date start, const Duration& duration) {
  if (duration.unit == Duration::Unit::days) return start + date::days{duration.count};
  date::year_month_day ymd{start};
  date::year_month_day target = ymd + date::months{duration.count};
  if (!target.ok()) target = target.year() / target.month() / date::last;
  return Date{target};
}

}  // namespace prorata
