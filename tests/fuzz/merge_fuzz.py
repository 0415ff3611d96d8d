"""Fuzzing aisim merge with mutated shard folders: each round copies three
intact shards of one sweep, applies 1 to 3 random mutations (cut a file,
flip bytes or bits, delete, duplicate or swap lines, swap or delete files
between shards, write nan/inf/garbage into a cell, edit a manifest field,
give a shard twice), or none in one round of ten, and merges them in a
random order. Every round must end
in one of two ways: exit 2 with no output folder and nothing left beside the
shards, or exit 0 with samples.csv and outcomes.csv byte-identical to the
unsharded sweep. Anything else (another exit code, a crash, a hang, a
different merged file, a leftover) is a finding; its shards are kept.
Usage: /usr/bin/python3 merge_fuzz.py AISIM_BINARY [ROUNDS=300] [SEED=1] [KEEP_DIR]
"""

import collections
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

os.environ["AISIM_NO_CHARTS"] = "1"  # the sweep report's charts are tested in tests/sweep/sweep_test.cpp

BIN = os.path.abspath(sys.argv[1])
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 300
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 1
KEEP = sys.argv[4] if len(sys.argv) > 4 else None
SWEEP = ["sweep", "world-2025", "--vary", "regions.KR.public_budget=2:20",
         "--vary", "assumptions.algorithmic_progress=1.5:4", "--method", "lhs",
         "--samples", "700", "--seed", "9", "--jobs", "1", "--quiet"]
DATA = ["samples.csv", "outcomes.csv"]
SHARDS = ["s1", "s2", "s3"]
rng = random.Random(SEED)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def any_file(folder, with_manifest=False):
    names = DATA + (["manifest.json"] if with_manifest else [])
    return os.path.join(folder, rng.choice(SHARDS), rng.choice(names))


def existing(path):
    return os.path.exists(path)


# Each mutation changes the shard folders under `folder` in place.
def truncate(folder):
    path = any_file(folder, True)
    if existing(path):
        data = read(path)
        write(path, data[:rng.randrange(len(data) + 1)])


def flip_byte(folder):
    path = any_file(folder, True)
    if existing(path) and os.path.getsize(path):
        data = bytearray(read(path))
        data[rng.randrange(len(data))] = rng.randrange(256)
        write(path, bytes(data))


def flip_bit(folder):
    path = any_file(folder, True)
    if existing(path) and os.path.getsize(path):
        data = bytearray(read(path))
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        write(path, bytes(data))


def edit_lines(folder):
    path = any_file(folder)
    if not existing(path):
        return
    rows = read(path).split(b"\n")
    i, j = rng.randrange(len(rows)), rng.randrange(len(rows))
    action = rng.choice(["delete", "duplicate", "swap"])
    if action == "delete":
        del rows[i]
    elif action == "duplicate":
        rows.insert(i, rows[j])
    else:
        rows[i], rows[j] = rows[j], rows[i]
    write(path, b"\n".join(rows))


def bad_cell(folder):
    path = any_file(folder)
    if not existing(path):
        return
    rows = read(path).split(b"\n")
    i = rng.randrange(len(rows))
    cells = rows[i].split(b",")
    cells[rng.randrange(len(cells))] = rng.choice(
        [b"nan", b"inf", b"-inf", b"1e999", b"", b"0x1p3", b" 1", b"1,2", b"\xff", b"-0", b"9223372036854775808"])
    rows[i] = b",".join(cells)
    write(path, b"\n".join(rows))


def swap_files(folder):
    name = rng.choice(DATA + ["manifest.json"])
    a, b = rng.sample(SHARDS, 2)
    pa, pb = os.path.join(folder, a, name), os.path.join(folder, b, name)
    if existing(pa) and existing(pb):
        os.rename(pa, pa + ".x")
        os.rename(pb, pa)
        os.rename(pa + ".x", pb)


def delete_file(folder):
    path = any_file(folder, True)
    if existing(path):
        os.remove(path)


def append_garbage(folder):
    path = any_file(folder)
    if existing(path):
        write(path, read(path) + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 40))))


