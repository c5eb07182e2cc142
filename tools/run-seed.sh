#!/usr/bin/env bash
# README command 1: set up a fresh Debian 12 machine (as root), build, print the settlement of the
# seed convention on the seed journal, and issue its documents (the five statements of amounts due,
# the refund notices and the Somme's cancellation) into out/seed/documents/. Issuing records each
# document in the journal's register, so it runs on a fresh copy of the seed journal, out/seed/journal.csv:
# fixtures/ is never modified, and every run issues the same documents, byte for byte.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$PRORATA_ROOT"
"$PRORATA_BUILD/tools/prorata" status rules/dinum-preincubation-2020.yaml \
  --journal fixtures/seed/journal.csv --as-of 2020-12-31
echo
mkdir -p out/seed
cp fixtures/seed/journal.csv out/seed/journal.csv
"$PRORATA_BUILD/tools/prorata" documents rules/dinum-preincubation-2020.yaml \
  --journal out/seed/journal.csv --as-of 2020-12-31 --out out/seed/documents --issue
