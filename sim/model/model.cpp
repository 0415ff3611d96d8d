#include "sim/model/model.hpp"

#include <algorithm>
#include <thread>
#include <vector>

#include "sim/model/vector_math.hpp"
#include "sim/threads.hpp"

namespace sim {

// The AVX-512F build of the year loop, in libaisim_year_avx512.so
// (year_loop_wide.cpp). It is called only on its own path: nothing in the
// library runs before, not even at load time (it has no static
// initialisers). The WebAssembly build (sim/site/) has none:
// AISIM_WIDE_YEAR_LOOPS is set by the native build only. (An AVX build,
// 1.05-1.10x on a sweep, was dropped: bench/README.md.)
#if AISIM_WIDE_YEAR_LOOPS
extern "C" void aisim_year_loop_avx512(YearLoop* loop);
#endif

const YearLoop& ActiveYearLoop() {
  static const YearLoop loop = [] {
    YearLoop own{&InitialiseState, &ComputeYear, &AdvanceYear, &ReadVariable};
#if AISIM_WIDE_YEAR_LOOPS
    if (ActiveSimdPath() == SimdPath::kAvx512) aisim_year_loop_avx512(&own);
#endif
    return own;
  }();
  return loop;
}

namespace {

// Copies this year's values of the block's draws into the results.
void Record(const YearLoop& loop, const ModelInputs& inputs, const DrawAssumptions& assumptions,
            int year, int first_draw, int count, Workspace& w, Results& results) {
  for (int v = 0; v < kVariableCount; ++v) {
    const Variable variable = static_cast<Variable>(v);
    loop.read(inputs, assumptions, variable, year, count, w,
              results.At(variable, year).middleCols(first_draw, count));
  }
}

// Runs draws [first_draw, first_draw + count). The workspace is padded to a
// multiple of kDrawAlignment columns (copies of the last draw, not recorded),
// so that no draw ever falls in Eigen's scalar remainder loop: a draw's
// results are then the same bits whatever the number of draws, the thread
// count or the block it is in (sweeps rely on this; see PaddedDraws).
void SimulateBlock(const ModelInputs& inputs, int first_draw, int count, Results& results) {
  const DrawAssumptions assumptions =
      SliceDrawsPadded(inputs.assumptions, first_draw, count, PaddedDraws(count));
  Workspace workspace;
  workspace.Resize(inputs, PaddedDraws(count));
  RunYearLoop(inputs, assumptions, workspace, [&](const YearLoop& loop, int year) {
    Record(loop, inputs, assumptions, year, first_draw, count, workspace, results);
  });
}

}  // namespace

Results RunSimulation(const Scenario& scenario, const RunOptions& options) {
  const int draws = options.draws > 0 ? options.draws : scenario.draws;
  const unsigned long long seed = options.seed_given ? options.seed : scenario.seed;
  const ModelInputs inputs = BuildInputs(scenario, draws, seed);

  std::vector<std::string> codes, names;
  for (const Region& region : scenario.regions) {
    codes.push_back(region.code);
    names.push_back(region.name);
  }
  Results results(scenario.name, codes, names, scenario.start_year, scenario.Years(), draws,
                  Results::Start::kUnset);

  const int threads = std::min(ThreadsOrAllCores(options.threads), draws);
  // Blocks start at multiples of kDrawAlignment (model.hpp says why), so the
  // results are bit-identical for any thread count.
  const int block = PaddedDraws((draws + threads - 1) / threads);
  std::vector<std::thread> workers;
  for (int first = 0; first < draws; first += block) {
    const int count = std::min(block, draws - first);
    if (first + count >= draws) {
      SimulateBlock(inputs, first, count, results);  // the last block on this thread
    } else {
      workers.emplace_back(SimulateBlock, std::cref(inputs), first, count, std::ref(results));
    }
  }
  for (std::thread& worker : workers) worker.join();
  results.Summarise(threads);
  return results;
}

}  // namespace sim
