#!/usr/bin/env bash
# The portfolio benchmark: one shared journal of N lines over C conventions (5 contributors each),
# written by build/tools/bench/prorata-bench-portfolio with its C rules files, then, on the same
# files: prorata status over every convention (text and --format json), `awk -F,` summing the
# expenses per convention, `wc -l`, and at 1M lines or less ledger-cli and hledger balancing the
# same money converted to their journal format. Each command runs several times (wall time: the
# median; peak RSS: the largest); every tool's totals are checked against the generator's to the
# cent (exit status 1 if one differs). Prints one table and the ratios.
#
# Usage: bash tools/bench-portfolio.sh [N...]          default: 100000 1000000 (10000000 also works)
# Environment: PRORATA_BENCH_CONVENTIONS (C, default 1000), PRORATA_BENCH_RUNS (runs per command,
# default 5 up to 100k lines, 3 up to 1M, 1 above; ledger and hledger 3 times up to 100k, once above),
# PRORATA_BENCH_DIR (default /tmp/prorata-bench-portfolio, rewritten), PRORATA_BENCH_SKIP_SETUP=1 to
# use the build/ already there instead of sourcing tools/setup.sh (which installs and builds everything),
# PRORATA_BENCH_OTHERS_MAX_LINES (default 1000000: ledger and hledger only up to that many lines; hledger
# takes about 7 minutes and 6.5 GiB at 1M), PRORATA_BENCH_HLEDGER_MAX_LINES (default the same: hledger
# alone only up to that many lines).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ "${PRORATA_BENCH_SKIP_SETUP:-}" == 1 ]]; then
  PRORATA_BUILD="${PRORATA_BUILD:-$ROOT/build}"
else
  source "$ROOT/tools/setup.sh"
