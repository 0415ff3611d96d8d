#!/usr/bin/env bash
# Fuzzes with libFuzzer (clang, ASan, UBSan) one of two targets:
#   fuzz_scenario         scenario loading and validation (the default);
#   fuzz_explore_request  the explorer's request handling (sim::explore::Route).
# Usage: scripts/fuzz.sh [SECONDS=600] [JOBS=1] [TARGET=fuzz_scenario]
# Seeds: for scenarios, the shipped scenarios and the saved regressions; for
# requests, a few bodies and paths the page sends. The corpus grows in
# build-fuzz/corpus-TARGET (not committed). A failing scenario input is
# copied to tests/fuzz/regressions/ so that the test suite replays it from
# then on; a failing request input stays in build-fuzz/artifacts-TARGET.
# Each target has its own artifact folder: a request input is no scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-600}
JOBS=${2:-1}
TARGET=${3:-fuzz_scenario}
scripts/install-deps.sh
dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null | grep -q "install ok installed" || {
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq clang libclang-rt-14-dev
}
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DAISIM_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "$TARGET"
corpus=build-fuzz/corpus-$TARGET
artifacts=build-fuzz/artifacts-$TARGET
mkdir -p "$corpus" "$artifacts"
case "$TARGET" in
  fuzz_scenario)
    cp scenarios/*.yaml tests/fuzz/regressions/* "$corpus"/ 2>/dev/null || true
    dict=tests/fuzz/scenario.dict ;;
  fuzz_explore_request)
    # First byte even: a POST body; odd: a GET path (fuzz_explore_request.cpp).
    printf '\x00{"set": ["regions.KR.public_budget=12"], "draws": 1}' > "$corpus/seed-what-if"
    printf '\x00{"set": ["assumptions.frontier_growth=0.5", "regions.US.physical_focus=0.3"], "draws": 300}' > "$corpus/seed-fan"
    printf '\x00{}' > "$corpus/seed-empty"
    printf '\x01api/levers' > "$corpus/seed-levers"
    printf '\x01assets/explore.js' > "$corpus/seed-asset"
    dict=tests/fuzz/explore_request.dict ;;
  *) echo "unknown fuzz target: $TARGET (fuzz_scenario or fuzz_explore_request)" >&2; exit 2 ;;
esac
log=build-fuzz/fuzz-$TARGET-$(date +%Y%m%d-%H%M%S).log
set +e
build-fuzz/tests/fuzz/"$TARGET" "$corpus" \
  -dict="$dict" -max_total_time="$SECONDS_TO_RUN" -timeout=10 \
  -rss_limit_mb=2048 -max_len=65536 $( ((JOBS > 1)) && echo "-jobs=$JOBS -workers=$JOBS" ) \
  -artifact_prefix="$artifacts/" -print_final_stats=1 2>&1 | tee "$log" | tail -n 25
status=${PIPESTATUS[0]}
set -e
if [ "$TARGET" = fuzz_scenario ]; then
  for artifact in "$artifacts"/*; do
    [ -e "$artifact" ] || continue
    cp "$artifact" "tests/fuzz/regressions/$(basename "$artifact").yaml"
    echo "new regression input: tests/fuzz/regressions/$(basename "$artifact").yaml"
  done
fi
echo "log: $log"
exit "$status"
