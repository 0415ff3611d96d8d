// Running the model: a scenario in, results for every year, region and draw out.
#pragma once

#include "sim/model/frontier_path.hpp"
#include "sim/model/inputs.hpp"
#include "sim/model/results.hpp"
#include "sim/model/state.hpp"
#include "sim/scenario/scenario.hpp"

namespace sim {

struct RunOptions {
  int draws = 0;         // 0: the scenario's `draws`
  unsigned long long seed = 0;
  bool seed_given = false;  // false: the scenario's `seed`
  int threads = 1;       // 0: all hardware threads; results never depend on it
};

// Runs the scenario. Draws are split into contiguous blocks, one per thread;
// every draw is computed from its own column only, so results are identical
// for any thread count. The scenario must have been validated by the loader.
Results RunSimulation(const Scenario& scenario, const RunOptions& options = {});

// The same run, for its summary only (Results::Quantiles, RankOdds and
// FirstNonFinite): the outputs of the draws are not kept, only a round of
// up to 8,192 draws at a time and, per series, the values near its
// quantiles; memory grows with draws only through their sampled assumptions
// (kAssumptionCount doubles a draw). Runs the model for every draw twice
// (sim/model/draw_summary.hpp); the summary is the same bits as
// RunSimulation's.
Results SummariseSimulation(const Scenario& scenario, const RunOptions& options = {});

// Everything the year loop needs for a block of draws, allocated once.
struct Workspace {
  State state;
  YearMoney money;
  YearOutcome outcome;
  Scratch scratch;
  RegionDrawArray private_investment;  // this year's, USD bn / yr
  FrontierPath frontier;               // the leader's path up to this year

  // Sizes everything for `draws` columns of the inputs' regions and years.
  void Resize(const ModelInputs& inputs, int draws);
};

// Blocks of draws start at multiples of kDrawAlignment and are computed in
// workspaces of PaddedDraws(count) columns (copies of the last draw fill the
// padding). A draw's results are bit-identical for any thread count, block
// split, number of draws or CPU: exp/log are SLEEF's deterministic functions
// (vector_math.hpp), and every other operation is elementwise or a sum or
// maximum over regions in region order. Padding keeps every draw in a full
// SIMD packet of up to 8 doubles all the same, so that no draw runs through
// Eigen's scalar remainder loops (whose min/max treat a NaN differently).
inline constexpr int kDrawAlignment = 8;
inline int PaddedDraws(int count) {
  return (count + kDrawAlignment - 1) / kDrawAlignment * kDrawAlignment;
}

// Writes the first `count` draws of `variable` for year index `year` from a
// workspace after ComputeYear (as `aisim run` records it) into `out` (R x count).
// Outputs that nothing in the year loop reads (years behind, rank,
// sovereignty: steps 7b and 8) are computed here, when read, in the
// workspace's outcome and scratch: a sweep computes only what it records.
// Allocates nothing.
void ReadVariable(const ModelInputs& inputs, const DrawAssumptions& assumptions, Variable variable,
                  int year, int count, Workspace& workspace, Eigen::Ref<RegionDrawArray> out);

// Sets the starting state (1 January of the start year) and the leader's
// recorded path before it, for draws whose assumptions are `assumptions`.
void InitialiseState(const ModelInputs& inputs, const DrawAssumptions& assumptions,
                     Workspace& workspace);

// One year of the model (docs/MODEL.md) is two calls, with the year's
// results read in between. Neither allocates (tests check this).
// ComputeYear: from the state on 1 January of year index `year` (0 = start
// year), this year's outcome (steps 2, 5-7) and money (step 1).
void ComputeYear(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                 Workspace& workspace);
// AdvanceYear: the year's flows move the state to 1 January of the next year
// (steps 2-4 and private investment growth). Call after ComputeYear.
void AdvanceYear(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                 Workspace& workspace);

// The year loop's entry points (the four functions above), as compiled for
// one instruction set.
struct YearLoop {
  decltype(&InitialiseState) initialise;
  decltype(&ComputeYear) compute;
  decltype(&AdvanceYear) advance;
  decltype(&ReadVariable) read;
};

// The year loop to run, chosen once per process with the exp/log path
// (sim/model/vector_math.hpp): on the avx512 path the same sources compiled
// for that unit (libaisim_year_avx512.so: 8-wide packets for the arithmetic,
// nothing fused), else the library's own (x86-64 baseline, SSE2). All give the same bits: every operation is
// elementwise or a sum or maximum over regions in region order
// (tests/sweep/simd_paths_test.sh).
const YearLoop& ActiveYearLoop();

// The one driver of the year loop, for `aisim run` and for sweeps: sets up
// the state in `workspace` (sized for the draws of `assumptions`), then for
// each year computes it, calls read_year(loop, year) while the year's
// outcomes are in the workspace, and advances to the next year.
template <typename ReadYear>
void RunYearLoop(const ModelInputs& inputs, const DrawAssumptions& assumptions, Workspace& workspace,
                 ReadYear&& read_year) {
  const YearLoop& loop = ActiveYearLoop();
  loop.initialise(inputs, assumptions, workspace);
  for (int year = 0; year < inputs.years; ++year) {
    loop.compute(inputs, assumptions, year, workspace);
    read_year(loop, year);
    loop.advance(inputs, assumptions, year, workspace);
  }
}

}  // namespace sim
