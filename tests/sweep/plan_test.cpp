// Planning a sweep (sim/sweep/plan.hpp) in process: shard ranges, the
// definition's hash, the data files' specs and sample values.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/output/summary_writer.hpp"
#include "sim/scenario/load_scenario.hpp"
#include "sim/sweep/plan.hpp"

namespace {

using nlohmann::json;

// A study of two varied assumptions over the shipped world-2025.
sim::Study TwoPathStudy() {
  sim::Study study;
  study.varied.push_back(sim::ParseVary("assumptions.utilization=0.3:0.5"));
  study.varied.push_back(sim::ParseVary("assumptions.compute_depreciation=0.15:0.3"));
  study.samples = 1000;
  return study;
}

}  // namespace

TEST_CASE("shards cover the samples once, in order, cut at multiples of the block") {
  for (const long long total : {1LL, 255LL, 256LL, 1000LL, 100000LL, 1234567LL}) {
    for (const long long shards : {1LL, 2LL, 3LL, 7LL, 64LL}) {
      long long expected_first = 0;
      for (long long shard = 1; shard <= shards; ++shard) {
        const auto [first, end] = sim::ShardRange(total, shard, shards);
        CHECK(first == expected_first);
        CHECK(end >= first);
        CHECK((first % sim::kSweepBlock == 0 || first == total));
        expected_first = end;
      }
      CHECK(expected_first == total);
    }
  }
}

TEST_CASE("shard ranges of 1000 samples in 3 shards are [0, 512), [512, 1000), [1000, 1000)") {
  using Range = std::pair<long long, long long>;
  CHECK(sim::ShardRange(1000, 1, 3) == Range{0, 512});
  CHECK(sim::ShardRange(1000, 2, 3) == Range{512, 1000});
  CHECK(sim::ShardRange(1000, 3, 3) == Range{1000, 1000});
  CHECK(sim::ShardRange(100, 1, 1) == Range{0, 100});
}

TEST_CASE("a definition hashes to study_hash until a study field is edited") {
  const sim::Study study = TwoPathStudy();
  const sim::Scenario scenario = sim::LoadScenario(study.scenario, {});
  json manifest = sim::SweepDefinition(study, scenario, {}, 1000);
  CHECK(manifest["total_samples"] == 1000);
  CHECK(manifest["varied"][1]["path"] == "assumptions.compute_depreciation");
  CHECK(manifest["varied"][0].count("steps") == 0);  // only grid sweeps record steps
  manifest["study_hash"] = sim::HashText(manifest.dump());
  CHECK(sim::DefinitionIntact(manifest));
  manifest["status"] = "complete";  // a run field
  manifest["completed"] = 17;
  CHECK(sim::DefinitionIntact(manifest));
  manifest["seed"] = 2;  // a study field
  CHECK_FALSE(sim::DefinitionIntact(manifest));
  CHECK_FALSE(sim::DefinitionIntact(json{{"seed", 1}}));
}

TEST_CASE("data files list each varied path and outcome as a column, timeseries only when asked") {
  json definition = {{"varied", {{{"path", "a.b"}}, {{"path", "c"}}}}, {"outcomes", {"KR|X|Y|2030"}},
                     {"timeseries", false}};
  std::vector<sim::DataFile> files = sim::DataFiles(definition, 512, 7);
  REQUIRE(files.size() == 2);
  CHECK(files[0].name == "samples.csv");
  CHECK(files[0].spec.header == "sample,a.b,c");
  CHECK(files[0].spec.cells == 3);
  CHECK(files[0].spec.first_sample == 512);
  CHECK(files[1].spec.header == "sample,KR|X|Y|2030");
  CHECK(files[1].spec.cells == 2);
  definition["timeseries"] = true;
  files = sim::DataFiles(definition, 0, 7);
  REQUIRE(files.size() == 3);
  CHECK(files[2].spec.header == "sample,region,variable,year,value");
  CHECK(files[2].spec.lines_per_sample == 7);
  CHECK(files[2].spec.first_number == 4);
}

TEST_CASE("sample values are exact at both ends of a range") {
  const sim::Study study = TwoPathStudy();
  Eigen::ArrayXXd unit(2, 3), values;
  unit << 0, 0.5, 1,  //
      1, 0.25, 0;
  sim::SampleValues(study, unit, values);
  CHECK(values(0, 0) == 0.3);
  CHECK(values(0, 2) == 0.5);
  CHECK(values(1, 0) == 0.3);
  CHECK(values(1, 2) == 0.15);
  CHECK(values(0, 1) == Approx(0.4));
}

TEST_CASE("grid steps are a path's own or the study's default") {
  sim::Study study = TwoPathStudy();
  study.grid_steps = 4;
  study.varied[1].steps = 9;
  CHECK(sim::GridSteps(study) == std::vector<int>{4, 9});
}
