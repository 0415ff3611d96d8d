#!/usr/bin/python3
"""Golden results: regenerates results/ into a temporary folder and compares it
with the committed results/.

Usage: /usr/bin/python3 compare_results.py BINARY SOURCE_DIR

Runs SOURCE_DIR/scripts/regenerate-results.sh BINARY TMP, then, for every
scenario folder (results/<name>/ and results/monte-carlo/<name>/), compares
the data files timeseries.csv and summary.json (other files, such as charts,
are not compared). The set of folders must match too.

Numbers pass when |new - old| <= RELATIVE_TOLERANCE * max(|new|, |old|, 1):
results are deterministic (fixed seeds, thread-count independent), so the
tolerance only covers floating-point differences between compilers and
libraries; the floor of 1 keeps values that are exactly 0 in one build and
~1e-16 in another (the leader's years behind) from failing. Text must match
exactly, except summary.json's aisim_version.
Exit 0 when everything matches, 1 otherwise, listing the first differences.
"""

import csv
import json
import os
import subprocess
import sys
import tempfile

RELATIVE_TOLERANCE = 1e-9
DATA_FILES = ["timeseries.csv", "summary.json"]
IGNORED_JSON_KEYS = {"aisim_version"}
IGNORED_CSV_COLUMNS = {"model"}
MAX_REPORTED = 20


def close(a, b):
    return abs(a - b) <= RELATIVE_TOLERANCE * max(abs(a), abs(b), 1.0)


def as_number(text):
    try:
        return float(text)
    except ValueError:
        return None


def compare_csv(old_path, new_path, where, problems):
    with open(old_path, newline="") as f:
        old_rows = list(csv.reader(f))
    with open(new_path, newline="") as f:
        new_rows = list(csv.reader(f))
    if len(old_rows) != len(new_rows):
        problems.append(f"{where}: {len(new_rows)} rows, committed {len(old_rows)}")
        return
    ignored = {i for i, name in enumerate(old_rows[0] if old_rows else []) if name in IGNORED_CSV_COLUMNS}
    for number, (old, new) in enumerate(zip(old_rows, new_rows), start=1):
        if len(old) != len(new):
            problems.append(f"{where}:{number}: {len(new)} columns, committed {len(old)}")
            continue
        for column, (o, n) in enumerate(zip(old, new)):
            if column in ignored:  # e.g. timeseries.csv's model column, "aisim <version>"
                continue
            on, nn = as_number(o), as_number(n)
            same = close(on, nn) if on is not None and nn is not None else o == n
            if not same:
                problems.append(f"{where}:{number}: {n} vs committed {o} ({','.join(new[:5])})")
                break


def compare_json(old, new, where, problems):
    if isinstance(old, dict) and isinstance(new, dict):
        if set(old) - IGNORED_JSON_KEYS != set(new) - IGNORED_JSON_KEYS:
            problems.append(f"{where}: keys {sorted(new)} vs committed {sorted(old)}")
            return
        for key in old:
            if key not in IGNORED_JSON_KEYS:
                compare_json(old[key], new[key], f"{where}.{key}", problems)
    elif isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            problems.append(f"{where}: {len(new)} items, committed {len(old)}")
            return
        for i, (o, n) in enumerate(zip(old, new)):
            compare_json(o, n, f"{where}[{i}]", problems)
    elif isinstance(old, (int, float)) and isinstance(new, (int, float)) \
            and not isinstance(old, bool) and not isinstance(new, bool):
        if not close(float(old), float(new)):
            problems.append(f"{where}: {new} vs committed {old}")
    elif old != new:
        problems.append(f"{where}: {new!r} vs committed {old!r}")


def scenario_folders(root):
    folders = set()
    for base in (root, os.path.join(root, "monte-carlo")):
        if not os.path.isdir(base):
            continue
        for name in os.listdir(base):
            if os.path.isfile(os.path.join(base, name, "timeseries.csv")):
                folders.add(os.path.relpath(os.path.join(base, name), root))
    return folders


def main():
    binary, source = sys.argv[1], sys.argv[2]
    committed = os.path.join(source, "results")
    with tempfile.TemporaryDirectory(prefix="aisim-golden-") as tmp:
        # Only data files are compared, so the (slow) charts are skipped.
        subprocess.run([os.path.join(source, "scripts", "regenerate-results.sh"), binary, tmp],
                       check=True, stdout=subprocess.DEVNULL,
                       env={**os.environ, "AISIM_NO_CHARTS": "1"})
        problems = []
        old_set, new_set = scenario_folders(committed), scenario_folders(tmp)
        for missing in sorted(new_set - old_set):
            problems.append(f"results/{missing}: not committed (new shipped scenario?)")
        for extra in sorted(old_set - new_set):
            problems.append(f"results/{extra}: committed but no longer generated")
        for folder in sorted(old_set & new_set):
            for name in DATA_FILES:
                old_path = os.path.join(committed, folder, name)
                new_path = os.path.join(tmp, folder, name)
                where = f"results/{folder}/{name}"
                if not os.path.isfile(old_path) or not os.path.isfile(new_path):
                    problems.append(f"{where}: missing")
                elif name.endswith(".csv"):
                    compare_csv(old_path, new_path, where, problems)
                else:
                    with open(old_path) as f:
                        old = json.load(f)
                    with open(new_path) as f:
                        new = json.load(f)
                    compare_json(old, new, where, problems)
        compared = len(old_set & new_set)
        if problems:
            print(f"FAIL: results/ drifted from a fresh run ({len(problems)} differences):")
            for p in problems[:MAX_REPORTED]:
                print("  " + p)
            print("If the change is intended, run scripts/regenerate-results.sh and commit results/.")
            return 1
        print(f"PASS: {compared} result folders match a fresh run to {RELATIVE_TOLERANCE:g} relative")
        return 0


if __name__ == "__main__":
    sys.exit(main())
