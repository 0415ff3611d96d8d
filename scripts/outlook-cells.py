#!/usr/bin/python3
"""The model's 2030 and 2035 figures for docs/VALIDATION.md's outlook table.

For each SCENARIO:REGION:VARIABLE argument, prints the first five cells of a
table row: scenario, region, variable, and for 2030 and 2035 the
deterministic value (results/<scenario>/timeseries.csv) followed by the 5-95%
range of 1000 draws (results/monte-carlo/<scenario>/timeseries.csv), both
written by scripts/regenerate-results.sh. tests/docs/docs_figures_test.py
reads the same cells back with parse_cell() and compares them with results/.

Usage: scripts/outlook-cells.py [--results DIR] world-2025:US:"Compute|Stock" ...
"""
import argparse
import csv
import math
import os

YEARS = (2030, 2035)
SUFFIXES = [("bn", 1e9), ("M", 1e6), ("k", 1e3)]


def read(path):
    """timeseries.csv -> {(region, variable, year): {"value": ...}} for a
    deterministic run, {...: {"p5": ..., "p95": ...}} with draws (one row per
    quantile in the file)."""
    out = {}
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            entry = out.setdefault((r["region"], r["variable"], int(r["year"])), {})
            if "quantile" not in r:
                entry["value"] = r["value"]
            elif r["quantile"] in ("0.05", "0.95"):
                entry["p5" if r["quantile"] == "0.05" else "p95"] = r["value"]
    return out


def format_number(value, variable):
    """Two significant figures, ranks as integers, years to one decimal; large
    counts with k / M / bn, FLOP in powers of ten."""
    if variable.startswith("Rank|"):
        return str(int(round(value)))
    if variable.startswith("Years Behind|"):
        return f"{value:.1f}"
    if value == 0:
        return "0"
    if variable == "Compute|Largest Training Run":
        mantissa, exponent = f"{value:.1e}".split("e")
        return f"{mantissa}e{int(exponent)}"
    for suffix, scale in SUFFIXES:
        if abs(value) >= scale:
            return f"{two_figures(value / scale)} {suffix}"
    return two_figures(value)


def two_figures(x):
    """x to two significant figures, without an exponent: 0.85, 8.5, 3.0, 85, 850."""
    if abs(x) < 1:
        return f"{x:.2g}"
    if abs(x) < 10:
        return f"{x:.1f}"
    digits = int(math.floor(math.log10(abs(x)))) - 1
    return str(int(round(x / 10 ** digits) * 10 ** digits))


def parse_number(text):
    text = text.strip()
    for suffix, scale in SUFFIXES:
        if text.endswith(" " + suffix):
            return float(text[: -len(suffix) - 1]) * scale
    return float(text)


def parse_cell(cell):
    """'85 M (53 M-330 M)' -> (85e6, 53e6, 330e6)."""
    value, _, spread = cell.partition("(")
    low, high = spread.rstrip(")").split("–")
    return parse_number(value), parse_number(low), parse_number(high)


def cells(results, scenario, region, variable):
    det = read(os.path.join(results, scenario, "timeseries.csv"))
    mc = read(os.path.join(results, "monte-carlo", scenario, "timeseries.csv"))
    out = [scenario, region, variable.replace("|", "\\|")]
    for year in YEARS:
        value = float(det[(region, variable, year)]["value"])
        low = float(mc[(region, variable, year)]["p5"])
        high = float(mc[(region, variable, year)]["p95"])
        out.append(f"{format_number(value, variable)} ({format_number(low, variable)}–"
                   f"{format_number(high, variable)})")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rows", nargs="+", help="SCENARIO:REGION:VARIABLE")
    parser.add_argument("--results", default="results")
    args = parser.parse_args()
    for row in args.rows:
        scenario, region, variable = row.split(":", 2)
        print("| " + " | ".join(cells(args.results, scenario, region, variable)) + " |")


if __name__ == "__main__":
    main()
