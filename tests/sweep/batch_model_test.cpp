// SweepModel (sim/sweep/batch_model.hpp) in process: which varied paths run
// batched, and that a fallback to one sample at a time names its reason.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/scenario/load_scenario.hpp"
#include "sim/sweep/batch_model.hpp"

namespace {

sim::SweepModel ModelVarying(const std::vector<std::string>& varies) {
  static const sim::Scenario scenario = sim::LoadScenario("world-2025");
  std::vector<sim::VariedPath> varied;
  for (const std::string& v : varies) varied.push_back(sim::ParseVary(v));
  return sim::SweepModel(scenario, varied, {});
}

}  // namespace

TEST_CASE("global assumptions and the five region levers run batched") {
  const sim::SweepModel model = ModelVarying(
      {"assumptions.utilization=0.3:0.5", "regions.KR.public_budget=2:20", "regions.US.physical_focus=0:1",
       "regions.CN.gpu_deliveries=0:5", "regions.KR.chip_access=0.5:1", "regions.UK.power_growth=0:0.2"});
  CHECK(model.batched());
  CHECK(model.unbatched_reason().empty());
}

TEST_CASE("a path that cannot be batched runs one sample at a time and says which") {
  const sim::SweepModel model =
      ModelVarying({"assumptions.utilization=0.3:0.5", "regions.KR.start_delay=0:3"});
  CHECK_FALSE(model.batched());
  CHECK(model.unbatched_reason() == "regions.KR.start_delay is not a global assumption or a batched region lever");
}
