#!/usr/bin/env bash
# Benchmark of large journals: same set-up as tools/test.sh, then build/tools/bench/prorata-bench on
# journals of the sizes given (default 100 000, 1 000 000 and 4 000 000 lines; about 41 MB a million).
# Prints load and evaluation times, throughput and peak memory; fails if a total differs from the
# generator's. Usage: bash tools/bench.sh [--rules FILE] [LINES...]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
if (($# == 0)); then set -- 100000 1000000 4000000; fi
"$PRORATA_BUILD/tools/bench/prorata-bench" "$@"
