#!/usr/bin/python3
"""What the model says of "one year late, three years behind".

Reads results/korea-2026-ai-budget/ and results/korea-delay-one-year/
(deterministic runs; regenerate with scripts/regenerate-results.sh) and prints,
for Korea, each year's capability and years behind the leader in both runs,
and by how many years the delayed trajectory trails the on-time one: the time
the delayed run needs to reach each on-time value (linear interpolation
between years). Usage: /usr/bin/python3 scripts/korea-delay-shift.py [RESULTS]
"""
import csv
import os
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "results"


def load(name):
    values = {}
    with open(os.path.join(root, name, "timeseries.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["region"] == "KR":
                values[(row["variable"], int(row["year"]))] = float(row["value"])
    return values


on_time, delayed = load("korea-2026-ai-budget"), load("korea-delay-one-year")
years = sorted({y for (_, y) in on_time})


def reach_year(series, target):
    """First (fractional) year in which `series` reaches `target`, or None."""
    for a, b in zip(years, years[1:]):
        if series[a] >= target:
            return float(a)
        if series[a] < target <= series[b]:
            return a + (target - series[a]) / (series[b] - series[a])
    return None


for sector in ("Generative", "Physical"):
    capability, behind = f"Capability|{sector}", f"Years Behind|{sector}"
    print(f"{sector}: year, capability on time / delayed, years behind the leader on time / "
          f"delayed / difference, trajectory shift (years)")
    on_series = {y: on_time[(capability, y)] for y in years}
    late_series = {y: delayed[(capability, y)] for y in years}
    for y in years:
        reached = reach_year(late_series, on_series[y])
        shift = f"{reached - y:.2f}" if reached is not None else "not reached by the end"
        print(f"  {y}  {on_series[y]:.3f} / {late_series[y]:.3f}   "
              f"{on_time[(behind, y)]:.2f} / {delayed[(behind, y)]:.2f} / "
              f"{delayed[(behind, y)] - on_time[(behind, y)]:+.2f}   {shift}")
