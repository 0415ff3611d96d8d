"""A killed aisim takes its chart processes with it (issue 14, item 7).

Before, matplotlib's processes ran on for 5-7 s after `kill -9 aisim`,
writing into the abandoned staging folder. Now each asks Linux to kill it
when its parent dies (PR_SET_PDEATHSIG). This test starts a comparison
with charts (a run's charts are drawn natively, without processes), waits until the chart script and its workers are drawing, kills
aisim with SIGKILL and requires every one of them to be gone within 2 s.
Run by CTest: /usr/bin/python3 kill_charts_test.py AISIM_BINARY
"""

import os
import signal
import subprocess
import sys
import tempfile
import time

BIN = os.path.abspath(sys.argv[1])


def children(pid):
    """PIDs whose parent is `pid` (from /proc/PID/stat's fourth field)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def alive(pid):
    """Running, not a zombie waiting for a reaper."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


failures = 0
with tempfile.TemporaryDirectory() as work:
    for attempt in range(3):
        run = subprocess.Popen([BIN, "compare", "world-2025", "korea-2026-ai-budget", "--draws", "200",
                                "-j", "2", "--out", "o"], cwd=work,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        drawing = []
        deadline = time.monotonic() + 30
        # Wait for the chart script and its two forked workers.
        while time.monotonic() < deadline and run.poll() is None:
            script = children(run.pid)
            drawing = script + [w for s in script for w in children(s)]
            if len(drawing) >= 3:
                break
            time.sleep(0.01)
        if len(drawing) < 3:
            run.kill()
            run.wait()
            print(f"attempt {attempt}: the comparison ended before its chart workers were seen; again")
            continue
        run.send_signal(signal.SIGKILL)
        run.wait()
        killed_at = time.monotonic()
        while time.monotonic() - killed_at < 2 and any(alive(p) for p in drawing):
            time.sleep(0.02)
        left = [p for p in drawing if alive(p)]
        print(f"{'ok  ' if not left else 'FAIL'} kill -9 aisim while drawing: "
              f"{len(drawing)} chart processes, {len(left)} still running after "
              f"{time.monotonic() - killed_at:.2f} s")
        for p in left:
            os.kill(p, signal.SIGKILL)
        print(f"{0 if left else 1} passed, {1 if left else 0} failed")
        sys.exit(1 if left else 0)
print("0 passed, 1 failed (chart workers never seen: is python3-matplotlib installed?)")
sys.exit(1)
