#!/usr/bin/env bash
# Installs the Debian 12 packages aisim needs, only those missing.
# Uses sudo when not run as root. With --with-site, also Emscripten, which
# builds the static site (about 800 MB, so not by default; scripts/test.sh);
# with --site-only, only what scripts/build-site.sh needs.
set -euo pipefail
PACKAGES=(
  build-essential cmake              # compiler and build
  libeigen3-dev                      # the model's arrays
  libsleef-dev                       # the model's exp/log: same bits on every vector width
  libyaml-cpp-dev                    # scenario files
  libboost-program-options-dev       # the command line
  libboost-dev                       # Boost.Math quantiles (headers)
  nlohmann-json3-dev                 # summary.json
  catch2                             # unit tests
  python3-numpy python3-yaml         # the NumPy reference implementation (tests/reference)
  libcairo2-dev fonts-dejavu-core    # a run's charts (sim/output/run_charts.cpp)
  python3-matplotlib                 # compare, sweep and discover charts (sim/output/charts.py)
  python3-pandas                     # tests/output: the outputs read as pandas and pyam users read them
  libcpp-httplib-dev pkg-config      # aisim explore: the HTTP server
  chromium                           # browser tests: report.html, and the explorer (with playwright-core)
  slurm-wlm munge                    # tests/slurm: a throw-away single-node Slurm
)
SITE_PACKAGES=(
  emscripten                         # the model compiled to WebAssembly (sim/site/)
  cmake dpkg-dev                     # its build, and apt-get source for yaml-cpp
  libeigen3-dev libboost-dev nlohmann-json3-dev  # the headers it compiles with
)
case "${1:-}" in
  "") ;;
  --with-site) PACKAGES+=("${SITE_PACKAGES[@]}") ;;
  --site-only) PACKAGES=("${SITE_PACKAGES[@]}") ;;
  *) echo "usage: scripts/install-deps.sh [--with-site | --site-only]" >&2; exit 2 ;;
esac
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  echo "Installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
# Node.js and npm (the explorer's chart library and browser-test driver come
# from npm): Debian's, only when no node or npm is on PATH.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm
fi
