#!/usr/bin/python3
"""Checks `aisim compare`'s time_shift.csv against the NumPy reference.

Usage: /usr/bin/python3 check_time_shift.py BINARY

Runs `BINARY compare korea-2026-ai-budget korea-delay-one-year
korea-generative-race --no-charts` (deterministic: timeseries.csv then holds
each path itself), recomputes every row of time_shift.csv with
aisim_reference.time_shift from the paths in timeseries.csv, and requires
agreement to 1e-9 years (or both infinite). The pair covers a delay (later)
and a different plan (earlier in some regions, later in others).
Exits non-zero on any mismatch, a missing row, or a failed run.
"""

import csv
import math
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aisim_reference as reference  # noqa: E402

TOLERANCE_YEARS = 1e-9
SCENARIOS = ["korea-2026-ai-budget", "korea-delay-one-year", "korea-generative-race"]


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([binary, "compare", *SCENARIOS, "--no-charts", "-q", "--out", out], check=True)
        folder = os.path.join(out, "compare-" + "-vs-".join(SCENARIOS))
        paths = {}
        with open(os.path.join(folder, "timeseries.csv"), newline="") as f:
            for row in csv.DictReader(f):
                key = (row["scenario"], row["region"], row["variable"])
                paths.setdefault(key, {})[int(row["year"])] = float(row["value"])
        with open(os.path.join(folder, "time_shift.csv"), newline="") as f:
            rows = list(csv.DictReader(f))
    expected_rows = 0
    failures = []
    for row in rows:
        base = paths[(row["base"], row["region"], row["variable"])]
        other = paths[(row["scenario"], row["region"], row["variable"])]
        base_years, other_years = sorted(base), sorted(other)
        want = reference.time_shift([base[y] for y in base_years], base_years[0],
                                    [other[y] for y in other_years], other_years[0], int(row["year"]))
        got = float(row["time_shift_years"])
        same = (math.isinf(want) and got == want) or abs(got - want) <= TOLERANCE_YEARS
        if not same:
            failures.append(f"{row['scenario']} {row['region']} {row['variable']} {row['year']}: "
                            f"C++ {got!r}, reference {want!r}")
    # Every other scenario x region x sector x year.
    regions = {r for (_, r, _) in paths}
    years = {y for series in paths.values() for y in series}
    expected_rows = (len(SCENARIOS) - 1) * len(regions) * 2 * len(years)
    if len(rows) != expected_rows:
        failures.append(f"time_shift.csv has {len(rows)} rows, expected {expected_rows}")
    nonzero = sum(1 for row in rows if float(row["time_shift_years"]) != 0)
    print(f"{len(rows)} time shifts compared ({nonzero} non-zero), {len(failures)} mismatches")
    for failure in failures[:10]:
        print("  " + failure)
    return 1 if failures or nonzero == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
