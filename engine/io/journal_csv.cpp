#include "io/journal_csv.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <limits>
#include <span>
#include <system_error>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "core/assert.h"
#include "core/calendar.h"
#include "core/event.h"
#include "core/expense_row.h"
#include "core/journal.h"
#include "core/limits.h"
#include "core/message_text.h"
#include "core/money.h"
#include "core/journal_router.h"
#include "io/csv_reader.h"
#include "io/input_file.h"
#include "io/journal_columns.h"
#include "io/journal_pipeline.h"
#include "io/journal_second_half.h"
#include "io/text_checks.h"
#include "core/nearest_name.h"

namespace prorata::io {

namespace {

using detail::Column;
using detail::column_count;
using detail::field_absent;
using detail::Header;

std::string_view column_name(Column column) { return journal_column_names[static_cast<std::size_t>(column)]; }

std::string joined(std::span<const std::string_view> names) {
  std::string out;
  for (std::string_view name : names) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

// A cell as shown in a message: in quotes, control bytes escaped, cut after 80 bytes (at a UTF-8
// character boundary: the reader has checked the cell is UTF-8).
std::string quoted(std::string_view text) {
  constexpr std::size_t shown_bytes_max = 80;
  std::size_t shown_bytes = std::min(text.size(), shown_bytes_max);
  while (shown_bytes > 0 && shown_bytes < text.size() &&
         (static_cast<unsigned char>(text[shown_bytes]) & 0xC0) == 0x80) {
    --shown_bytes;
  }
  std::string out = "'";
  for (char c : text.substr(0, shown_bytes)) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (byte < 0x20 || byte == 0x7F) {
          constexpr const char* digits = "0123456789ABCDEF";
          out += std::string("\\x") + digits[byte >> 4] + digits[byte & 0x0F];
        } else {
          out += c;
        }
    }
  }
  // C0 bytes are escaped above; C1 and bidirectional controls become <U+XXXX>.
  return shown_safely(out) + (shown_bytes < text.size() ? "'..." : "'");
}

std::string unknown_column_message(std::string_view name) {
  if (name.empty()) return "empty column name in the header (a trailing comma?)";
  std::string message = "unknown column " + quoted(name);
  if (auto near = nearest_name(name, journal_column_names)) return message + "; did you mean '" + *near + "'?";
  return message + " (the columns are " + joined(journal_column_names) + ")";
}

std::string unknown_event_message(std::string_view name) {
  const std::string valid = "(the events are " + joined(event_kind_views) + ")";
  if (name.empty()) return "missing event " + valid;
  std::string message = "unknown event " + quoted(name);
  if (auto near = nearest_name(name, event_kind_views)) message += "; did you mean '" + *near + "'?";
  return message + " " + valid;
}

Header read_header(const CsvRecord& record, const SourceLoc& loc, Diagnostics& diagnostics) {
  Header header;
  header.field_by_column.fill(field_absent);
  header.field_count = record.field_count();
  bool ok = true;
  for (std::size_t field = 0; field < record.field_count(); ++field) {
    const std::string_view name = record.field(field);
    // Spreadsheets capitalise headers (`Date,Event,Party`): a column name is the same in any ASCII case.
    const std::string lowered = ascii_lower(name);
    const auto* known = std::find(journal_column_names.begin(), journal_column_names.end(), lowered);
    if (known == journal_column_names.end()) {
      diagnostics.error(loc, unknown_column_message(name));
      ok = false;
      continue;
    }
    std::size_t& slot = header.field_by_column[static_cast<std::size_t>(known - journal_column_names.begin())];
    if (slot != field_absent) {
      diagnostics.error(loc, "duplicate column " + quoted(name) + " (columns " + std::to_string(slot + 1) + " and " +
                                 std::to_string(field + 1) + ")");
      ok = false;
      continue;
    }
    slot = field;
  }
  for (Column required : {Column::date, Column::event}) {
    if (header.field_by_column[static_cast<std::size_t>(required)] != field_absent) continue;
    diagnostics.error(loc, "missing column '" + std::string(column_name(required)) +
                               "' (the header needs at least date,event; the columns are " +
                               joined(journal_column_names) + ")");
    ok = false;
  }
  header.ok = ok;
  return header;
}

// Only whitespace: such lines before the header are skipped, so a blank file reads as empty.
bool is_blank(const CsvRecord& record) {
  if (record.field_count() != 1) return false;
  const std::string_view text = record.field(0);
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; });
}

