#!/usr/bin/python3
"""Checks that the C++ model agrees with the NumPy reference to 1e-9 relative.

Usage: /usr/bin/python3 check_reference.py BINARY SCENARIOS_DIR [--keep] [--only NAME ...]
                                          [--set PATH=VALUE ...]

For every *.yaml in SCENARIOS_DIR: runs `BINARY run PATH --out TMP --draws 1`,
reads TMP/<name>/scenario.resolved.yaml and TMP/<name>/timeseries.csv, runs
aisim_reference.simulate() on the resolved scenario and compares every row
of the CSV (and that the CSV has every row the reference has).

A row passes when |cpp - ref| / max(|cpp|, |ref|, floor) <= 1e-9, where floor
is FLOOR_YEARS for the variables in years that are differences of capability
or talent logarithms (see FLOORS) and effectively zero for everything else.
Exits non-zero on any mismatch, on a failed run, or when no row was compared.
"""

from __future__ import annotations

import argparse
import csv
import glob
import math
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aisim_reference as reference  # noqa: E402

RELATIVE_TOLERANCE = 1e-9

# Absolute floor of the denominator. Years Behind and Algorithms|Lag are
# differences of logarithms: years behind are a time shift on the leader's
# path, (cap - F(i)) / (F(i + 1) - F(i)) within a year, with capabilities
# ~20-40 (log10 FLOP) and a path rising ~0.5-1 a year; the lag is
# lag_per_talent_halving * log2(top / usable). The leader's value is 0 in
# exact arithmetic, and the two implementations may round it to 0 or to
# ~1e-16 (C++ computes log(top * (1 / usable)), and x * (1 / x) is not always
# exactly 1). The absolute rounding error of such a difference is
# ~40 * 2^-52 / 0.5 ~ 1e-14 years. With a floor of 1e-3 years (~9 hours) two
# values both below it must agree to 1e-9 * 1e-3 = 1e-12 years: 100x the
# rounding noise, and far below anything that matters. Every other variable
# has no floor (1e-300): their zeros are structural (no stock, no budget, no
# market access) and exact in both.
FLOOR_YEARS = 1e-3
FLOORS = {
    "Years Behind|Generative": FLOOR_YEARS,
    "Years Behind|Physical": FLOOR_YEARS,
    "Algorithms|Lag": FLOOR_YEARS,
}
DEFAULT_FLOOR = 1e-300

EXPECTED_COLUMNS = ["model", "scenario", "region", "variable", "unit", "year", "value"]


def relative_error(cpp, ref, floor):
    if math.isnan(cpp) or math.isnan(ref):
        return math.inf  # a NaN is always a failure, even in both
    if math.isinf(cpp) or math.isinf(ref):
        return 0.0 if cpp == ref else math.inf
    return abs(cpp - ref) / max(abs(cpp), abs(ref), floor)


def find_output_dir(out_root, stem, scenario_path):
    candidates = [os.path.join(out_root, stem)]
    try:
        name = reference.load_yaml(scenario_path).get("name")
        if name:
            candidates.append(os.path.join(out_root, str(name)))
    except Exception:  # noqa: BLE001 - the binary will have reported a bad file
        pass
    for candidate in candidates:
        if os.path.isfile(os.path.join(candidate, "scenario.resolved.yaml")):
            return candidate
    found = glob.glob(os.path.join(out_root, "*", "scenario.resolved.yaml"))
    if len(found) == 1:
        return os.path.dirname(found[0])
    return None


