// Every input has a known maximum (TigerBeetle's "put a limit on everything"). Going past one is a
// diagnostic naming the limit, never a hang, an overflow or an out-of-memory.
#pragma once
#include <cstddef>
#include <cstdint>

namespace prorata::limits {

// Largest magnitude of one amount: 999,999,999,999.99 EUR (just under 10^12 euros, which is also
// what French amount-in-words must cover). Sums of many such amounts are checked separately.
inline constexpr std::int64_t amount_cents_max = 99'999'999'999'999;
inline constexpr std::size_t rules_file_bytes_max = std::size_t{1} << 20;        // 1 MiB of YAML
inline constexpr std::size_t journal_file_bytes_max = std::size_t{1} << 31;      // 2 GiB of CSV
inline constexpr std::size_t csv_record_bytes_max = std::size_t{64} << 10;       // 64 KiB per line
inline constexpr std::size_t csv_field_count_max = 64;
inline constexpr std::size_t contributors_max = 10'000;
inline constexpr std::size_t yaml_depth_max = 32;                              // nested collections
inline constexpr std::uint64_t yaml_nodes_max = std::uint64_t{1} << 20;         // with aliases expanded
inline constexpr std::size_t diagnostics_max = 1'000;                           // then "too many errors"
inline constexpr std::size_t id_bytes_max = 64;
inline constexpr std::size_t text_bytes_max = 4'096;                            // names, titles, memos
inline constexpr std::int64_t weight_digits_max = 18;                           // digits in a weight
inline constexpr int duration_count_max = 1'200;                                // months or days

static_assert(amount_cents_max < INT64_MAX / 1'000, "room for a thousand maximal amounts before a check trips");
static_assert(amount_cents_max <= INT64_MAX / static_cast<std::int64_t>(contributors_max),
              "the caps of a convention add up without overflow");
static_assert(text_bytes_max < csv_record_bytes_max, "a memo of the maximal size fits in a journal line");
static_assert(csv_record_bytes_max < journal_file_bytes_max);
static_assert(journal_file_bytes_max < UINT32_MAX, "every line number of a journal fits SourceLoc::line");
static_assert(yaml_nodes_max >= contributors_max * 64, "room for the largest convention, written out in full");
static_assert(yaml_nodes_max < UINT64_MAX / 2, "adding an alias's size to the count cannot wrap");
static_assert(diagnostics_max >= 50, "a broken file should show many of its problems at once");

}  // namespace prorata::limits