// A header of one field holding the column names joined by ';'.
bool is_semicolon_header(const CsvRecord& record) {
  if (record.field_count() != 1) return false;
  const std::string text = ascii_lower(record.field(0));  // `Date;Event;...` too
  return text.find(';') != std::string::npos && text.find("date") != std::string::npos &&
         text.find("event") != std::string::npos;
}

// Every cell empty (`,,,,,,`): a spreadsheet's blank row, skipped like a blank line.
bool is_empty_row(const CsvRecord& record) {
  for (std::size_t i = 0; i < record.field_count(); ++i) {
    if (!record.field(i).empty()) return false;
  }
  return true;
}

// Turns rows into events, without any rules; the parent loop decides which record is the header. Each
// call names where its problems go, and the row's event goes to that list's sink (RowTarget below).
class JournalCsv {
 public:
  // With a router, expense lines in their commonest form go to their builder as rows
  // (core/expense_row.h) instead of events, naming their categories in `categories`, which must
  // outlive the folding of those rows (on two threads, the reading side ends first).
  JournalCsv(const std::string& path, ConventionRouter* router, CategoryNames& categories)
      : path_(path), row_loc_{path, 0, 0}, router_(router), categories_(categories) {}

  [[nodiscard]] bool has_header() const { return header_state_ != HeaderState::none; }
  // The header read, when good: what a second reader of the file needs (io/journal_second_half.h).
  [[nodiscard]] const Header* good_header() const {
    return header_state_ == HeaderState::read && header_.ok ? &header_ : nullptr;
  }
  void header(const CsvRecord& record, Diagnostics& diagnostics);
  // The header line itself was malformed (and reported): rows can then only be checked as CSV.
  void lose_header() { header_state_ = HeaderState::malformed; }
  // The row's event is built in target.event_to_fill().
  void row(const CsvRecord& record, detail::RowTarget& target);

 private:
  enum class HeaderState { none, read, malformed };

  [[nodiscard]] bool has_column(Column column) const { return header_.has_column(column); }
  [[nodiscard]] std::string_view cell(const CsvRecord& record, Column column) const {
    return header_.cell(record, column);
  }
  bool take_expense(const CsvRecord& record, detail::RowTarget& target);
  bool read_event(const CsvRecord& record, const SourceLoc& loc, Event& event, Diagnostics& diagnostics);
  bool read_text(const CsvRecord& record, Column column, std::size_t bytes_max, std::string& text,
                 const SourceLoc& loc, Diagnostics& diagnostics);
  [[nodiscard]] bool no_hidden_character(std::string_view value, std::string_view what, bool allow_tab,
                                         const SourceLoc& loc, Diagnostics& diagnostics) const;

  const std::string& path_;
  HeaderState header_state_ = HeaderState::none;
  Header header_;
  SourceLoc row_loc_;  // the row's, its path copied once (not once per row: a long path is an allocation)
  bool row_printable_ascii_ = false;  // the row being read holds no hidden character in any cell
  ConventionRouter* router_;
  CategoryNames& categories_;
  detail::LastDate last_date_;
};

void JournalCsv::header(const CsvRecord& record, Diagnostics& diagnostics) {
  PRORATA_ASSERT(header_state_ == HeaderState::none);
  header_ = read_header(record, SourceLoc{path_, record.line(), 0}, diagnostics);
  header_state_ = HeaderState::read;
}

