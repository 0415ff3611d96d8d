#!/usr/bin/env bash
# Sweep throughput through the real code path (`aisim sweep`, the CLI a student
# runs): an $N-sample LHS sweep of world-2025 (all regions, 2025-2035; 100,000
# by default, the size issue #21 sets its targets at) with --jobs 1 and
# --jobs 2, and in the same run the NumPy yardsticks on the same sweep
# (bench/numpy_sweep.py: the reference model sample by sample, as a student
# would write it, on the first $PER_SAMPLE samples; and batched, samples as
# columns, on all of them, both with glibc's default malloc settings and with
# its trim and mmap thresholds raised, which spares NumPy's large temporaries
# the page faults of being returned to the system and fetched again; all
# checked against the C++ outcomes.csv to 1e-9 first). Rounds are interleaved
# (C++ jobs 1, C++ jobs 2, NumPy batched, NumPy batched tuned) so that load
# from other processes hits all alike; medians of $ROUNDS. Wall time and CPU time (user + sys) are both reported: on a shared
# machine the one-core ratios are steadier in CPU time. Each round also runs
# `aisim run --draws $N --no-charts` (Monte Carlo output of as many draws as
# the sweep has samples: issue #21 asks it to take at most twice the sweep's
# time and under 300 MB). Then the peak memory of a 1,000,000-sample sweep.
#
# Usage: bench/run_sweep_bench.sh            (AISIM=build/aisim N=100000 ROUNDS=5 PER_SAMPLE=200 BIG=1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
AISIM=${AISIM:-build/aisim}
PY="env OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3"  # NumPy on one core
TUNED="env GLIBC_TUNABLES=glibc.malloc.mmap_threshold=1073741824:glibc.malloc.trim_threshold=1073741824"
ROUNDS=${ROUNDS:-5}
PER_SAMPLE=${PER_SAMPLE:-200}
BIG=${BIG:-1000000}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
VARY="--vary regions.KR.public_budget=2:20 --vary regions.KR.physical_focus=0:1
      --vary assumptions.algorithmic_progress=1.5:4 --vary assumptions.market_size_multiplier=0.5:2
      --vary assumptions.utilization=0.3:0.5 --vary assumptions.compute_depreciation=0.15:0.3"
N=${N:-100000}
REGIONS=$("$AISIM" params | grep -c '^regions\.[A-Z]*\.name ')
YEARS=11
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$AISIM" run --out "$OUT/run" --quiet   # writes the resolved scenario NumPy reads
RESOLVED="$OUT/run/world-2025/scenario.resolved.yaml"

cpp() {  # appends "wall cpu" of one C++ sweep to $OUT/cpp-$1
  rm -rf "$OUT/s$1"
  # Bash's `time` reports milliseconds (/usr/bin/time only hundredths, 10 %
  # of a 0.1 s run); aisim's own stderr still goes to the terminal (fd 3).
  local TIMEFORMAT='%3R %3U %3S'
  { time "$AISIM" sweep $VARY --method lhs --samples $N --jobs "$1" --quiet --no-charts --out "$OUT/s$1" 2>&3; } \
    3>&2 2> "$OUT/time"
  # The sweep's own clock (manifest.json): from reading the scenario to the
  # last row written, without process start-up (exec, shared libraries).
  local inproc
  inproc=$(sed -n 's/.*"wall_time_seconds": *\([0-9.e+-]*\).*/\1/p' "$OUT/s$1/manifest.json")
  awk -v inproc="$inproc" '{ print $1, $2 + $3, inproc }' "$OUT/time" >> "$OUT/cpp-$1"
}
# Round 0 (not timed): the sweep NumPy reads, and the per-sample form, checked.
cpp 1; cpp 2; : > "$OUT/cpp-1"; : > "$OUT/cpp-2"
$PY bench/numpy_sweep.py "$RESOLVED" "$OUT/s1" --per-sample "$PER_SAMPLE" --repeat 1 > "$OUT/numpy0"
grep '^numpy per-sample' "$OUT/numpy0" > "$OUT/per-sample"
for _ in $(seq "$ROUNDS"); do
  cpp 1
  cpp 2
  $PY bench/numpy_sweep.py "$RESOLVED" "$OUT/s1" --per-sample 0 --repeat 1 | grep '^numpy batched' >> "$OUT/batched"
  $TUNED $PY bench/numpy_sweep.py "$RESOLVED" "$OUT/s1" --per-sample 0 --repeat 1 | grep '^numpy batched' >> "$OUT/tuned"
  rm -rf "$OUT/mc"
  /usr/bin/time -a -o "$OUT/mc-time" -f "%e %M" "$AISIM" run --draws "$N" --no-charts --quiet --out "$OUT/mc"
