"""aisim discover end to end on the shipped Korea grid study: the box it
reports is checked by recomputing its coverage and density from the sweep's
own CSV files; bad goals and unfinished sweeps are clear errors.
Run by CTest: /usr/bin/python3 discover_cli_test.py AISIM_BINARY SOURCE_DIR
"""

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

BIN = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
failures = []


def check(name, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"))
    if not condition:
        failures.append(name)


def aisim(*args, cwd):
    proc = subprocess.run([BIN, *args], cwd=cwd, capture_output=True, text=True, timeout=300)
    return proc.returncode, proc.stdout + proc.stderr


with tempfile.TemporaryDirectory() as work:
    study = os.path.join(SOURCE, "docs/studies/korea-grid.yaml")
    code, out = aisim("sweep", "--study", study, "--out", "grid", "--quiet", "--no-charts", cwd=work)
    check("the shipped Korea grid study sweeps", code == 0, out)

    # Half the grid reaches it (the test needs both kinds of sample): the
    # median of the sweep's own outcome, so the test follows the model.
    with open(os.path.join(work, "grid", "outcomes.csv")) as f:
        values = sorted(float(o["KR|Years Behind|Physical|2035"]) for o in csv.DictReader(f))
    threshold = repr(values[len(values) // 2])
    goal = f"Years Behind|Physical:KR:2035 <= {threshold}"
    code, out = aisim("discover", "grid", "--goal", goal, "--svg", cwd=work)
    check("discover runs on it", code == 0, out)
    check("it prints the trajectory and the box", "Peeling trajectory" in out and "Chosen box" in out, out)

    folder = os.path.join(work, "grid", "discovery")
    with open(os.path.join(folder, "discovery.json")) as f:
        result = json.load(f)
    with open(os.path.join(work, "grid", "samples.csv")) as f:
        samples = list(csv.DictReader(f))
    with open(os.path.join(work, "grid", "outcomes.csv")) as f:
        outcomes = list(csv.DictReader(f))
    reached = [float(o["KR|Years Behind|Physical|2035"]) <= float(threshold) for o in outcomes]

    # Recompute the box's statistics from the raw files.
    with open(os.path.join(folder, "discovery.csv")) as f:
        limits = {row["input"]: (float(row["low"]), float(row["high"])) for row in csv.DictReader(f)}
    inside = [all(lo <= float(s[name]) <= hi for name, (lo, hi) in limits.items()) for s in samples]
    in_box = sum(inside)
    goal_in_box = sum(1 for i, g in zip(inside, reached) if i and g)
    check("goal samples counted", result["goal_samples"] == sum(reached))
    check("box density recomputed", abs(result["box"]["density"] - goal_in_box / in_box) < 1e-12,
          f'{result["box"]["density"]} vs {goal_in_box / in_box}')
    check("box coverage recomputed", abs(result["box"]["coverage"] - goal_in_box / sum(reached)) < 1e-12)
    headline = out.splitlines()[0]
    check("the first line answers in words, with the recomputed counts and density",
          headline.startswith(f"In short: {goal} holds in {sum(reached):,} of {len(reached):,} samples (") and
          f"; it holds in {100 * goal_in_box / in_box:.0f}% of the samples that have " in headline and
          f"(a box that keeps {100 * goal_in_box / sum(reached):.0f}% of the samples that reach the goal)." in headline,
          headline)
    report_md = open(os.path.join(folder, "report.md")).read()
    check("the report opens with the same sentence", headline in report_md)
    check("the box is dense", result["box"]["density"] >= 0.8)
    check("every restricted limit has a quasi-p-value in [0, 1], and only those",
          all((r["quasi_p_low"] is None) == (r["low"] <= r["range_low"]) and
              (r["quasi_p_high"] is None) == (r["high"] >= r["range_high"]) and
              all(0 <= p <= 1 for p in (r["quasi_p_low"], r["quasi_p_high"]) if p is not None)
              for r in result["restrictions"]) and result["restrictions"])
    with open(os.path.join(folder, "peeling.csv")) as f:
        steps = list(csv.DictReader(f))
    check("the trajectory starts at full coverage", float(steps[0]["coverage"]) == 1.0)
    check("one step is marked chosen", sum(s["chosen"] == "true" for s in steps) == 1)
    with open(os.path.join(folder, "charts", "index.json")) as f:
        charts = [c["name"] for c in json.load(f)["charts"]]
    check("both discovery charts are drawn",
          charts == ["discovery-tradeoff", "discovery-box"] and all(
              os.path.getsize(os.path.join(folder, "charts", c + ".png")) > 1000 for c in charts), charts)
    svg = open(os.path.join(folder, "charts", "discovery-box.svg")).read()
    check("the box chart names every swept input",
          all(name in svg for name in samples[0] if name != "sample"))
    html = open(os.path.join(folder, "report.html")).read()
    check("the report embeds the charts and the restriction table",
          html.count("data:image/png;base64,") == 2 and "Restricted inputs" in html)

    # Deterministic: the same files again.
    before = open(os.path.join(folder, "discovery.csv")).read()
    aisim("discover", "grid", "--goal", goal, "--quiet", cwd=work)
    check("the same discovery twice gives the same bytes",
          open(os.path.join(folder, "discovery.csv")).read() == before)

    code, out = aisim("discover", "grid", "--goal", "KR|Years Behind|Physicl|2035 <= 1", cwd=work)
    check("a misspelt outcome is exit 2 with a did-you-mean",
          code == 2 and "did you mean 'KR|Years Behind|Physical|2035'" in out, out)
    code, out = aisim("discover", "grid", "--goal", "KR|Years Behind|Physical|2035 about 1", cwd=work)
    check("a goal without an operator is exit 2", code == 2 and "OUTCOME <op> VALUE" in out, out)

    # A sharded and merged sweep gives the same discovery as the unsharded one.
    for k in (1, 2):
        aisim("sweep", "--study", study, "--shard", f"{k}/2", "--out", f"part{k}", "--quiet", cwd=work)
    code, out = aisim("merge", "--out", "merged", "part1", "part2", cwd=work)
    aisim("discover", "merged", "--goal", goal, "--quiet", "--no-charts", cwd=work)
    merged = os.path.join(work, "merged", "discovery", "discovery.csv")
    check("a merged sharded sweep gives the same box",
          code == 0 and os.path.exists(merged) and open(merged).read() == before, out)

    manifest = os.path.join(work, "grid", "manifest.json")
    with open(manifest) as f:
        m = json.load(f)
    m["status"] = "interrupted"
    with open(manifest, "w") as f:
        json.dump(m, f)
    code, out = aisim("discover", "grid", "--goal", goal, cwd=work)
    check("an unfinished sweep is refused", code == 2 and "--resume" in out, out)

    # The shipped one-year-late study (issue #19), at a small size: the delay
    # cost as a swept outcome, and discover on it.
    late = os.path.join(SOURCE, "docs/studies/one-year-late.yaml")
    code, out = aisim("sweep", "--study", late, "--samples", "256", "--out", "late", "--quiet", cwd=work)
    check("the shipped one-year-late study sweeps", code == 0, out)
    with open(os.path.join(work, "late", "outcomes.csv")) as f:
        rows = list(csv.DictReader(f))
    column = "KR|Time Shift|Physical|2030"
    check("it records the delay cost per sample", len(rows) == 256 and column in rows[0], str(rows[:1]))
    shifts = sorted(float(r[column]) for r in rows)
    threshold = repr(shifts[int(0.8 * len(shifts))])
    code, out = aisim("discover", "late", "--goal", f"Time Shift|Physical:KR:2030 >= {threshold}",
                      "--quiet", "--no-charts", cwd=work)
    check("discover finds where the delay costs most", code == 0 and os.path.exists(
        os.path.join(work, "late", "discovery", "discovery.csv")), out)
    # A time shift may be inf (a level the variant never reaches): discover
    # takes it as a value, and the goal holds for it.
    shutil.copytree(os.path.join(work, "late"), os.path.join(work, "late-inf"))
    path = os.path.join(work, "late-inf", "outcomes.csv")
    with open(path) as f:
        lines = f.read().splitlines()
    index = lines[0].split(",").index(column)
    cells = lines[5].split(",")
    cells[index] = "inf"
    lines[5] = ",".join(cells)
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    code, out = aisim("discover", "late-inf", "--goal", "Time Shift|Physical:KR:2030 >= 1000",
                      "--no-charts", "-q", cwd=work)
    goal_samples = None
    if code == 0:
        with open(os.path.join(work, "late-inf", "discovery", "discovery.json")) as f:
            goal_samples = json.load(f)["goal_samples"]
    check("discover reads inf in a time shift as never reached", code == 0 and goal_samples == 1, out)
    # A time shift is at least (start year - the base's year), never -100.
    code, out = aisim("discover", "late", "--goal", "Time Shift|Physical:KR:2030 < -100", cwd=work)
    check("a goal no sample reaches says the outcome's range, exit 2",
          code == 2 and "no sample of the sweep reaches the goal" in out
          and "KR|Time Shift|Physical|2030 ranges from" in out, out)

print(f"{23 - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
