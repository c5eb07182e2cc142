#!/usr/bin/env bash
# The whole test suite again, built with AddressSanitizer + UndefinedBehaviorSanitizer (-DPRORATA_SANITIZE=ON)
# in build-asan/: any report (a leak included) fails the test that triggered it. Same set-up as
# tools/test.sh (which it runs first: installs what is missing and builds build/). CI runs it second.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

PRORATA_BUILD="${PRORATA_ASAN_BUILD:-$PRORATA_ROOT/build-asan}" prorata_build -DPRORATA_SANITIZE=ON
# -fno-sanitize-recover=all is compiled in; these make every report fatal and visible, children too
# (the CLI tests run the sanitized prorata binary).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
# The fontconfig leak suppression (tools/pdf/pdf_canvas.cpp) is not reported on stderr: tests read it.
export LSAN_OPTIONS="print_suppressions=0"
ctest --test-dir "${PRORATA_ASAN_BUILD:-$PRORATA_ROOT/build-asan}" --output-on-failure -j"$(nproc)"
