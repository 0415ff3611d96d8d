"""Limits a bad input cannot break: each case either runs within bounded
memory or fails fast with a clear message (exit 2), never a crash or a
runaway. Run by CTest: /usr/bin/python3 limits_test.py AISIM_BINARY
"""

import os
import subprocess
import sys
import tempfile
import threading
import time

BIN = os.path.abspath(sys.argv[1])
MEMORY_LIMIT_MB = 1024  # every case must stay under this (peak RSS of the child)
CHILD_ENV = dict(os.environ, AISIM_NO_CHARTS="1")  # limits of the model and loader; charts are tested elsewhere
# In the sanitizer build, AddressSanitizer holds freed memory in a quarantine
# (to catch a use after free) that counts towards the resident size: 256
# regions and 100 draws peak at 1,086 MB with it and 443 MB without, against
# about 300 MB in Release. This test limits aisim's memory, not the
# sanitizer's, so its children run without the quarantine; every other test
# keeps it.
CHILD_ENV["ASAN_OPTIONS"] = ":".join(filter(None, [os.environ.get("ASAN_OPTIONS"), "quarantine_size_mb=0"]))
failures = []


def run(args, cwd):
    """Runs aisim in its own process; returns (exit code, output, seconds, peak MB),
    the peak being that process's own largest resident size (wait4's rusage)."""
    with tempfile.TemporaryFile() as output:
        start = time.monotonic()
        proc = subprocess.Popen([BIN] + args, cwd=cwd, stdout=output, stderr=subprocess.STDOUT, env=CHILD_ENV)
        timer = threading.Timer(120, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        seconds = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        output.seek(0)
        text = output.read().decode(errors="replace")
    return proc.returncode, text, seconds, usage.ru_maxrss / 1024


def expect(name, result, code, text, max_seconds):
    status, output, seconds, peak = result
    ok = status == code and text in output and seconds <= max_seconds and peak <= MEMORY_LIMIT_MB
    print(f"{'ok  ' if ok else 'FAIL'} {name}: exit {status}, {seconds:.2f} s, peak {peak:.0f} MB"
          + ("" if ok else f"\n     expected exit {code} with {text!r} within {max_seconds} s\n"
                           f"     output: {output[-400:]}"))
    if not ok:
        failures.append(name)


with tempfile.TemporaryDirectory() as work:
    # A 100 MB YAML file: rejected from its size, before it is parsed.
    big = os.path.join(work, "big.yaml")
    with open(big, "w") as f:
        f.write("extends: world-2025\n")
        line = "# " + "x" * 1021 + "\n"
        for _ in range(100 * 1024):
            f.write(line)
    expect("100 MB scenario file", run(["validate", big], work), 2, "limited to 16 MiB", 5)

    # `run` summarises its draws as they are made: 100,000 draws, whose every
    # value would take 2.9 GB, run under the 1 GB limit; 10 million, whose
    # sampled assumptions alone take 3.9 GB, are refused before running.
    expect("100,000 draws in run", run(["run", "--draws", "100000", "--out", "o", "-q"], work),
           0, "", 100)
    expect("10 million draws in run", run(["run", "--draws", "10000000", "--out", "o"], work),
           2, "GB of results in memory", 5)
    # check keeps every draw: draws whose results would not fit in memory
    # are refused before running.
    expect("10 million draws in check", run(["check", "backtest-2020", "--draws", "10000000"], work),
           2, "GB of results in memory", 5)

    # A 60-year horizon (the most the loader allows) runs; 61 is refused.
    expect("60-year horizon", run(["run", "--years", "2025:2085", "--out", "o", "-q"], work),
           0, "", 30)
    expect("61-year horizon", run(["run", "--years", "2025:2086", "--out", "o"], work),
           2, "end_year", 5)

    # The most regions the loader allows (256: R x R coupling) run; one more
    # is refused where it is named, before any work.
    def write_regions(path, count):
        with open(path, "w") as f:
            f.write("extends: world-2025\nregions:\n")
            for i in range(count):
                f.write(f"  R{i:03d}:\n    name: Region {i}\n")
                for key, value in [("public_budget", 1), ("physical_focus", 0.5), ("gpu_deliveries", 0),
                                   ("chip_access", 1), ("power_growth", 0.1), ("start_delay", 0),
                                   ("private_investment", 1), ("private_growth", 0.1),
                                   ("compute_stock", 10000), ("compute_physical_share", 0.05),
                                   ("power_capacity", 0.02), ("researchers", 50), ("robots", 10000),
                                   ("robot_installations", 1000), ("manufacturing_employment", 1e6), ("manufacturing_value_added", 50),
                                   ("generative_data", 0.1),
                                   ("algorithmic_efficiency", 1),
                                   ("home_advantage", 0), ("market_access", 1)]:
                    f.write(f"    {key}: {value}\n")
                for allocation in ("public_allocation", "private_allocation"):
                    f.write(f"    {allocation}: {{compute: 0.6, talent: 0.1, data: 0.1, adoption: 0.1, power: 0.1}}\n")
    many = os.path.join(work, "many.yaml")
    write_regions(many, 256 - 9)
    expect("256 regions, 100 draws", run(["run", many, "--draws", "100", "--out", "o", "-q"], work),
           0, "", 60)
    write_regions(many, 256 - 9 + 1)
    expect("257 regions", run(["validate", many], work), 2, "many.yaml:", 5)

    # Thousands of regions in a small file through YAML aliases (one region
    # written once, referenced 5,000 times): refused at the limit, at once.
    aliased = os.path.join(work, "aliased.yaml")
    with open(aliased, "w") as f:
        f.write("extends: world-2025\nregions:\n  A0000: &r\n    name: R\n")
        for i in range(1, 5000):
            f.write(f"  A{i:04d}: *r\n")
    expect("5,000 aliased regions", run(["validate", aliased], work), 2, "256 regions", 5)

    # Alliances are bounded too.
    alliances = os.path.join(work, "alliances.yaml")
    with open(alliances, "w") as f:
        f.write("extends: world-2025\nalliances:\n")
        for i in range(65):
            f.write(f"  a{i}: {{members: [KR, UK], compute_share: 0.1, data_share: 0.1, talent_share: 0.1}}\n")
    expect("65 alliances", run(["validate", alliances], work), 2, "64 alliances", 5)

    # compare holds every scenario's results: the same memory guard as run.
    expect("10 million draws in compare",
           run(["compare", "world-2025", "korea-2026-ai-budget", "--draws", "10000000", "--out", "o"], work),
           2, "GB of results in memory", 5)

    # A chain of 40 `extends` is refused at the depth limit; no stack overflow.
    for i in range(40):
        with open(os.path.join(work, f"chain{i}.yaml"), "w") as f:
            f.write(f"extends: chain{i + 1}.yaml\n" if i < 39 else "extends: world-2025\n")
    expect("40 nested extends", run(["validate", "chain0.yaml"], work), 2, "extends", 5)

    # Deeply nested YAML brackets: a parse error, not a stack overflow.
    with open(os.path.join(work, "nested.yaml"), "w") as f:
        f.write("regions: " + "[" * 100000 + "]" * 100000 + "\n")
    expect("100,000 nested brackets", run(["validate", "nested.yaml"], work), 2, "error", 10)

print(f"{11 - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