void JournalCsv::row(const CsvRecord& record, detail::RowTarget& target) {
  PRORATA_ASSERT(header_state_ != HeaderState::none);
  Diagnostics& diagnostics = target.diagnostics();
  if (header_state_ == HeaderState::malformed) return;
  row_loc_.line = record.line();
  const SourceLoc& loc = row_loc_;
  if (record.field_count() != header_.field_count) {
    std::string message = "expected " + std::to_string(header_.field_count) + " fields (as in the header), found " +
                          std::to_string(record.field_count());
    if (record.field_count() > header_.field_count) message += " (quote a cell that contains a comma)";
    diagnostics.error(loc, message);
    return;
  }
  if (!header_.ok) return;  // reading cells under a wrong header would only repeat its problems
  if (router_ != nullptr && record.is_plain() && take_expense(record, target)) return;
  if (is_empty_row(record)) return;
  Event& event = target.event_to_fill();
  if (!read_event(record, loc, event, diagnostics)) return;
  if (!check_event_shape(event, diagnostics)) return;
  target.sink().add(event, diagnostics);
}

// An expense line that read_event, check_event_shape and the router would take without a word
// (preview_expense), with a party the builder takes (empty or its beneficiary): handed to the builder
// as a row, or counted as another convention's as route() would. False, having changed nothing, for
// any other line: read_event then reads it.
bool JournalCsv::take_expense(const CsvRecord& record, detail::RowTarget& target) {
  const detail::ExpensePreview preview = detail::preview_expense(record, header_, last_date_);
  if (!preview.expense) return false;
  const ConventionRouter::ExpenseRoute route =
      router_->route_expense(has_column(Column::convention), cell(record, Column::convention));
  if (route.counted) return true;
  const std::string_view party = cell(record, Column::party);
  if (route.builder == nullptr || (!party.empty() && party != route.beneficiary)) return false;
  const std::uint32_t category_id = categories_.id(cell(record, Column::category));
  if (category_id == CategoryNames::none) return false;
  target.add_expense(ExpenseRow{row_loc_, preview.date, preview.amount, category_id, &categories_.name(category_id),
                                !party.empty()},
                     *route.builder);
  return true;
}

// Reads every cell of the row into `event`, reporting each bad one (not only the first).
bool JournalCsv::read_event(const CsvRecord& record, const SourceLoc& loc, Event& event, Diagnostics& diagnostics) {
  bool ok = true;
  event.loc = loc;
  // Most rows: known plain by the reader, or one check for all their cells.
  row_printable_ascii_ = record.is_plain() || is_printable_ascii(record.text());
  const std::string_view date_text = cell(record, Column::date);
  DateParse date = parse_date(date_text);
  if (date.value) {
    event.date = *date.value;
  } else {
    diagnostics.error(loc, "bad date " + quoted(date_text) + ": " + date.error);
    ok = false;
  }
  const std::string_view kind_text = cell(record, Column::event);
  if (auto kind = parse_event_kind(kind_text)) {
    event.kind = *kind;
  } else {
    diagnostics.error(loc, unknown_event_message(kind_text));
    ok = false;
  }
  const std::string_view amount_text = cell(record, Column::amount);
  event.amount.reset();
  if (!amount_text.empty()) {
    AmountParse amount = parse_amount(amount_text);
    if (amount.value) {
      event.amount = amount.value;
    } else {
      diagnostics.error(loc, "bad amount " + quoted(amount_text) + ": " + amount.error);
      ok = false;
    }
  }
  ok = read_text(record, Column::party, limits::id_bytes_max, event.party, loc, diagnostics) && ok;
  ok = read_text(record, Column::ref, limits::id_bytes_max, event.ref, loc, diagnostics) && ok;
  ok = read_text(record, Column::category, limits::id_bytes_max, event.category, loc, diagnostics) && ok;
  ok = read_text(record, Column::memo, limits::text_bytes_max, event.memo, loc, diagnostics) && ok;
  event.has_convention = has_column(Column::convention);
  event.convention.assign(cell(record, Column::convention));  // checked by the router, which knows the ids
  ok = no_hidden_character(event.convention, "convention", false, loc, diagnostics) && ok;
  return ok;
}

