#!/usr/bin/env bash
# Runs the libFuzzer harnesses of tests/fuzz/ (clang, ASan + UBSan) for a given time each.
#   bash tools/fuzz.sh HARNESS SECONDS [PARALLEL]    HARNESS: amount calendar allocate rules journal csv, or all
# Same set-up as tools/test.sh, then a clang build in build-fuzz/ (-DPRORATA_FUZZ=ON). Each harness
# starts from its regression corpus (fixtures/fuzz/HARNESS/) and the fixtures it relates to; new inputs
# go to build-fuzz/corpus/HARNESS/ (kept between runs, never committed). A crash, a leak, a failed
# property or a timeout stops the harness and fails the script: the input is left in
# build-fuzz/artifacts/HARNESS/. Copy it into fixtures/fuzz/HARNESS/ (the replay tests then run it on
# every build), fix the engine, and run again. PARALLEL harnesses run at once with `all` (default 1).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

harness="${1:?usage: tools/fuzz.sh HARNESS|all SECONDS [PARALLEL]}"
seconds="${2:?usage: tools/fuzz.sh HARNESS|all SECONDS [PARALLEL]}"
parallel="${3:-1}"
all_harnesses=(amount calendar allocate rules journal csv)

PRORATA_FUZZ_BUILD="${PRORATA_FUZZ_BUILD:-$PRORATA_ROOT/build-fuzz}"
# Only the harnesses (and the engine they link) are built with clang: the suite is built by setup.sh.
cmake -S "$PRORATA_ROOT" -B "$PRORATA_FUZZ_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPRORATA_WERROR=ON \
  -DCMAKE_CXX_COMPILER=clang++-14 -DPRORATA_FUZZ=ON >/dev/null
cmake --build "$PRORATA_FUZZ_BUILD" -j"$(nproc)" --target "${all_harnesses[@]/#/fuzz_}"

# The inputs each harness starts from (the replay tests of tests/fuzz/CMakeLists.txt read the same).
seeds_of() {
  case "$1" in
    amount | calendar | allocate) echo "fixtures/fuzz/$1" ;;
    rules) echo "fixtures/fuzz/rules fixtures/bad/rules rules fixtures/weights-terminated fixtures/accepted" ;;
    journal) echo "fixtures/fuzz/journal fixtures/bad/journal fixtures/seed fixtures/seed-refunded fixtures/weights-terminated fixtures/accepted" ;;
    csv) echo "fixtures/fuzz/csv fixtures/bad/journal" ;;
    *) echo "unknown harness '$1' (expected one of: ${all_harnesses[*]}, all)" >&2; return 2 ;;
  esac
}

max_len_of() {
  case "$1" in
    amount | calendar) echo 256 ;;   # the harnesses skip longer inputs
    allocate) echo 1024 ;;
    csv) echo 8192 ;;   # blocks of 1 to 16 bytes: 8 KiB crosses hundreds of block boundaries
    *) echo 8192 ;;
  esac
}

run_one() {
  local name="$1" corpus="$PRORATA_FUZZ_BUILD/corpus/$1" artifacts="$PRORATA_FUZZ_BUILD/artifacts/$1"
  local log="$PRORATA_FUZZ_BUILD/logs/$1.log" dict=() seeds
  seeds="$(seeds_of "$name")" || return 2
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  [[ -f "$PRORATA_ROOT/tests/fuzz/$name.dict" ]] && dict=(-dict="$PRORATA_ROOT/tests/fuzz/$name.dict")
  local status=0
  # -timeout: an input taking 10 s is a hang; -rss_limit_mb: 2 GiB is a memory blow-up.
  (cd "$PRORATA_ROOT" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$PRORATA_FUZZ_BUILD/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len="$(max_len_of "$name")" -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" \
    "$corpus" $seeds) >"$log" 2>&1 || status=$?
  local execs
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  if ((status != 0)); then
    echo "fuzz $name: FAILED (exit $status); log: $log" >&2
    grep -E "ERROR|fuzz check failed|Test unit written|SUMMARY" "$log" | head -20 >&2 || true
    echo "fuzz $name: copy the input from $artifacts/ into fixtures/fuzz/$name/, fix the engine, run again" >&2
    return 1
  fi
  echo "fuzz $name: ${seconds} s clean, ${execs:-?} executions, corpus $(find "$corpus" -type f | wc -l) inputs"
}

if [[ "$harness" == all ]]; then
  names=("${all_harnesses[@]}")
else
  seeds_of "$harness" >/dev/null
  names=("$harness")
fi
failed=0
running=0
for name in "${names[@]}"; do
  run_one "$name" &
  running=$((running + 1))
  if ((running >= parallel)); then
    wait -n || failed=1
    running=$((running - 1))
  fi
done
while ((running > 0)); do
  wait -n || failed=1
  running=$((running - 1))
done
exit "$failed"
