"""aisim merge, sweep --resume and discover against damaged sweep folders
(issue 14, items 2 and 3): every damage an outside attack found is refused
with a located message and exit 2, leaving no output behind, or (resume)
recomputed to the uninterrupted bytes.
Run by CTest: /usr/bin/python3 merge_verify_test.py AISIM_BINARY
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

os.environ["AISIM_NO_CHARTS"] = "1"  # the sweep report's charts are tested in tests/sweep/sweep_test.cpp

BIN = os.path.abspath(sys.argv[1])
failures = []
SWEEP = ["sweep", "world-2025", "--vary", "regions.KR.public_budget=2:20",
         "--vary", "assumptions.algorithmic_progress=1.5:4", "--method", "lhs",
         "--samples", "1500", "--seed", "3", "--jobs", "2", "--quiet"]


def check(name, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"))
    if not condition:
        failures.append(name)


def aisim(*args, cwd):
    proc = subprocess.run([BIN, *args], cwd=cwd, capture_output=True, text=True, timeout=120)
    return proc.returncode, proc.stdout + proc.stderr


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def edit_manifest(path, change):
    with open(path) as f:
        manifest = json.load(f)
    change(manifest)
    with open(path, "w") as f:
        json.dump(manifest, f, indent=2)


def lines(path):
    return read(path).split(b"\n")


def set_cell(path, line, cell, text):
    """Replaces cell `cell` of 1-based line `line` of a CSV file."""
    rows = lines(path)
    cells = rows[line - 1].split(b",")
    cells[cell] = text
    rows[line - 1] = b",".join(cells)
    write(path, b"\n".join(rows))


def leftovers(work, names):
    """Entries of `work` that are not in `names` (staging folders, partial outputs)."""
    return sorted(set(os.listdir(work)) - set(names))


with tempfile.TemporaryDirectory() as work:
    pristine = os.path.join(work, "pristine")
    os.mkdir(pristine)
    # 1500 samples over 3 shards: 512, 512 and 476 samples.
    for k in (1, 2, 3):
        code, out = aisim(*SWEEP, "--shard", f"{k}/3", "--out", f"s{k}", cwd=pristine)
        check(f"shard {k}/3 runs", code == 0, out)
    code, out = aisim(*SWEEP, "--out", "whole", cwd=pristine)
    check("the unsharded sweep runs", code == 0, out)
    whole = json.load(open(os.path.join(pristine, "whole", "manifest.json")))
    check("a complete sweep's manifest records rows and FNV-1a 64 per data file",
          whole.get("files", {}).get("samples.csv", {}).get("rows") == 1500 and
          len(whole.get("files", {}).get("outcomes.csv", {}).get("fnv1a64", "")) == 16, whole.get("files"))

    def fresh(case):
        """A copy of the three shards in a folder of its own."""
        folder = os.path.join(work, case)
        os.mkdir(folder)
        for k in (1, 2, 3):
            shutil.copytree(os.path.join(pristine, f"s{k}"), os.path.join(folder, f"s{k}"))
        return folder

    def refused(case, damage, expect, order=("s1", "s2", "s3")):
        """Damages a fresh copy of the shards; merge must exit 2 with `expect`
        in its message and leave nothing beside the shards."""
        folder = fresh(case)
        damage(folder)
        code, out = aisim("merge", "--out", "merged", *order, cwd=folder)
        check(f"merge refuses {case} (exit 2)", code == 2, f"exit {code}: {out}")
        check(f"merge names the damage of {case}", expect in out, out)
        check(f"a refused merge of {case} leaves nothing", leftovers(folder, ["s1", "s2", "s3"]) == [],
              leftovers(folder, ["s1", "s2", "s3"]))
        shutil.rmtree(folder)

    shard = lambda folder, k, name: os.path.join(folder, f"s{k}", name)

    refused("a shard cut short", lambda f: write(
        shard(f, 2, "outcomes.csv"), b"\n".join(lines(shard(f, 2, "outcomes.csv"))[:-11]) + b"\n"),
        "s2/outcomes.csv: error: holds 502 data lines where shard 2/3 has 512")
    refused("a missing samples.csv", lambda f: os.remove(shard(f, 2, "samples.csv")),
            "s2/samples.csv: error: cannot read")
    refused("a CSV cut mid-row", lambda f: write(
        shard(f, 3, "samples.csv"), read(shard(f, 3, "samples.csv"))[:-7]),
        "s3/samples.csv:477:")
    refused("an empty outcomes.csv", lambda f: write(shard(f, 1, "outcomes.csv"), b""),
            "s1/outcomes.csv:1:1: error: the file is empty")

    def flip_digit(folder):
        path = shard(folder, 2, "outcomes.csv")
        data = bytearray(read(path))
        at = len(data) // 2
        while not chr(data[at]).isdigit():
            at += 1
        data[at] = ord("1") if data[at] != ord("1") else ord("2")
        write(path, bytes(data))
    refused("a flipped digit", flip_digit, "s2/outcomes.csv: error: checksum (FNV-1a 64)")
    refused("a flipped byte that breaks a number", lambda f: set_cell(shard(f, 1, "samples.csv"), 40, 2, b"1.9x"),
            "s1/samples.csv:40:")
    refused("a nan row", lambda f: set_cell(shard(f, 2, "outcomes.csv"), 10, 1, b"nan"),
            "s2/outcomes.csv:10:5: error: not a finite number: 'nan'")
    refused("an inf cell", lambda f: set_cell(shard(f, 3, "samples.csv"), 3, 1, b"inf"),
            "s3/samples.csv:3:6: error: not a finite number: 'inf'")

    def duplicate_row(folder):
        rows = lines(shard(folder, 1, "samples.csv"))
        write(shard(folder, 1, "samples.csv"), b"\n".join(rows[:20] + [rows[19]] + rows[20:]))
    refused("a duplicated row", duplicate_row, "s1/samples.csv:21:1: error: sample 18 where 19 was expected")

    def swap_samples(folder):
        a, b = shard(folder, 1, "samples.csv"), shard(folder, 2, "samples.csv")
        os.rename(a, a + ".x")
        os.rename(b, a)
        os.rename(a + ".x", b)
    refused("samples.csv swapped between two shards", swap_samples,
            "s1/samples.csv:2:1: error: sample 512 where 0 was expected")
    refused("two copies of one shard", lambda f: None, "repeated or inconsistent", order=("s1", "s1", "s3"))
    refused("a manifest whose study fields were edited",
            lambda f: edit_manifest(shard(f, 2, "manifest.json"), lambda m: m.update(seed=4)),
            "s2/manifest.json: error: the study fields do not match study_hash")
    refused("a manifest claiming another slice",
            lambda f: edit_manifest(shard(f, 2, "manifest.json"), lambda m: m.update(first_sample=0)),
            "not what first_sample and end_sample say")
    refused("a manifest whose recorded rows were edited",
            lambda f: edit_manifest(shard(f, 3, "manifest.json"),
                                    lambda m: m.setdefault("files", {}).setdefault("outcomes.csv", {}).update(rows=400)),
            "outcomes.csv: 400 rows recorded where shard 3/3 has 476 samples")

    # Shards killed mid-run (SIGKILL once rows are on disk) whose manifests
    # were then edited to say complete.
    folder = os.path.join(work, "killed")
    os.mkdir(folder)
    big = SWEEP[:SWEEP.index("--samples") + 1] + ["4000000"] + SWEEP[SWEEP.index("--samples") + 2:]
    for k in (1, 2):
        proc = subprocess.Popen([BIN, *big, "--shard", f"{k}/2", "--out", f"b{k}"], cwd=folder)
        samples = os.path.join(folder, f"b{k}", "samples.csv")
        while proc.poll() is None and (not os.path.exists(samples) or os.path.getsize(samples) < 100000):
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        edit_manifest(os.path.join(folder, f"b{k}", "manifest.json"), lambda m: m.update(status="complete"))
    code, out = aisim("merge", "--out", "merged", "b1", "b2", cwd=folder)
    check("merge refuses a killed shard whose status was edited to complete",
          code == 2 and "b1/manifest.json: error: no rows and checksums recorded" in out, f"exit {code}: {out}")
    check("... and leaves nothing", not os.path.exists(os.path.join(folder, "merged")))
    shutil.rmtree(folder)

    # A shard count of 2,000,000,000 in a manifest is refused at once, in bounded memory.
    folder = fresh("huge shard count")
    edit_manifest(shard(folder, 2, "manifest.json"), lambda m: m.update(shard="2/2000000000"))
    # The peak is this merge's own (wait4), not RUSAGE_CHILDREN's largest
    # child so far, which would count the killed 4,000,000-sample shards above.
    started = time.monotonic()
    with tempfile.TemporaryFile(mode="w+") as log:
        proc = subprocess.Popen([BIN, "merge", "--out", "merged", "s2", "s1", "s3"], cwd=folder,
                                stdout=log, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - started
        log.seek(0)
        out = log.read()
    peak_mb = usage.ru_maxrss / 1024
    check("merge refuses shard 2/2000000000 in under a second and 100 MB",
          proc.returncode == 2 and seconds < 1 and peak_mb < 100 and "is not K/N with 1 <= K <= N <= 100000" in out,
          f"exit {proc.returncode}, {seconds:.2f} s, {peak_mb:.0f} MB: {out}")
    print(f"     (shard 2/2000000000 refused in {seconds * 1000:.0f} ms, peak RSS {peak_mb:.0f} MB)")
    shutil.rmtree(folder)

    # --out X never deletes an X.merging it did not make; a good merge is
    # byte-identical to the unsharded sweep, manifest records included.
    folder = fresh("good")
    os.mkdir(os.path.join(folder, "merged.merging"))
    write(os.path.join(folder, "merged.merging", "notes.txt"), b"mine")
    code, out = aisim("merge", "--out", "merged", "-q", "s3", "s1", "s2", cwd=folder)
    check("intact shards merge", code == 0, out)
    notes = os.path.join(folder, "merged.merging", "notes.txt")
    check("merge --out X keeps a user's X.merging", os.path.exists(notes) and read(notes) == b"mine")
    check("the merge is byte-identical to the unsharded sweep",
          all(read(os.path.join(folder, "merged", f)) == read(os.path.join(pristine, "whole", f))
              for f in ("samples.csv", "outcomes.csv")))
    merged = json.load(open(os.path.join(folder, "merged", "manifest.json")))
    check("the merged manifest records the unsharded sweep's rows and checksums",
          merged.get("files") == whole.get("files") != None and merged["status"] == "complete", merged.get("files"))
    check("a merge leaves only its folder", leftovers(folder, ["s1", "s2", "s3", "merged", "merged.merging"]) == [])

    # --resume verifies what it keeps: damage inside a sweep that stopped is
    # cut (with a warning naming it) and computed again; a complete sweep
    # whose files changed is refused, not marked complete again.
    def stopped_sweep(case):
        folder = os.path.join(work, case)
        shutil.copytree(os.path.join(pristine, "whole"), folder)
        edit_manifest(os.path.join(folder, "manifest.json"), lambda m: (m.update(status="running"), m.pop("files", 0)))
        return folder

    for case, damage, where in [
            ("a nan row", lambda f: set_cell(os.path.join(f, "outcomes.csv"), 300, 1, b"nan"), "outcomes.csv:300:"),
            ("a duplicated row", lambda f: write(os.path.join(f, "samples.csv"), b"\n".join(
                lines(os.path.join(f, "samples.csv"))[:600] + lines(os.path.join(f, "samples.csv"))[599:])),
             "samples.csv:601:1"),
            ("a row of another shard", lambda f: set_cell(os.path.join(f, "samples.csv"), 900, 0, b"5"),
             "samples.csv:900:1")]:
        folder = stopped_sweep("resume " + case)
        damage(folder)
        code, out = aisim(*SWEEP, "--out", folder, "--resume", cwd=work)
        check(f"--resume with {case} inside warns where", code == 0 and where in out and "warning:" in out,
              f"exit {code}: {out}")
        check(f"--resume with {case} ends byte-identical to the uninterrupted sweep",
              all(read(os.path.join(folder, f)) == read(os.path.join(pristine, "whole", f))
                  for f in ("samples.csv", "outcomes.csv")))
        check(f"--resume with {case} records the uninterrupted checksums",
              json.load(open(os.path.join(folder, "manifest.json"))).get("files") == whole.get("files") != None)

    folder = os.path.join(work, "resume complete")
    shutil.copytree(os.path.join(pristine, "whole"), folder)
    flip_digit_path = os.path.join(folder, "outcomes.csv")
    data = bytearray(read(flip_digit_path))
    data[len(data) // 2] = ord("7") if data[len(data) // 2] != ord("7") else ord("8")
    write(flip_digit_path, bytes(data))
    before = read(os.path.join(folder, "manifest.json"))
    code, out = aisim(*SWEEP, "--out", folder, "--resume", cwd=work)
    check("--resume refuses a complete sweep whose outcomes.csv changed",
          code == 2 and "the file changed after the sweep completed" in out, f"exit {code}: {out}")
    check("... and leaves its manifest alone", read(os.path.join(folder, "manifest.json")) == before)

    # discover: never writes over its own sweep, never takes nan or inf.
    sweep = os.path.join(pristine, "whole")
    goal = "Years Behind|Physical:KR <= 1"
    os.symlink(sweep, os.path.join(work, "link"))
    for label, out_arg in [("the sweep folder", sweep), ("the sweep through ..", sweep + "/../whole/"),
                           ("the sweep through a symlink", os.path.join(work, "link")),
                           ("a folder holding the sweep", pristine),
                           ("one of the sweep's files", os.path.join(sweep, "samples.csv"))]:
        code, out = aisim("discover", sweep, "--goal", goal, "--out", out_arg, "--no-charts", "-q", cwd=work)
        check(f"discover refuses --out {label}", code == 2 and out.startswith("--out: error:"), f"exit {code}: {out}")
    check("the sweep survives every refused discover",
          read(os.path.join(sweep, "samples.csv")) == read(os.path.join(folder, "samples.csv")) and
          sorted(os.listdir(sweep)) == [".aisim-output", "manifest.json", "outcomes.csv", "report.html",
                                        "report.md", "samples.csv"],
          os.listdir(sweep))
    for label, name, line, cell, text, where in [
            ("nan input", "samples.csv", 7, 2, b"nan", "samples.csv:7:"),
            ("inf outcome", "outcomes.csv", 12, 3, b"-inf", "outcomes.csv:12:")]:
        folder = os.path.join(work, "discover " + label)
        shutil.copytree(sweep, folder)
        set_cell(os.path.join(folder, name), line, cell, text)
        code, out = aisim("discover", folder, "--goal", goal, "--goal", "Years Behind|Generative:KR <= 30",
                          "--no-charts", "-q", cwd=work)
        check(f"discover refuses a {label} at file:line:col", code == 2 and where in out and
              "not a finite number" in out and not os.path.exists(os.path.join(folder, "discovery")),
              f"exit {code}: {out}")

print(f"{len(failures)} failed" if failures else "all passed")
sys.exit(1 if failures else 0)
