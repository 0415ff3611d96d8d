#!/usr/bin/env bash
# Sweep throughput through the real code path (`aisim sweep`, the CLI a student
# runs): a 10,000-sample LHS sweep of world-2025 (all regions, 2025-2035) with
# --jobs 1 and --jobs 2 (median of 5 each, interleaved so that load from other
# processes hits both alike), then the peak memory of a 1,000,000-sample sweep.
# NOT YET HERE: the per-sample and batched NumPy references of issue 5.
set -euo pipefail
cd "$(dirname "$0")/.."
AISIM=${AISIM:-build/aisim}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
VARY="--vary regions.KR.public_budget=2:20 --vary regions.KR.physical_focus=0:1
      --vary assumptions.algorithmic_progress=1.5:4 --vary assumptions.market_size_multiplier=0.5:2
      --vary assumptions.utilization=0.3:0.5 --vary assumptions.compute_depreciation=0.15:0.3"
N=10000
REGIONS=$("$AISIM" params | grep -c '^regions\.[A-Z]*\.name ')
YEARS=11
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
declare -A times
for _ in 1 2 3 4 5; do
  for jobs in 1 2; do
    rm -rf "$OUT/s"
    start=$(date +%s%N)
    "$AISIM" sweep $VARY --method lhs --samples $N --jobs $jobs --quiet --out "$OUT/s"
    times[$jobs]+="$(( $(date +%s%N) - start )) "
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | sed -n 3p; }
t1=$(echo "${times[1]}" | median); t2=$(echo "${times[2]}" | median)
awk -v t1="$t1" -v t2="$t2" -v n=$N -v r="$REGIONS" -v y=$YEARS 'BEGIN {
  printf "jobs 1: %.3f s  %.0f samples/s  %.3g region-years/s\n", t1/1e9, n/(t1/1e9), n*r*y/(t1/1e9);
  printf "jobs 2: %.3f s  %.0f samples/s  %.3g region-years/s  (speed-up %.2fx)\n", t2/1e9, n/(t2/1e9), n*r*y/(t2/1e9), t1/t2 }'
rm -rf "$OUT/s"
/usr/bin/time -f "1,000,000-sample sweep (jobs 2): %e s wall, peak RSS %M KB" \
  "$AISIM" sweep $VARY --method lhs --samples 1000000 --jobs 2 --quiet --out "$OUT/s"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
