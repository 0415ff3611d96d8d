#!/usr/bin/env bash
# Regenerates results/ for every shipped scenario (`aisim list`):
#   results/<scenario>/              deterministic run (nominal values, 1 draw)
#   results/monte-carlo/<scenario>/  Monte Carlo run, 1000 draws, seed 1
# each with timeseries.csv, summary.json, summary.md and scenario.resolved.yaml
# written by `aisim run --out` (and charts/ for the default scenario).
#
# Usage: scripts/regenerate-results.sh [AISIM_BINARY [OUT_FOLDER]]
#   defaults: build/aisim and results/ (run from the repository root).
# The golden test (tests/results, CTest "results: ...") runs this into a
# temporary folder and compares with the committed results/; after a change
# that is meant to move the results, rerun this and commit results/.
set -euo pipefail
BINARY=${1:-build/aisim}
OUT=${2:-results}
DRAWS=1000
SEED=1
names=$("$BINARY" list | awk '{print $1}')
for name in $names; do
  # Data only, except the default scenario: charts add ~1.3 MB a scenario to
  # the repository and are one `aisim run NAME` away. world-2025 keeps its
  # charts because the set-up command (`aisim run`) redraws them into
  # results/world-2025/ and must leave the checkout unchanged (charts are
  # byte-identical from run to run).
  charts=--no-charts
  [ "$name" = world-2025 ] && charts=
  "$BINARY" run "$name" --out "$OUT" --draws 1 --quiet $charts
  "$BINARY" run "$name" --out "$OUT/monte-carlo" --draws "$DRAWS" --seed "$SEED" --quiet --no-charts
done
echo "Wrote $(echo "$names" | wc -w) scenarios to $OUT/ and $OUT/monte-carlo/ ($DRAWS draws, seed $SEED)"
