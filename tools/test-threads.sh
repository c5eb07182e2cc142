#!/usr/bin/env bash
# The tests of the two-thread journal reader (engine/io/journal_pipeline.*) and of everything that
# reads a journal, built with ThreadSanitizer in build-tsan/: a data race, a lock-order problem or a
# thread left running fails the run. Only what starts threads is built: the io suite, and the report
# suite for the portfolio evaluated on several threads; the CLI's byte-identical --threads 1/2 outputs
# are tested in the normal and ASan builds. CI runs it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

build="${PRORATA_TSAN_BUILD:-$PRORATA_ROOT/build-tsan}"
cmake -S "$PRORATA_ROOT" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPRORATA_WERROR=ON \
  -DPRORATA_SANITIZE_THREAD=ON >/dev/null
cmake --build "$build" --target test_io test_report -j"$(nproc)"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
"$build/tests/test_io" --no-intro=true
# The portfolio evaluated on several threads (core/portfolio.h), compared with one.
"$build/tests/test_report" --no-intro=true -tc="*threads*"
