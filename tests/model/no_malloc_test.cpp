// The year loop never allocates. Eigen checks every allocation against
// is_malloc_allowed() when EIGEN_RUNTIME_NO_MALLOC is defined before its
// headers and asserts are on; this test's target compiles the model sources
// with both (see tests/CMakeLists.txt). Keep it single-threaded: the flag is
// global.
#ifndef EIGEN_RUNTIME_NO_MALLOC
#error "build this test with EIGEN_RUNTIME_NO_MALLOC (tests/CMakeLists.txt does)"
#endif
#include <catch2/catch.hpp>

#include "sim/model/model.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim {

TEST_CASE("a year step allocates nothing, deterministic and Monte Carlo") {
  for (int draws : {1, 64}) {
    Scenario scenario = LoadScenario("world-2025");
    scenario.draws = draws;
    // An alliance exercises the R x R coupling products too.
    scenario.alliances.push_back({"test", {"KR", "UK"}, 0.1, 0.3, 0.2});
    const ModelInputs inputs = BuildInputs(scenario, draws, 1);
    Workspace workspace;
    workspace.Resize(inputs.regions, draws);
    InitialiseState(inputs, inputs.assumptions, workspace.state);
    for (int year = 0; year < inputs.years; ++year) {
      Eigen::internal::set_is_malloc_allowed(false);
      ComputeYear(inputs, inputs.assumptions, year, workspace);
      AdvanceYear(inputs, inputs.assumptions, year, workspace);
      Eigen::internal::set_is_malloc_allowed(true);
    }
    CHECK(workspace.state.researchers.isFinite().all());
  }
}

}  // namespace sim
