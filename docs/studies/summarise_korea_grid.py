"""Reads a finished korea-grid sweep (CLI output only) and prints Korea's 2035
physical-AI gap as a budget x focus table. Usage: summarise_korea_grid.py FOLDER"""
import csv
import sys

folder = sys.argv[1]
with open(f"{folder}/samples.csv") as f:
    samples = {row["sample"]: row for row in csv.DictReader(f)}
with open(f"{folder}/outcomes.csv") as f:
    outcomes = list(csv.DictReader(f))
table = {}
for row in outcomes:
    s = samples[row["sample"]]
    budget = float(s["regions.KR.public_budget"])
    focus = float(s["regions.KR.physical_focus"])
    table[(budget, focus)] = float(row["KR|Years Behind|Physical|2035"])
budgets = sorted({b for b, _ in table})
focuses = sorted({f for _, f in table})
print("Korea, years behind the physical-AI leader in 2035 (rows: USD bn/yr; columns: physical focus)")
print("budget " + " ".join(f"{f:5.1f}" for f in focuses))
for b in budgets:
    print(f"{b:6.0f} " + " ".join(f"{table[(b, f)]:5.2f}" for f in focuses))
