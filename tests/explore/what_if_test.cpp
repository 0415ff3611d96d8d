// The explorer's request -> overrides -> run -> JSON path, without HTTP: the
// numbers must be exactly those of `aisim run --set`, the YAML download must
// reproduce them, and every bad input must be a 400 with a clear message.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "sim/explore/api.hpp"
#include "sim/explore/levers.hpp"
#include "sim/explore/series_json.hpp"
#include "sim/explore/what_if.hpp"
#include "sim/model/model.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace {

using sim::explore::BadRequest;
using sim::explore::ParseWhatIf;

const sim::Scenario& Base() {
  static const sim::Scenario base = sim::LoadScenario("world-2025");
  return base;
}

// Every charted number of `json` (as the page receives it) equals the
// results bit for bit.
void RequireSameNumbers(const nlohmann::json& json, const sim::Results& results) {
  REQUIRE(json["draws"] == 1);
  for (const nlohmann::json& variable : json["variables"]) {
    const sim::VariableInfo* info = sim::FindVariable(variable["name"].get<std::string>());
    REQUIRE(info != nullptr);
    for (int r = 0; r < results.regions(); ++r) {
      for (int k = 0; k < results.years(); ++k) {
        // Bitwise equality on purpose: the JSON must carry the exact doubles.
        REQUIRE(variable["value"][r][k].get<double>() == results.At(info->variable, k)(r, 0));
      }
    }
  }
}

}  // namespace

// One run of many draws at a time, none waiting: enough for these
// single-threaded tests.
sim::explore::HeavyLane& Lane() {
  static sim::explore::HeavyLane lane(1, 0, std::chrono::milliseconds(0));
  return lane;
}

TEST_CASE("a what-if request parses into overrides and draws") {
  const auto what_if = ParseWhatIf(R"({"set": ["regions.KR.public_budget=12", "assumptions.open_weights=0.7"], "draws": 300})");
  REQUIRE(what_if.set == std::vector<std::string>{"regions.KR.public_budget=12", "assumptions.open_weights=0.7"});
  REQUIRE(what_if.draws == 300);
  const auto empty = ParseWhatIf("");
  REQUIRE(empty.set.empty());
  REQUIRE(empty.draws == 1);
}

