"""The figures the docs quote are the figures the tool gives.

1. docs/SCENARIOS.md's headline table says it is taken from
   results/<scenario>/timeseries.csv: every capability, years-behind and rank
   cell must equal the committed results at the precision printed.
2. docs/VALIDATION.md quotes `aisim check` on world-2025 and both backtests: the count of
   observations within tolerance, and each row's model value and result, must
   be what the binary prints now; and its Monte Carlo section quotes
   `aisim check --draws 1000 --seed 1`: the count of observed values inside
   the 5-95% range and each row's share of draws below the record.
3. docs/VALIDATION.md's 2030 / 2035 outlook quotes results/ (deterministic
   value and 5-95% range) through scripts/outlook-cells.py's format.

A change that moves the model therefore fails here until the docs are
updated with it (after `scripts/regenerate-results.sh`).

Usage: docs_figures_test.py AISIM_BINARY SOURCE_DIR
"""
import csv
import os
import re
import subprocess
import sys

HEADLINE_COLUMNS = [  # (year, variable pair) of the table's numeric columns, in order
    (2030, "Capability"), (2030, "Years Behind"), (2030, "Rank"),
    (2035, "Capability"), (2035, "Years Behind"), (2035, "Rank"),
]


def read_results(source, scenario):
    path = os.path.join(source, "results", scenario, "timeseries.csv")
    values = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            values[(row["region"], row["variable"], int(row["year"]))] = float(row["value"])
    return values


def decimals(text):
    return len(text.split(".")[1]) if "." in text else 0


def check_headline_table(source, problems):
    text = open(os.path.join(source, "docs", "SCENARIOS.md")).read()
    rows = 0
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 10 or not re.fullmatch(r"[a-z0-9-]+", cells[0]) or not re.fullmatch(r"[A-Z]+", cells[2]):
            continue
        scenario, country = cells[0], cells[2]
        if not os.path.isdir(os.path.join(source, "results", scenario)):
            problems.append(f"SCENARIOS.md: {scenario}: no results/{scenario}/")
            continue
        results = read_results(source, scenario)
        rows += 1
        for (year, kind), cell in zip(HEADLINE_COLUMNS, cells[3:9]):
            for sector, quoted in zip(("Generative", "Physical"), cell.split("/")):
                quoted = quoted.strip()
                actual = results[(country, f"{kind}|{sector}", year)]
                places = decimals(quoted)
                if abs(float(quoted) - actual) > 0.5 * 10 ** -places + 1e-9:
                    problems.append(f"SCENARIOS.md: {scenario} {country} {kind}|{sector} {year}: "
                                    f"docs say {quoted}, results/ say {actual:.{places}f}")
    if rows < 10:
        problems.append(f"SCENARIOS.md: only {rows} headline rows found (table format changed?)")
    return rows


def check_output(binary, scenario):
    run = subprocess.run([binary, "check", scenario], capture_output=True, text=True)
    rows = []
    for line in run.stdout.splitlines()[2:]:
        # region, variable (may hold spaces), year, model value, ..., result
        match = re.match(r"(\S+)\s+(.+?)\s+(\d{4})\s+(\S+)\s.*\s(pass|FAIL)$", line)
        if match:
            rows.append({"region": match.group(1), "variable": match.group(2),
                         "year": int(match.group(3)), "model": float(match.group(4)),
                         "result": match.group(5)})
    summary = re.search(r"(\d+) of (\d+) observations within tolerance", run.stdout)
    return run.returncode, rows, summary


