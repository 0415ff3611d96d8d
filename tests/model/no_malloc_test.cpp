// The year loop, and a sweep block once its buffers are sized, never
// allocate. Eigen checks every allocation against is_malloc_allowed() when
// EIGEN_RUNTIME_NO_MALLOC is defined before its headers and asserts are on;
// this test's target compiles the model and batch_model sources with both
// (see tests/CMakeLists.txt). Keep it single-threaded: the flag is
// global.
#ifndef EIGEN_RUNTIME_NO_MALLOC
#error "build this test with EIGEN_RUNTIME_NO_MALLOC (tests/CMakeLists.txt does)"
#endif
#include <catch2/catch.hpp>

#include "sim/model/model.hpp"
#include "sim/scenario/load_scenario.hpp"
#include "sim/sweep/batch_model.hpp"

namespace sim {

TEST_CASE("a year step and reading its results allocate nothing, deterministic and Monte Carlo") {
  for (int draws : {1, 64}) {
    Scenario scenario = LoadScenario("world-2025");
    scenario.draws = draws;
    // An alliance exercises the R x R coupling products too, and hosted
    // compute and a power delay their own paths.
    scenario.alliances.push_back({"test", {"KR", "UK"}, 0.1, 0.3, 0.2});
    Region& ae = scenario.regions[scenario.RegionIndex("AE")];
    ae.hosted_for = "US";
    ae.hosted_share = Schedule::Constant(0.5);
    scenario.regions[scenario.RegionIndex("KR")].power_delay = 2;
    const ModelInputs inputs = BuildInputs(scenario, draws, 1);
    Workspace workspace;
    workspace.Resize(inputs, draws);
    InitialiseState(inputs, inputs.assumptions, workspace);
    RegionDrawArray values(inputs.regions, draws);
    for (int year = 0; year < inputs.years; ++year) {
      Eigen::internal::set_is_malloc_allowed(false);
      ComputeYear(inputs, inputs.assumptions, year, workspace);
      for (int v = 0; v < kVariableCount; ++v) {
        ReadVariable(inputs, inputs.assumptions, static_cast<Variable>(v), year, draws, workspace, values);
      }
      AdvanceYear(inputs, inputs.assumptions, year, workspace);
      Eigen::internal::set_is_malloc_allowed(true);
    }
    CHECK(workspace.state.researchers.isFinite().all());
  }
}

// A sweep worker reuses its block's buffers: once the first block has sized
// them, a block of the same width allocates nothing, levers and assumptions
// varied alike.
TEST_CASE("a sweep block allocates nothing once its buffers are sized") {
  Study study;
  for (const char* vary : {"regions.KR.public_budget=2:20", "regions.KR.physical_focus=0:1",
                           "regions.US.chip_access=0.5:1", "assumptions.utilization=0.3:0.5"}) {
    study.varied.push_back(ParseVary(vary));
  }
  const Scenario scenario = LoadScenario("world-2025");
  const SweepModel model(scenario, study.varied, ResolveOutcomes(study, scenario));
  REQUIRE(model.batched());
  const int samples = 64;
  Eigen::ArrayXXd values(study.varied.size(), samples), outcomes;
  SweepModel::Block block;
  for (int round = 0; round < 2; ++round) {
    for (Eigen::Index p = 0; p < values.rows(); ++p) {  // low to high, then high to low
      const VariedPath& v = study.varied[p];
      values.row(p).setLinSpaced(round == 0 ? v.low : v.high, round == 0 ? v.high : v.low);
    }
    Eigen::internal::set_is_malloc_allowed(round == 0);
    model.Run(values, block, outcomes);
    Eigen::internal::set_is_malloc_allowed(true);
  }
  CHECK(outcomes.isFinite().all());
}

}  // namespace sim
