#!/usr/bin/env bash
# README command 1: set up a fresh Debian 12 machine (as root), build, print the settlement of the
# seed convention on the seed journal, and write its documents (the five statements of amounts due
# and the refund notices) into out/seed/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$PRORATA_ROOT"
"$PRORATA_BUILD/tools/prorata" status rules/dinum-preincubation-2020.yaml \
  --journal fixtures/seed/journal.csv --as-of 2020-12-31
echo
"$PRORATA_BUILD/tools/prorata" documents rules/dinum-preincubation-2020.yaml \
  --journal fixtures/seed/journal.csv --as-of 2020-12-31 --out out/seed