def check_validation(binary, source, problems):
    text = open(os.path.join(source, "docs", "VALIDATION.md")).read()
    for scenario in ("world-2025", "backtest-2020", "backtest-2020-observed-drivers"):
        # The scenario's section: from its heading, "## ... (`scenario`)", to the next heading.
        heading = re.search(r"^## .*\(`" + re.escape(scenario) + r"`\)$", text, re.M)
        if not heading:
            problems.append(f"VALIDATION.md: no section headed (`{scenario}`)")
            continue
        section = text[heading.end():].split("\n## ")[0]
        code, rows, summary = check_output(binary, scenario)
        if summary is None:
            problems.append(f"aisim check {scenario}: no summary line (exit {code})")
            continue
        claim = re.search(r"\*\*(\d+) of (\d+) observations are within tolerance\*\*", section)
        if not claim or claim.groups() != summary.groups():
            problems.append(f"VALIDATION.md: {scenario}: docs say {claim and claim.groups()} within "
                            f"tolerance, aisim check says {summary.groups()}")
        table = [l for l in section.splitlines() if l.startswith("| ") and ("pass" in l or "FAIL" in l)]
        if len(table) != len(rows):
            problems.append(f"VALIDATION.md: {scenario}: {len(table)} table rows, {len(rows)} observations")
            continue
        for line, row in zip(table, rows):
            cells = [c.strip() for c in line.replace("\\|", "/").strip("|").split("|")]
            quoted_result = "pass" if cells[7].startswith("pass") else "FAIL"
            if cells[0] != row["region"] or int(cells[2]) != row["year"] or quoted_result != row["result"]:
                problems.append(f"VALIDATION.md: {scenario}: row '{line[:60]}...' vs {row}")
            quoted = cells[3].replace(",", "")
            scale = {"M": 1e6, "": 1}[quoted.split()[-1] if quoted.endswith(" M") else ""]
            number = float(quoted.split()[0]) * scale
            # Quoted to 2-4 significant figures: agree to 1%, or 0.01 absolute.
            if abs(number - row["model"]) > max(0.01 * abs(row["model"]), 0.011):
                problems.append(f"VALIDATION.md: {scenario} {row['region']} {row['variable']} "
                                f"{row['year']}: docs say {cells[3]}, aisim check says {row['model']:.4g}")


def check_spread(binary, source, problems):
    """The `aisim check --draws 1000 --seed 1` section: each backtest's count of
    observed values inside the 5-95% range, and each row's share of draws below."""
    text = open(os.path.join(source, "docs", "VALIDATION.md")).read()
    section = text.split("## Is the record inside the model's own uncertainty?")[1].split("\n## ")[0]
    table = [l for l in section.splitlines() if l.startswith("| ") and not l.startswith("| observation")]
    for column, scenario in ((2, "backtest-2020"), (4, "backtest-2020-observed-drivers")):
        run = subprocess.run([binary, "check", scenario, "--draws", "1000", "--seed", "1"],
                             capture_output=True, text=True)
        summary = re.search(r"(\d+) of (\d+) observed values inside", run.stdout)
        claim = re.search(r"\*\*" + re.escape(scenario) + r": (\d+) of (\d+)\*\*", section)
        if not summary or not claim or claim.groups() != summary.groups():
            problems.append(f"VALIDATION.md spread: {scenario}: docs say {claim and claim.groups()}, "
                            f"aisim check --draws says {summary and summary.groups()}")
        shares = re.findall(r"(\d+\.\d)%\s+(?:inside|OUTSIDE|no spread)$", run.stdout, re.M)
        if len(shares) != len(table):
            problems.append(f"VALIDATION.md spread: {len(table)} rows, {len(shares)} observations")
            continue
        for line, share in zip(table, shares):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not cells[column]:
                continue  # no spread: the table leaves the share empty
            # Quoted to 2-3 significant figures: agree to 0.6 percentage points.
            if abs(float(cells[column].rstrip("%")) - float(share)) > 0.6:
                problems.append(f"VALIDATION.md spread: {scenario} '{cells[0]}': docs say {cells[column]}, "
                                f"aisim check --draws says {share}%")


def check_outlook(source, problems):
    """The 2030 / 2035 section: every model cell (deterministic value and 5-95%
    range) is what results/ holds, at the two significant figures printed by
    scripts/outlook-cells.py, whose parser reads the cells."""
    outlook = _load_outlook(source)
    text = open(os.path.join(source, "docs", "VALIDATION.md")).read()
    section = text.split("## 2030 and 2035 next to published figures")[1].split("\n## ")[0]
    rows = 0
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if len(cells) < 5 or not os.path.isdir(os.path.join(source, "results", cells[0])):
            continue
        scenario, region, variable = cells[0], cells[1], cells[2].replace("\\|", "|")
        rows += 1
        printed = outlook.cells(os.path.join(source, "results"), scenario, region, variable)
        for year, cell, fresh in zip(outlook.YEARS, cells[3:5], printed[3:5]):
            if outlook.parse_cell(cell) != outlook.parse_cell(fresh):
                problems.append(f"VALIDATION.md outlook: {scenario} {region} {variable} {year}: "
                                f"docs say {cell}, results/ give {fresh}")
    if rows < 50:
        problems.append(f"VALIDATION.md outlook: only {rows} rows found (table format changed?)")
    return rows


