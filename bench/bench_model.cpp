// Times the model on the world baseline: one deterministic run and a
// 1,000-draw Monte Carlo run on one thread, each the median of many
// repetitions. Prints one line per case; bench/run_bench.sh adds the
// whole-process time and the NumPy reference's time measured in the same run.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "sim/model/model.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// Median wall time in seconds of `repetitions` calls of `body`.
template <typename Body>
double MedianSeconds(int repetitions, Body body) {
  std::vector<double> times;
  for (int i = 0; i < repetitions; ++i) {
    const auto start = Clock::now();
    body();
    times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
  return times[times.size() / 2];
}

}  // namespace

int main() {
  const sim::Scenario scenario = sim::LoadScenario("world-2025");
  const int region_years = static_cast<int>(scenario.regions.size()) * scenario.Years();
  sim::RunOptions one_thread;
  one_thread.threads = 1;

  // Keeps the optimiser from dropping the work.
  double sink = 0;
  const double deterministic = MedianSeconds(2000, [&] {
    sink += sim::RunSimulation(scenario, one_thread).At(sim::Variable::kValue, 0)(0, 0);
  });
  const double load = MedianSeconds(200, [&] { sink += sim::LoadScenario("world-2025").draws; });

  sim::RunOptions monte_carlo = one_thread;
  monte_carlo.draws = 1000;
  const double draws_1000 = MedianSeconds(21, [&] {
    sink += sim::RunSimulation(scenario, monte_carlo).At(sim::Variable::kValue, 0)(0, 0);
  });
  monte_carlo.threads = 2;
  const double draws_1000_two = MedianSeconds(21, [&] {
    sink += sim::RunSimulation(scenario, monte_carlo).At(sim::Variable::kValue, 0)(0, 0);
  });

  std::printf("case,median_seconds,region_years_per_second\n");
  std::printf("load world-2025 (YAML -> Scenario),%.6g,\n", load);
  std::printf("run deterministic (%d regions x %d years; 1 thread),%.6g,%.4g\n",
              static_cast<int>(scenario.regions.size()), scenario.Years(), deterministic,
              region_years / deterministic);
  std::printf("run 1000 draws (1 thread),%.6g,%.4g\n", draws_1000,
              1000.0 * region_years / draws_1000);
  std::printf("run 1000 draws (2 threads),%.6g,%.4g\n", draws_1000_two,
              1000.0 * region_years / draws_1000_two);
  std::fprintf(stderr, "(checksum %g)\n", sink);
  return 0;
}
