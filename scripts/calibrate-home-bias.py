#!/usr/bin/python3
"""The physical_home_bias that makes China's factories buy a given share of
their physical AI from Chinese suppliers in world-2025's start year.

In the start year the capabilities come from the start stocks alone, so
China's share of the world's physical-AI purchases without the bias, p, does
not depend on the bias; the domestic share with bias b is
B p / (1 + (B - 1) p) with B = exp(b) (docs/MODEL.md, step 7), so

    b = ln(h (1 - p) / (p (1 - h)))

for a domestic share h. Prints b for China's published shares (the
calibration cited in docs/MODEL.md and scenarios/world-2025.yaml).

Usage: scripts/calibrate-home-bias.py [--aisim build/aisim]
"""
import argparse
import csv
import math
import os
import subprocess
import tempfile

# Chinese makers' share of the industrial robots installed in China.
SHARES = [(2023, 0.47, "IFR World Robotics 2024 release, 24 Sep 2024"),
          (2024, 0.585, "China Machinery Industry Federation, 2025")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aisim", default="build/aisim")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([args.aisim, "run", "world-2025", "--no-charts", "-q", "--out", out,
                        "--set", "assumptions.physical_home_bias=0",
                        "--set", "assumptions.market_lock_in=0"], check=True)
        with open(os.path.join(out, "world-2025", "timeseries.csv"), newline="") as f:
            p = next(float(row["value"]) for row in csv.DictReader(f)
                     if row["region"] == "CN" and row["variable"] == "Market Share|Physical"
                     and row["year"] == "2025")
    print(f"China's share of the world's physical-AI purchases without the bias, 2025: p = {p:.4f}")
    for year, h, source in SHARES:
        bias = math.log(h * (1 - p) / (p * (1 - h)))
        print(f"domestic share {h:.3f} ({year}, {source}): physical_home_bias = {bias:.2f}")


if __name__ == "__main__":
    main()
