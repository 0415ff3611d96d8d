#!/usr/bin/env bash
# Faults: `aisim sweep` killed with SIGKILL at random moments, then resumed
# with --resume, always ends byte-identical to an uninterrupted sweep.
# Usage: kill_sweep_test.sh AISIM_BINARY [KILLS=15]
set -uo pipefail
BIN=$1
export AISIM_NO_CHARTS=1  # the report's charts are tested in tests/sweep/sweep_test.cpp
KILLS=${2:-15}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
SWEEP=(sweep world-2025 --vary regions.KR.public_budget=2:20 --vary regions.KR.physical_focus=0:1
       --vary assumptions.algorithmic_progress=1.5:4 --method lhs --samples 40000 --seed 5
       --jobs 2 --quiet)

"$BIN" "${SWEEP[@]}" --out "$WORK/whole" || fail "the uninterrupted sweep failed"
killed_mid_run=0
for ((i = 1; i <= KILLS; i++)); do
  out="$WORK/killed-$i"
  "$BIN" "${SWEEP[@]}" --out "$out" &
  pid=$!
  sleep "0.$(printf '%03d' $((RANDOM % 150)))"
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid" 2>/dev/null && killed_mid_run=$((killed_mid_run + 1))
  fi
  wait "$pid" 2>/dev/null
  # The folder appears whole or not at all, whenever the kill lands.
  [ ! -e "$out" ] || [ -e "$out/manifest.json" ] || fail "kill $i left a folder without manifest.json"
  # A kill before the sweep folder exists leaves nothing to resume: start afresh.
  if [ -e "$out/manifest.json" ]; then
    "$BIN" "${SWEEP[@]}" --out "$out" --resume || fail "resume $i failed"
  else
    "$BIN" "${SWEEP[@]}" --out "$out" || fail "rerun $i failed"
  fi
  for f in samples.csv outcomes.csv; do
    cmp -s "$WORK/whole/$f" "$out/$f" || fail "kill $i: $f differs from the uninterrupted sweep"
  done
  rm -rf "$out"
done
leftover=$(find "$WORK" -maxdepth 1 -name '.*tmp-*' | wc -l)
[ "$leftover" -eq 0 ] || fail "$leftover staging folders of killed sweeps were not cleaned up"
((killed_mid_run >= KILLS / 2)) || fail "only $killed_mid_run of $KILLS kills landed mid-sweep; the test did not test"
echo "sweep kills: $KILLS ($killed_mid_run mid-sweep), every resume byte-identical to the uninterrupted sweep"
echo "$KILLS passed, 0 failed"
