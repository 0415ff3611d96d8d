#!/usr/bin/env bash
# Reproduces bench/README.md: builds the benchmark, times the model in-process,
# the whole `aisim run` process, and the NumPy reference on the same scenario in
# the same run (the reference is the yardstick on a shared, noisy machine).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build-bench}
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DAISIM_BUILD_BENCH=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$BUILD" -j"$(nproc)" --target aisim bench_model >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
"$BUILD"/bench/bench_model
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
# Whole process: median of 21 runs of `aisim run` (deterministic, world-2025).
times=()
for _ in $(seq 21); do
  start=$(date +%s%N)
  "$BUILD"/aisim run --out "$OUT" --quiet --no-charts  # the data path; charts: bench/chart_bench.sh
  times+=($(( $(date +%s%N) - start )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 11p)
echo "whole process: aisim run (deterministic, writes 4 files),$(awk "BEGIN{print $median/1e9}"),"
/usr/bin/python3 tests/reference/bench_reference.py "$OUT/world-2025/scenario.resolved.yaml"
# What charts cost a run, against the same run without them.
bench/chart_bench.sh "$BUILD"/aisim
