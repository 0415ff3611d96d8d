#!/usr/bin/env bash
# Proves scripts/slurm-sweep.sh on a real Slurm: starts a throw-away
# single-node cluster from Debian's slurm-wlm (munged with its own key and
# socket, slurmctld and slurmd on loopback, generated slurm.conf, everything
# in a temporary folder), submits a 4-shard Sobol sweep as a job array plus a
# dependent merge job, waits for the merge, and checks that the merged
# samples.csv, outcomes.csv and sensitivity.csv are byte-identical to one
# unsharded `aisim sweep` of the same study. Stops every daemon it started
# (by PID) and removes its folder on exit, also on failure or Ctrl-C.
#
# Usage (as root, or with sudo for the package install):
#   tests/slurm/slurm_sweep_test.sh [AISIM_BINARY]     (default build/aisim)
# Installs slurm-wlm and munge with apt-get when missing. Prints PASS or FAIL.
# Environment: SLURM_TEST_PORT (slurmctld port; default: a free pair of ports
# from 20000-29999), SLURM_TEST_TIMEOUT (seconds for the whole test, default 300).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
AISIM=$(realpath "${1:-$ROOT/build/aisim}")
TIMEOUT=${SLURM_TEST_TIMEOUT:-300}
T0=$(date +%s)
[[ -x $AISIM ]] || { echo "FAIL: no aisim binary at $AISIM (build it first)"; exit 1; }

if ! command -v sbatch >/dev/null || ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  echo "installing slurm-wlm and munge (Debian packages)"
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq slurm-wlm munge >/dev/null
fi

