"""Times the NumPy reference on a resolved scenario: the yardstick that
bench/run_bench.sh measures the C++ model against in the same run.

Usage: /usr/bin/python3 tests/reference/bench_reference.py scenario.resolved.yaml
Prints one CSV line: case,median_seconds,region_years_per_second
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import aisim_reference  # noqa: E402


def main():
    scenario = aisim_reference.load_yaml(sys.argv[1])
    region_years = len(scenario["regions"]) * (scenario["end_year"] - scenario["start_year"] + 1)
    times = []
    for _ in range(21):
        start = time.perf_counter()
        aisim_reference.simulate(scenario)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"numpy reference deterministic (same scenario; 1 thread),{median:.6g},"
          f"{region_years / median:.4g}")


if __name__ == "__main__":
    main()
