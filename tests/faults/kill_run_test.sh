#!/usr/bin/env bash
# Faults: `aisim run` killed with SIGKILL at random moments never leaves a
# partial or corrupt results folder, and a write that fails (a file-size limit
# standing in for a full disk) is a clear error that leaves nothing behind.
# Usage: kill_run_test.sh AISIM_BINARY [KILLS=40]
set -uo pipefail
BIN=$1
KILLS=${2:-40}
PY=/usr/bin/python3
# The data path: charts take seconds per run and are drawn into the same
# staging folder, so they add time, not another way to leave a partial file.
export AISIM_NO_CHARTS=1
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# A complete CSV has as many rows as an uninterrupted run's with draws (one
# row per quantile; a deterministic run has a fifth as many).
"$BIN" run --draws 3 --out "$WORK/reference" --quiet || fail "uninterrupted run failed"
EXPECTED_ROWS=$(wc -l < "$WORK/reference/world-2025/timeseries.csv")

# A complete folder: all four files, the full CSV, JSON that parses, and a
# resolved scenario that validates.
check_complete() {
  local dir=$1
  for f in timeseries.csv summary.json summary.md scenario.resolved.yaml; do
    [ -s "$dir/$f" ] || fail "$dir/$f missing or empty"
  done
  [ "$(wc -l < "$dir/timeseries.csv")" -eq "$EXPECTED_ROWS" ] || fail "$dir/timeseries.csv is truncated"
  "$PY" -c 'import json,sys; json.load(open(sys.argv[1]))' "$dir/summary.json" || fail "bad JSON"
  "$BIN" validate "$dir/scenario.resolved.yaml" >/dev/null || fail "resolved scenario does not validate"
}

# Kills land at random moments between 0.3 and 1.3 times an uninterrupted
# run's time, measured here, so that most land mid-run, many of them while
# the files are written, however fast this machine and this build are.
started=$(date +%s%N)
"$BIN" run --draws 3000 --seed 0 --out "$WORK/timed" --quiet || fail "timed run failed"
RUN_MS=$((($(date +%s%N) - started) / 1000000))
FROM_MS=$((RUN_MS * 3 / 10))
WINDOW_MS=$((RUN_MS + 1))

killed_mid_run=0
complete=0
for ((i = 1; i <= KILLS; i++)); do
  "$BIN" run --draws 3000 --seed "$i" --out "$WORK/out" --quiet &
  pid=$!
  delay_ms=$((FROM_MS + (RANDOM * 32768 + RANDOM) % WINDOW_MS))
  sleep "$((delay_ms / 1000)).$(printf '%03d' $((delay_ms % 1000)))"
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid" 2>/dev/null && killed_mid_run=$((killed_mid_run + 1))
  fi
  wait "$pid" 2>/dev/null
  if [ -e "$WORK/out/world-2025" ]; then
    check_complete "$WORK/out/world-2025"
    complete=$((complete + 1))
  fi
  # Whatever is left beside it can only be staging folders, never a result.
  for entry in "$WORK"/out/* ; do
    [ -e "$entry" ] || continue
    [ "$(basename "$entry")" = world-2025 ] || fail "unexpected entry $entry"
  done
done
# The next run cleans up staging folders of killed runs.
"$BIN" run --draws 3 --out "$WORK/out" --quiet || fail "clean run after kills failed"
check_complete "$WORK/out/world-2025"
leftover=$(find "$WORK/out" -maxdepth 1 -name '.*tmp-*' | wc -l)
[ "$leftover" -eq 0 ] || fail "$leftover staging folders of killed runs were not cleaned up"
((killed_mid_run >= KILLS / 2)) ||
  fail "only $killed_mid_run of $KILLS kills landed mid-run (runs take $RUN_MS ms); the test did not test"

# A failed write: a 64 KiB file-size limit makes timeseries.csv fail (EFBIG).
full_out=$(prlimit --fsize=65536 "$BIN" run --out "$WORK/full" 2>&1 >/dev/null)
status=$?
[ "$status" -eq 1 ] || fail "a failed write exited with $status, not 1"
grep -q "File too large" <<<"$full_out" || fail "no clear message: $full_out"
[ ! -e "$WORK/full/world-2025" ] || fail "a failed write left a results folder"
[ -z "$(find "$WORK/full" -mindepth 1 2>/dev/null)" ] || fail "a failed write left files behind"

echo "kills: $KILLS ($killed_mid_run mid-run), complete folders seen: $complete, no partial folder; failed write: clean error"
echo "$KILLS passed, 0 failed"
