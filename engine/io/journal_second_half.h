// The second half of a journal file, read on a second thread while the calling thread reads the first:
// the two cores each read and check their own half of the bytes, and almost nothing crosses between
// them (handing every line from one core to the other cost more than it saved). The second thread
// folds the expense lines in their commonest form (io/journal_columns.h) per convention into a store
// of its own, counts the rows of conventions not loaded, and keeps every other row as it was read.
// When the first half ends exactly where the second begins (a record boundary, which only the first
// thread can tell), the calling thread merges the folds into the builders and reads the kept rows as
// if it had read them there, in file order: the same facts and the same diagnostics as one thread,
// since the folded rows raise no problem and their sums do not depend on their order. Anything
// else (the second half has any problem of its own, keeps too many rows, a category a builder would
// refuse, sums near the checked range, the middle inside a quoted cell) and the calling thread reads
// on past the middle itself, as on one thread.
#pragma once
#include <atomic>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/expense_days.h"
#include "core/expense_row.h"
#include "core/journal_router.h"
#include "core/money.h"
#include "io/csv_reader.h"
#include "io/journal_columns.h"

namespace prorata::io::detail {

class SecondHalf {
 public:
  // Where a second half of the file of `size_bytes` starts: just after the first line end at or past
  // the middle; nullopt when there is none within a record's length of it (or on any read problem).
  static std::optional<std::uint64_t> start_offset(const std::string& path, std::uint64_t size_bytes);

  // Starts reading `path` from `offset` on a second thread, with the header and routes of the first.
  // `router` is only read (its routes must not change until finish() or the destructor).
  SecondHalf(const std::string& path, std::uint64_t offset, const Header& header, const ConventionRouter& router,
             std::size_t block_bytes);
  ~SecondHalf();  // stops the thread if it still runs, and waits for it
  SecondHalf(const SecondHalf&) = delete;
  SecondHalf& operator=(const SecondHalf&) = delete;

  // Waits for the thread. True when what it read can stand for reading the file from `offset` on.
  bool finish();

  // A convention's expense rows folded on the second thread (one per route of the router).
  struct Part {
    ExpenseDays expenses;
    Money magnitude{};  // the sum of the rows' magnitudes
    std::uint64_t rows = 0;
    std::vector<std::uint32_t> category_index;  // CategoryNames id -> index in `expenses`
    bool sums_days = false;  // its builder sums expense days and gave its term dates: so does `expenses`
  };
  // After finish() returned true:
  [[nodiscard]] const std::vector<Part>& parts() const { return parts_; }
  // Frees a part once merged: the merged stores grow as the parts go, so the two never add up.
  void release_part(std::size_t route) { parts_.at(route) = Part{}; }
  [[nodiscard]] const std::vector<JournalBuilder*>& builders() const { return builders_; }  // per route
  // The rows left to the calling thread, in file order, lines counted from `offset` (line 1).
  [[nodiscard]] const CsvRecordCopies& kept_rows() const { return kept_; }
  // A bound on the magnitudes the kept rows may add to any builder's sum.
  [[nodiscard]] Money kept_magnitude() const { return kept_magnitude_; }
  [[nodiscard]] std::uint64_t lines() const { return lines_; }  // physical lines read
  [[nodiscard]] const std::map<std::string, std::uint64_t>& other_conventions() const { return others_; }

  static constexpr std::size_t kept_bytes_max = std::size_t{4} << 20;  // then the second half is given up

 private:
  void read();
  bool read_all();
  void keep(const CsvRecord& record);
  // Summing days (JournalBuilder::answer_only_on): the dates of the rows kept, and the first date of
  // this half (the first half's lines may share it), pinned in their part; a part sums days once its
  // builder knows its term dates. Lines of the first half dated later than this half's start (a
  // journal out of date order) are found by the builder's check, which then has it read again.
  void pin_kept(const CsvRecord& record);
  void start_summing_days(Part& part, const JournalBuilder& builder);

  std::string path_;
  std::uint64_t offset_;
  Header header_;
  const ConventionRouter& router_;
  std::size_t block_bytes_;
  std::vector<Part> parts_;
  std::vector<JournalBuilder*> builders_;
  CategoryNames categories_;
  CsvRecordCopies kept_;
  std::optional<Date> first_date_;  // of the first row read with a good date
  Money kept_magnitude_{};
  std::uint64_t lines_ = 0;
  std::map<std::string, std::uint64_t> others_;
  std::atomic<bool> stop_{false};
  bool usable_ = false;  // written by the thread, read after join()
  std::thread thread_;
};

}  // namespace prorata::io::detail