bool JournalCsv::read_text(const CsvRecord& record, Column column, std::size_t bytes_max, std::string& text,
                           const SourceLoc& loc, Diagnostics& diagnostics) {
  const std::string_view value = cell(record, column);
  text.assign(value);
  if (column != Column::memo && has_surrounding_space(value)) {  // ids, numbers, categories compare exactly
    diagnostics.error(loc, std::string(column_name(column)) + " " + quoted(value) + " has spaces around it: remove them");
    return false;
  }
  if (value.size() > bytes_max) {
    diagnostics.error(loc, std::string(column_name(column)) + " longer than " + std::to_string(bytes_max) +
                                " bytes: " + quoted(value));
    return false;
  }
  // A memo may hold a tab (a spreadsheet cell pasted in); nothing else may hide in a cell.
  return no_hidden_character(value, column_name(column), column == Column::memo, loc, diagnostics);
}

bool JournalCsv::no_hidden_character(std::string_view value, std::string_view what, bool allow_tab,
                                     const SourceLoc& loc, Diagnostics& diagnostics) const {
  if (row_printable_ascii_) return true;
  auto hidden = first_hidden_character(value, allow_tab);
  if (!hidden) return true;
  diagnostics.error(loc, hidden_character_message(what, *hidden));
  return false;
}

}  // namespace

namespace {

enum class ReadEnd { complete, stopped_not_utf8 };

// Rows to a sink, problems to one list: reading on one thread.
class DirectTarget final : public detail::RowTarget {
 public:
  DirectTarget(EventSink& sink, Diagnostics& diagnostics) : sink_(sink), diagnostics_(diagnostics) {}
  EventSink& sink() override { return sink_; }
  Diagnostics& diagnostics() override { return diagnostics_; }
  Event& event_to_fill() override { return event_; }
  void add_expense(const ExpenseRow& row, JournalBuilder& builder) override { builder.add_expense(row, diagnostics_); }