def edit_manifest(folder):
    path = os.path.join(folder, rng.choice(SHARDS), "manifest.json")
    try:
        manifest = json.loads(read(path))
    except (OSError, ValueError):
        return
    if not isinstance(manifest, dict):
        return
    key = rng.choice(["status", "shard", "total_samples", "first_sample", "end_sample", "study_hash",
                      "samples", "seed", "files", "files.rows", "files.fnv1a64", "timeseries", "outcomes"])
    value = rng.choice(["complete", "running", "1/3", "2/3", "3/3", "k/2000000000", "2/2000000000", "0/3",
                        -1, 0, 1, 255, 256, 700, 2 ** 31, 2 ** 63 - 1, 1e300, None, True, [], {}, "x"])
    if key.startswith("files.") and isinstance(manifest.get("files"), dict):
        record = manifest["files"].get(rng.choice(DATA))
        if isinstance(record, dict):
            record[key.split(".")[1]] = value
    else:
        manifest[key] = value
    write(path, json.dumps(manifest).encode())


def duplicate_shard(folder):
    a, b = rng.sample(SHARDS, 2)
    shutil.rmtree(os.path.join(folder, b))
    shutil.copytree(os.path.join(folder, a), os.path.join(folder, b))


MUTATIONS = [truncate, flip_byte, flip_bit, edit_lines, bad_cell, swap_files, delete_file,
             append_garbage, edit_manifest, duplicate_shard]

with tempfile.TemporaryDirectory() as work:
    pristine = os.path.join(work, "pristine")
    os.mkdir(pristine)
    for k in (1, 2, 3):
        subprocess.run([BIN, *SWEEP, "--shard", f"{k}/3", "--out", f"s{k}"], cwd=pristine, check=True)
    subprocess.run([BIN, *SWEEP, "--out", "whole"], cwd=pristine, check=True)
    whole = {f: read(os.path.join(pristine, "whole", f)) for f in DATA}

    started = time.monotonic()
    outcomes = collections.Counter()
    by_mutation = collections.defaultdict(collections.Counter)
    findings = []
    for round_number in range(ROUNDS):
        folder = os.path.join(work, f"round-{round_number}")
        os.mkdir(folder)
        for name in SHARDS:
            shutil.copytree(os.path.join(pristine, name), os.path.join(folder, name))
        # One round in ten mutates nothing (the shards only come in another
        # order): the control that intact shards still merge to the same bytes.
        applied = [] if rng.random() < 0.1 else [rng.choice(MUTATIONS) for _ in range(rng.randint(1, 3))]
        for mutation in applied:
            mutation(folder)
        order = rng.sample(SHARDS, 3)
        try:
            proc = subprocess.run([BIN, "merge", "--out", "merged", "-q", *order], cwd=folder,
                                  capture_output=True, timeout=60)
            out = (proc.stdout + proc.stderr).decode(errors="replace")
            code = proc.returncode
        except subprocess.TimeoutExpired:
            code, out = "timeout", ""
        left = sorted(set(os.listdir(folder)) - set(SHARDS) - {"merged"})
        merged = os.path.join(folder, "merged")
        if code == 2 and not os.path.exists(merged) and not left and ": error: " in out:
            result = "refused"
        elif code == 0 and not left and all(read(os.path.join(merged, f)) == whole[f] for f in DATA):
            result = "identical"
        else:
            result = "FINDING"
            findings.append((round_number, [m.__name__ for m in applied], code, out.strip()[:300], left))
            if KEEP:
                shutil.copytree(folder, os.path.join(KEEP, f"round-{round_number}"))
        outcomes[result] += 1
        for mutation in applied or [None]:
            by_mutation[mutation.__name__ if mutation else "(none)"][result] += 1
        shutil.rmtree(folder)

    minutes = (time.monotonic() - started) / 60
    for name, counts in sorted(by_mutation.items()):
        print(f"  {name:16s} refused {counts['refused']:6d}  identical {counts['identical']:6d}  "
              f"findings {counts['FINDING']}")
    for finding in findings[:20]:
        print("FINDING round %d %s: exit %s: %s leftovers %s" % finding)
    print(f"merge fuzz: {ROUNDS} rounds (seed {SEED}) in {minutes:.1f} min: {outcomes['refused']} refused, "
          f"{outcomes['identical']} byte-identical merges, {outcomes['FINDING']} findings")
    sys.exit(1 if findings else 0)
