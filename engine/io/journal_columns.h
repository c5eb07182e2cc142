// The journal's columns as its header maps them, and the look at a row that needs no rules: shared by
// the reader of the whole file (io/journal_csv.cpp) and the reader of its second half on another
// thread (io/journal_second_half.h).
#pragma once
#include <array>
#include <cstddef>
#include <cstring>
#include <limits>
#include <optional>
#include <string_view>

#include "core/assert.h"
#include "core/calendar.h"
#include "core/event.h"
#include "core/limits.h"
#include "core/message_text.h"
#include "core/money.h"
#include "io/csv_reader.h"
#include "io/journal_csv.h"

namespace prorata::io::detail {

enum class Column : std::size_t { date, event, party, amount, ref, category, memo, convention };
inline constexpr std::size_t column_count = journal_column_names.size();
inline constexpr std::size_t field_absent = std::numeric_limits<std::size_t>::max();

static_assert(column_count <= limits::csv_field_count_max, "a header naming every column fits in a record");
static_assert(static_cast<std::size_t>(Column::convention) + 1 == column_count);

struct Header {
  std::array<std::size_t, column_count> field_by_column{};  // field index, or field_absent
  std::size_t field_count = 0;
  bool ok = false;

  [[nodiscard]] bool has_column(Column column) const {
    return field_by_column[static_cast<std::size_t>(column)] != field_absent;
  }
  // The row's cell of `column` (empty when the journal has no such column). Inline: read for every
  // cell of every line.
  [[nodiscard]] std::string_view cell(const CsvRecord& record, Column column) const {
    const std::size_t field = field_by_column[static_cast<std::size_t>(column)];
    if (field == field_absent) return {};
    PRORATA_ASSERT(field < record.field_count());
    return record.field(field);
  }
};

// The last good date read from a row, with its text: a journal sorted by date gives each day's date
// to many rows in a row (2,700 a day in a 1M-line year), each then parsed by one 10-byte compare.
class LastDate {
 public:
  // parse_date(text).value, remembered.
  std::optional<Date> parse(std::string_view text) {
    if (known_ && text.size() == text_.size() && std::memcmp(text.data(), text_.data(), text_.size()) == 0) {
      return value_;
    }
    const DateParse parsed = parse_date(text);
    if (!parsed.value) return std::nullopt;
    PRORATA_ASSERT(text.size() == text_.size());  // YYYY-MM-DD
    std::memcpy(text_.data(), text.data(), text_.size());
    value_ = *parsed.value;
    known_ = true;
    return value_;
  }

 private:
  std::array<char, 10> text_{};
  Date value_{};
  bool known_ = false;
};

// An expense line that the reader's read_event and check_event_shape would take without a word, as far
// as can be told without the rules (its convention, party and category are the router's and the
// builder's to judge), with its date and amount parsed; `expense` false for any other row.
struct ExpensePreview {
  bool expense = false;
  Date date{};
  Money amount{};
};

// A plain record (printable ASCII, no quote: it hides no character) of as many fields as the header
// (which must be ok) names.
inline ExpensePreview preview_expense(const CsvRecord& record, const Header& header, LastDate& last_date) {
  ExpensePreview preview;
  PRORATA_ASSERT(header.ok && record.field_count() == header.field_count);
  if (!record.is_plain()) return preview;
  if (header.cell(record, Column::event) != event_kind_views[static_cast<std::size_t>(EventKind::expense)]) {
    return preview;
  }
  const auto id_ok = [](std::string_view id) {
    return id.size() <= limits::id_bytes_max && !has_surrounding_space(id);
  };
  if (!id_ok(header.cell(record, Column::party)) || !id_ok(header.cell(record, Column::category)) ||
      !id_ok(header.cell(record, Column::ref)) || header.cell(record, Column::memo).size() > limits::text_bytes_max) {
    return preview;
  }
  const std::string_view amount_text = header.cell(record, Column::amount);
  if (amount_text.empty()) return preview;
  const std::optional<Date> date = last_date.parse(header.cell(record, Column::date));
  if (!date) return preview;
  const AmountParse amount = parse_amount(amount_text);
  if (!amount.value || amount.value->cents == 0 || amount.value->cents > limits::amount_cents_max ||
      amount.value->cents < -limits::amount_cents_max) {
    return preview;
  }
  preview.expense = true;
  preview.date = *date;
  preview.amount = *amount.value;
  return preview;
}

}  // namespace prorata::io::detail
