#!/usr/bin/env bash
# README command 2: set up a fresh Debian 12 machine (as root), build, and run every test with CTest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ctest --test-dir "$PRORATA_BUILD" --output-on-failure -j"$(nproc)"