def _load_outlook(source):
    import importlib.util
    spec = importlib.util.spec_from_file_location("outlook_cells", os.path.join(source, "scripts", "outlook-cells.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check_assumption_table(binary, source, problems):
    """Every assumption the loader accepts (`aisim params`) has a row in
    MODEL.md's table of global assumptions, and the table names no other:
    adding an assumption is not done until its default is sourced there.
    A row may name a family once in full and then by suffix
    (`market_temperature_generative`, `_physical`)."""
    params = subprocess.run([binary, "params", "world-2025"], capture_output=True, text=True, check=True).stdout
    keys = [line.split()[0].split(".", 1)[1] for line in params.splitlines() if line.startswith("assumptions.")]
    text = open(os.path.join(source, "docs", "MODEL.md"), encoding="utf-8").read()
    section = text.split("### Global assumptions", 1)[1].split("\n### ", 1)[0]
    named = set(re.findall(r"^\| (.*?) \|", section, flags=re.M))
    documented = set()
    for cell in named:
        names = re.findall(r"`([a-z0-9_]+)`", cell)
        for name in names:
            if name.startswith("_") and names:
                documented.add(names[0].rsplit("_", 1)[0] + name)
            else:
                documented.add(name)
    for key in keys:
        if key not in documented:
            problems.append(f"MODEL.md's global assumptions table has no row for {key}")
    for name in sorted(documented - set(keys)):
        if len(name) > 3:  # longer than the equations' symbols (`w_c`)
            problems.append(f"MODEL.md's global assumptions table names {name}, which aisim does not accept")
    return len(keys)


def check_field_table(binary, source, problems):
    """SCENARIOS.md's table of `assumptions:` keys names every assumption
    `aisim params` lists, with the same unit, and no other: the docs' field
    table agrees with the one the loader is built from
    (sim/scenario/assumptions.def)."""
    params = subprocess.run([binary, "params", "world-2025"], capture_output=True, text=True, check=True).stdout
    units = {}
    for line in params.splitlines():
        if line.startswith("assumptions."):
            parts = re.split(r"\s{2,}", line.strip())  # path, value, unit in padded columns
            units[parts[0].split(".", 1)[1]] = parts[-1] if len(parts) >= 3 else ""
    text = open(os.path.join(source, "docs", "SCENARIOS.md"), encoding="utf-8").read()
    section = text.split("## `assumptions:`", 1)[1].split("\n## ", 1)[0]
    rows = {m.group(1): m.group(2).strip()
            for m in re.finditer(r"^\| `([a-z0-9_]+)` \| ([^|]*) \|", section, flags=re.M)}
    for key, unit in units.items():
        if key not in rows:
            problems.append(f"SCENARIOS.md's assumptions table has no row for {key}")
        elif rows[key] != unit:
            problems.append(f"SCENARIOS.md gives {key} the unit '{rows[key]}', aisim params '{unit}'")
    for key in sorted(set(rows) - set(units)):
        problems.append(f"SCENARIOS.md's assumptions table names {key}, which aisim does not accept")


def check_region_table(binary, source, problems):
    """SCENARIOS.md's table of a region's keys names every key `aisim params`
    lists for a region, with the same unit, and no other; keys with parts,
    such as `public_allocation.compute`, by their first part there, and their
    parts in the allocation table below it, with the same unit."""
    params = subprocess.run([binary, "params", "world-2025"], capture_output=True, text=True, check=True).stdout
    first = next(line.split()[0].split(".")[1] for line in params.splitlines() if line.startswith("regions."))
    units, nested, part_units = {}, set(), {}
    for line in params.splitlines():
        if not line.startswith(f"regions.{first}."):
            continue
        parts = re.split(r"\s{2,}", line.strip())
        key = parts[0].split(".", 2)[2]
        unit = parts[-1] if len(parts) >= 3 else ""
        if "." in key:
            nested.add(key.split(".")[0])
            part_units[key.split(".", 1)[1]] = unit
        else:
            units[key] = unit
    text = open(os.path.join(source, "docs", "SCENARIOS.md"), encoding="utf-8").read()
    section = text.split("## `regions:`", 1)[1].split("\n## ", 1)[0]
    section, allocations = section.split("\nAllocations are maps", 1)

    def table(text):
        return {m.group(1): m.group(2).strip()
                for m in re.finditer(r"^\| `([a-z0-9_]+)` \| ([^|]*) \|", text, flags=re.M)}

    rows, part_rows = table(section), table(allocations)
    for part, unit in part_units.items():
        if part_rows.get(part) != unit:
            problems.append(f"SCENARIOS.md's allocation table gives {part} '{part_rows.get(part)}', "
                            f"aisim params '{unit}'")
    for part in sorted(set(part_rows) - set(part_units)):
        problems.append(f"SCENARIOS.md's allocation table names {part}, which aisim does not accept")
    for key, unit in units.items():
        if key not in rows:
            problems.append(f"SCENARIOS.md's regions table has no row for {key}")
        elif rows[key] != (unit or "-"):
            problems.append(f"SCENARIOS.md gives region key {key} the unit '{rows[key]}', aisim params '{unit}'")
    for key in sorted(nested - set(rows)):
        problems.append(f"SCENARIOS.md's regions table has no row for {key}")
    for key in sorted(set(rows) - set(units) - nested):
        problems.append(f"SCENARIOS.md's regions table names {key}, which aisim does not accept")


def check_reference_names(source, problems):
    """The NumPy reference reads every number assumption of
    sim/scenario/assumptions.def (the loader's one table) and no other: an
    assumption added to the model and not to the reference would be left at
    nothing, or silently ignored."""
    table = open(os.path.join(source, "sim", "scenario", "assumptions.def"), encoding="utf-8").read()
    numbers = set(re.findall(r"^AISIM_ASSUMPTION\((\w+),", table, flags=re.M))
    reference = open(os.path.join(source, "tests", "reference", "aisim_reference.py"), encoding="utf-8").read()
    listed = re.search(r"^ASSUMPTION_NAMES = \[(.*?)\]", reference, flags=re.M | re.S).group(1)
    names = set(re.findall(r'"([a-z0-9_]+)"', listed))
    for name in sorted(numbers - names):
        problems.append(f"the NumPy reference's ASSUMPTION_NAMES lacks {name} (sim/scenario/assumptions.def)")
    for name in sorted(names - numbers):
        problems.append(f"the NumPy reference's ASSUMPTION_NAMES has {name}, which assumptions.def does not declare")
    for name in re.findall(r"^AISIM_SCHEDULE_ASSUMPTION\((\w+),", table, flags=re.M):
        if f'raw["{name}"]' not in reference:
            problems.append(f"the NumPy reference does not read the schedule {name} (sim/scenario/assumptions.def)")


def main():
    binary, source = sys.argv[1], sys.argv[2]
    problems = []
    assumptions = check_assumption_table(binary, source, problems)
    check_field_table(binary, source, problems)
    check_region_table(binary, source, problems)
    check_reference_names(source, problems)
    rows = check_headline_table(source, problems)
    check_validation(binary, source, problems)
    check_spread(binary, source, problems)
    outlook = check_outlook(source, problems)
    for problem in problems:
        print("FAIL", problem)
    if problems:
        sys.exit(1)
    print(f"ok: {rows} headline rows of SCENARIOS.md and both backtests of VALIDATION.md "
          "(tolerances and Monte Carlo spread) match results/ and aisim check; "
          f"MODEL.md documents all {assumptions} assumptions and SCENARIOS.md lists each, and every "
          "region key, with its unit; the NumPy reference reads every assumption of assumptions.def; "
          f"the {outlook} outlook rows match results/")


if __name__ == "__main__":
    main()
