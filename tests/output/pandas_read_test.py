#!/usr/bin/python3
"""aisim's CSV outputs read as a pandas or pyam user reads them: with
pandas.read_csv and no arguments.

Usage: pandas_read_test.py AISIM

Runs a deterministic run, a Monte Carlo run and a compare into a temporary
folder and checks, for timeseries.csv, what pyam's IamDataFrame needs of a
long-form table: the IAMC columns (model, scenario, region, variable, unit,
year, value), numeric years and values with nothing missing, and rows unique
on every column but `value` (pyam's index; a Monte Carlo file's `quantile`
column is an extra index column: pyam.utils.format_data takes every column
but the IAMC ones, `year` and `value` as an extra index column and refuses
duplicates on them all). The quantiles of each series must be in
order and equal summary.json's end-year quantiles. Every other CSV a run
or compare writes must read with named columns and numeric number columns.
"""
import json
import os
import subprocess
import sys
import tempfile

import pandas as pd

IAMC = ["model", "scenario", "region", "variable", "unit", "year"]
LEVELS = [0.05, 0.25, 0.5, 0.75, 0.95]


def run(aisim, *args):
    done = subprocess.run([aisim, *args, "--no-charts", "--quiet"], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"FAIL: aisim {' '.join(args)} exited {done.returncode}: {done.stderr}")


def check_timeseries(path, problems, monte_carlo, version):
    frame = pd.read_csv(path)
    expected = IAMC + (["quantile"] if monte_carlo else []) + ["value"]
    if list(frame.columns) != expected:
        problems.append(f"{path}: columns {list(frame.columns)}, expected {expected}")
        return None
    if frame.isna().any().any():
        problems.append(f"{path}: missing cells")
    for column in ["year", "value"] + (["quantile"] if monte_carlo else []):
        if not pd.api.types.is_numeric_dtype(frame[column]):
            problems.append(f"{path}: column {column} is {frame[column].dtype}, not numeric")
    if set(frame["model"]) != {f"aisim {version}"}:
        problems.append(f"{path}: model column {sorted(set(frame['model']))}, expected aisim {version}")
    index = [c for c in frame.columns if c != "value"]
    duplicated = frame.duplicated(subset=index).sum()
    if duplicated:
        problems.append(f"{path}: {duplicated} rows repeat pyam's index {index}")
    if monte_carlo:
        if sorted(frame["quantile"].unique()) != LEVELS:
            problems.append(f"{path}: quantile levels {sorted(frame['quantile'].unique())}, expected {LEVELS}")
        wide = frame.pivot_table(index=IAMC, columns="quantile", values="value")
        # Quantiles of one series never decrease with the level (to rounding).
        for low, high in zip(LEVELS, LEVELS[1:]):
            bad = (wide[low] > wide[high] + 1e-12 * wide[high].abs()).sum()
            if bad:
                problems.append(f"{path}: {bad} series with quantile {low} above {high}")
    return frame


def main():
    aisim = sys.argv[1]
    version = subprocess.run([aisim, "--version"], capture_output=True, text=True).stdout.split()[1]
    problems = []
    with tempfile.TemporaryDirectory(prefix="aisim-pandas-") as tmp:
        run(aisim, "run", "korea-2026-ai-budget", "--out", os.path.join(tmp, "det"))
        run(aisim, "run", "korea-2026-ai-budget", "--draws", "40", "--out", os.path.join(tmp, "mc"))
        run(aisim, "compare", "korea-2026-ai-budget", "korea-generative-race", "--out", os.path.join(tmp, "cmp"))

        det = check_timeseries(os.path.join(tmp, "det", "korea-2026-ai-budget", "timeseries.csv"),
                               problems, False, version)
        mc_folder = os.path.join(tmp, "mc", "korea-2026-ai-budget")
        mc = check_timeseries(os.path.join(mc_folder, "timeseries.csv"), problems, True, version)
        compare_folder = os.path.join(tmp, "cmp", os.listdir(os.path.join(tmp, "cmp"))[0])
        both = check_timeseries(os.path.join(compare_folder, "timeseries.csv"), problems, False, version)

        if det is not None and len(det) != len(mc if mc is not None else det) // 5:
            problems.append(f"Monte Carlo timeseries.csv has {len(mc)} rows, not 5 x {len(det)}")
        if both is not None and sorted(both["scenario"].unique()) != ["korea-2026-ai-budget", "korea-generative-race"]:
            problems.append(f"compare timeseries.csv scenarios {sorted(both['scenario'].unique())}")
        if det is not None and both is not None:
            # The compare's rows for a scenario are that scenario's run.
            mine = both[both["scenario"] == "korea-2026-ai-budget"].reset_index(drop=True)
            if not mine.equals(det):
                problems.append("compare timeseries.csv rows for korea-2026-ai-budget differ from its run")

        # Each quantile in the CSV is the summary's, for every region.
        if mc is not None:
            summary = json.load(open(os.path.join(mc_folder, "summary.json")))
            end = mc[mc["year"] == summary["end_year"]].set_index(["region", "variable", "quantile"])["value"]
            names = {"p5": 0.05, "p25": 0.25, "p50": 0.5, "p75": 0.75, "p95": 0.95}
            for entry in summary["end_year_summary"]:
                for name, level in names.items():
                    csv_value = end[(entry["region"], "Compute|Stock", level)]
                    # pandas' default float parser may be 1 ulp off the shortest
                    # round-trip text (float_precision="round_trip" is exact).
                    if abs(csv_value - entry["compute_stock"][name]) > 1e-15 * abs(csv_value):
                        problems.append(f"{entry['region']} compute stock {name}: csv {csv_value}, "
                                        f"summary.json {entry['compute_stock'][name]}")

        # Every other CSV reads with named columns; number columns are numbers.
        others = [os.path.join(folder, name) for folder in (compare_folder, mc_folder)
                  for name in sorted(os.listdir(folder)) if name.endswith(".csv") and name != "timeseries.csv"]
        if len(others) < 4:
            problems.append(f"expected compare's three other CSVs and rank_odds.csv, found {others}")
        for path in others:
            name = os.path.relpath(path, tmp)
            frame = pd.read_csv(path)
            unnamed = [c for c in frame.columns if str(c).startswith("Unnamed")]
            if unnamed or frame.empty:
                problems.append(f"{name}: unnamed columns {unnamed} or no rows")
            for column in frame.columns:
                if column in ("scenario", "base", "region", "variable", "unit", "sector"):
                    continue
                if not pd.api.types.is_numeric_dtype(frame[column]):
                    problems.append(f"{name}: column {column} is {frame[column].dtype}, not numeric")

    for problem in problems:
        print("FAIL", problem)
    if problems:
        sys.exit(1)
    print("timeseries.csv (deterministic, Monte Carlo, compare) and compare's CSVs read with pandas as IAMC long form")


if __name__ == "__main__":
    main()
