#!/usr/bin/env bash
# What charts cost a run: the whole `aisim run korea-2026-ai-budget` process
# with its charts against the same run with --no-charts (the yardstick),
# deterministic and with 1,000 draws, rounds interleaved so that load from
# other processes hits both alike. Prints medians and the ratio issue #21
# sets targets for (with charts <= 10x --no-charts deterministic, <= 8x with
# 1,000 draws).
#
# Usage: bench/chart_bench.sh [AISIM]      (ROUNDS=7)
set -euo pipefail
AISIM=${1:-build/aisim}
ROUNDS=${ROUNDS:-7}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
echo "machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
one() {  # appends the wall time in ms of `aisim run ... $@` to $OUT/$1
  local name=$1
  shift
  rm -rf "$OUT/r"
  local start=$(date +%s%N)
  "$AISIM" run korea-2026-ai-budget -q --out "$OUT/r" "$@"
  echo $(( ($(date +%s%N) - start) / 1000000 )) >> "$OUT/$name"
}
for _ in $(seq "$ROUNDS"); do
  one det-charts
  one det-none --no-charts
  one mc-charts --draws 1000
  one mc-none --draws 1000 --no-charts
done
median() { sort -n "$OUT/$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for kind in det mc; do
  with=$(median "$kind-charts") without=$(median "$kind-none")
  label=$([ "$kind" = det ] && echo "deterministic" || echo "--draws 1000 ")
  echo "$label: with charts $with ms, --no-charts $without ms: $(awk "BEGIN { printf \"%.1f\", $with / $without }")x" \
       "(rounds: $(tr '\n' ' ' < "$OUT/$kind-charts")/ $(tr '\n' ' ' < "$OUT/$kind-none"))"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