def check_scenario(binary, path, keep, sets=()):
    """Returns (ok, rows_compared). `sets` are --set overrides for the run;
    the reference reads them back from scenario.resolved.yaml."""
    stem = os.path.splitext(os.path.basename(path))[0]
    out_root = tempfile.mkdtemp(prefix=f"aisim-reference-{stem}-")
    try:
        command = [binary, "run", path, "--out", out_root, "--draws", "1", "--no-charts"]
        for assignment in sets:
            command += ["--set", assignment]
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=600)
        except (OSError, subprocess.TimeoutExpired) as error:
            print(f"FAIL {stem}: could not run {' '.join(command)}: {error}")
            return False, 0
        if run.returncode != 0:
            print(f"FAIL {stem}: `{' '.join(command)}` exited {run.returncode}")
            print(run.stdout[-4000:] + run.stderr[-4000:])
            return False, 0
        out_dir = find_output_dir(out_root, stem, path)
        if out_dir is None:
            print(f"FAIL {stem}: no <name>/scenario.resolved.yaml under {out_root}")
            return False, 0
        resolved_path = os.path.join(out_dir, "scenario.resolved.yaml")
        csv_path = os.path.join(out_dir, "timeseries.csv")
        if not os.path.isfile(csv_path):
            print(f"FAIL {stem}: {csv_path} is missing")
            return False, 0

        try:
            expected = reference.simulate(reference.load_yaml(resolved_path))
        except Exception as error:  # noqa: BLE001 - report and fail this scenario
            print(f"FAIL {stem}: the reference could not run {resolved_path}: "
                  f"{type(error).__name__}: {error}")
            return False, 0

        problems = []     # (sort key, text) of structural problems
        mismatches = []   # (relative error, region, variable, year, cpp, ref)
        rows = 0
        worst = (0.0, None)
        seen = set()
        with open(csv_path, newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header != EXPECTED_COLUMNS:
                print(f"FAIL {stem}: timeseries.csv header {header}, expected {EXPECTED_COLUMNS}")
                return False, 0
            for line in reader:
                if not line:
                    continue
                _, _, region, variable, unit, year_text, value_text = line
                year = int(year_text)
                key = (region, variable, year)
                if key in seen:
                    problems.append(f"duplicate row {region} {variable} {year}")
                    continue
                seen.add(key)
                if key not in expected:
                    problems.append(f"row not in the reference: {region} {variable} {year}")
                    continue
                ref_unit = reference.VARIABLES[variable]
                if unit != ref_unit:
                    problems.append(f"unit of {variable}: csv '{unit}', reference '{ref_unit}'")
                cpp = float(value_text)
                ref = expected[key]
                error = relative_error(cpp, ref, FLOORS.get(variable, DEFAULT_FLOOR))
                rows += 1
                if worst[1] is None or error > worst[0]:
                    worst = (error, key)
                if error > RELATIVE_TOLERANCE:
                    mismatches.append((error, region, variable, year, cpp, ref))
        missing = sorted(set(expected) - seen)
        for region, variable, year in missing[:20]:
            problems.append(f"row missing from the csv: {region} {variable} {year}")
        if len(missing) > 20:
            problems.append(f"... and {len(missing) - 20} more rows missing from the csv")
        unique_problems = list(dict.fromkeys(problems))

        error, key = worst
        worst_text = f"{key[1]} ({key[0]}, {key[2]})" if key else "-"
        ok = not mismatches and not unique_problems and rows > 0
        print(f"{'ok  ' if ok else 'FAIL'} {stem}: {rows} rows compared, "
              f"max relative error {error:.3g}, worst {worst_text}")
        for text in unique_problems[:30]:
            print(f"     {text}")
        if mismatches:
            mismatches.sort(key=lambda m: -m[0])
            print(f"     {len(mismatches)} rows above {RELATIVE_TOLERANCE:g}; worst 10:")
            print(f"     {'rel.error':>10}  {'region':<6} {'variable':<30} {'year':>4}  "
                  f"{'C++':>24}  {'reference':>24}")
            for error, region, variable, year, cpp, ref in mismatches[:10]:
                print(f"     {error:10.3g}  {region:<6} {variable:<30} {year:>4}  "
                      f"{cpp!r:>24}  {ref!r:>24}")
        if rows == 0:
            print(f"     no rows compared for {stem}")
        return ok, rows
    finally:
        if keep:
            print(f"     output kept in {out_root}")
        else:
            shutil.rmtree(out_root, ignore_errors=True)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", help="the aisim executable")
    parser.add_argument("scenarios_dir", help="folder of shipped scenarios (*.yaml)")
    parser.add_argument("--keep", action="store_true", help="keep the run outputs")
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help="check only this scenario (file stem); repeatable")
    parser.add_argument("--set", action="append", default=[], metavar="PATH=VALUE", dest="sets",
                        help="run every scenario with this override, e.g. "
                             "assumptions.market_lock_in=0.6; repeatable")
    args = parser.parse_args(argv)

    paths = sorted(glob.glob(os.path.join(args.scenarios_dir, "*.yaml")))
    if args.only:
        paths = [p for p in paths if os.path.splitext(os.path.basename(p))[0] in args.only]
    if not paths:
        print(f"FAIL: no scenarios (*.yaml) in {args.scenarios_dir}")
        return 1
    all_ok, total = True, 0
    for path in paths:
        ok, rows = check_scenario(args.binary, path, args.keep, args.sets)
        all_ok &= ok
        total += rows
    print(f"{len(paths)} scenarios, {total} rows compared: {'PASS' if all_ok and total else 'FAIL'}")
    return 0 if all_ok and total > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
