// JournalBuilder checks one convention's journal events one at a time against its rules (the base
// and every amendment) and folds them into JournalFacts: per-day sums, signatures, milestones, the
// termination. finish() then builds the timeline (core/timeline.h) and checks what depends on the
// version of the rules in force on each event's date. Memory grows with the number of distinct days
// and payment references (what the checks need), not with the number of lines, so a journal is read
// in one streaming pass.
#pragma once
#include <atomic>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "core/event.h"
#include "core/expense_days.h"
#include "core/expense_row.h"
#include "core/register.h"
#include "core/rules.h"
#include "core/timeline.h"

namespace prorata {

struct DayFlows {
  Money called;
  Money paid;
  Money refunded;
  Money cancelled;  // calls reduced or cancelled by `cancellation` lines
};

struct PartyFacts {
  std::optional<Date> signed_on;          // its signature of the convention itself (empty ref)
  std::map<Date, DayFlows> flows_by_day;  // contributors only
};

// A call for funds as written in the journal: the source of a statement of amounts due.
struct StatementLine {
  Date date;
  std::string party;
  Money amount;
  std::string ref;  // the statement number; may be empty
  std::string memo;
  SourceLoc loc;
  std::string number;                  // the ref, or the number the register gave a line without one
  std::optional<std::size_t> issued;   // its entry in JournalFacts::issued, once issued
};

// A reduction or cancellation of a call: `amount` off what remains unpaid on statement `statement`.
struct CancellationLine {
  Date date;
  std::string party;
  Money amount;
  std::string statement;  // the number of the statement it reduces
  std::string memo;
  SourceLoc loc;
  std::optional<std::size_t> issued;  // its état rectificatif in JournalFacts::issued, once issued
};

// A refund as recorded: a notice issued the same day is rebuilt without the ones recorded after its
// register line (the refund it announces, paid that day, does not change it).
struct RefundLine {
  std::string party;
  Money amount;
  SourceLoc loc;
};

struct JournalFacts {
  std::map<std::string, PartyFacts> parties;  // the beneficiary and every contributor
  std::map<std::string, Date> milestones;
  std::optional<Date> termination;
  std::vector<Date> notices;                   // formal notices (mises en demeure), in journal order
  ExpenseDays expenses;                        // net per day and category (core/expense_days.h)
  std::vector<StatementLine> statements;       // in journal order (one per call: few)
  std::vector<CancellationLine> cancellations;  // in journal order
  std::vector<IssuedDocument> issued;          // the register (core/register.h), in journal order
  // "AR-2021" -> date -> highest NNNN of the AR-2021-NNNN refund refs of that day
  std::map<std::string, std::map<Date, std::uint32_t>> refund_numbers;
  std::map<Date, std::vector<RefundLine>> refunds_by_day;  // in journal order (refunds are few)
  // amendment id -> party -> its signature of that amendment (a signature line whose ref is the id)
  std::map<std::string, std::map<std::string, SignatureFact>> amendment_signatures;
  Timeline timeline;  // built by finish()
  std::size_t events = 0;
};

class JournalBuilder : public EventSink {
 public:
  explicit JournalBuilder(const Rules& rules);
  JournalBuilder(const Rules&& rules) = delete;  // it keeps a reference: the rules must outlive it

  // Checks one line on its own (party, amount, duplicates) and folds it in; problems go to
  // `diagnostics` and the line is then left out.
  void add(const Event& event, Diagnostics& diagnostics) override;
  // An expense line as the reader hands it over (core/expense_row.h): the same as add() with its event.
  void add_expense(const ExpenseRow& row, Diagnostics& diagnostics);
  // Expense rows read ahead on another thread (io/journal_second_half.h) and folded there into `part`
  // as add_expense() folds them, with the sum of their magnitudes: whether adding them at once gives
  // exactly what add_expense() would give row after row, with `later_magnitude` more to come after
  // them (no category refused, no sum past the checked range: nothing to report); then the merge.
  [[nodiscard]] bool can_merge_expenses(const ExpenseDays& part, Money part_magnitude, Money later_magnitude);
  void merge_expenses(const ExpenseDays& part, Money part_magnitude, std::uint64_t rows);
  // The rules' beneficiary, the one party an expense line may name: read by the reading thread, and
  // never changed once built.
  [[nodiscard]] const std::string& beneficiary_id() const { return rules_.beneficiary.id; }
  // Checks what needs every line: refunds never above payments to date, termination after a notice.
  void finish(Diagnostics& diagnostics);

