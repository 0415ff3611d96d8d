#!/usr/bin/python3
"""Series by region and year from Epoch AI's record (../shared/data).

Prints the figures the model is calibrated on and tested against, so that
anyone can recompute them (docs/MODEL.md and docs/VALIDATION.md cite this
script):

  clusters  the largest AI cluster standing at the end of each year, H100e
            (Epoch AI, GPU Clusters, April 2026 snapshot; rows with
            Status Existing or Decommissioned, "Include in Standard
            Analysis" True, a First Operational Date and an H100e figure;
            a cluster counts from the year it became operational)
  runs      the largest training run published in each year, FLOP
            (Epoch AI, Notable AI Models, to 2024-12-06; rows with a
            training-compute estimate whose organisations all belong to
            one region; multi-region models, e.g. Google DeepMind's US+UK
            tags, are left out)
  frontier  the world's largest language or multimodal training run
            published in each year, FLOP (same file; every row with an
            estimate whose Domain names Language or Multimodal)
  owners    who owns the largest cluster of `clusters` (Owner and Sector
            columns), and how many of a region's clusters name no owner:
            whether a region's largest developer's compute (issue #17)
            could be told apart from its largest cluster

Usage: scripts/record-series.py clusters|runs|frontier|owners [--data DIR]
"""
import argparse
import csv
import math
import os
import sys

REGIONS = ["US", "CN", "EU", "UK", "JP", "KR", "AE", "IN"]
COUNTRY = {
    "United States of America": "US",
    "China": "CN",
    "United Kingdom of Great Britain and Northern Ireland": "UK",
    "Japan": "JP",
    "Korea (Republic of)": "KR",
    "South Korea": "KR",
    "Korea (Republic of Korea)": "KR",
    "United Arab Emirates": "AE",
    "India": "IN",
}
EU = {
    "Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czechia", "Denmark",
    "Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Ireland",
    "Italy", "Latvia", "Lithuania", "Luxembourg", "Malta", "Netherlands",
    "Poland", "Portugal", "Romania", "Slovakia", "Slovenia", "Spain", "Sweden",
}
YEARS = range(2017, 2026)


def region_of(country):
    country = country.strip()
    if country in COUNTRY:
        return COUNTRY[country]
    if country in EU:
        return "EU"
    return "ROW" if country else None


def cluster_rows(path):
    """The rows `clusters` counts, each with its region and first year."""
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["Status"] not in ("Existing", "Decommissioned"):
                continue
            if row["Include in Standard Analysis"] != "True":
                continue
            try:
                year = int(row["First Operational Date"][:4])
                h100e = float(row["H100 equivalents"])
            except ValueError:
                continue
            region = region_of(row["Country"])
            if region is not None:
                yield region, year, h100e, row


def largest_clusters(path):
    best = {}
    for region, year, h100e, row in cluster_rows(path):
        for end in YEARS:
            if year <= end and h100e > best.get((region, end), (0, ""))[0]:
                best[(region, end)] = (h100e, row["Name"], row)
    return best


def largest_runs(path):
    best = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            try:
                flop = float(row["Training compute (FLOP)"])
                year = int(row["Publication date"][:4])
            except ValueError:
                continue
            regions = {region_of(c) for c in row["Country (from Organization)"].split(",")}
            regions.discard(None)
            if len(regions) != 1:
                continue
            region = regions.pop()
            if flop > best.get((region, year), (0, ""))[0]:
                best[(region, year)] = (flop, row["Model"])
    return best


def frontier_runs(path):
    best = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if "Language" not in row["Domain"] and "Multimodal" not in row["Domain"]:
                continue
            try:
                flop = float(row["Training compute (FLOP)"])
                year = int(row["Publication date"][:4])
            except ValueError:
                continue
            if flop > best.get(year, (0, ""))[0]:
                best[year] = (flop, row["Model"])
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("series", choices=["clusters", "runs", "frontier", "owners"])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--data", default=os.path.join(here, "..", "..", "shared", "data"))
    args = parser.parse_args()
    models = os.path.join(args.data, "epoch-notable-ai-models-to-2024-12.csv")
    if args.series == "frontier":
        print("year  FLOP      model (largest language or multimodal run published)")
        for year, (flop, name) in sorted(frontier_runs(models).items()):
            if year in YEARS:
                print(f"{year}  {flop:.3g}  {name}")
        return 0
    clusters = os.path.join(args.data, "epoch-gpu-clusters.csv")
    if args.series == "owners":
        best = largest_clusters(clusters)
        print("largest cluster standing at the end of the year: H100e, owner (sector)")
        for region in REGIONS:
            for y in YEARS:
                if (region, y) in best:
                    value, name, row = best[(region, y)]
                    owner = row["Owner"] or "no owner named"
                    print(f"{region:<3} {y}  {value:>9.0f}  {name[:40]:<40}  {owner[:40]} ({row['Sector']})")
        print("clusters counted, and how many name no owner")
        counted, unnamed = {}, {}
        for region, _, _, row in cluster_rows(clusters):
            counted[region] = counted.get(region, 0) + 1
            unnamed[region] = unnamed.get(region, 0) + (not row["Owner"].strip())
        for region in REGIONS:
            print(f"{region:<3} {counted.get(region, 0):>4} clusters, {unnamed.get(region, 0):>4} with no owner")
        return 0
    if args.series == "clusters":
        best = largest_clusters(clusters)
        print("largest cluster standing at the end of the year, H100e")
    else:
        best = largest_runs(models)
        print("largest training run published in the year, FLOP (log10)")
    print("region " + " ".join(f"{y:>28}" for y in YEARS))
    for region in REGIONS:
        cells = []
        for y in YEARS:
            value, name = best.get((region, y), (0, ""))[:2]
            if not value:
                cells.append(f"{'-':>28}")
            elif args.series == "clusters":
                cells.append(f"{value:>9.0f} {name[:18]:>18}")
            else:
                cells.append(f"{math.log10(value):>6.2f} {name[:21]:>21}")
        print(f"{region:<6} " + " ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