done
cmp -s "$OUT/s1/outcomes.csv" "$OUT/s2/outcomes.csv" || { echo "FAIL: jobs 1 and jobs 2 outcomes differ"; exit 1; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
w1=$(cut -d' ' -f1 "$OUT/cpp-1" | median); c1=$(cut -d' ' -f2 "$OUT/cpp-1" | median)
w2=$(cut -d' ' -f1 "$OUT/cpp-2" | median); c2=$(cut -d' ' -f2 "$OUT/cpp-2" | median)
i1=$(cut -d' ' -f3 "$OUT/cpp-1" | median); i2=$(cut -d' ' -f3 "$OUT/cpp-2" | median)
bw=$(cut -d, -f3 "$OUT/batched" | median); bc=$(cut -d, -f4 "$OUT/batched" | median)
tw=$(cut -d, -f3 "$OUT/tuned" | median); tc=$(cut -d, -f4 "$OUT/tuned" | median)
mw=$(cut -d' ' -f1 "$OUT/mc-time" | median); mm=$(cut -d' ' -f2 "$OUT/mc-time" | median)
IFS=, read -r _ pn pw pc _ _ _ perr < "$OUT/per-sample"
berr=$(cut -d, -f8 "$OUT/batched" | sort -g | tail -1)
awk -v n=$N -v ry=$((REGIONS * YEARS)) -v w1="$w1" -v c1="$c1" -v w2="$w2" -v c2="$c2" \
    -v i1="$i1" -v i2="$i2" -v bw="$bw" -v bc="$bc" -v tw="$tw" -v tc="$tc" -v mw="$mw" -v mm="$mm" -v pn="$pn" -v pw="$pw" -v pc="$pc" -v perr="$perr" -v berr="$berr" \
    -v rounds="$ROUNDS" 'BEGIN {
  printf "%d-sample LHS sweep, world-2025 (%d region-years per sample); medians of %d rounds\n", n, ry, rounds
  printf "%-44s %9s %9s %12s %14s\n", "", "wall s", "cpu s", "samples/s", "region-years/s"
  printf "%-44s %9.3f %9.3f %12.0f %14.3g\n", "C++ aisim sweep --jobs 1 (whole process)", w1, c1, n / w1, n * ry / w1
  printf "%-44s %9.3f %9.3f %12.0f %14.3g\n", "C++ aisim sweep --jobs 2 (whole process)", w2, c2, n / w2, n * ry / w2
  printf "%-44s %9.3f %9s %12.0f %14.3g\n", "C++ aisim sweep --jobs 1 (in-process clock)", i1, "-", n / i1, n * ry / i1
  printf "%-44s %9.3f %9s %12.0f %14.3g\n", "C++ aisim sweep --jobs 2 (in-process clock)", i2, "-", n / i2, n * ry / i2
  printf "%-44s %9.3f %9.3f %12.0f %14.3g   max rel err vs C++ %s\n", "NumPy batched, 1 core (compute only)", bw, bc, n / bw, n * ry / bw, berr
  printf "%-44s %9.3f %9.3f %12.0f %14.3g\n", "NumPy batched, trim/mmap thresholds raised", tw, tc, n / tw, n * ry / tw
  printf "%-44s %9.3f %9.3f %12.1f %14.3g   max rel err vs C++ %s\n", sprintf("NumPy per-sample, first %d samples", pn), pw, pc, pn / pw, pn * ry / pw, perr
  printf "C++ jobs 1 vs NumPy per-sample: %.0fx wall, %.0fx cpu   (target >= 50x)\n", (pw / pn) / (w1 / n), (pc / pn) / (c1 / n)
  printf "C++ jobs 1 vs NumPy batched:    %.2fx wall, %.2fx cpu, %.2fx in-process\n", bw / w1, bc / c1, bw / i1
  printf "C++ jobs 1 vs NumPy tuned:      %.2fx wall, %.2fx cpu, %.2fx in-process  (target >= 3x)\n", tw / w1, tc / c1, tw / i1
  printf "C++ jobs 2 vs jobs 1:           %.2fx wall, %.2fx in-process  (target >= 1.8x)\n", w1 / w2, i1 / i2
  printf "aisim run --draws %d --no-charts: %.2f s wall, %.0f MB peak RSS; %.1fx the sweep (jobs 2)  (targets <= 2x, < 300 MB)\n", n, mw, mm / 1024, mw / w2 }'
echo "load after timing: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$OUT"/s*
/usr/bin/time -o "$OUT/time" -f "$BIG-sample sweep (jobs 2): %e s wall, peak RSS %M KB" \
  "$AISIM" sweep $VARY --method lhs --samples "$BIG" --jobs 2 --quiet --out "$OUT/big"
cat "$OUT/time"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
