// Fuzzes dates and durations: parse_date accepts exactly the real calendar dates written YYYY-MM-DD
// (checked against an independent leap-year rule) and format_date gives the same text back;
// parse_duration round-trips through format_duration; add() never produces an impossible date, whatever
// the start day (0000-01-01 .. 9999-12-31, what parse_date can give) and duration (up to the limit).
#include <date/date.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/calendar.h"
#include "core/limits.h"
#include "fuzz_check.h"

namespace {

using prorata::fuzz::as_text;

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool is_calendar_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int value[3] = {0, 0, 0};
  const std::size_t begin[3] = {0, 5, 8};
  const std::size_t length[3] = {4, 2, 2};
  for (int part = 0; part < 3; ++part) {
    for (std::size_t i = begin[part]; i < begin[part] + length[part]; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      value[part] = value[part] * 10 + (text[i] - '0');
    }
  }
  const int days_in_month[13] = {0, 31, is_leap(value[0]) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return value[1] >= 1 && value[1] <= 12 && value[2] >= 1 && value[2] <= days_in_month[value[1]];
}

void check_date_text(std::string_view text) {
  const prorata::DateParse parsed = prorata::parse_date(text);
  FUZZ_CHECK(parsed.value.has_value() == is_calendar_date(text));
  if (!parsed.value) {
    FUZZ_CHECK(!parsed.error.empty());
    return;
  }
  FUZZ_CHECK(prorata::format_date(*parsed.value) == text);
}

void check_duration_text(std::string_view text) {
  const prorata::DurationParse parsed = prorata::parse_duration(text);
  if (!parsed.value) {
    FUZZ_CHECK(!parsed.error.empty());
    return;
  }
  FUZZ_CHECK(parsed.value->count >= 0 && parsed.value->count <= prorata::limits::duration_count_max);
  const prorata::DurationParse again = prorata::parse_duration(prorata::format_duration(*parsed.value));
  FUZZ_CHECK(again.value && *again.value == *parsed.value);
}

void check_add(prorata::Date start, const prorata::Duration& duration) {
  const prorata::Date end = prorata::add(start, duration);
  const date::year_month_day start_day{start};
  const date::year_month_day end_day{end};
  FUZZ_CHECK(end_day.ok());
  FUZZ_CHECK(end >= start);
  if (duration.unit == prorata::Duration::Unit::days) {
    FUZZ_CHECK((end - start).count() == duration.count);
    return;
  }
  // Months keep the day of month, clamped to the target month's last day.
  const date::year_month target = date::year_month{start_day.year(), start_day.month()} + date::months{duration.count};
  FUZZ_CHECK(end_day.year() == target.year() && end_day.month() == target.month());
  FUZZ_CHECK(end_day.day() <= start_day.day());
  FUZZ_CHECK(end_day.day() == start_day.day() || end_day == target.year() / target.month() / date::last);
  FUZZ_CHECK(prorata::parse_date(prorata::format_date(start)).value == start);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) { return 0; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 256) return 0;
  // As text: `DATE\nDURATION` (either part may be anything).
  const std::string_view text = as_text(data, size);
  const std::size_t newline = text.find('\n');
  const std::string_view date_text = text.substr(0, newline);
  const std::string_view duration_text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
  check_date_text(date_text);
  check_duration_text(duration_text);
  const prorata::DateParse start = prorata::parse_date(date_text);
  const prorata::DurationParse duration = prorata::parse_duration(duration_text);
  if (start.value && duration.value) check_add(*start.value, *duration.value);

  // As bytes: any day parse_date can produce, any duration within the limit.
  prorata::fuzz::ByteReader bytes(data, size);
  const prorata::Date first = date::sys_days{date::year{0} / 1 / 1};
  const prorata::Date last = date::sys_days{date::year{9999} / 12 / 31};
  const prorata::Date day = first + date::days{static_cast<int>(bytes.up_to((last - first).count()))};
  const prorata::Duration any{static_cast<int>(bytes.up_to(prorata::limits::duration_count_max)),
                              bytes.byte() % 2 == 0 ? prorata::Duration::Unit::days : prorata::Duration::Unit::months};
  check_add(day, any);
  return 0;
}
