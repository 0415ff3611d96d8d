#!/usr/bin/env bash
# Runs an `aisim sweep` on a Slurm cluster: a job array with one shard per task
# (`aisim sweep ARGS --shard K/N --out DIR/shard-K`), then a merge job that
# depends on the whole array (afterok) and runs `aisim merge --out DIR/merged
# DIR/shard-1 ... DIR/shard-N`: the same samples.csv, outcomes.csv and
# sensitivity.csv as one unsharded run.
#
# Usage:
#   scripts/slurm-sweep.sh [options] --out DIR -- SWEEP_ARGS...
#   scripts/slurm-sweep.sh --shards 16 --out /scratch/korea -- --study docs/studies/global-sobol.yaml
#   scripts/slurm-sweep.sh --shards 4 --partition short --time 0:30:00 --out runs/s -- \
#       --vary assumptions.algorithmic_progress=1.5:4 --vary assumptions.utilization=0.3:0.5 \
#       --method sobol --samples 4096
#
# Options (environment variable in brackets):
#   --out DIR            output folder on a file system shared by the nodes (required)
#   --shards N           array tasks / shards [AISIM_SHARDS, default 8]
#   --study FILE         shorthand for `-- --study FILE`
#   --aisim PATH         the aisim binary, as the nodes see it [AISIM, default: aisim on PATH]
#   --partition NAME     Slurm partition [SLURM_SWEEP_PARTITION]
#   --time LIMIT         time limit of each shard task [SLURM_SWEEP_TIME]
#   --merge-time LIMIT   time limit of the merge job [SLURM_SWEEP_MERGE_TIME, default: --time]
#   --cpus N             CPUs per shard task, passed on as `aisim sweep --jobs N` [SLURM_SWEEP_CPUS, default 1]
#   --max-running M      at most M shard tasks at once (--array=1-N%M)
#   --sbatch-arg ARG     any other sbatch option for both jobs, e.g. --sbatch-arg=--account=ai (repeatable)
#   --wait               block until the merge job has finished; exit non-zero if it (or a shard) failed
#   --dry-run            print the job scripts and sbatch commands, submit nothing
#
# Files: DIR/slurm/{shard,merge}.sbatch (the job scripts), DIR/slurm/logs/
# (Slurm's output of each task), DIR/shard-K/ (one shard), DIR/merged/ (the result).
# A shard task that is re-run (requeue, or a resubmission into the same DIR)
# continues with `--resume` when its folder already holds a manifest.
# The merge job is submitted with --kill-on-invalid-dep=yes: if a shard
# fails, it is cancelled instead of waiting for ever.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

OUT="" SHARDS=${AISIM_SHARDS:-8} AISIM_BIN=${AISIM:-aisim}
PARTITION=${SLURM_SWEEP_PARTITION:-} TIME=${SLURM_SWEEP_TIME:-}
MERGE_TIME=${SLURM_SWEEP_MERGE_TIME:-} CPUS=${SLURM_SWEEP_CPUS:-1}
MAX_RUNNING="" WAIT=0 DRY=0 EXTRA=() SWEEP=()
while (($#)); do
  case $1 in
    --out) OUT=$2; shift 2 ;;
    --out=*) OUT=${1#*=}; shift ;;
    --shards) SHARDS=$2; shift 2 ;;
    --shards=*) SHARDS=${1#*=}; shift ;;
    --study) SWEEP+=(--study "$2"); shift 2 ;;
    --study=*) SWEEP+=(--study "${1#*=}"); shift ;;
    --aisim) AISIM_BIN=$2; shift 2 ;;
    --aisim=*) AISIM_BIN=${1#*=}; shift ;;
    --partition) PARTITION=$2; shift 2 ;;
    --partition=*) PARTITION=${1#*=}; shift ;;
    --time) TIME=$2; shift 2 ;;
    --time=*) TIME=${1#*=}; shift ;;
    --merge-time) MERGE_TIME=$2; shift 2 ;;
    --merge-time=*) MERGE_TIME=${1#*=}; shift ;;
    --cpus) CPUS=$2; shift 2 ;;
    --cpus=*) CPUS=${1#*=}; shift ;;
    --max-running) MAX_RUNNING=$2; shift 2 ;;
    --max-running=*) MAX_RUNNING=${1#*=}; shift ;;
    --sbatch-arg) EXTRA+=("$2"); shift 2 ;;
    --sbatch-arg=*) EXTRA+=("${1#*=}"); shift ;;
    --wait) WAIT=1; shift ;;
    --dry-run) DRY=1; shift ;;
    -h|--help) usage 0 ;;
    --) shift; SWEEP+=("$@"); break ;;
    *) echo "slurm-sweep: unknown option '$1' (sweep arguments go after --)" >&2; usage 2 >&2 ;;
  esac
