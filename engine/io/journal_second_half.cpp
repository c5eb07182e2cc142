#include "io/journal_second_half.h"

#include <fstream>
#include <limits>

#include "core/assert.h"
#include "core/diagnostic.h"
#include "core/limits.h"

namespace prorata::io::detail {

std::optional<std::uint64_t> SecondHalf::start_offset(const std::string& path, std::uint64_t size_bytes) {
  std::ifstream in(path, std::ios::binary);
  const std::uint64_t middle = size_bytes / 2;
  if (!in || middle == 0) return std::nullopt;
  in.seekg(static_cast<std::streamoff>(middle - 1));  // from the byte before: the middle may start a line
  std::vector<char> bytes(limits::csv_record_bytes_max + 2);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  const std::streamsize got = in.gcount();
  if (in.bad() || got <= 0) return std::nullopt;
  for (std::streamsize k = 0; k < got; ++k) {
    if (bytes[static_cast<std::size_t>(k)] != '\n') continue;
    const std::uint64_t offset = middle + static_cast<std::uint64_t>(k);  // just after the line end
    if (offset >= size_bytes) return std::nullopt;                        // nothing after it
    return offset;
  }
  return std::nullopt;
}

SecondHalf::SecondHalf(const std::string& path, std::uint64_t offset, const Header& header,
                       const ConventionRouter& router, std::size_t block_bytes)
    : path_(path),
      offset_(offset),
      header_(header),
      router_(router),
      block_bytes_(block_bytes),
      parts_(router.route_count()),
      builders_(router.route_count(), nullptr) {
  PRORATA_ASSERT(header_.ok);
  thread_ = std::thread([this] { read(); });
}

SecondHalf::~SecondHalf() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

bool SecondHalf::finish() {
  if (thread_.joinable()) thread_.join();
  return usable_;
}

void SecondHalf::read() {
  try {
    usable_ = read_all();
  } catch (...) {  // memory: the calling thread reads the second half itself, and meets it there if real
    usable_ = false;
  }
}

// False as soon as the second half cannot stand for the calling thread's own reading.
bool SecondHalf::read_all() {
  std::ifstream in(path_, std::ios::binary);
  if (!in) return false;
  in.seekg(static_cast<std::streamoff>(offset_));
  if (!in) return false;
  CsvReader reader(in, path_, limits::journal_file_bytes_max, block_bytes_);
  reader.start_mid_file();
  Diagnostics diagnostics;
  CsvRecord record;
  const bool has_convention = header_.has_column(Column::convention);
  LastDate last_date;
  while (!stop_.load(std::memory_order_relaxed)) {
    if (!reader.next(record, diagnostics)) break;
    if (!diagnostics.empty()) return false;  // the calling thread reports it, at its place
    if (record.is_empty_line()) continue;    // nothing, as on the calling thread
    if (!first_date_ && record.field_count() == header_.field_count && header_.has_column(Column::date)) {
      if (const DateParse day = parse_date(header_.cell(record, Column::date)); day.value) first_date_ = day.value;
    }
    if (record.field_count() == header_.field_count) {
      const ExpensePreview preview = preview_expense(record, header_, last_date);
      if (preview.expense) {
        const std::string_view convention = header_.cell(record, Column::convention);
        const ConventionRouter::ExpenseRouteFound route = router_.find_expense_route(has_convention, convention);
        if (route.other) {
          ++others_[std::string(convention)];
          continue;
        }
        const std::string_view party = header_.cell(record, Column::party);
        const std::uint32_t category =
            route.builder == nullptr || (!party.empty() && party != route.beneficiary)
                ? CategoryNames::none
                : categories_.id(header_.cell(record, Column::category));
        if (category != CategoryNames::none) {
          Part& part = parts_[route.route];
          builders_[route.route] = route.builder;
          if (!part.sums_days && route.builder->sums_expense_days()) start_summing_days(part, *route.builder);
          if (category >= part.category_index.size()) part.category_index.resize(category + 1, UINT32_MAX);
          std::uint32_t& index = part.category_index[category];
          if (index == UINT32_MAX) index = part.expenses.category_index(categories_.name(category));
          const auto magnitude = checked_add(part.magnitude, preview.amount.cents < 0 ? -preview.amount : preview.amount);
          if (!magnitude) return false;
          part.magnitude = *magnitude;
          part.expenses.add_indexed(preview.date, index, preview.amount);
          ++part.rows;
          continue;
        }
      }
    }
    keep(record);
    pin_kept(record);
    if (kept_.text_bytes() + kept_.size() * 128 > kept_bytes_max) return false;
  }
  if (stop_.load() || !diagnostics.empty() || reader.stopped_at_not_utf8()) return false;
  lines_ = reader.next_line() - 1;
  return true;
}

void SecondHalf::start_summing_days(Part& part, const JournalBuilder& builder) {
  const std::vector<Date>* term_dates = builder.term_dates_if_known();
  if (term_dates == nullptr) return;  // not yet: its days are kept one by one until it is known
  if (!first_date_) return;  // the first row's date was bad: the calling thread reports it
  part.expenses.pin(*first_date_);
  for (Date day : builder.answer_dates()) part.expenses.pin(day);
  for (Date day : *term_dates) part.expenses.pin(day);
  part.expenses.sum_days_between_pins();
  part.sums_days = true;
}

void SecondHalf::pin_kept(const CsvRecord& record) {
  if (record.field_count() != header_.field_count || !header_.has_column(Column::date)) return;
  const DateParse day = parse_date(header_.cell(record, Column::date));
  if (!day.value) return;  // an error on the calling thread
  const ConventionRouter::ExpenseRouteFound route =
      router_.find_expense_route(header_.has_column(Column::convention), header_.cell(record, Column::convention));
  if (route.builder == nullptr || route.other || !route.builder->sums_expense_days()) return;
  parts_[route.route].expenses.pin(*day.value);
}

// A row for the calling thread, and what its amount may add to a builder's sum of magnitudes.
void SecondHalf::keep(const CsvRecord& record) {
  kept_.push_back(record);
  std::string_view amount_text;
  if (header_.has_column(Column::amount) && record.field_count() == header_.field_count) {
    amount_text = header_.cell(record, Column::amount);
  }
  if (amount_text.empty()) return;
  const AmountParse amount = parse_amount(amount_text);
  if (!amount.value) return;  // an error on the calling thread: adds nothing
  if (amount.value->cents == std::numeric_limits<std::int64_t>::min()) {
    kept_magnitude_ = Money{std::numeric_limits<std::int64_t>::max()};
    return;
  }
  const Money magnitude = amount.value->cents < 0 ? -*amount.value : *amount.value;
  const auto total = checked_add(kept_magnitude_, magnitude);
  // Past the range: no merge can be proved safe; a bound at the top of the range says so.
  kept_magnitude_ = total ? *total : Money{std::numeric_limits<std::int64_t>::max()};
}

}  // namespace prorata::io::detail
