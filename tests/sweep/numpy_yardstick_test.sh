#!/usr/bin/env bash
# The NumPy yardsticks of bench/run_sweep_bench.sh must compute what the C++
# computes, or the benchmark proves nothing: bench/numpy_sweep.py checks its
# per-sample and batched forms against `aisim sweep`'s outcomes.csv to 1e-9
# relative (and exits 1 otherwise). Here on small sweeps that reach every
# code path of bench/numpy_batched.py: all five region levers, global
# assumptions, talent/compute/data alliances (korea-uk-physical-ai-alliance),
# and a delayed public programme (start_delay).
# Usage: tests/sweep/numpy_yardstick_test.sh AISIM_BINARY
set -euo pipefail
AISIM=$(realpath "$1")
export AISIM_NO_CHARTS=1  # the report's charts are tested in tests/sweep/sweep_test.cpp
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
check() {  # NAME SCENARIO_ARGS -- SWEEP_ARGS
  local name=$1; shift
  local scenario=()
  while [[ $1 != -- ]]; do scenario+=("$1"); shift; done
  shift
  "$AISIM" run "${scenario[@]}" --out "$T/$name-run" --quiet
  "$AISIM" sweep "${scenario[@]}" "$@" --method lhs --samples 300 --seed 3 --quiet --out "$T/$name"
  echo "== $name"
  /usr/bin/python3 "$ROOT/bench/numpy_sweep.py" "$T/$name-run"/*/scenario.resolved.yaml "$T/$name" \
    --per-sample 25 --repeat 1
}
check world -- \
  --vary regions.KR.public_budget=2:20 --vary regions.KR.physical_focus=0:1 \
  --vary assumptions.algorithmic_progress=1.5:4 --vary assumptions.market_size_multiplier=0.5:2 \
  --vary assumptions.utilization=0.3:0.5 --vary assumptions.compute_depreciation=0.15:0.3
check alliance "$ROOT/scenarios/korea-uk-physical-ai-alliance.yaml" -- \
  --vary assumptions.home_bias=0.5:2 --vary assumptions.researcher_mobility=0.02:0.2 \
  --vary regions.KR.gpu_deliveries=0:50000 --vary regions.UK.physical_focus=0:1 \
  --vary regions.KR.chip_access=0.5:1 --vary regions.KR.power_growth=0:2 \
  --vary regions.UK.public_budget=1:10
check delay --set regions.KR.start_delay=2 -- \
  --vary regions.KR.public_budget=2:20 --vary regions.KR.physical_focus=0:1 \
  --vary regions.KR.gpu_deliveries=0:50000
echo "PASS: per-sample and batched NumPy agree with aisim sweep to 1e-9"