B=$(mktemp -d /tmp/aisim-slurm-test.XXXXXX); chmod 755 "$B"  # munged: the socket folder needs o+x
H=$(hostname -s); NCPU=$(nproc); PIDS=()
cleanup() {
  trap - ERR
  # Jobs first (a running slurmstepd would outlive slurmd), then the daemons
  # by PID, newest first: slurmd, slurmctld, munged.
  if ((${#PIDS[@]} >= 3)); then
    timeout 10 scancel --full --quiet --partition debug 2>/dev/null || true
    for _ in $(seq 50); do
      [[ -z $(timeout 5 squeue -h -o %i 2>/dev/null) ]] && break
      sleep 0.2
    done
  fi
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill "${PIDS[i]}" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "${PIDS[i]}" 2>/dev/null || break; sleep 0.1; done
    kill -9 "${PIDS[i]}" 2>/dev/null || true
    wait "${PIDS[i]}" 2>/dev/null || true
  done
  rm -rf "$B"
}
fail() {
  echo "FAIL: $*"
  for f in "$B"/log/* "$B"/run/slurm/logs/*; do
    [[ -f $f ]] && { echo "--- $f"; tail -n 15 "$f"; }
  done
  exit 1
}
trap cleanup EXIT
trap 'fail "command at line $LINENO"' ERR
trap 'fail "interrupted"' INT TERM
alive() {  # fail fast if a daemon exited (kill -0 would still see the unreaped zombie)
  local p
  for p in "${PIDS[@]}"; do [[ $(ps -o stat= -p "$p" 2>/dev/null) == [^Z]* ]] || fail "daemon PID $p died"; done
  (($(date +%s) - T0 < TIMEOUT)) || fail "timeout after $TIMEOUT s"
}
port_free() { [[ -z $(ss -Hltn "( sport = :$1 )" 2>/dev/null) ]]; }
P=${SLURM_TEST_PORT:-}
if [[ -z $P ]]; then
  for _ in $(seq 50); do
    P=$((20000 + RANDOM % 10000))
    port_free "$P" && port_free $((P + 1)) && break
  done
fi

mkdir -p "$B"/{state,spool,log,run}
dd if=/dev/urandom of="$B/munge.key" bs=1024 count=1 status=none; chmod 400 "$B/munge.key"
munged -F --key-file="$B/munge.key" --socket="$B/munge.sock" --pid-file="$B/munged.pid" \
  --seed-file="$B/munged.seed" 2>"$B/log/munged.log" & PIDS+=($!)  # -F: foreground, logs to stderr
until munge -S "$B/munge.sock" -n >/dev/null 2>&1; do alive; sleep 0.1; done

cat > "$B/slurm.conf" <<EOF
ClusterName=aisimtest
SlurmctldHost=$H(127.0.0.1)
SlurmctldPort=$P
SlurmdPort=$((P + 1))
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$B/munge.sock
StateSaveLocation=$B/state
SlurmdSpoolDir=$B/spool
SlurmctldPidFile=$B/slurmctld.pid
SlurmdPidFile=$B/slurmd.pid
SlurmctldLogFile=$B/log/slurmctld.log
SlurmdLogFile=$B/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MinJobAge=5
SchedulerParameters=batch_sched_delay=0
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MailProg=/bin/true
NodeName=$H NodeAddr=127.0.0.1 CPUs=$NCPU State=UNKNOWN
PartitionName=debug Nodes=$H Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$B/slurm.conf
slurmctld -D -i -f "$SLURM_CONF" >"$B/log/slurmctld.stderr" 2>&1 & PIDS+=($!)
slurmd -D -f "$SLURM_CONF" >"$B/log/slurmd.stderr" 2>&1 & PIDS+=($!)
until [[ $(timeout 5 sinfo -h -o %T 2>/dev/null) == idle ]]; do alive; sleep 0.2; done
echo "slurm up on 127.0.0.1:$P ($(sinfo -h -o '%P %D node %c CPUs %T'))"

# The study: a Sobol design over a region lever and two global assumptions,
# 256 x (3 + 2) = 1280 samples, every year as an outcome.
cat > "$B/study.yaml" <<'EOF'
sweep:
  scenario: world-2025
  method: sobol
  samples: 256
  seed: 11
  vary:
    regions.KR.public_budget: [2, 20]
    assumptions.algorithmic_progress: [1.5, 4]
    assumptions.researcher_mobility: [0.02, 0.1]
  outcomes: ["Years Behind|Physical:KR", "Capability|Generative:KR"]
  by_year: true
EOF

# The same study unsharded, outside Slurm.
"$AISIM" sweep --study "$B/study.yaml" --jobs 2 --quiet --out "$B/unsharded"

# The job array and the merge job, through the shipped script.
cd "$B"
( timeout $((TIMEOUT - ($(date +%s) - T0))) \
    "$ROOT/scripts/slurm-sweep.sh" --aisim "$AISIM" --shards 4 --time 10:00 --out "$B/run" --wait \
    --study "$B/study.yaml" ) || fail "scripts/slurm-sweep.sh failed (exit $?)"
alive

# Four shard folders written by four array tasks, each complete.
for k in 1 2 3 4; do
  grep -q '"status": *"complete"' "$B/run/shard-$k/manifest.json" || fail "shard $k not complete"
  grep -q "\"shard\": *\"$k/4\"" "$B/run/shard-$k/manifest.json" || fail "shard $k manifest"
done
ls "$B/run/slurm/logs/shard-"{1,2,3,4}.out "$B/run/slurm/logs/merge.out" >/dev/null || fail "missing Slurm task logs"
rows=$(($(wc -l < "$B/unsharded/outcomes.csv") - 1))
((rows == 1280)) || fail "unsharded sweep has $rows samples, expected 1280"
for f in samples.csv outcomes.csv sensitivity.csv; do
  [[ -s $B/unsharded/$f ]] || fail "unsharded $f missing"
  cmp -s "$B/unsharded/$f" "$B/run/merged/$f" || fail "merged $f differs from the unsharded run"
done

# A shard that fails (a bad path: every task exits 2) must make the merge job
# be cancelled and `slurm-sweep.sh --wait` fail, not wait for ever.
sed 's/regions.KR.public_budget/regions.KR.no_such_lever/' "$B/study.yaml" > "$B/bad.yaml"
rc=0
timeout $((TIMEOUT - ($(date +%s) - T0))) "$ROOT/scripts/slurm-sweep.sh" --aisim "$AISIM" --shards 2 \
  --out "$B/bad" --wait --study "$B/bad.yaml" > "$B/log/bad-run.txt" 2>&1 || rc=$?
((rc != 0)) || fail "slurm-sweep.sh --wait succeeded although every shard failed"
((rc != 124)) || fail "slurm-sweep.sh --wait hung after a failed shard"
[[ ! -e $B/bad/merged ]] || fail "merged output written although shards failed"
grep -q "no_such_lever" "$B/bad/slurm/logs/shard-1.out" || fail "shard error not in its log"
echo "failing shards: slurm-sweep.sh --wait exited $rc, merge job cancelled, no merged output"

echo "PASS: 4-shard Slurm job array + dependent merge job gave samples.csv, outcomes.csv," \
  "sensitivity.csv byte-identical to an unsharded sweep ($rows samples) in $(($(date +%s) - T0)) s"
