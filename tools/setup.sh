#!/usr/bin/env bash
# Set-up shared by the README commands: installs the Debian packages prorata needs (only those
# missing, so a second run installs nothing), then configures and builds into build/.
# Run as root on Debian 12. Usage: source from another script, or `bash tools/setup.sh`.
set -euo pipefail

PRORATA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PRORATA_BUILD="${PRORATA_BUILD:-$PRORATA_ROOT/build}"

# Build tools, then one package per library (why each is used: README, "Dependencies").
PRORATA_PACKAGES=(
  cmake g++ make pkg-config
  libboost-dev                 # Boost.Multiprecision: exact rationals and wide integers
  libhowardhinnant-date-dev    # calendar dates
  libyaml-dev                  # rules files (libyaml: a C YAML parser)
  libspdlog-dev                # the CLI's --verbose log (brings libfmt-dev)
  nlohmann-json3-dev           # JSON output
  nettle-dev                   # SHA-256 digests of issued documents (Nettle)
  libcli11-dev                 # command line
  doctest-dev                  # tests
  libcairo2-dev libpango1.0-dev fonts-dejavu-core  # PDF documents (Cairo + Pango, DejaVu fonts)
  poppler-utils                # tests read the PDFs back with pdftotext and render them with pdftoppm
  clang-14 libclang-rt-14-dev  # fuzzing: libFuzzer + sanitizers for tests/fuzz (tools/fuzz.sh)
)

prorata_install_missing() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if ((${#missing[@]})); then
    echo "prorata setup: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

prorata_build() {
  cmake -S "$PRORATA_ROOT" -B "$PRORATA_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPRORATA_WERROR=ON "$@" >/dev/null
  cmake --build "$PRORATA_BUILD" -j"$(nproc)"
}

prorata_install_missing "${PRORATA_PACKAGES[@]}"
prorata_build
