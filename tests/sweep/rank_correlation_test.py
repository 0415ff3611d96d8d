#!/usr/bin/python3
"""A sweep report's rank correlations are Spearman's, as pandas computes
them (ties take their mean rank), for every shown outcome and input.

Usage: rank_correlation_test.py AISIM

Runs a small LHS sweep whose outcomes include a rank (whole numbers, so
many ties) and a continuous gap, then reads report.md's "What moves ..."
tables and compares each correlation with pandas' on samples.csv and
outcomes.csv, to the report's two decimals.
"""
import os
import re
import subprocess
import sys
import tempfile

import pandas as pd

aisim = os.path.abspath(sys.argv[1])
failures = []
with tempfile.TemporaryDirectory() as work:
    subprocess.run([aisim, "sweep", "--vary", "regions.KR.public_budget=2:20",
                    "--vary", "assumptions.algorithmic_progress=1.5:4",
                    "--vary", "assumptions.physical_data_elasticity=0.5:2",
                    "--outcome", "Rank|Physical:KR:2035", "--outcome", "Years Behind|Physical:KR:2035",
                    "--samples", "3000", "--seed", "4", "--no-charts", "-q", "--out", "s"],
                   cwd=work, check=True)
    samples = pd.read_csv(os.path.join(work, "s", "samples.csv"))
    outcomes = pd.read_csv(os.path.join(work, "s", "outcomes.csv"))
    report = open(os.path.join(work, "s", "report.md")).read()
    tables = re.findall(r"\*\*What moves (\S+) (.+?) (\d{4}), most influential first\*\*\n\n"
                        r"\| input \| rank correlation \|\n\|---\|---:\|\n((?:\|.*\|\n)+)", report)
    if len(tables) != 2:
        failures.append(f"expected 2 rank tables in report.md, found {len(tables)}")
    checked = 0
    for region, variable, year, rows in tables:
        column = f"{region}|{variable.replace(chr(92), '')}|{year}"
        for path, quoted in re.findall(r"\| (\S+) \| ([+-]?\d\.\d\d) \|", rows):
            expected = samples[path].corr(outcomes[column], method="spearman")
            checked += 1
            if abs(float(quoted) - expected) > 0.005 + 1e-9:
                failures.append(f"{column} vs {path}: report says {quoted}, pandas {expected:+.4f}")
    print(f"{checked} rank correlations checked against pandas")
for failure in failures:
    print("FAIL", failure)
sys.exit(1 if failures or checked < 6 else 0)
