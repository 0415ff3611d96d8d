// The files of `aisim discover` (sim/output/discovery_files.hpp), from a
// PRIM result built by hand: exact text, so that a change shows.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "sim/output/discovery_files.hpp"

namespace sim {
namespace {

// Two inputs, a two-step trajectory; the chosen box restricts only the first.
struct Example {
  DiscoveryData data;
  PrimResult result;
  Example() {
    data.names = {"regions.KR.public_budget", "assumptions.algorithmic_progress"};
    Box full{{{0, 10}, {1, 2}}, 1.0, 0.5, 1.0, 100, 0};
    Box peeled{{{5, 10}, {1, 2}}, 0.9, 0.9, 0.5, 50, 1};
    result.trajectory = {full, peeled};
    result.chosen = 1;
    result.box = peeled;
    Restriction restriction;
    restriction.input = 0;
    restriction.limits = {5, 10};
    restriction.range = {0, 10};
    restriction.narrowing = 0.5;
    restriction.quasi_p_low = 0.0025;
    result.restrictions = {restriction};
    result.goal_samples = 50;
    result.total_samples = 100;
  }
};

}  // namespace

TEST_CASE("discovery.csv has one row per input, empty quasi-p cells where a limit is not tested") {
  const Example e;
  CHECK(DiscoveryCsv(e.data, e.result) ==
        "input,low,high,range_low,range_high,narrowing,quasi_p_low,quasi_p_high,restricted\n"
        "regions.KR.public_budget,5,10,0,10,0.5,0.0025,,true\n"
        "assumptions.algorithmic_progress,1,2,1,2,0,,,false\n");
}

TEST_CASE("peeling.csv has one row per step and marks the chosen one") {
  const Example e;
  CHECK(PeelingCsv(e.result) ==
        "step,coverage,density,support,samples,restricted_inputs,chosen\n"
        "0,1,0.5,1,100,0,false\n"
        "1,0.9,0.9,0.5,50,1,true\n");
}

TEST_CASE("discovery.json holds the goals, options, box, restrictions and trajectory") {
  const Example e;
  const Goal goal{"KR|Years Behind|Physical|2035", "<=", 1, "KR|Years Behind|Physical|2035 <= 1"};
  const nlohmann::json json =
      nlohmann::json::parse(DiscoveryJson("results/sweep", {goal}, e.data, e.result, PrimOptions{}));
  CHECK(json["sweep"] == "results/sweep");
  CHECK(json["goals"] == nlohmann::json::array({goal.text}));
  CHECK(json["options"]["min_density"] == 0.8);
  CHECK(json["chosen_step"] == 1);
  REQUIRE(json["restrictions"].size() == 1);
  CHECK(json["restrictions"][0]["input"] == "regions.KR.public_budget");
  CHECK(json["restrictions"][0]["quasi_p_high"].is_null());
  CHECK(json["trajectory"].size() == 2);
}

TEST_CASE("the discovery report lists each restricted input with its quasi-p-values") {
  const Example e;
  const Report report = MakeDiscoveryReport("results/sweep", {}, e.data, e.result);
  REQUIRE(report.tables.size() == 1);
  REQUIRE(report.tables[0].rows.size() == 1);
  CHECK(report.tables[0].rows[0] == std::vector<std::string>{"regions.KR.public_budget", "5", "10",
                                                            "0 to 10", "50%", "0.0025", "-"});
  CHECK(QuasiPText(std::nullopt) == "-");
  CHECK(QuasiPText(2.5e-294) == "2.5e-294");
}

}  // namespace sim
