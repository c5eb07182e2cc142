#include "core/assert.h"

#include <cstdio>
#include <cstdlib>

namespace prorata::detail {
void assert_failed(const char* expression, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: internal error: assertion failed: %s\n", file, line, expression);
  std::abort();
}
}  // namespace prorata::detail
