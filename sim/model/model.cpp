#include "sim/model/model.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "sim/model/draw_summary.hpp"
#include "sim/model/vector_math.hpp"
#include "sim/threads.hpp"

namespace sim {

// The AVX-512F build of the year loop, in libaisim_year_avx512.so
// (year_loop_wide.cpp). It is called only on its own path: nothing in the
// library runs before, not even at load time (it has no static
// initialisers). The WebAssembly build (sim/site/) has none:
// AISIM_WIDE_YEAR_LOOPS is set by the native build only. (An AVX build,
// 1.05-1.10x on a sweep, was dropped: bench/HISTORY.md.)
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

// Copies this year's values of the block's draws into columns [column,
// column + count) of the results.
void Record(const YearLoop& loop, const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
            int column, int count, Workspace& w, Results& results) {
  for (int v = 0; v < kVariableCount; ++v) {
    const Variable variable = static_cast<Variable>(v);
    loop.read(inputs, assumptions, variable, year, count, w, results.At(variable, year).middleCols(column, count));
  }
}

// Runs draws [first_draw, first_draw + count) into columns [column, column +
// count) of the results. The workspace is padded to a multiple of
// kDrawAlignment columns (copies of the last draw, not recorded), so that no
// draw ever falls in Eigen's scalar remainder loop: a draw's results are then
// the same bits whatever the number of draws, the thread count or the block
// it is in (sweeps and SummariseSimulation rely on this; see PaddedDraws).
void SimulateBlock(const ModelInputs& inputs, int first_draw, int count, int column, Workspace& workspace,
                   Results& results) {
  const DrawAssumptions assumptions =
      SliceDrawsPadded(inputs.assumptions, first_draw, count, PaddedDraws(count));
  workspace.Resize(inputs, PaddedDraws(count));
  RunYearLoop(inputs, assumptions, workspace, [&](const YearLoop& loop, int year) {
    Record(loop, inputs, assumptions, year, column, count, workspace, results);
  });
}

Results EmptyResults(const Scenario& scenario, int draws, Results::Start start) {
  std::vector<std::string> codes, names;
  for (const Region& region : scenario.regions) {
    codes.push_back(region.code);
    names.push_back(region.name);
  }
  return Results(scenario.name, codes, names, scenario.start_year, scenario.Years(), draws, start);
}

}  // namespace

Results RunSimulation(const Scenario& scenario, const RunOptions& options) {
  const int draws = options.draws > 0 ? options.draws : scenario.draws;
  const unsigned long long seed = options.seed_given ? options.seed : scenario.seed;
  const ModelInputs inputs = BuildInputs(scenario, draws, seed);
  Results results = EmptyResults(scenario, draws, Results::Start::kUnset);

  const int threads = std::min(ThreadsOrAllCores(options.threads), draws);
  // Blocks start at multiples of kDrawAlignment (model.hpp says why), so the
  // results are bit-identical for any thread count.
  const int block = PaddedDraws((draws + threads - 1) / threads);
  const auto simulate = [&](int first) {
    Workspace workspace;
    SimulateBlock(inputs, first, std::min(block, draws - first), first, workspace, results);
  };
  std::vector<std::thread> workers;
  for (int first = 0; first < draws; first += block) {
    if (first + block >= draws) {
      simulate(first);  // the last block on this thread
    } else {
      workers.emplace_back(simulate, first);
    }
  }
  for (std::thread& worker : workers) worker.join();
  Summarise(results, threads);
  return results;
}

Results SummariseSimulation(const Scenario& scenario, const RunOptions& options) {
  const int draws = options.draws > 0 ? options.draws : scenario.draws;
  const unsigned long long seed = options.seed_given ? options.seed : scenario.seed;
  const ModelInputs inputs = BuildInputs(scenario, draws, seed);
  Results results = EmptyResults(scenario, draws, Results::Start::kNone);

  // Rounds of one block per thread: the threads run the model for the
  // round's blocks into `round`, then split its series between them for
  // the summary; every draw is run twice, once per pass. Blocks of up to
  // 1,024 draws (a few MB of workspace each), fewer when that gives every
  // thread a block or keeps a round within 8,192 draws (25 MB of outputs
  // for world-2025) however many threads there are; each starting at a
  // multiple of kDrawAlignment (model.hpp says why).
  constexpr int kRoundDraws = 8192;
  const int threads = std::min(ThreadsOrAllCores(options.threads), PaddedDraws(draws) / kDrawAlignment);
  const int block = std::min({1024, PaddedDraws((draws + threads - 1) / threads),
                              std::max(kDrawAlignment, kRoundDraws / threads / kDrawAlignment * kDrawAlignment)});
  const int round_draws = std::min(threads * block, draws);
  Results round = EmptyResults(scenario, round_draws, Results::Start::kUnset);
  std::vector<Workspace> workspaces(static_cast<std::size_t>(threads));
  DrawSummariser summariser(results.regions(), results.years(), draws);
  for (int pass = 1; pass <= 2; ++pass) {
    for (int first = 0; first < draws; first += round_draws) {
      const int count = std::min(round_draws, draws - first);
      std::atomic<int> next_block{0}, next_workspace{0};
      RunOnThreads(threads, [&] {
        Workspace& workspace = workspaces[static_cast<std::size_t>(next_workspace++)];
        for (int b; (b = next_block++) * block < count;) {
          SimulateBlock(inputs, first + b * block, std::min(block, count - b * block), b * block, workspace, round);
        }
      });
      summariser.Feed(pass, round, first, count, threads);
    }
  }
  results.SetSummary(summariser.Finish());
  return results;
}

}  // namespace sim
