#!/usr/bin/env bash
# Fuzzes scenario loading and validation with libFuzzer (clang, ASan, UBSan).
# Usage: scripts/fuzz.sh [SECONDS=600] [JOBS=1]
# Seeds: the shipped scenarios and the docs' example; the corpus grows in
# build-fuzz/corpus (not committed). Each failing input is copied to
# tests/fuzz/regressions/ so that the test suite replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-600}
JOBS=${2:-1}
scripts/install-deps.sh
dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null | grep -q "install ok installed" || {
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq clang libclang-rt-14-dev
}
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DAISIM_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_scenario
mkdir -p build-fuzz/corpus build-fuzz/artifacts
cp scenarios/*.yaml tests/fuzz/regressions/* build-fuzz/corpus/ 2>/dev/null || true
log=build-fuzz/fuzz-$(date +%Y%m%d-%H%M%S).log
set +e
build-fuzz/tests/fuzz/fuzz_scenario build-fuzz/corpus \
  -dict=tests/fuzz/scenario.dict -max_total_time="$SECONDS_TO_RUN" -timeout=10 \
  -rss_limit_mb=2048 -max_len=65536 $( ((JOBS > 1)) && echo "-jobs=$JOBS -workers=$JOBS" ) \
  -artifact_prefix=build-fuzz/artifacts/ -print_final_stats=1 2>&1 | tee "$log" | tail -n 25
status=${PIPESTATUS[0]}
set -e
for artifact in build-fuzz/artifacts/*; do
  [ -e "$artifact" ] || continue
  cp "$artifact" "tests/fuzz/regressions/$(basename "$artifact").yaml"
  echo "new regression input: tests/fuzz/regressions/$(basename "$artifact").yaml"
done
echo "log: $log"
exit "$status"
