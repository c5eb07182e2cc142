// PRORATA_ASSERT stays on in release builds: a broken invariant means the program is wrong, so it
// stops at once instead of printing a wrong settlement (TigerBeetle's second failure channel).
#pragma once

namespace prorata::detail {
[[noreturn]] void assert_failed(const char* expression, const char* file, int line);
}

#define PRORATA_ASSERT(expression) \
  ((expression) ? static_cast<void>(0) : ::prorata::detail::assert_failed(#expression, __FILE__, __LINE__))