 private:
  EventSink& sink_;
  Diagnostics& diagnostics_;
  Event event_;  // reused row after row, keeping its strings' capacity
};

// A journal file read on two threads, each its own half (io/journal_second_half.h).
struct SplitPlan {
  const std::string& path;
  std::uint64_t offset;  // where the second half starts
};

// Gives the pages of freed memory back to the system. The second half's folds live in its thread's
// own heap (glibc gives each thread one), which the merged stores, on this thread, cannot reuse: freed
// as they are merged and given back every so often, they and the grown stores never add up.
void release_free_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

// What the second half read and folded, merged into the builders, then its kept rows read as this
// thread would read them; false, having changed nothing, when it cannot stand for this thread's
// reading on from the middle (`next_line`: the physical line there).
bool merge_second_half(detail::SecondHalf& half, std::uint64_t next_line, ConventionRouter& router,
                       JournalCsv& journal, detail::RowTarget& target) {
  if (!half.finish()) return false;
  if (next_line - 1 > std::numeric_limits<std::uint32_t>::max() - half.lines()) return false;  // line_max
  for (std::size_t k = 0; k < half.parts().size(); ++k) {
    const detail::SecondHalf::Part& part = half.parts()[k];
    if (part.rows != 0 && !half.builders()[k]->can_merge_expenses(part.expenses, part.magnitude, half.kept_magnitude())) {
      return false;
    }
  }
  for (std::size_t k = 0; k < half.parts().size(); ++k) {
    const detail::SecondHalf::Part& part = half.parts()[k];
    if (part.rows != 0) half.builders()[k]->merge_expenses(part.expenses, part.magnitude, part.rows);
    half.release_part(k);
    if (k % 128 == 127) release_free_memory();
  }
  for (const auto& [id, rows] : half.other_conventions()) router.count_other(id, rows);
  CsvRecord record;
  const auto line_offset = static_cast<std::uint32_t>(next_line - 1);
  for (std::size_t k = 0; k < half.kept_rows().size(); ++k) {
    half.kept_rows().load(k, line_offset, record);
    journal.row(record, target);
    target.row_done();
  }
  return true;
}

// One pass over the journal. A line that is not UTF-8 stops it there, with one error: the file is in
// another encoding, and every line it would drop (a signature, a statement) would make the checks
// across lines report problems that are not there. With `split`, a second thread reads the second
// half once the header is read.
ReadEnd read_rows(std::istream& in, const std::string& path, detail::RowTarget& target, std::size_t block_bytes,
                  ConventionRouter* router, CategoryNames& categories, const SplitPlan* split = nullptr) {
  PRORATA_ASSERT(split == nullptr || router != nullptr);
  CsvReader reader(in, path, limits::journal_file_bytes_max, block_bytes);
  reader.stop_at_first_not_utf8();
  CsvRecord record;
  JournalCsv journal(path, router, categories);
  std::optional<detail::SecondHalf> second_half;
  bool read_error = false;  // before the header, nothing reaches the sink: only the reading finds errors
  for (;;) {
    const std::size_t errors_before = target.diagnostics().error_count();
    if (!reader.next(record, target.diagnostics())) break;
    if (!journal.has_header() && reader.skipped_record_count() > 0) journal.lose_header();
    if (journal.has_header()) {
      if (!record.is_empty_line()) journal.row(record, target);
    } else if (!record.is_empty_line() && !is_blank(record)) {
      if (is_semicolon_header(record)) {  // the rest would only repeat it, line after line
        target.diagnostics().error(
            SourceLoc{path, record.line(), 0},
            "the columns are separated by ';' (a spreadsheet's French CSV export?): export the file as CSV "
            "with ',' separators (\"CSV UTF-8 (comma delimited)\"), amounts with a decimal point");
        return ReadEnd::complete;
      }
      journal.header(record, target.diagnostics());
      if (split != nullptr && journal.good_header() != nullptr && reader.next_offset() < split->offset) {
        second_half.emplace(split->path, split->offset, *journal.good_header(), *router, block_bytes);
      }
    }
    read_error = read_error || target.diagnostics().error_count() > errors_before;
    target.row_done();
    if (second_half && reader.next_offset() >= split->offset) {
      if (reader.next_offset() == split->offset && reader.at_clean_record_start() &&
          merge_second_half(*second_half, reader.next_line(), *router, journal, target)) {
        return ReadEnd::complete;  // the whole file read, its second half by the other thread
      }
      second_half.reset();  // this thread reads on from here
    }
  }
  read_error = read_error || target.diagnostics().error_count() > 0;  // what ended the reading
  if (!journal.has_header() && !read_error) {
    target.diagnostics().error(SourceLoc{path, 1, 0},  // where the header should be
                               "empty journal: expected a header line date,event,party,amount,ref,category,memo");
  }
  return reader.stopped_at_not_utf8() ? ReadEnd::stopped_not_utf8 : ReadEnd::complete;
}

// The journal's rows to `sink`, on one thread or two (options.threads): the same either way. With
// `router` (which `sink` then is), expense rows go to its builders (JournalCsv::take_expense).
// `file_bytes`: the size of the file `path` names, which `in` reads from its start (nullopt for any
// other stream): a large one is read in two halves, one per thread (io/journal_second_half.h).
ReadEnd read_events(std::istream& in, const std::string& path, EventSink& sink, Diagnostics& diagnostics,
                    const JournalReadOptions& options, ConventionRouter* router = nullptr,
                    std::optional<std::uint64_t> file_bytes = std::nullopt) {
  PRORATA_ASSERT(router == nullptr || router == &sink);
  Diagnostics found;  // this file's own: `diagnostics` may be full already, or hold other files'
  ReadEnd end = ReadEnd::complete;
  CategoryNames categories;  // named by the expense rows until the last is folded
  std::optional<std::uint64_t> split_at;
  if (options.threads >= 2 && router != nullptr && file_bytes && *file_bytes >= options.split_bytes_min) {
    split_at = detail::SecondHalf::start_offset(path, *file_bytes);
  }
  if (split_at) {
    DirectTarget target(sink, found);
    const SplitPlan plan{path, *split_at};
    end = read_rows(in, path, target, options.block_bytes, router, categories, &plan);
  } else if (options.threads <= 1) {
    DirectTarget target(sink, found);
    end = read_rows(in, path, target, options.block_bytes, router, categories);
  } else {
    detail::read_in_batches(
        [&](detail::RowTarget& target) {
          end = read_rows(in, path, target, options.block_bytes, router, categories);
        },
        sink, found, options.batch_events);
  }
  diagnostics.append(found);
  return end;
}

// Every row of the journal names another convention than the rules': most likely the wrong rules, or
// a typo in the convention column. Said with the ids found and their row counts (not an error: a
// shared journal may have no row yet for a new convention).
void warn_other_conventions(const std::string& path, const Rules& rules, const ConventionRouter& router,
                            std::size_t events, Diagnostics& diagnostics) {
  if (events != 0 || router.other_conventions().empty()) return;
  std::string found;
  std::vector<std::string_view> ids;
  for (const auto& [id, rows] : router.other_conventions()) {
    found += (found.empty() ? "" : ", ") + in_quotes(id) + " (" + std::to_string(rows) + (rows == 1 ? " row)" : " rows)");
    ids.emplace_back(id);
  }
  std::string message = "no row of the journal is for " + in_quotes(rules.id) + " (the rules' convention id); the " +
                        "convention column names " + found;
  // Which id found is a typo of the rules' one (one edit at most): the likeliest slip.
  for (std::string_view id : ids) {
    if (edit_distance(id, rules.id, 1) <= 1) {
      message += "; " + in_quotes(id) + " is one edit from " + in_quotes(rules.id) + ": a typo?";
      break;
    }
  }
  diagnostics.warning(SourceLoc{path, 1, 0}, message);  // at the header, which names the convention column
}

// Over several conventions: an id of the convention column one edit from a loaded id is most likely a
// typo that leaves its rows out (counted as another convention's): said once per id, at the header.
void warn_near_conventions(const std::string& path, const std::vector<ConventionLoad>& conventions,
                           const ConventionRouter& router, Diagnostics& diagnostics) {
  for (const auto& [id, rows] : router.other_conventions()) {
    for (const ConventionLoad& c : conventions) {
      if (edit_distance(id, c.rules->id, 1) > 1) continue;
      diagnostics.warning(SourceLoc{path, 1, 0}, "the convention column names " + in_quotes(id) + " (" +
                                                     std::to_string(rows) + (rows == 1 ? " row" : " rows") +
                                                     "), which is not loaded; did you mean " + in_quotes(c.rules->id) + "?");
      break;
    }
  }
}

}  // namespace

