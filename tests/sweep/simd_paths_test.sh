#!/usr/bin/env bash
# Results must not depend on the machine: shards of one sweep run on CPUs with
# different vector units and are merged. exp/log and the year loop dispatch
# at run time (sim/model/vector_math.hpp, sim::ActiveYearLoop); here the same sweeps and Monte Carlo runs are
# run on every path this CPU supports (AISIM_SIMD=scalar, sse2, sse4, avx,
# avx512) and on --jobs 1 and 2, and every output file must be byte-identical
# to the scalar path's. Also: an unknown or unsupported AISIM_SIMD stops with
# a message and exit status 2, before writing anything.
# Usage: tests/sweep/simd_paths_test.sh AISIM_BINARY
set -euo pipefail
AISIM=$(realpath "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# Paths this CPU has, from the kernel's CPU flags (the test must not ask the
# code under test which paths exist).
flags=$(grep -m1 '^flags' /proc/cpuinfo)
paths=(scalar sse2)
[[ " $flags " == *" sse4_1 "* ]] && paths+=(sse4)
[[ " $flags " == *" avx "* ]] && paths+=(avx)
[[ " $flags " == *" avx512f "* ]] && paths+=(avx512)
echo "paths on this CPU: ${paths[*]}"

run_all() {  # OUT JOBS: every form into OUT, with AISIM_SIMD as exported
  local out=$1 jobs=$2
  # Region levers (per-draw tables) and global assumptions, every variable and year.
  "$AISIM" sweep --vary regions.KR.public_budget=2:20 --vary regions.KR.physical_focus=0:1 \
    --vary regions.US.chip_access=0.5:1 --vary regions.CN.power_growth=0:5 \
    --vary assumptions.algorithmic_progress=1.5:4 --vary assumptions.home_bias=0:3 \
    --vary assumptions.market_temperature_generative=0.05:2 --vary assumptions.sovereignty_scale=0.2:2 \
    --method lhs --samples 203 --seed 5 --timeseries --by-year --jobs "$jobs" --quiet --out "$out/world"
  # Talent, compute and data alliances; sovereignty and ranks recorded.
  "$AISIM" sweep "$ROOT/scenarios/korea-uk-physical-ai-alliance.yaml" \
    --vary assumptions.researcher_mobility=0:0.3 --vary regions.UK.public_budget=0:10 \
    --outcome 'Sovereignty|Generative:KR:2035' --outcome 'Rank|Physical:UK:2030' \
    --method lhs --samples 101 --seed 9 --jobs "$jobs" --quiet --out "$out/alliance"
  # Monte Carlo runs: every uncertain assumption sampled.
  "$AISIM" run korea-uk-physical-ai-alliance --draws 301 --seed 2 --threads "$jobs" --no-charts --quiet \
    --out "$out/run"
  "$AISIM" run backtest-2020-observed-drivers --draws 1 --no-charts --quiet --out "$out/run"
}

AISIM_SIMD=scalar run_all "$T/scalar" 1
files=$(cd "$T/scalar" && find . -type f | sort)
[ "$(echo "$files" | wc -l)" -ge 10 ] || { echo "FAIL: too few output files: $files"; exit 1; }
status=0
for path in "${paths[@]}" default; do
  for jobs in 1 2; do
    [[ $path == scalar && $jobs == 1 ]] && continue
    if [[ $path == default ]]; then unset AISIM_SIMD; else export AISIM_SIMD=$path; fi
    run_all "$T/$path-$jobs" "$jobs"
    unset AISIM_SIMD
    before=$status
    for f in $files; do
      # manifest.json records the sweep's wall time: compare everything else.
      if ! cmp -s <(grep -v '"wall_time_seconds"' "$T/scalar/$f") <(grep -v '"wall_time_seconds"' "$T/$path-$jobs/$f"); then
        echo "FAIL: AISIM_SIMD=$path --jobs $jobs: $f differs from the scalar path's"
        status=1
      fi
    done
    [[ $status == "$before" ]] &&
      echo "AISIM_SIMD=$path --jobs $jobs: $(echo "$files" | wc -l) files identical to the scalar path's"
  done
done

# A bad value stops at once, with a message, and writes nothing.
for bad in avx2 AVX512 nonsense; do
  set +e
  message=$(AISIM_SIMD=$bad "$AISIM" run --no-charts --quiet --out "$T/bad" 2>&1)
  code=$?
  set -e
  if [[ $code != 2 || $message != *"AISIM_SIMD=$bad"* || -e $T/bad/world-2025/timeseries.csv ]]; then
    echo "FAIL: AISIM_SIMD=$bad: exit $code, message: $message"
    status=1
  fi
done
if [[ " ${paths[*]} " != *" avx512 "* ]]; then  # a path this CPU lacks
  set +e
  message=$(AISIM_SIMD=avx512 "$AISIM" run --no-charts --quiet --out "$T/bad" 2>&1)
  code=$?
  set -e
  [[ $code == 2 && $message == *"does not support"* ]] || { echo "FAIL: unsupported path: $message"; status=1; }
fi
exit $status
