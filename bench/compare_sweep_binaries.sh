#!/usr/bin/env bash
# Two aisim binaries on the same sweep, rounds interleaved (old, new, old,
# new, ...) so that load from other processes hits both alike: medians of
# wall and CPU (user + sys) time of the whole `aisim sweep` process, and a
# check that both wrote byte-identical samples.csv and outcomes.csv.
#
# Usage: bench/compare_sweep_binaries.sh OLD_AISIM NEW_AISIM   (N=100000 ROUNDS=5 JOBS=1)
set -euo pipefail
OLD=$1 NEW=$2
N=${N:-100000}
ROUNDS=${ROUNDS:-5}
JOBS=${JOBS:-1}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
VARY="--vary regions.KR.public_budget=2:20 --vary regions.KR.physical_focus=0:1
      --vary assumptions.algorithmic_progress=1.5:4 --vary assumptions.market_size_multiplier=0.5:2
      --vary assumptions.utilization=0.3:0.5 --vary assumptions.compute_depreciation=0.15:0.3"
echo "machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "sweep: $N LHS samples, 6 varied paths, world-2025, --jobs $JOBS; $ROUNDS interleaved rounds"
one() {  # appends "wall cpu" of one sweep by binary $2 to $OUT/$1
  rm -rf "$OUT/s-$1"
  local TIMEFORMAT='%3R %3U %3S'
  { time "$2" sweep $VARY --method lhs --samples "$N" --jobs "$JOBS" --quiet --out "$OUT/s-$1" 2>&3; } \
    3>&2 2>&1 | awk '{ printf "%s %.3f\n", $1, $2 + $3 }' >> "$OUT/$1"
  # A sweep that did not finish would time as fast: refuse the round.
  grep -q '"status": "complete"' "$OUT/s-$1/manifest.json" || { echo "FAIL: $1 sweep did not complete"; exit 1; }
}
for _ in $(seq "$ROUNDS"); do
  one old "$OLD"
  one new "$NEW"
done
for f in samples.csv outcomes.csv; do
  cmp "$OUT/s-old/$f" "$OUT/s-new/$f" || { echo "FAIL: $f differs"; exit 1; }
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for b in old new; do
  echo "$b: median wall $(cut -d' ' -f1 "$OUT/$b" | median) s, CPU $(cut -d' ' -f2 "$OUT/$b" | median) s;" \
       "fastest wall $(cut -d' ' -f1 "$OUT/$b" | sort -n | head -1) s" \
       "(wall by round: $(cut -d' ' -f1 "$OUT/$b" | tr '\n' ' '))"
done
echo "outputs byte-identical; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