fi
# The other tools measured, from Debian (installed here only, not by setup.sh).
bench_packages=(ledger hledger time)
missing=()
for package in "${bench_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "bench-portfolio: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if (($# == 0)); then set -- 100000 1000000; fi
C="${PRORATA_BENCH_CONVENTIONS:-1000}"
WORK="${PRORATA_BENCH_DIR:-/tmp/prorata-bench-portfolio}"
HELPER="$PRORATA_BUILD/tools/bench/prorata-bench-portfolio"
PRORATA="$PRORATA_BUILD/tools/prorata"
AS_OF=2023-12-31
AWK="$(readlink -f "$(command -v awk)")"
for tool in "$HELPER" "$PRORATA"; do
  [[ -x "$tool" ]] || { echo "bench-portfolio: $tool is missing (build it first)" >&2; exit 2; }
done
# Until the multi-convention CLI is there, prorata runs on one convention of the shared journal
# (reading every line, summing only that convention's): its figures are marked "1 of C".
if "$PRORATA" status --help 2>&1 | grep -q -- '--rules-dir'; then portfolio=1; else portfolio=0; fi

declare -A wall rss
failed=0
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# measure NAME N RUNS OUT COMMAND...: the median wall time and largest peak RSS of RUNS runs.
measure() {
  local name="$1" n="$2" runs="$3" out="$4"
  shift 4
  local times=() peak=0 i line
  for ((i = 0; i < runs; ++i)); do
    if ! line="$("$HELPER" measure "$out" -- "$@")"; then
      echo "bench-portfolio: $name failed at $n lines: $*" >&2
      failed=1
      return 0
    fi
    times+=("${line% *}")
    ((${line#* } > peak)) && peak="${line#* }"
  done
  wall[$name,$n]="$(printf '%s\n' "${times[@]}" | median)"
  rss[$name,$n]="$peak"
}

verify() {  # verify NAME FILE [--all]
  local name="$1"
  shift
  if ! "$HELPER" verify "$DIR/expected.tsv" "$@" >"$DIR/verify-$name.txt"; then
    echo "bench-portfolio: $name's totals differ from the generator's" >&2
    failed=1
  fi
}

# ledger and hledger print balances; the checks read `ID key amount` lines. Every expense, statement
# and payment has one posting to its convention's Fund, Receivable or Bank account (depth 2, which
# ledger's --flat --depth 2 shows; it leaves out the deeper Spending:ID:CATEGORY), so spending, called
# and paid are those balances negated.
negated_tsv() { awk '{ split($1, a, ":"); k = a[1] == "Fund" ? "spending" : a[1] == "Bank" ? "paid" : a[1] == "Receivable" ? "called" : ""
  if (k == "") next; v = $2; if (v ~ /^-/) v = substr(v, 2); else v = "-" v; print a[2], k, v }'; }
ledger_tsv() { awk '$1 == "EUR" { print $3, $2 }' "$1" | negated_tsv; }
hledger_tsv() { awk -F'","' 'NR > 1 { sub(/^"/, "", $1); sub(/"$/, "", $2); sub(/^EUR /, "", $2); print $1, $2 }' "$1" | negated_tsv; }

sizes=()
for N in "$@"; do
  DIR="$WORK/$N"
  rm -rf "$DIR"
  ledger_flag=()
  ((N <= ${PRORATA_BENCH_OTHERS_MAX_LINES:-1000000})) && ledger_flag=(--ledger)
  "$HELPER" generate "$N" "$C" "$DIR" "${ledger_flag[@]}" >&2
  runs="${PRORATA_BENCH_RUNS:-$((N <= 100000 ? 5 : N <= 1000000 ? 3 : 1))}"
  other_runs=$((N <= 100000 ? 3 : 1))
  sizes+=("$N")
  cd "$DIR"
  echo "bench-portfolio: $N lines: prorata ($runs runs)" >&2
  if ((portfolio)); then
    measure prorata "$N" "$runs" status.txt "$PRORATA" status --rules-dir rules --journal journal.csv --as-of "$AS_OF"
    measure prorata-json "$N" "$runs" status.json "$PRORATA" status --rules-dir rules --journal journal.csv --as-of "$AS_OF" --format json
    verify prorata status.json --all
  else
    rules_files=(rules/*.yaml)
    measure prorata "$N" "$runs" status.txt "$PRORATA" status "${rules_files[0]}" --journal journal.csv --as-of "$AS_OF"
    measure prorata-json "$N" "$runs" status.json "$PRORATA" status "${rules_files[0]}" --journal journal.csv --as-of "$AS_OF" --format json
    verify prorata status.json
    for rules in "${rules_files[1]}" "${rules_files[-1]}"; do  # two more conventions checked, not timed
      id="$(basename "$rules" .yaml)"
      "$PRORATA" status "$rules" --journal journal.csv --as-of "$AS_OF" --format json >"status-$id.json"
      verify "prorata-$id" "status-$id.json"
    done
  fi
  echo "bench-portfolio: $N lines: awk, wc ($runs runs)" >&2
  measure awk "$N" "$runs" awk.txt "$AWK" -F, 'NR > 1 && $2 == "expense" { s[$8] += $4 }
    END { for (c in s) printf "%s spending %.2f\n", c, s[c] }' journal.csv
  verify awk awk.txt --all
  measure wc "$N" "$runs" wc.txt wc -l journal.csv
  if [[ "$(awk '{print $1}' wc.txt)" != $((N + 1)) ]]; then echo "bench-portfolio: wc -l is not $((N + 1))" >&2; failed=1; fi
  if ((${#ledger_flag[@]})); then
    echo "bench-portfolio: $N lines: ledger, hledger ($other_runs runs)" >&2
    measure ledger "$N" "$other_runs" ledger.txt ledger -f ledger.journal balance --flat --depth 2
    ledger_tsv ledger.txt >ledger.tsv
    verify ledger ledger.tsv --all
    if ((N <= ${PRORATA_BENCH_HLEDGER_MAX_LINES:-${PRORATA_BENCH_OTHERS_MAX_LINES:-1000000}})); then
      measure hledger "$N" "$other_runs" hledger.csv hledger -f ledger.journal balance --flat --depth 2 -O csv
      hledger_tsv hledger.csv >hledger.tsv
      verify hledger hledger.tsv --all
    fi
  fi
  cd "$ROOT"
done

scope="$C conventions"
((portfolio)) || scope="1 convention of $C (portfolio CLI pending)"
echo
echo "Portfolio benchmark: C = $C conventions, $(nproc) cores, wall time = median, peak RSS = largest"
echo "prorata: status over $scope, as of $AS_OF; awk = $AWK; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-14s %10s %10s %14s %12s\n' tool lines "wall s" "lines/s" "peak MiB"
for N in "${sizes[@]}"; do
  for name in prorata prorata-json awk wc ledger hledger; do
    [[ -n "${wall[$name,$N]:-}" ]] || continue
    awk -v t="$name" -v n="$N" -v w="${wall[$name,$N]}" -v r="${rss[$name,$N]}" \
      'BEGIN { printf "%-14s %10d %10.3f %14.0f %12.1f\n", t, n, w, (w > 0 ? n / w : 0), r / 1024 }'
  done
done
echo
for N in "${sizes[@]}"; do
  p="${wall[prorata,$N]:-}"
  [[ -n "$p" ]] || continue
  awk -v n="$N" -v p="$p" -v a="${wall[awk,$N]:-0}" -v w="${wall[wc,$N]:-0}" -v l="${wall[ledger,$N]:-0}" \
    -v h="${wall[hledger,$N]:-0}" 'BEGIN {
      printf "%10d lines: prorata/awk %.2f (goal <= 0.33)  prorata/wc %.1f (goal <= 10)", n, p / a, p / w
      if (l > 0) printf "  ledger/prorata %.0f (goal >= 100)", l / p
      if (h > 0) printf "  hledger/prorata %.0f", h / p
      printf "\n" }'
done
if ((failed)); then
  echo "bench-portfolio: FAILED (see the messages above)" >&2
  exit 1
fi
echo "every tool's totals match the generator's to the cent"
