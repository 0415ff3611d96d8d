#!/usr/bin/python3
"""Prints docs/VALIDATION.md's tables from `aisim check`, so that the
document is rewritten from the binary after a change that moves the model
(tests/docs/docs_figures_test.py then checks every figure):

  check SCENARIO   the deterministic table of one checked scenario
  spread           the Monte Carlo table of both backtests (1000 draws, seed 1)

Usage: scripts/validation-tables.py [--aisim build/aisim] check world-2025
       scripts/validation-tables.py spread
"""
import argparse
import re
import subprocess

# Rows that are not evidence: the result cell says why.
NOTES = {
    ("world-2025", "US", "Compute|Stock", 2025): "input",
    ("world-2025", "CN", "Compute|Stock", 2025): "input",
    ("world-2025", "US", "Compute|Largest Cluster", 2025): "calibration",
    ("backtest-2020-observed-drivers", "US", "Investment|Private", 2023): "driver, not evidence",
    ("backtest-2020-observed-drivers", "US", "Investment|Private", 2024): "driver, not evidence",
    ("world-2025", "CN", "Robots|Stock", 2025): "input",
    ("world-2025", "JP", "Robots|Stock", 2025): "input",
    ("world-2025", "EU", "Robots|Stock", 2025): "input",
    ("world-2025", "CN", "Robots|Installations", 2025): "input + programmes",
    ("world-2025", "US", "Robots|Installations", 2025): "input + programmes",
    ("world-2025", "CN", "Sovereignty|Physical", 2025): "calibration",
}
# With observed drivers, the installations schedule is the record: the check
# says what public programmes add on top of it.
for _region, _year in [("CN", 2023), ("CN", 2024), ("JP", 2023), ("JP", 2024), ("US", 2023), ("US", 2024),
                       ("KR", 2023), ("KR", 2024), ("EU", 2023)]:
    NOTES[("backtest-2020-observed-drivers", _region, "Robots|Installations", _year)] = "driver + programmes"
# Short names of the spread table's rows.
SHORT = {
    "Compute|Stock": "compute stock", "Compute|Largest Cluster": "largest cluster",
    "Compute|Largest Training Run": "largest run", "Years Behind|Generative": "years behind",
    "Investment|Private": "private investment", "Robots|Stock": "robot stock",
    "Robots|Installations": "robot installations", "Power|AI Demand": "AI power",
}
ROW = re.compile(r"(\S+)\s+(.+?)\s+(\d{4})\s+(\S+)\s+(\S+)\s+(.+?)\s+(log10|absolute|relative) (\S+)\s+"
                 r"(log10|absolute|relative) (\S+)\s+(pass|FAIL)"
                 r"(?:\s+(\S+) \.\. (\S+)\s+(\S+)%\s+(inside|OUTSIDE|no spread))?$")


def number(x, unit):
    """As the doc prints them: FLOP as 2.74e24, millions as 4.9 M, thousands
    with commas, the rest to three significant figures."""
    if unit == "FLOP" or abs(x) >= 1e15:
        mantissa, exponent = f"{x:.3g}".split("e")
        return f"{mantissa}e{int(exponent)}"
    if abs(x) >= 1e6:
        return f"{float(f'{x / 1e6:.3g}'):g} M"
    if abs(x) >= 1e3:
        return f"{float(f'{x:.4g}'):,.0f}"
    return f"{float(f'{x:.3g}'):g}"


def rows(aisim, scenario, draws=None):
    command = [aisim, "check", scenario] + (["--draws", str(draws), "--seed", "1"] if draws else [])
    out = subprocess.run(command, capture_output=True, text=True).stdout
    parsed = []
    for line in out.splitlines()[2:]:
        m = ROW.match(line)
        if m:
            parsed.append(m.groups())
    summary = out.strip().splitlines()
    return parsed, summary


def check_table(aisim, scenario):
    parsed, summary = rows(aisim, scenario)
    print(f"{summary[-1]} (`aisim check {scenario}`)\n")
    print("| region | variable | year | model | observed | error | tolerance | result |")
    print("|---|---|---|---|---|---|---|---|")
    seen = set()
    for region, variable, year, model, observed, unit, kind, error, tkind, tol, result, *_ in parsed:
        name = variable.replace("|", "\\|") + ("" if variable in seen else f" ({unit})")
        seen.add(variable)
        e = float(error)
        error_cell = f"{e * 100:+.0f}%" if kind == "relative" else f"{kind} {e:+.2f}"
        note = NOTES.get((scenario, region, variable, int(year)))
        print(f"| {region} | {name} | {year} | {number(float(model), unit)} | "
              f"{number(float(observed), unit)} | {error_cell} | {tkind} {tol} | "
              f"{result}{f' ({note})' if note else ''} |")


def spread_table(aisim):
    tables = {s: rows(aisim, s, 1000) for s in ("backtest-2020", "backtest-2020-observed-drivers")}
    print("| observation | backtest-2020: 5-95% range | below | observed-drivers: 5-95% range | below | observed |")
    print("|---|---|---|---|---|---|")
    seen = set()
    for a, b in zip(tables["backtest-2020"][0], tables["backtest-2020-observed-drivers"][0]):
        region, variable, year, unit = a[0], a[1], a[2], a[5]
        label = f"{region} {SHORT[variable]} {year}" + ("" if variable in seen else f" ({unit})")
        seen.add(variable)
        cells = []
        for row in (a, b):
            low, high, below, verdict = row[11:15]
            if verdict == "no spread":
                cells += ["no spread", ""]
            else:
                cells += [f"{number(float(low), unit)}-{number(float(high), unit)}", f"{float(below):g}%"]
        print(f"| {label} | " + " | ".join(cells) + f" | {number(float(a[4]), unit)} |")
    for scenario, (_, summary) in tables.items():
        print(f"\n{scenario}: {summary[-1]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--aisim", default="build/aisim")
    parser.add_argument("what", choices=["check", "spread"])
    parser.add_argument("scenario", nargs="?")
    args = parser.parse_args()
    if args.what == "check":
        check_table(args.aisim, args.scenario)
    else:
        spread_table(args.aisim)


if __name__ == "__main__":
    main()