bool read_journal(std::istream& in, const std::string& path, EventSink& sink, Diagnostics& diagnostics,
                  const JournalReadOptions& options) {
  Diagnostics found;
  read_events(in, path, sink, found, options);
  diagnostics.append(found);
  return found.empty();
}

namespace {

// The journal file opened for reading, or nullopt with one diagnostic (cannot open, too large).
// `file_bytes`: set to the size of a regular file (left unset for a pipe or a device).
std::optional<std::ifstream> open_journal(const std::string& path, Diagnostics& diagnostics,
                                          std::optional<std::uint64_t>& file_bytes) {
  auto in = open_input_file(path, "the journal", diagnostics);
  if (!in) return std::nullopt;
  std::error_code size_error;  // a pipe has no size: the reader counts its bytes
  const bool regular = std::filesystem::is_regular_file(path, size_error);
  const std::uintmax_t size_bytes = regular && !size_error ? std::filesystem::file_size(path, size_error) : 0;
  if (regular && !size_error) file_bytes = size_bytes;
  if (size_bytes > limits::journal_file_bytes_max) {
    diagnostics.error(SourceLoc{path, 0, 0}, "the file is " + std::to_string(size_bytes) +
                                                 " bytes, more than the limit of " +
                                                 std::to_string(limits::journal_file_bytes_max) + " bytes");
    return std::nullopt;
  }
  return in;
}

}  // namespace

