#!/usr/bin/env bash
# The cost of fsync on `aisim run --no-charts`: two builds of aisim, run in
# turn (before, after; then after, before; ...) so that the load of a shared
# machine falls on both alike. Prints every time and each build's median.
#
#   bench/fsync_cost.sh BEFORE_BINARY AFTER_BINARY [ROUNDS] [FOLDER]
#
# FOLDER (default: a new folder under /tmp) is where the results are
# written: fsync costs what the disk under it costs.
set -euo pipefail
before=$(realpath "$1")
after=$(realpath "$2")
rounds=${3:-10}
folder=${4:-$(mktemp -d /tmp/aisim-fsync-cost.XXXXXX)}
cd "$folder"

# Milliseconds for one `aisim run --no-charts` of world-2025 into results/.
time_run() {
  local start end
  start=$(date +%s%N)
  "$1" run world-2025 --no-charts -q -o results >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000 ))
}

"$before" run world-2025 --no-charts -q -o results  # warm the page cache
"$after" run world-2025 --no-charts -q -o results
before_times=() after_times=()
for ((i = 0; i < rounds; i++)); do
  if (( i % 2 == 0 )); then
    before_times+=("$(time_run "$before")"); after_times+=("$(time_run "$after")")
  else
    after_times+=("$(time_run "$after")"); before_times+=("$(time_run "$before")")
  fi
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'; }
echo "before (us): ${before_times[*]}"
echo "after  (us): ${after_times[*]}"
echo "median: before $(median "${before_times[@]}") ms, after $(median "${after_times[@]}") ms ($rounds rounds each, in $folder)"
