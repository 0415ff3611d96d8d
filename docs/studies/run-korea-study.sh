#!/usr/bin/env bash
# The two example studies end to end, through the CLI only.
#   docs/studies/run-korea-study.sh [path/to/aisim] [output folder]
set -euo pipefail
AISIM=${1:-aisim}
OUT=${2:-results/studies}
HERE=$(dirname "$0")
rm -rf "$OUT/korea-grid" "$OUT/global-sobol"
"$AISIM" sweep --study "$HERE/korea-grid.yaml" --out "$OUT/korea-grid" --quiet
"$AISIM" sweep --study "$HERE/global-sobol.yaml" --out "$OUT/global-sobol"
# The budget at which Korea's 2035 physical gap is smallest, for each focus.
/usr/bin/python3 "$HERE/summarise_korea_grid.py" "$OUT/korea-grid"
