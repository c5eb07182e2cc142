// Shared by the libFuzzer harnesses of tests/fuzz/: a check that stops the run at once (so libFuzzer,
// or the replay test, reports the input), and a reader that turns fuzz bytes into bounded values.
// Built with clang + libFuzzer by PRORATA_FUZZ, and with the normal compiler + replay_main.cpp for
// the CTest replay of the corpus; so nothing here depends on clang-only headers.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

// A fuzz property is an invariant: when it fails the engine is wrong, whatever the input.
#define FUZZ_CHECK(expression)                                                                      \
  ((expression) ? static_cast<void>(0)                                                              \
                : (std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #expression), \
                   std::abort()))

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace prorata::fuzz {

// Reads fixed-width values from the front of the input; past its end every value is 0.
class ByteReader {
 public:
  ByteReader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  std::uint8_t byte() { return at_ < size_ ? data_[at_++] : std::uint8_t{0}; }
  std::uint64_t u64() {
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i) value = (value << 8) | byte();
    return value;
  }
  // In [0, bound], bound < 2^63.
  std::int64_t up_to(std::int64_t bound) {
    const auto range = static_cast<std::uint64_t>(bound) + 1;
    return static_cast<std::int64_t>(u64() % range);
  }
  [[nodiscard]] std::size_t remaining() const { return size_ - at_; }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return size == 0 ? std::string_view() : std::string_view(reinterpret_cast<const char*>(data), size);
}

}  // namespace prorata::fuzz
