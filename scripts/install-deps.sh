#!/usr/bin/env bash
# Installs the Debian 12 packages aisim needs, only those missing.
# Uses sudo when not run as root.
set -euo pipefail
PACKAGES=(
  build-essential cmake              # compiler and build
  libeigen3-dev                      # the model's arrays
  libyaml-cpp-dev                    # scenario files
  libboost-program-options-dev       # the command line
  libboost-dev                       # Boost.Math quantiles (headers)
  nlohmann-json3-dev                 # summary.json
  catch2                             # unit tests
  python3-numpy python3-yaml         # the NumPy reference implementation (tests/reference)
  slurm-wlm munge                    # tests/slurm: a throw-away single-node Slurm
)
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