TEST_CASE("bad what-if requests are refused with a message naming the problem") {
  auto message = [](const std::string& body) {
    try {
      ParseWhatIf(body);
    } catch (const BadRequest& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  REQUIRE_THAT(message("{\"set\": [\"regions.KR.public_budget=12\""),
               Catch::StartsWith("request is not valid JSON: "));
  REQUIRE(message("[1, 2]") ==
          "request must be a JSON object like {\"set\": [\"regions.KR.public_budget=12\"], \"draws\": 1}");
  REQUIRE(message(R"({"set": "regions.KR.public_budget=12"})") == "\"set\" must be a list of \"path=value\" texts");
  REQUIRE(message(R"({"set": [12]})") ==
          "every item of \"set\" must be a text like \"regions.KR.public_budget=12\", got 12");
  REQUIRE(message(R"({"set": ["end_year=2090"]})") ==
          "override 'end_year=2090' is not allowed here: the explorer sets only regions.<code>.<lever> and "
          "assumptions.<name> paths");
  REQUIRE(message(R"({"set": ["name=../../etc"]})").find("is not allowed here") != std::string::npos);
  REQUIRE(message(R"({"draws": 0})") == "\"draws\" must be a whole number from 1 to 1000, got 0");
  REQUIRE(message(R"({"draws": 1001})") == "\"draws\" must be a whole number from 1 to 1000, got 1001");
  REQUIRE(message(R"({"draws": 2.5})") == "\"draws\" must be a whole number from 1 to 1000, got 2.5");
  REQUIRE(message(R"({"draws": 1, "seed": 3})") ==
          "unknown key \"seed\" in the request; expected \"scenario\", \"set\" and \"draws\"");
  REQUIRE(message(std::string(70000, ' ')) == "request body of 70000 bytes is over the 65536-byte limit");
  nlohmann::json many = {{"set", std::vector<std::string>(65, "regions.KR.public_budget=1")}};
  REQUIRE(message(many.dump()) == "\"set\" has 65 overrides; at most 64 are allowed");
  nlohmann::json long_one = {{"set", {"regions.KR.name=" + std::string(1000, 'x')}}};
  REQUIRE(message(long_one.dump()) == "an override is 1016 characters long; at most 1000 are allowed");
}

TEST_CASE("a what-if gives exactly the numbers of loading with the same --set overrides") {
  const std::vector<std::string> set = {
      "regions.KR.public_budget=12", "regions.KR.physical_focus=0.8",
      "regions.KR.public_allocation={compute: 0.5, talent: 0.2, data: 0.1, adoption: 0.1, power: 0.1}",
      "assumptions.algorithmic_progress=3.5"};
  const sim::Scenario what_if = sim::explore::ApplyWhatIf(Base(), {"", set, 1});
  const sim::Scenario loaded = sim::LoadScenario("world-2025", set);
  REQUIRE(sim::WriteResolvedYaml(what_if) == sim::WriteResolvedYaml(loaded));
  const sim::Results results = sim::RunSimulation(loaded);
  RequireSameNumbers(sim::explore::SeriesJson(sim::RunSimulation(what_if)), results);
  // And it differs from the base: the change reaches the charts.
  const sim::Results base = sim::RunSimulation(Base());
  const int kr = Base().RegionIndex("KR");
  REQUIRE(results.At(sim::Variable::kComputeStock, 5)(kr, 0) !=
          base.At(sim::Variable::kComputeStock, 5)(kr, 0));
}

TEST_CASE("the downloaded YAML reproduces the what-if's numbers exactly") {
  const sim::explore::WhatIf what_if{"", {"regions.CN.chip_access=0.9", "regions.US.start_delay=2"}, 1};
  const std::string yaml = sim::explore::WhatIfYaml(Base(), what_if);
  REQUIRE(yaml.find("name: \"world-2025-what-if\"") != std::string::npos);
  const sim::Scenario reloaded = sim::LoadScenarioFromString(yaml, "world-2025-what-if.yaml");
  REQUIRE(reloaded.name == "world-2025-what-if");
  RequireSameNumbers(sim::explore::SeriesJson(sim::RunSimulation(reloaded)),
                     sim::RunSimulation(sim::explore::ApplyWhatIf(Base(), what_if)));
}

TEST_CASE("a fan what-if returns the five quantiles of the Monte Carlo run, deterministic for the seed") {
  const sim::explore::WhatIf what_if{"", {"regions.KR.public_budget=20"}, 50};
  const nlohmann::json first = sim::explore::SeriesJson(sim::RunSimulation(sim::explore::ApplyWhatIf(Base(), what_if)));
  const nlohmann::json second = sim::explore::SeriesJson(sim::RunSimulation(sim::explore::ApplyWhatIf(Base(), what_if)));
  REQUIRE(first == second);
  REQUIRE(first["draws"] == 50);
  const nlohmann::json& capability = first["variables"][0];
  REQUIRE(capability["name"] == "Capability|Generative");
  for (int r = 0; r < 9; ++r) {
    for (int k = 0; k < 11; ++k) {
      REQUIRE(capability["p5"][r][k].get<double>() <= capability["p50"][r][k].get<double>());
      REQUIRE(capability["p50"][r][k].get<double>() <= capability["p95"][r][k].get<double>());
    }
  }
  // Uncertain assumptions spread the draws.
  REQUIRE(capability["p5"][0][10].get<double>() < capability["p95"][0][10].get<double>());
}

TEST_CASE("every slider's whole range is accepted by the loader") {
  const nlohmann::json levers = sim::explore::DescribeLevers(Base());
  REQUIRE(levers["regions"].size() == Base().regions.size());
  std::vector<nlohmann::json> all(levers["assumptions"].begin(), levers["assumptions"].end());
  for (const nlohmann::json& region : levers["regions"]) {
    REQUIRE(region["levers"].size() == 7);
    for (const nlohmann::json& lever : region["levers"]) all.push_back(lever);
  }
  for (const nlohmann::json& lever : all) {
    const std::string path = lever["path"];
    INFO(path);
    if (lever["kind"] == "allocation") {
      double sum = 0;
      for (const nlohmann::json& share : lever["shares"]) sum += share["value"].get<double>();
      REQUIRE(sum == Approx(1).margin(1e-6));
      continue;
    }
    const double min = lever["min"], max = lever["max"], value = lever["value"];
    REQUIRE(min <= value);
    REQUIRE(value <= max);
    REQUIRE(lever["step"].get<double>() > 0);
    for (double v : {min, max}) {
      sim::Scenario scenario = Base();
      REQUIRE_NOTHROW(sim::ApplyOverride(scenario, path + "=" + nlohmann::json(v).dump()));
    }
  }
}

TEST_CASE("the lever catalogue says where the scenario's question is: its focus and each region's currency") {
  const nlohmann::json korea = sim::explore::DescribeLevers(sim::LoadScenario("korea-2026-ai-budget"));
  REQUIRE(korea["focus"] == nlohmann::json::array({"KR"}));
  REQUIRE(korea["money_base_year"] == 2025);
  for (const nlohmann::json& region : korea["regions"]) {
    INFO(region["code"]);
    if (region["code"] == "KR") REQUIRE(region["currency"] == nlohmann::json({{"code", "KRW"}, {"per_usd", 1400.0}}));
    if (region["code"] == "US") REQUIRE(region["currency"] == nlohmann::json({{"code", "USD"}, {"per_usd", 1.0}}));
    // Only the budget is money; deliveries are accelerators.
    for (const nlohmann::json& lever : region["levers"]) {
      REQUIRE(lever.value("money", false) == (lever["key"] == "public_budget"));
    }
  }
  REQUIRE(sim::explore::DescribeLevers(Base())["focus"] == nlohmann::json::array());
}

TEST_CASE("the routes answer 400 with the loader's located message for an out-of-range lever") {
  const auto answer = sim::explore::Route(Base(), Lane(), "POST", "/api/run", R"({"set": ["regions.KR.chip_access=1.5"]})");
  REQUIRE(answer.status == 400);
  REQUIRE(nlohmann::json::parse(answer.body)["error"] ==
          "--set:1:24: error: chip_access = 1.5. Violated constraint: chip_access <= 1\n"
          "hint: chip_access: price-performance of imported accelerators vs the open market (schedule); share; allowed in [0, 1]");
  const auto typo = sim::explore::Route(Base(), Lane(), "POST", "/api/run", R"({"set": ["regions.KR.public_budgte=1"]})");
  REQUIRE(typo.status == 400);
  REQUIRE_THAT(nlohmann::json::parse(typo.body)["error"].get<std::string>(),
               Catch::Contains("did you mean 'regions.KR.public_budget'?"));
}

TEST_CASE("the routes serve the page, the levers, runs and the YAML, and nothing else") {
  using sim::explore::Route;
  const auto page = Route(Base(), Lane(), "GET", "/", "");
  REQUIRE(page.status == 200);
  REQUIRE(page.content_type == "text/html; charset=utf-8");
  REQUIRE(page.body.find("\"assets/explore.js\"") != std::string::npos);
  const auto chart_library = Route(Base(), Lane(), "GET", "/assets/uPlot.iife.min.js", "");
  REQUIRE(chart_library.status == 200);
  REQUIRE(chart_library.body.find("uPlot") != std::string::npos);
  REQUIRE(Route(Base(), Lane(), "GET", "/api/levers", "").status == 200);
  const auto run = Route(Base(), Lane(), "POST", "/api/run", R"({"set": []})");
  REQUIRE(run.status == 200);
  RequireSameNumbers(nlohmann::json::parse(run.body), sim::RunSimulation(Base()));
  const auto yaml = Route(Base(), Lane(), "POST", "/api/yaml", R"({"set": ["regions.KR.public_budget=12"]})");
  REQUIRE(yaml.status == 200);
  REQUIRE(yaml.filename == "world-2025-what-if.yaml");
  for (const char* path : {"/assets/../CMakeLists.txt", "/assets/%2e%2e/%2e%2e/etc/passwd", "/etc/passwd",
                           "/assets/", "/assets/explore.js/", "/results/world-2025/timeseries.csv"}) {
    INFO(path);
    REQUIRE(Route(Base(), Lane(), "GET", path, "").status == 404);
  }
  REQUIRE(Route(Base(), Lane(), "GET", "/api/run", "").status == 405);
  REQUIRE(Route(Base(), Lane(), "POST", "/api/levers", "").status == 405);
  REQUIRE(Route(Base(), Lane(), "DELETE", "/", "").status == 405);
  REQUIRE(Route(Base(), Lane(), "POST", "/api/run", "not json").status == 400);
}

TEST_CASE("the routes open any shipped scenario by its exact name, and nothing else") {
  using sim::explore::Route;
  const auto list = nlohmann::json::parse(Route(Base(), Lane(), "GET", "/api/scenarios", "").body)["scenarios"];
  REQUIRE(list.size() == sim::ListShippedScenarios().size());  // the base is one of them
  CHECK(list[0]["name"] == "world-2025");
  // The levers and a run of a shipped scenario are its own: exactly `aisim run NAME`.
  const auto levers = Route(Base(), Lane(), "GET", "/api/levers/korea-2026-ai-budget", "");
  REQUIRE(levers.status == 200);
  CHECK(nlohmann::json::parse(levers.body)["scenario"] == "korea-2026-ai-budget");
  const auto run = Route(Base(), Lane(), "POST", "/api/run", R"({"scenario": "korea-2026-ai-budget", "set": []})");
  REQUIRE(run.status == 200);
  RequireSameNumbers(nlohmann::json::parse(run.body), sim::RunSimulation(sim::LoadScenario("korea-2026-ai-budget")));
  const auto yaml = Route(Base(), Lane(), "POST", "/api/yaml", R"({"scenario": "korea-2026-ai-budget", "set": []})");
  CHECK(yaml.filename == "korea-2026-ai-budget-what-if.yaml");
  // A name is looked up, never opened as a path.
  for (const char* name : {"../CMakeLists", "/etc/passwd", "scenarios/world-2025.yaml", "korea", "WORLD-2025"}) {
    INFO(name);
    CHECK(Route(Base(), Lane(), "GET", std::string("/api/levers/") + name, "").status == 400);
    const auto refused = Route(Base(), Lane(), "POST", "/api/run",
                               nlohmann::json{{"scenario", name}, {"set", nlohmann::json::array()}}.dump());
    CHECK(refused.status == 400);
    CHECK(refused.body.find("unknown scenario") != std::string::npos);
  }
}

TEST_CASE("the routes answer 4xx with a JSON message for bytes that are not UTF-8") {
  using sim::explore::Route;
  // Found by an outside attack: these answered 500, as dump() threw on the
  // message that quoted them.
  for (const std::string path : {"/\xff", "/assets/\xc3\x28", "/api/\xff\xfe"}) {
    const auto answer = Route(Base(), Lane(), "GET", path, "");
    REQUIRE(answer.status == 404);
    REQUIRE_THAT(nlohmann::json::parse(answer.body)["error"].get<std::string>(),
                 Catch::StartsWith("no such"));
  }
  for (const std::string body : {"\xff", "{\"set\": [\"regions.KR.\xff=1\"]}", "{\"\xc3\x28\": 1}",
                                 "{\"set\": [\"regions.\xed\xa0\x80=1\"]}"}) {
    const auto answer = Route(Base(), Lane(), "POST", "/api/run", body);
    REQUIRE(answer.status == 400);
    REQUIRE_THAT(nlohmann::json::parse(answer.body)["error"].get<std::string>(),
                 Catch::StartsWith("request is not valid JSON"));
  }
}

TEST_CASE("a number too large for a double is a 400 with a JSON message, not a 500") {
  using sim::explore::Route;
  // Found by fuzz_explore_request: the parser throws out_of_range (406), not
  // parse_error, for such a number, and it answered 500.
  for (const std::string body : {"{\"draws\": 1e400}", "88800000E000626526845031}"}) {
    const auto answer = Route(Base(), Lane(), "POST", "/api/yaml", body);
    REQUIRE(answer.status == 400);
    REQUIRE_THAT(nlohmann::json::parse(answer.body)["error"].get<std::string>(),
                 Catch::StartsWith("request has a number too large for a double: "));
  }
  REQUIRE_THROWS_WITH(ParseWhatIf(R"({"set": [], "draws": -1e309})"),
                      "request has a number too large for a double: [json.exception.out_of_range.406] "
                      "number overflow parsing '-1e309'");
}

TEST_CASE("a run of many draws waits for the heavy lane and is refused with 503 when it is full") {
  sim::explore::HeavyLane lane(1, 0, std::chrono::milliseconds(0));
  const std::string heavy = "{\"draws\": " + std::to_string(sim::explore::kMaxCheapDraws + 1) + "}";
  const std::string cheap = "{\"draws\": " + std::to_string(sim::explore::kMaxCheapDraws) + "}";
  {
    const auto held = lane.Enter();  // another request's heavy run
    REQUIRE(held);
    const auto refused = sim::explore::Route(Base(), lane, "POST", "/api/run", heavy);
    REQUIRE(refused.status == 503);
    REQUIRE_THAT(nlohmann::json::parse(refused.body)["error"].get<std::string>(),
                 Catch::StartsWith("the server is busy"));
    REQUIRE(sim::explore::Route(Base(), lane, "POST", "/api/run", cheap).status == 200);
  }
  REQUIRE(sim::explore::Route(Base(), lane, "POST", "/api/run", heavy).status == 200);
}