done
die() { echo "slurm-sweep: $*" >&2; exit 2; }
[[ -n $OUT ]] || die "--out DIR is required"
[[ $SHARDS =~ ^[1-9][0-9]*$ ]] || die "--shards must be a positive integer, got '$SHARDS'"
[[ $CPUS =~ ^[1-9][0-9]*$ ]] || die "--cpus must be a positive integer, got '$CPUS'"
[[ -z $MAX_RUNNING || $MAX_RUNNING =~ ^[1-9][0-9]*$ ]] || die "--max-running must be a positive integer"
((${#SWEEP[@]})) || die "no sweep arguments: give --study FILE or the aisim sweep arguments after --"
for a in "${SWEEP[@]}"; do
  case $a in --shard|--shard=*|--out|--out=*|-o|--jobs|--jobs=*|-j) die "'$a' is set by this script; leave it out of the sweep arguments" ;; esac
done
# The nodes need absolute paths: the binary, and the output folder.
if [[ $AISIM_BIN != */* ]]; then
  AISIM_BIN=$(command -v "$AISIM_BIN") || die "aisim not found on PATH; give --aisim PATH"
fi
AISIM_BIN=$(realpath "$AISIM_BIN")
[[ -x $AISIM_BIN ]] || die "not executable: $AISIM_BIN"
mkdir -p "$OUT"
OUT=$(realpath "$OUT")
[[ ! -e $OUT/merged ]] || die "$OUT/merged exists: choose another --out or remove it"
mkdir -p "$OUT/slurm/logs"

q() { local out; printf -v out '%q ' "$@"; printf '%s' "${out% }"; }  # shell-quoted words
cat > "$OUT/slurm/shard.sbatch" <<EOF
#!/bin/bash
# One shard of the sweep: array task K runs slice K of $SHARDS.
set -euo pipefail
K=\$SLURM_ARRAY_TASK_ID
DIR=$(q "$OUT")/shard-\$K
RESUME=()
[[ -f \$DIR/manifest.json ]] && RESUME=(--resume)
exec $(q "$AISIM_BIN") sweep $(q "${SWEEP[@]}") --shard "\$K/$SHARDS" --jobs "\${SLURM_CPUS_PER_TASK:-$CPUS}" --out "\$DIR" --quiet \${RESUME[@]+"\${RESUME[@]}"}
EOF
cat > "$OUT/slurm/merge.sbatch" <<EOF
#!/bin/bash
# Joins the $SHARDS shards into merged/ (runs after every shard task succeeded).
set -euo pipefail
cd $(q "$OUT")
SHARD_DIRS=()
for k in \$(seq 1 $SHARDS); do SHARD_DIRS+=("shard-\$k"); done
exec $(q "$AISIM_BIN") merge --out merged "\${SHARD_DIRS[@]}"
EOF
chmod +x "$OUT/slurm/shard.sbatch" "$OUT/slurm/merge.sbatch"

COMMON=(--parsable --chdir "$PWD")
[[ -n $PARTITION ]] && COMMON+=(--partition "$PARTITION")
COMMON+=("${EXTRA[@]}")
ARRAY="1-$SHARDS${MAX_RUNNING:+%$MAX_RUNNING}"
SHARD_CMD=(sbatch "${COMMON[@]}" --job-name aisim-sweep --array "$ARRAY" --cpus-per-task "$CPUS"
           --output "$OUT/slurm/logs/shard-%a.out")
[[ -n $TIME ]] && SHARD_CMD+=(--time "$TIME")
MERGE_TIME=${MERGE_TIME:-$TIME}
merge_cmd() {
  MERGE_CMD=(sbatch "${COMMON[@]}" --job-name aisim-merge --dependency "afterok:$1"
             --kill-on-invalid-dep=yes --cpus-per-task 1 --output "$OUT/slurm/logs/merge.out")
  [[ -n $MERGE_TIME ]] && MERGE_CMD+=(--time "$MERGE_TIME")
  ((WAIT)) && MERGE_CMD+=(--wait)
  MERGE_CMD+=("$OUT/slurm/merge.sbatch")
}

if ((DRY)); then
  echo "# $OUT/slurm/shard.sbatch"; cat "$OUT/slurm/shard.sbatch"
  echo "# $OUT/slurm/merge.sbatch"; cat "$OUT/slurm/merge.sbatch"
  merge_cmd ARRAY_JOB_ID
  echo "# submit:"; q "${SHARD_CMD[@]}" "$OUT/slurm/shard.sbatch"; echo
  q "${MERGE_CMD[@]}"; echo
  exit 0
fi

ARRAY_ID=$("${SHARD_CMD[@]}" "$OUT/slurm/shard.sbatch")
ARRAY_ID=${ARRAY_ID%%;*}
echo "submitted shard array $ARRAY_ID (tasks $ARRAY) -> $OUT/shard-K"
merge_cmd "$ARRAY_ID"
if ((WAIT)); then
  echo "merge job depends on $ARRAY_ID; waiting for it -> $OUT/merged"
  if ! "${MERGE_CMD[@]}" | sed 's/^/merge job /'; then
    echo "slurm-sweep: the merge job failed or was cancelled (a shard failed?); logs in $OUT/slurm/logs/" >&2
    exit 1
  fi
  [[ -f $OUT/merged/outcomes.csv ]] || { echo "slurm-sweep: no $OUT/merged/outcomes.csv" >&2; exit 1; }
  echo "merged: $OUT/merged"
else
  MERGE_ID=$("${MERGE_CMD[@]}")
  MERGE_ID=${MERGE_ID%%;*}
  echo "submitted merge job $MERGE_ID (afterok:$ARRAY_ID) -> $OUT/merged"
fi
