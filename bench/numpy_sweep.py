"""The NumPy yardsticks of bench/run_sweep_bench.sh: the same sweep as an
`aisim sweep` run, computed (a) sample by sample with the reference model
(tests/reference/aisim_reference.py: copy the scenario, set the sample's
values, simulate; what a student would write) and (b) batched, samples as
columns (bench/numpy_batched.py). Both are checked against the C++
outcomes.csv before any figure is printed: every value must agree to 1e-9
relative (with a floor of 1e-3 years for Years Behind and Algorithms|Lag,
as tests/reference/check_reference.py), or the script exits 1.

Usage:
  /usr/bin/python3 bench/numpy_sweep.py RESOLVED_YAML SWEEP_DIR [--per-sample N] [--repeat K]

RESOLVED_YAML: `aisim run SCENARIO --out DIR` writes DIR/<name>/scenario.resolved.yaml.
SWEEP_DIR: an `aisim sweep` output folder (samples.csv, outcomes.csv).
--per-sample N: time the per-sample form on the first N samples (default 200);
  the rate is samples per second of that subset.
--repeat K: batched form timed K times over all samples, median (default 3).
0 skips a form.

Times are of the computation only (not reading the CSV files or the YAML),
which favours NumPy against the C++ figures (whole `aisim sweep` process,
including writing its CSVs). Prints CSV lines: form,samples,wall_seconds,
cpu_seconds,samples_per_wall_s,region_years_per_wall_s,samples_per_cpu_s,max_rel_err.
CPU time (time.process_time) is the steadier figure on a shared machine; run
with OPENBLAS_NUM_THREADS=1 for a one-core figure (bench/run_sweep_bench.sh does).
"""

from __future__ import annotations

import argparse
import copy
import csv
import statistics
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "reference"))
import aisim_reference as ref  # noqa: E402
import numpy_batched  # noqa: E402

TOLERANCE = 1e-9
FLOOR_YEARS = 1e-3  # as check_reference.py: the leader's 0 years may round to ~1e-16


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    ids = [int(row[0]) for row in body]
    values = np.array([[float(x) for x in row[1:]] for row in body])
    return header[1:], ids, values


def parse_outcome(column):
    """'KR|Years Behind|Physical|2035' -> ('KR', 'Years Behind|Physical', 2035)."""
    region, rest = column.split("|", 1)
    variable, year = rest.rsplit("|", 1)
    if variable not in ref.VARIABLES:
        raise SystemExit(f"numpy_sweep: unknown variable in outcome column {column!r}")
    return region, variable, int(year)


def set_path(scenario, path, value):
    node = scenario
    keys = path.split(".")
    for key in keys[:-1]:
        node = node[key]
    if keys[-1] not in node:
        raise SystemExit(f"numpy_sweep: path {path!r} is not in the resolved scenario")
    node[keys[-1]] = float(value)


def per_sample(scenario, paths, values, wanted):
    """The student's loop: one reference simulation per sample."""
    out = np.empty((len(wanted), values.shape[0]))
    for j, row in enumerate(values):
        sample = copy.deepcopy(scenario)
        for path, value in zip(paths, row):
            set_path(sample, path, value)
        result = ref.simulate(sample)
        out[:, j] = [result[w] for w in wanted]
    return out


def check(form, expected, got, wanted, ids):
    """Largest relative error; exits 1 with the worst cases above TOLERANCE."""
    floor = np.array([FLOOR_YEARS if v.startswith(("Years Behind", "Algorithms|Lag")) else 0.0
                      for _, v, _ in wanted])[:, None]
    scale = np.maximum(np.maximum(np.abs(expected), np.abs(got)), floor)
    error = np.where(scale > 0, np.abs(expected - got) / np.where(scale > 0, scale, 1.0), 0.0)
    error = np.where(np.isnan(got) | np.isnan(expected), np.inf, error)
    worst = float(error.max()) if error.size else np.inf
    if not error.size or not worst <= TOLERANCE:
        print(f"FAIL: {form} NumPy disagrees with the C++ outcomes.csv (max rel err {worst:.3g} > "
              f"{TOLERANCE:g}); worst cases:", file=sys.stderr)
        for flat in np.argsort(error, axis=None)[::-1][:10]:
            o, j = np.unravel_index(flat, error.shape)
            if not error[o, j] > TOLERANCE:
                break
            print(f"  sample {ids[j]} {'|'.join(map(str, wanted[o]))}: C++ {expected[o, j]!r} "
                  f"NumPy {got[o, j]!r} rel {error[o, j]:.3g}", file=sys.stderr)
        sys.exit(1)
    return worst


def report(form, samples, seconds, cpu, region_years, err):
    print(f"{form},{samples},{seconds:.6g},{cpu:.6g},{samples / seconds:.6g},"
          f"{samples * region_years / seconds:.6g},{samples / cpu:.6g},{err:.3g}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("resolved")
    parser.add_argument("sweep")
    parser.add_argument("--per-sample", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    scenario = ref.load_yaml(args.resolved)
    paths, ids, values = read_csv(Path(args.sweep) / "samples.csv")
    columns, outcome_ids, expected = read_csv(Path(args.sweep) / "outcomes.csv")
    if ids != outcome_ids or ids != list(range(len(ids))):
        raise SystemExit("numpy_sweep: samples.csv and outcomes.csv rows differ (not a complete unsharded sweep?)")
    wanted = [parse_outcome(c) for c in columns]
    expected = expected.T  # outcomes x samples
    S = len(ids)
    region_years = len(scenario["regions"]) * (int(scenario["end_year"]) - int(scenario["start_year"]) + 1)

    # (a) per sample, on the first N samples; (b) batched, all samples.
    n = min(args.per_sample, S)
    if n > 0:
        run_per_sample(scenario, paths, values, wanted, expected, ids, S, n, region_years)
    if args.repeat > 0:
        run_batched(scenario, paths, values, wanted, expected, ids, S, args.repeat, region_years)


def run_per_sample(scenario, paths, values, wanted, expected, ids, S, n, region_years):
    start, cpu = time.perf_counter(), time.process_time()
    got = per_sample(scenario, paths, values[:n], wanted)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    err = check("per-sample", expected[:, :n], got, wanted, ids[:n])
    report(f"numpy per-sample (first {n} of {S} samples)", n, seconds, cpu, region_years, err)


def run_batched(scenario, paths, values, wanted, expected, ids, S, repeat, region_years):
    # (b) batched, all samples at once (samples as columns).
    model = numpy_batched.BatchedModel(scenario, paths)
    times, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        got = model.run(values.T, wanted)
        times.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    err = check("batched", expected, got, wanted, ids)
    report(f"numpy batched (all {S} samples; median of {len(times)})", S, statistics.median(times),
           statistics.median(cpus), region_years, err)


if __name__ == "__main__":
    main()