  // Before any line: the facts will be asked about on `dates` only (evaluated as of one of them).
  // Expense days are then summed between the dates an answer compares them with (those dates, the
  // date of every other line, and the term's end dates from the effective date; core/expense_days.h),
  // so that they take memory by dates that matter, not by days with an expense. After finish(),
  // expense_days_hold() false means a date came after the days around it were summed (a journal out
  // of date order): the facts are then not to be used, and the journal is read again without this.
  void answer_only_on(const std::vector<Date>& dates);
  [[nodiscard]] bool sums_expense_days() const { return facts_.expenses.sums_days(); }
  [[nodiscard]] bool expense_days_hold() const { return facts_.expenses.pins_hold(); }
  // For a reader of later lines on another thread: the dates given to answer_only_on (never changed
  // while reading), and once every party of the base rules has signed the convention, the term's end
  // dates that follow from its effective date (nullptr until then; never changed once given).
  [[nodiscard]] const std::vector<Date>& answer_dates() const { return answer_dates_; }
  [[nodiscard]] const std::vector<Date>* term_dates_if_known() const {
    return term_dates_known_.load(std::memory_order_acquire) ? &term_dates_ : nullptr;
  }

  [[nodiscard]] const JournalFacts& facts() const { return facts_; }

 private:
  bool check_party(const Event& event, Diagnostics& diagnostics) const;
  bool check_signature(const Event& event, Diagnostics& diagnostics);
  void check_flows_from_joining(Diagnostics& diagnostics) const;
  void check_payments_after_signature(Diagnostics& diagnostics) const;
  void warn_payments_before_statements(Diagnostics& diagnostics) const;
  void check_refunds(Diagnostics& diagnostics) const;
  void check_termination(Diagnostics& diagnostics);
  bool check_amount(const Event& event, Diagnostics& diagnostics);
  bool check_category(const Event& event, Diagnostics& diagnostics);
  const std::string* eligible_it_misspells(std::string_view category);
  [[nodiscard]] std::optional<Money> magnitude_total_with(Money amount) const;
  void check_statements(Diagnostics& diagnostics) const;
  void fold_issued(const Event& event, Diagnostics& diagnostics);
  void check_register(Diagnostics& diagnostics);
  void match_issued_lines(Diagnostics& diagnostics);
  void check_series(Diagnostics& diagnostics) const;
  void check_cancellations(Diagnostics& diagnostics) const;
  void fold(const Event& event, Diagnostics& diagnostics);
  void note_refund_number(const std::string& ref, Date day);
  void note_first_flow(const Event& event);
  void note_payment_for_statements(const Event& event);
  void note_statement_for_payments(const Event& event);
  void check_term_dates(Diagnostics& diagnostics);
  void note_convention_signed();
  [[nodiscard]] std::vector<Date> term_dates_from(Date effective) const;

  const Rules& rules_;
  JournalFacts facts_;
  Money magnitude_total_;  // sum of |amount|: bounds every partial sum the evaluation makes
  std::set<std::pair<std::string, std::string>> payment_refs_;  // (party, ref)
  std::map<std::string, SourceLoc> statement_refs_;
  std::map<std::string, std::size_t> issued_numbers_;  // number -> index in facts_.issued
  std::map<std::pair<std::string, Date>, SourceLoc> last_refund_loc_;
  std::vector<Date> notices_;
  std::optional<SourceLoc> termination_loc_;
  std::map<std::string, SourceLoc> milestone_locs_;
  std::map<std::string, const Contributor*> contributors_;  // of the base and of every amendment
  std::map<std::string, std::size_t> joins_by_;              // joining contributor -> amendment index
  std::map<std::string, SignatureFact> first_flow_;          // party -> its earliest payment or refund
  std::map<std::string, SignatureFact> first_payment_;       // party -> its earliest payment
  std::map<std::string, Date> first_statement_;              // party -> the date of its earliest statement
  // party -> its payments dated before every statement to it read so far (a statement read later
  // removes those it precedes): what may deserve a warning, few in a journal in any sensible order.
  std::map<std::string, std::multimap<Date, SourceLoc>> payments_before_statements_;
  std::vector<std::string> eligible_anywhere_;               // eligible in some version (typo check)
  // Categories found to be no typo of an eligible one (a category of their own): the verdict is the
  // same on every row, and the check lowers and compares strings. At most own_categories_max.
  std::vector<std::string> own_categories_;
  static constexpr std::size_t own_categories_max = 32;
  // Per category id of the reading (ExpenseRow::category): its index in facts_.expenses once an expense
  // of it is folded, or what is not known yet, or a category check_category refuses.
  static constexpr std::uint32_t category_unknown = UINT32_MAX;
  static constexpr std::uint32_t category_refused = UINT32_MAX - 1;
  std::vector<std::uint32_t> row_categories_;
  std::vector<Date> answer_dates_;
  std::vector<Date> term_dates_;  // set once, before term_dates_known_
  std::atomic<bool> term_dates_known_{false};
};

}  // namespace prorata