bool read_journal_file(const std::string& path, EventSink& sink, Diagnostics& diagnostics,
                       const JournalReadOptions& options) {
  std::optional<std::uint64_t> file_bytes;
  auto in = open_journal(path, diagnostics, file_bytes);
  return in && read_journal(*in, path, sink, diagnostics, options);
}

namespace {

bool load_one(std::istream& in, const std::string& path, const Rules& rules, JournalBuilder& builder,
              Diagnostics& diagnostics, const JournalReadOptions& options, std::optional<std::uint64_t> file_bytes) {
  ConventionRouter router;
  router.add_route(rules.id, builder);
  Diagnostics found;
  // Lines not read (another encoding) would make the checks across lines wrong: they wait for a file
  // that reads to its end.
  if (read_events(in, path, router, found, options, options.expense_rows ? &router : nullptr, file_bytes) ==
      ReadEnd::complete) {
    builder.finish(found);  // what needs every line: reported with the lines' own problems
    warn_other_conventions(path, rules, router, builder.facts().events, found);
  }
  diagnostics.append(found);
  return found.empty();
}

bool load_many(std::istream& in, const std::string& path, const std::vector<ConventionLoad>& conventions,
               std::map<std::string, std::uint64_t>& other_conventions, Diagnostics& diagnostics,
               const JournalReadOptions& options, std::optional<std::uint64_t> file_bytes) {
  PRORATA_ASSERT(!conventions.empty());
  ConventionRouter router;
  for (const ConventionLoad& c : conventions) router.add_route(c.rules->id, *c.builder);
  Diagnostics found;
  if (read_events(in, path, router, found, options, options.expense_rows ? &router : nullptr, file_bytes) ==
      ReadEnd::complete) {
    for (const ConventionLoad& c : conventions) c.builder->finish(found);
    if (conventions.size() == 1) {
      warn_other_conventions(path, *conventions[0].rules, router, conventions[0].builder->facts().events, found);
    } else {
      warn_near_conventions(path, conventions, router, found);
    }
  }
  other_conventions = router.other_conventions();
  diagnostics.append(found);
  return found.empty();
}

}  // namespace

bool load_journal(std::istream& in, const std::string& path, const Rules& rules, JournalBuilder& builder,
                  Diagnostics& diagnostics, const JournalReadOptions& options) {
  return load_one(in, path, rules, builder, diagnostics, options, std::nullopt);
}

bool load_journal_portfolio(std::istream& in, const std::string& path, const std::vector<ConventionLoad>& conventions,
                            std::map<std::string, std::uint64_t>& other_conventions, Diagnostics& diagnostics,
                            const JournalReadOptions& options) {
  return load_many(in, path, conventions, other_conventions, diagnostics, options, std::nullopt);
}

bool load_journal_portfolio_file(const std::string& path, const std::vector<ConventionLoad>& conventions,
                                 std::map<std::string, std::uint64_t>& other_conventions, Diagnostics& diagnostics,
                                 const JournalReadOptions& options) {
  std::optional<std::uint64_t> file_bytes;
  auto in = open_journal(path, diagnostics, file_bytes);
  return in && load_many(*in, path, conventions, other_conventions, diagnostics, options, file_bytes);
}

bool load_journal_file(const std::string& path, const Rules& rules, JournalBuilder& builder, Diagnostics& diagnostics,
                       const JournalReadOptions& options) {
  std::optional<std::uint64_t> file_bytes;
  auto in = open_journal(path, diagnostics, file_bytes);
  return in && load_one(*in, path, rules, builder, diagnostics, options, file_bytes);
}

}  // namespace prorata::io
