#!/usr/bin/env bash
# The README's first command: install what is missing, build in Release, and
# run the default scenario (world-2025), writing results/world-2025/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
npm ci --no-audit --no-fund   # uPlot (embedded by the build) and playwright-core (browser test)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
build/aisim run
