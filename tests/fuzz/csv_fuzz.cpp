// Fuzzes the journal's CSV reader (io/csv_reader.h, which scans blocks) against the byte-at-a-time
// reader it replaced (tests/support/csv_reference_reader.h) on arbitrary bytes. The first byte picks
// the reading: a block size of 1 to 16 bytes (bits 0-3), stop_at_first_not_utf8 (bit 4), and an input
// size limit of half the input (bit 5); the rest is the CSV. It must never crash, and:
// - at that block size and at the default one, both readers give the same transcript (every record
//   with its line and fields, every diagnostic as printed, the skipped count, how reading stopped);
// - without a size limit, the fast reader's transcript does not depend on the block size.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/limits.h"
#include "csv_reference_reader.h"
#include "csv_transcript.h"
#include "fuzz_check.h"
#include "io/csv_reader.h"

namespace {

using prorata::io::CsvReader;
using prorata::io::CsvRecord;
using prorata::testing::csv_transcript;
using prorata::testing::CsvReadOptions;
using prorata::testing::ReferenceCsvReader;
using prorata::testing::ReferenceCsvRecord;

void check_csv(std::string_view input, CsvReadOptions options) {
  const std::string fast = csv_transcript<CsvReader, CsvRecord>(input, options);
  FUZZ_CHECK(fast == (csv_transcript<ReferenceCsvReader, ReferenceCsvRecord>(input, options)));
  const std::size_t small_block_bytes = options.block_bytes;
  options.block_bytes = CsvReader::chunk_bytes;
  const std::string fast_default = csv_transcript<CsvReader, CsvRecord>(input, options);
  FUZZ_CHECK(fast_default == (csv_transcript<ReferenceCsvReader, ReferenceCsvRecord>(input, options)));
  // Where the size limit stops depends on the reads (checked after each one): not compared then.
  if (options.input_bytes_max == prorata::limits::journal_file_bytes_max) FUZZ_CHECK(fast == fast_default);
  FUZZ_CHECK(small_block_bytes >= 1 && small_block_bytes <= 16);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) { return 0; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t how = data[0];
  const std::string_view input = prorata::fuzz::as_text(data + 1, size - 1);
  CsvReadOptions options;
  options.block_bytes = std::size_t{1} + (how & 0x0Fu);
  options.stop_at_first_not_utf8 = (how & 0x10u) != 0;
  options.input_bytes_max = (how & 0x20u) != 0 ? input.size() / 2 : prorata::limits::journal_file_bytes_max;
  check_csv(input, options);
  return 0;
}
