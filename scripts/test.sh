#!/usr/bin/env bash
# The README's second command (and what .ci/run calls): install what is
# missing, build the static site and the native tool with tests, and run the
# whole suite through CTest; then build
# again with AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/) and
# run the whole suite once more. AISIM_SKIP_SANITIZED=1 skips the second pass
# for a quick local check.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --with-site  # with Emscripten, for the static site
npm ci --no-audit --no-fund   # uPlot (embedded by the build) and playwright-core (browser test)
jobs=$(nproc)
# The static site first (its own command, scripts/build-site.sh), so that the
# suite tests it against the native build.
scripts/build-site.sh build-site/site
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON -DAISIM_SITE_DIR="$PWD/build-site/site"
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"
if [ "${AISIM_SKIP_SANITIZED:-0}" != 1 ]; then
  echo "== The same suite under AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/) =="
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DBUILD_TESTING=ON -DAISIM_SANITIZE=ON
  cmake --build build-asan -j"$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs"
fi
