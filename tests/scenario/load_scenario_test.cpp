#include "sim/scenario/load_scenario.hpp"
#include "sim/scenario/fields.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <variant>

#include "sim/error.hpp"
#include "sim/scenario/fields.hpp"

namespace sim {
namespace {

namespace fs = std::filesystem;

// Money conversion is a product of three roundings and a pow(); 1e-14
// relative is a few ulps.
constexpr double kTolerance = 1e-14;
// Nominal values taken as the median of a distribution go through Boost's
// cdf/quantile; they are exact to ~1e-12 only.
constexpr double kLooseTolerance = 1e-12;

// A complete scenario: two regions, every assumption, an alliance and an
// observation. Tests that need a base extend it.
const char* const kBase = R"(name: base
description: "test base"
start_year: 2025
end_year: 2035
draws: 1
seed: 7
money:
  base_year: 2025
  inflation: 0.02
  per_usd: {KRW: 1400, EUR: 0.9}
assumptions:
  hardware_price_performance_growth: {value: 1.35, dist: normal, mean: 1.35, sd: 0.05, min: 1.1, max: 1.6}
  capex_per_h100e: {dist: lognormal, median: 40000, sigma: 0.25, min: 10000, max: 160000}
  compute_depreciation: {dist: uniform, min: 0.15, max: 0.3}
  chip_supply: 8.5e6
  chip_supply_growth: 1.64
  kw_per_h100e: {dist: triangular, min: 1.2, mode: 1.4, max: 1.8}
  energy_efficiency_growth: 1.3
  flops_per_h100e: 9.89e14
  utilization: 0.4
  largest_cluster_share: 0.023
  training_run_days: 126
  training_run_growth: 1.4
  max_training_run_days: 270
  algorithmic_progress: 2.8
  max_diffusion_lag: 3
  lag_per_talent_halving: 0.5
  open_weights: 0.5
  open_model_lag: 0.5
  market_temperature_generative: 0.5
  market_temperature_physical: 0.5
  physical_home_bias: 0
  market_size_multiplier: 1
  market_lock_in: 0
  reinvestment_rate: 0.3
  private_physical_share: 0.15
  private_boom: 0
  private_boom_half_life: 5
  capital_follows_share: 0
  researcher_mobility: 0.05
  home_bias: 2
  attraction_compute_weight: 0.5
  attraction_money_weight: 0.5
  talent_agglomeration: 0
  researcher_growth: 0.08
  cost_per_researcher: 1.0e6
  cost_per_gw: 12
  robot_cost: 100000
  robot_service_life: 12
  robot_installation_growth: 0.068
  max_robot_density: 2867
  robot_learning_rate: 0
  physical_data_decay: 0.2
  cost_per_robot_year_data: 50000
  generative_data_growth: 0.05
  cost_per_trillion_tokens: 1
  physical_generative_weight: 0.5
  physical_data_elasticity: 1
  data_flywheel: 0
  sovereignty_scale: 1
  sovereignty_data_weight: 0.5
  market_size_generative: {2025: 150, 2030: 600}
  market_size_physical: 80
  frontier_run_history: {2023: 5.0e25, 2024: 5.3e25}
regions:
  KR:
    name: South Korea
    public_budget: {value: 1.8, unit: KRW tn}
    public_allocation: {compute: 0.4, talent: 0.2, data: 0.15, adoption: 0.15, power: 0.1}
    physical_focus: 0.4
    gpu_deliveries: 0
    chip_access: 1.0
    power_growth: 0.15
    start_delay: 0
    private_investment: 6
    private_growth: 0.1
    private_allocation: {compute: 0.7, talent: 0.1, data: 0.05, adoption: 0.1, power: 0.05}
    compute_stock: 4.0e4
    compute_physical_share: 0.05
    power_capacity: 0.062
    researchers: 500
    robots: 440000
    robot_installations: 31000
    manufacturing_employment: 4000000
    manufacturing_value_added: 500
    generative_data: 1
    algorithmic_efficiency: 1.0
    home_advantage: 1.5
    market_access: 1.0
  US:
    name: United States
    public_budget: 3.3
    public_allocation: {compute: 0.3, talent: 0.35, data: 0.1, adoption: 0.15, power: 0.1}
    physical_focus: 0.2
    gpu_deliveries: 0
    chip_access: 1.0
    power_growth: {2025: 8, 2030: 15}
    start_delay: 0
    private_investment: 300
    private_growth: 0.1
    private_allocation: {compute: 0.7, talent: 0.1, data: 0.05, adoption: 0.1, power: 0.05}
    compute_stock: 4.9e6
    compute_physical_share: 0.05
    power_capacity: 8.5
    researchers: 10500
    robots: 363000
    robot_installations: 38000
    manufacturing_employment: 4000000
    manufacturing_value_added: 500
    generative_data: 30
    algorithmic_efficiency: 1.0
    home_advantage: 0.5
    market_access: 1.0
alliances:
  kr-us: {members: [KR, US], compute_share: 0.1, data_share: 0.2, talent_share: 0.05}
observations:
  - {region: US, variable: "Compute|Stock", year: 2024, value: 4.7e6, unit: H100e, source: "Epoch AI", tolerance: {relative: 0.5}}
)";

// A fresh folder under the system temp directory, removed with the object.
class TempFolder {
 public:
  TempFolder() {
    static int counter = 0;
    path_ = fs::temp_directory_path() / ("aisim_load_scenario_test_" + std::to_string(::getpid()) +
                                         "_" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~TempFolder() { fs::remove_all(path_); }

  // Writes `text` to `name` in the folder; returns the file's path.
  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name) << text;
    return Path(name);
  }
  std::string Path(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// The full text of the ScenarioError `load` raises, or "no error".
std::string ErrorOf(const std::function<void()>& load) {
  try {
    load();
  } catch (const ScenarioError& error) {
    return error.what();
  }
  return "no error";
}

// Loads `child` (written as child.yaml next to base.yaml = kBase).
Scenario LoadChild(const TempFolder& folder, const std::string& child,
                   const std::vector<std::string>& overrides = {}) {
  folder.Write("base.yaml", kBase);
  return LoadScenario(folder.Write("child.yaml", child), overrides);
}

std::string ChildError(const TempFolder& folder, const std::string& child,
                       const std::vector<std::string>& overrides = {}) {
  return ErrorOf([&] { LoadChild(folder, child, overrides); });
}

// "line:column" (1-based) of the first occurrence of `needle` in `text`.
std::string PositionIn(const std::string& text, const std::string& needle) {
  const size_t offset = text.find(needle);
  REQUIRE(offset != std::string::npos);
  const size_t line_start = text.rfind('\n', offset);
  const size_t column = line_start == std::string::npos ? offset : offset - line_start - 1;
  const long line = std::count(text.begin(), text.begin() + offset, '\n');
  return std::to_string(line + 1) + ":" + std::to_string(column + 1);
}

bool SameBits(double a, double b) {
  std::uint64_t x, y;
  std::memcpy(&x, &a, sizeof x);
  std::memcpy(&y, &b, sizeof y);
  return x == y;
}

const ParamInfo* FindParam(const std::vector<ParamInfo>& params, const std::string& path) {
  for (const ParamInfo& param : params) {
    if (param.path == path) return &param;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// Reading and merging.

TEST_CASE("loader reads every kind of field of a complete scenario") {
  const Scenario s = LoadScenarioFromString(kBase, "base.yaml");
  CHECK(s.name == "base");
  CHECK(s.description == "test base");
  CHECK(s.seed == 7);
  CHECK(s.Years() == 11);
  REQUIRE(s.regions.size() == 2);
  CHECK(s.regions[0].code == "KR");
  CHECK(s.regions[1].code == "US");
  const Region& us = s.regions[1];
  CHECK(us.name == "United States");
  CHECK(us.public_budget.At(2030) == 3.3);
  CHECK(us.power_growth.At(2027.5) == Approx(11.5).epsilon(kTolerance));
  CHECK(us.public_allocation.talent == 0.35);
  CHECK(us.compute_stock == 4.9e6);
  CHECK(s.assumptions.flops_per_h100e.value == 9.89e14);
  CHECK(s.assumptions.flops_per_h100e.distribution.kind == Distribution::Kind::kNone);
  CHECK(s.assumptions.market_size_physical.At(2031) == 80);
  REQUIRE(s.alliances.size() == 1);
  CHECK(s.alliances[0].name == "kr-us");
  CHECK(s.alliances[0].members == std::vector<std::string>{"KR", "US"});
  CHECK(s.alliances[0].data_share == 0.2);
  REQUIRE(s.observations.size() == 1);
  CHECK(s.observations[0].variable == "Compute|Stock");
  CHECK(s.observations[0].tolerance_kind == Observation::ToleranceKind::kRelative);
  CHECK(s.observations[0].tolerance == 0.5);
  CHECK(s.money.per_usd.at("KRW") == 1400);
}

TEST_CASE("loader reads distributions with their nominal value") {
  const Assumptions a = LoadScenarioFromString(kBase, "base.yaml").assumptions;
  const Distribution& growth = a.hardware_price_performance_growth.distribution;
  CHECK(growth.kind == Distribution::Kind::kNormal);
  CHECK(growth.mean == 1.35);
  CHECK(growth.sd == 0.05);
  CHECK(growth.truncated_below);
  CHECK(growth.lower == 1.1);
  CHECK(growth.truncated_above);
  CHECK(growth.upper == 1.6);
  CHECK(a.hardware_price_performance_growth.value == 1.35);
  // Without `value:` the nominal value is the distribution's median.
  CHECK(a.capex_per_h100e.distribution.kind == Distribution::Kind::kLognormal);
  CHECK(a.capex_per_h100e.value == Approx(40000).epsilon(kLooseTolerance));
  CHECK(a.compute_depreciation.value == Approx(0.225).epsilon(kLooseTolerance));
  CHECK(a.kw_per_h100e.distribution.mode == 1.4);
  // F(mode) = 1/3 < 0.5, so the median lies above the mode.
  CHECK(a.kw_per_h100e.value == Approx(1.8 - std::sqrt(0.5 * 0.6 * 0.4)).epsilon(kLooseTolerance));
}

TEST_CASE("money converts currency, magnitude and year to USD bn at base-year prices") {
  TempFolder folder;
  const Scenario s = LoadChild(folder, R"(extends: base.yaml
regions:
  KR:
    public_budget: {2025: {value: 1.8, unit: KRW tn}, 2026: {value: 10.1, unit: KRW trillion, year: 2023}}
    private_investment: {value: 3.1e9, unit: USD}
  US:
    public_budget: {value: 900, unit: EUR million, year: 2027}
    private_investment: {value: 250, unit: USD bn}
)");
  const Region& kr = s.regions[0];
  const Region& us = s.regions[1];
  CHECK(kr.public_budget.At(2025) == Approx(1.8e12 / 1e9 / 1400).epsilon(kTolerance));
  CHECK(kr.public_budget.At(2026) ==
        Approx(10.1e12 / 1e9 / 1400 * 1.02 * 1.02).epsilon(kTolerance));
  CHECK(kr.private_investment == Approx(3.1).epsilon(kTolerance));
  CHECK(us.public_budget.At(2030) == Approx(0.9 / 0.9 / (1.02 * 1.02)).epsilon(kTolerance));
  // USD bn at the base year is exactly the number written.
  CHECK(us.private_investment == 250);
}

TEST_CASE("a layer's money block converts that layer's money, not its base's") {
  TempFolder folder;
  const Scenario s = LoadChild(folder, R"(extends: base.yaml
money:
  per_usd: {KRW: 1000}
regions:
  US:
    public_budget: {value: 2, unit: KRW tn}
)");
  CHECK(s.money.per_usd.at("KRW") == 1000);
  CHECK(s.money.per_usd.at("EUR") == 0.9);  // per_usd merges
  CHECK(s.regions[1].public_budget.At(2025) == Approx(2).epsilon(kTolerance));
  CHECK(s.regions[0].public_budget.At(2025) == Approx(1.8e3 / 1400).epsilon(kTolerance));
}

TEST_CASE("a child merges maps with its base and replaces scalars, schedules and lists") {
  TempFolder folder;
  const Scenario s = LoadChild(folder, R"(extends: base.yaml
end_year: 2040
assumptions:
  utilization: {dist: uniform, min: 0.3, max: 0.5}
regions:
  KR:
    public_budget: {2026: 7, 2030: 12}
    public_allocation: {compute: 0.5, talent: 0.1}
  JP:
    name: Japan
    public_budget: 1
    public_allocation: {compute: 0.4, talent: 0.2, data: 0.15, adoption: 0.15, power: 0.1}
    physical_focus: 0.5
    gpu_deliveries: 0
    chip_access: 1.0
    power_growth: 0.5
    start_delay: 1
    private_investment: 9
    private_growth: 0.1
    private_allocation: {compute: 0.7, talent: 0.1, data: 0.05, adoption: 0.1, power: 0.05}
    compute_stock: 1.0e5
    compute_physical_share: 0.05
    power_capacity: 0.18
    researchers: 500
    robots: 445000
    robot_installations: 44500
    manufacturing_employment: 4000000
    manufacturing_value_added: 500
    generative_data: 3
    algorithmic_efficiency: 1.0
    home_advantage: 1.5
    market_access: 1.0
alliances:
  kr-us: {members: [KR, US, JP]}
observations: []
)");
  CHECK(s.end_year == 2040);
  CHECK(s.start_year == 2025);
  CHECK(s.assumptions.utilization.value == Approx(0.4).epsilon(kLooseTolerance));
  CHECK(s.assumptions.training_run_days.value == 126);
  REQUIRE(s.regions.size() == 3);
  const Region& kr = s.regions[0];
  CHECK(kr.public_budget.points == std::map<int, double>{{2026, 7}, {2030, 12}});
  CHECK(kr.public_allocation.compute == 0.5);
  CHECK(kr.public_allocation.talent == 0.1);
  CHECK(kr.public_allocation.data == 0.15);  // from the base
  CHECK(kr.name == "South Korea");
  CHECK(kr.compute_stock == 4.0e4);
  CHECK(s.regions[2].code == "JP");  // new regions follow the base's, in file order
  CHECK(s.regions[2].start_delay == 1);
  CHECK(s.alliances[0].members == std::vector<std::string>{"KR", "US", "JP"});
  CHECK(s.alliances[0].compute_share == 0.1);
  CHECK(s.observations.empty());
}

TEST_CASE("name and description describe a file and are not inherited") {
  TempFolder folder;
  const Scenario s = LoadChild(folder, "extends: base.yaml\n");
  CHECK(s.name == "child");
  CHECK(s.description.empty());
  CHECK(LoadChild(folder, "extends: base.yaml\nname: kr-plan\n").name == "kr-plan");
}

TEST_CASE("extends resolves relative to the extending file's folder") {
  TempFolder folder;
  fs::create_directories(folder.Path("deep"));
  folder.Write("base.yaml", kBase);
  folder.Write("deep/middle.yaml", "extends: ../base.yaml\nseed: 3\n");
  const Scenario s =
      LoadScenario(folder.Write("deep/top.yaml", "extends: middle.yaml\ndraws: 100\n"));
  CHECK(s.seed == 3);
  CHECK(s.draws == 100);
  CHECK(s.name == "top");
}

TEST_CASE("extends chains of 32 files load") {
  TempFolder folder;
  folder.Write("f31.yaml", kBase);
  for (int i = 30; i >= 0; --i) {
    folder.Write("f" + std::to_string(i) + ".yaml",
                 "extends: f" + std::to_string(i + 1) + ".yaml\n");
  }
  CHECK(LoadScenario(folder.Path("f0.yaml")).regions.size() == 2);
}

TEST_CASE("shipped scenarios load by name, with or without .yaml") {
  const std::vector<ShippedScenario> shipped = ListShippedScenarios();
  REQUIRE(!shipped.empty());
  for (size_t i = 1; i < shipped.size(); ++i) CHECK(shipped[i - 1].name < shipped[i].name);
  for (const ShippedScenario& entry : shipped) {
    CHECK(!entry.description.empty());
    CHECK(LoadScenario(entry.name).name == entry.name);
    CHECK(LoadScenario(entry.name + ".yaml").name == entry.name);
  }
}

TEST_CASE("RegionIndex finds a region by code and returns -1 for an unknown code") {
  const Scenario s = LoadScenarioFromString(kBase, "base.yaml");
  CHECK(s.RegionIndex("KR") == 0);
  CHECK(s.RegionIndex("US") == 1);
  CHECK(s.RegionIndex("JP") == -1);
}

// ---------------------------------------------------------------------------
// Overrides.

TEST_CASE("overrides change top-level scalars, assumptions, schedules and shares") {
  TempFolder folder;
  const Scenario s =
      LoadChild(folder, "extends: base.yaml\n",
                {"end_year=2040", "assumptions.utilization=0.45",
                 "regions.KR.public_budget={2026: 7, 2030: 12}", "regions.US.private_investment=12",
                 "regions.KR.public_allocation.compute=0.3",
                 "regions.KR.public_allocation.talent=0.3", "alliances.kr-us.members=[US, KR]"});
  CHECK(s.end_year == 2040);
  CHECK(s.assumptions.utilization.value == 0.45);
  CHECK(s.regions[0].public_budget.At(2028) == Approx(9.5).epsilon(kTolerance));
  CHECK(s.regions[1].private_investment == 12);
  // Shares are checked after all overrides: each alone breaks the sum.
  CHECK(s.regions[0].public_allocation.compute == 0.3);
  CHECK(s.regions[0].public_allocation.talent == 0.3);
  CHECK(s.alliances[0].members == std::vector<std::string>{"US", "KR"});
}

TEST_CASE("an override replaces a distribution with a plain value") {
  TempFolder folder;
  const Scenario s =
      LoadChild(folder, "extends: base.yaml\n", {"assumptions.capex_per_h100e=30000"});
  CHECK(s.assumptions.capex_per_h100e.value == 30000);
  CHECK(s.assumptions.capex_per_h100e.distribution.kind == Distribution::Kind::kNone);
}

TEST_CASE("ApplyOverride changes a loaded scenario and re-validates it") {
  Scenario s = LoadScenarioFromString(kBase, "base.yaml");
  ApplyOverride(s, "regions.KR.public_budget=12");
  CHECK(s.regions[0].public_budget.At(2030) == 12);
  ApplyOverride(
      s, "regions.US.public_allocation={compute: 1, talent: 0, data: 0, adoption: 0, power: 0}");
  CHECK(s.regions[1].public_allocation.compute == 1);

  const Scenario before = s;
  CHECK(ErrorOf([&] { ApplyOverride(s, "regions.KR.public_allocation.compute=0.5"); }) ==
        "--set:1:1: error: public_allocation of region KR sums to 1.1, not 1\n"
        "hint: compute 0.5 (--set:1:38) + talent 0.2 (loaded scenario) + data 0.15 (loaded "
        "scenario) + "
        "adoption 0.15 (loaded scenario) + power 0.1 (loaded scenario) = 1.1");
  CHECK(s.regions[0].public_allocation.compute == before.regions[0].public_allocation.compute);
}

// ---------------------------------------------------------------------------
// ListParams and the resolved YAML.

TEST_CASE("ListParams lists every settable leaf with its value and unit") {
  const std::vector<ParamInfo> params = ListParams(LoadScenarioFromString(kBase, "base.yaml"));
  // 7 top-level fields (focus included), every assumption of the loader's
  // table, per region 27 fields + 2 x 5 shares, per alliance 4.
  CHECK(params.size() == internal::ScenarioFields().size() + internal::AssumptionFields().size() +
                             2 * (27 + 10) + 4);
  CHECK(internal::ScenarioFields().size() == 7);

  const ParamInfo* budget = FindParam(params, "regions.US.power_growth");
  REQUIRE(budget != nullptr);
  CHECK(budget->value == "{2025: 8, 2030: 15}");
  CHECK(budget->unit == "GW / yr");
  const ParamInfo* share = FindParam(params, "regions.KR.public_allocation.compute");
  REQUIRE(share != nullptr);
  CHECK(share->value == "0.4");
  CHECK(share->unit == "share");
  const ParamInfo* growth = FindParam(params, "assumptions.hardware_price_performance_growth");
  REQUIRE(growth != nullptr);
  CHECK(growth->value == "{value: 1.35, dist: normal, mean: 1.35, sd: 0.05, min: 1.1, max: 1.6}");
  CHECK(FindParam(params, "regions.US.public_budget")->value == "3.3");
  CHECK(FindParam(params, "regions.US.public_budget")->unit == "USD bn / yr");
  CHECK(FindParam(params, "regions.KR.name")->value == "\"South Korea\"");
  CHECK(FindParam(params, "alliances.kr-us.members")->value == "[KR, US]");
  CHECK(FindParam(params, "end_year")->value == "2035");
  CHECK(FindParam(params, "regions.KR.public_allocation") == nullptr);
  CHECK(FindParam(params, "money.inflation") == nullptr);
}

// Every field of two scenarios, doubles compared bit for bit.
void CheckIdentical(const Scenario& a, const Scenario& b) {
  const auto same_schedule = [](const Schedule& x, const Schedule& y) {
    if (x.points.size() != y.points.size()) return false;
    for (auto i = x.points.begin(), j = y.points.begin(); i != x.points.end(); ++i, ++j) {
      if (i->first != j->first || !SameBits(i->second, j->second)) return false;
    }
    return true;
  };
  const auto same_allocation = [](const Allocation& x, const Allocation& y) {
    return SameBits(x.compute, y.compute) && SameBits(x.talent, y.talent) &&
           SameBits(x.data, y.data) && SameBits(x.adoption, y.adoption) &&
           SameBits(x.power, y.power);
  };
  const auto same_assumption = [](const Assumption& x, const Assumption& y) {
    const Distribution& p = x.distribution;
    const Distribution& q = y.distribution;
    return SameBits(x.value, y.value) && p.kind == q.kind && SameBits(p.mean, q.mean) &&
           SameBits(p.sd, q.sd) && SameBits(p.median, q.median) && SameBits(p.sigma, q.sigma) &&
           SameBits(p.min, q.min) && SameBits(p.mode, q.mode) && SameBits(p.max, q.max) &&
           p.truncated_below == q.truncated_below && p.truncated_above == q.truncated_above &&
           SameBits(p.lower, q.lower) && SameBits(p.upper, q.upper);
  };
  CHECK(a.name == b.name);
  CHECK(a.description == b.description);
  CHECK(a.start_year == b.start_year);
  CHECK(a.end_year == b.end_year);
  CHECK(a.draws == b.draws);
  CHECK(a.seed == b.seed);
  CHECK(a.money.base_year == b.money.base_year);
  CHECK(SameBits(a.money.inflation, b.money.inflation));
  CHECK(a.money.per_usd == b.money.per_usd);
  const Assumptions& x = a.assumptions;
  const Assumptions& y = b.assumptions;
  // Every assumption the loader knows, from its own field table, so that a new
  // one is compared without being listed here.
  for (const internal::Field<Assumptions>& field : internal::AssumptionFields()) {
    INFO(field.key);
    if (const auto* member = std::get_if<Assumption Assumptions::*>(&field.member)) {
      CHECK(same_assumption(x.**member, y.**member));
    } else if (const auto* schedule = std::get_if<Schedule Assumptions::*>(&field.member)) {
      CHECK(same_schedule(x.**schedule, y.**schedule));
    } else {
      FAIL("assumption field of an unexpected type: " << field.key);
    }
  }
  REQUIRE(a.regions.size() == b.regions.size());
  for (size_t r = 0; r < a.regions.size(); ++r) {
    const Region& p = a.regions[r];
    const Region& q = b.regions[r];
    CHECK(p.code == q.code);
    CHECK(p.name == q.name);
    for (Schedule Region::*member :
         {&Region::public_budget, &Region::physical_focus, &Region::gpu_deliveries,
          &Region::chip_access, &Region::power_growth, &Region::private_growth,
          &Region::robot_installations, &Region::manufacturing_employment, &Region::manufacturing_value_added}) {
      CHECK(same_schedule(p.*member, q.*member));
    }
    CHECK(same_allocation(p.public_allocation, q.public_allocation));
    CHECK(same_allocation(p.private_allocation, q.private_allocation));
    for (double Region::*member :
         {&Region::start_delay, &Region::private_investment,
          &Region::compute_stock, &Region::compute_physical_share, &Region::power_capacity,
          &Region::researchers, &Region::robots,
          &Region::generative_data, &Region::algorithmic_efficiency,
          &Region::home_advantage,
          &Region::market_access}) {
      CHECK(SameBits(p.*member, q.*member));
    }
  }
  REQUIRE(a.alliances.size() == b.alliances.size());
  for (size_t i = 0; i < a.alliances.size(); ++i) {
    CHECK(a.alliances[i].name == b.alliances[i].name);
    CHECK(a.alliances[i].members == b.alliances[i].members);
    CHECK(SameBits(a.alliances[i].compute_share, b.alliances[i].compute_share));
    CHECK(SameBits(a.alliances[i].data_share, b.alliances[i].data_share));
    CHECK(SameBits(a.alliances[i].talent_share, b.alliances[i].talent_share));
  }
  REQUIRE(a.observations.size() == b.observations.size());
  for (size_t i = 0; i < a.observations.size(); ++i) {
    const Observation& p = a.observations[i];
    const Observation& q = b.observations[i];
    CHECK((p.region == q.region && p.variable == q.variable && p.year == q.year &&
           SameBits(p.value, q.value) && p.unit == q.unit && p.source == q.source &&
           p.tolerance_kind == q.tolerance_kind && SameBits(p.tolerance, q.tolerance)));
  }
}

TEST_CASE("resolved YAML loads back to a bit-identical scenario") {
  TempFolder folder;
  // Converted money and medians of distributions are doubles with 17
  // significant digits: the cases that need round-trip formatting.
  const Scenario original = LoadChild(folder, R"(extends: base.yaml
description: "quotes \" and backslashes \\ survive"
money:
  inflation: 0.031
regions:
  KR:
    public_budget: {2025: {value: 1.8, unit: KRW tn, year: 2021}, 2026: {value: 10.1, unit: KRW tn}}
    gpu_deliveries: {2030: 0.1}
assumptions:
  utilization: {dist: normal, mean: 0.4, sd: 0.1, min: 0.05, max: 0.95}
  open_weights: {dist: triangular, min: 0.2, mode: 0.3, max: 0.8}
)");
  const std::string yaml = WriteResolvedYaml(original);
  const Scenario reloaded = LoadScenarioFromString(yaml, "resolved.yaml");
  CheckIdentical(original, reloaded);
  CHECK(WriteResolvedYaml(reloaded) == yaml);
}

TEST_CASE("every shipped scenario round-trips through resolved YAML") {
  for (const ShippedScenario& shipped : ListShippedScenarios()) {
    const Scenario original = LoadScenario(shipped.name);
    CheckIdentical(original, LoadScenarioFromString(WriteResolvedYaml(original), "resolved.yaml"));
  }
}

// ---------------------------------------------------------------------------
// Errors: each message is checked in full, position included.

TEST_CASE("loader rejects unknown keys with a did-you-mean") {
  TempFolder folder;
  const std::string child = folder.Path("child.yaml");
  CHECK(ChildError(folder, "extends: base.yaml\nend_yaer: 2030\n") ==
        child +
            ":2:1: error: unknown key 'end_yaer' in the scenario\nhint: did you mean 'end_year'?");
  CHECK(ChildError(folder, "extends: base.yaml\nregions:\n  KR:\n    public_budgte: 3\n") ==
        child +
            ":4:5: error: unknown key 'public_budgte' in region KR\nhint: did you mean "
            "'public_budget'?");
  CHECK(ChildError(folder, "extends: base.yaml\nassumptions:\n  utilisation: 0.3\n") ==
        child +
            ":3:3: error: unknown key 'utilisation' in assumptions\nhint: did you mean "
            "'utilization'?");
  CHECK(
      ChildError(folder,
                 "extends: base.yaml\nregions:\n  KR:\n    public_allocation: {compute: 0.4, "
                 "talnet: 0.2}\n") ==
      child +
          ":4:39: error: unknown key 'talnet' in public_allocation\nhint: did you mean 'talent'?");
}

TEST_CASE("a key an earlier aisim read says what replaced it") {
  // A scenario written for the weighted physical index of v1 fails with the
  // new field's name, not a guess at a similar-looking key.
  TempFolder folder;
  CHECK(ChildError(folder, "extends: base.yaml\nassumptions:\n  physical_compute_weight: 0.4\n") ==
        folder.Path("child.yaml") +
            ":3:3: error: unknown key 'physical_compute_weight' in assumptions\nhint: "
            "physical_compute_weight was removed: a robot model's compute weight is now 1 - "
            "physical_generative_weight (docs/MODEL.md, step 6)");
  CHECK(ChildError(folder, "extends: base.yaml\nassumptions:\n  physical_data_weight: 0.3\n") ==
        folder.Path("child.yaml") +
            ":3:3: error: unknown key 'physical_data_weight' in assumptions\nhint: "
            "physical_data_weight was replaced by physical_data_elasticity, in log10 effective compute "
            "per tenfold robot data (docs/MODEL.md, step 6)");
}

TEST_CASE("loader lists the valid keys when no key is close") {
  TempFolder folder;
  CHECK(ChildError(folder, "extends: base.yaml\nmoney:\n  exchange: 3\n") ==
        folder.Path("child.yaml") +
            ":3:3: error: unknown key 'exchange' in money\nhint: valid keys: base_year, inflation, "
            "per_usd");
}

TEST_CASE("loader rejects repeated keys") {
  TempFolder folder;
  CHECK(ChildError(folder, "extends: base.yaml\nseed: 1\nseed: 2\n") ==
        folder.Path("child.yaml") +
            ":3:1: error: duplicate key 'seed' in the scenario\nhint: it was first given at " +
            folder.Path("child.yaml") + ":2:1");
}

TEST_CASE("loader rejects values of the wrong type") {
  TempFolder folder;
  const std::string child = folder.Path("child.yaml");
  CHECK(ChildError(folder, "extends: base.yaml\nregions:\n  KR:\n    compute_stock: {a: 1}\n") ==
        child + ":4:20: error: compute_stock: expected a number, got a map"
              "\nhint: write compute_stock as a number; `aisim params` lists every field with its current value and unit");
  CHECK(ChildError(folder, "extends: base.yaml\nregions:\n  KR:\n    researchers: many\n") ==
        child + ":4:18: error: researchers: expected a number, got 'many'"
              "\nhint: write researchers as a number; `aisim params` lists every field with its current value and unit");
  CHECK(ChildError(folder, "extends: base.yaml\nregions:\n  KR:\n    researchers:\n") ==
        child + ":4:5: error: researchers: expected a number, got nothing"
              "\nhint: write researchers as a number; `aisim params` lists every field with its current value and unit");
  CHECK(ChildError(folder, "extends: base.yaml\nstart_year: 2025.5\n") ==
        child + ":2:13: error: start_year: expected an integer, got '2025.5'"
              "\nhint: write start_year as an integer; `aisim params` lists every field with its current value and unit");
  CHECK(ChildError(folder, "extends: base.yaml\nregions: [KR]\n") ==
        child + ":2:10: error: regions: expected a map, got a list"
              "\nhint: write regions as a map; `aisim params` lists every field with its current value and unit");
}

TEST_CASE("loader rejects out-of-range values with the violated constraint") {
  TempFolder folder;
  const std::string child = folder.Path("child.yaml");
  CHECK(
      ChildError(folder, "extends: base.yaml\nregions:\n  KR:\n    public_budget: {2026: -3}\n") ==
      child +
          ":4:27: error: public_budget = -3. Violated constraint: public_budget >= 0\n"
          "hint: public_budget: government AI spending (money schedule); USD bn / yr; allowed in "
          "[0, 100000]");
  CHECK(
      ChildError(folder, "extends: base.yaml\nassumptions:\n  compute_depreciation: 1\n") ==
      child +
          ":3:25: error: compute_depreciation = 1. Violated constraint: compute_depreciation < 1\n"
          "hint: compute_depreciation: share of the compute stock retired per year; / yr; allowed "
          "in [0, 1)");
  CHECK(ChildError(folder, "extends: base.yaml\ndraws: 20000000\n") ==
        child +
            ":2:8: error: draws = 20000000. Violated constraint: draws <= 10000000\n"
            "hint: draws: Monte Carlo draws; 1 = deterministic at nominal values; allowed in [1, "
            "10000000]");
  CHECK(ChildError(folder, "extends: base.yaml\nseed: -1\n") ==
        child + ":2:7: error: seed = -1. Violated constraint: seed >= 0\nhint: seed is a whole number, 0 or more");
}

TEST_CASE("loader checks end_year against start_year after merging") {
  TempFolder folder;
  const std::string child = folder.Path("child.yaml");
  CHECK(ChildError(folder, "extends: base.yaml\nstart_year: 2030\nend_year: 2030\n") ==
        child +
            ":3:11: error: end_year = 2030. Violated constraint: end_year > start_year (2030)\n"
            "hint: a run covers start_year..end_year inclusive, at most 61 years");
  CHECK(
      ChildError(folder, "extends: base.yaml\nstart_year: 2020\nend_year: 2081\n") ==
      child +
          ":3:11: error: end_year = 2081. Violated constraint: end_year <= start_year + 60 (2080)\n"
          "hint: a run covers start_year..end_year inclusive, at most 61 years");
}

TEST_CASE("loader wants the leader's record up to the year before the start") {
  TempFolder folder;
  const std::string base = folder.Path("base.yaml");
  // The base's history ends in 2024: a start in 2027 would leave 2025-2026
  // flat, a frontier standing still.
  CHECK(ChildError(folder, "extends: base.yaml\nstart_year: 2027\n") ==
        base + ":" + PositionIn(kBase, "{2023: 5.0e25") +
            ": error: frontier_run_history ends in 2024 but start_year is 2027: the leader's "
            "runs of 2025-2026 are missing\n"
            "hint: give the largest training run of every year up to 2026; "
            "scripts/record-series.py frontier prints the record");
  CHECK_NOTHROW(LoadChild(folder, "extends: base.yaml\nstart_year: 2024\n"));
}

TEST_CASE("loader rejects allocations that do not sum to 1, showing where each share came from") {
  TempFolder folder;
  const std::string base = folder.Path("base.yaml");
  const std::string child = folder.Path("child.yaml");
  CHECK(
      ChildError(folder,
                 "extends: base.yaml\nregions:\n  KR:\n    public_allocation: {compute: 0.5}\n") ==
      child +
          ":4:24: error: public_allocation of region KR sums to 1.1, not 1\n"
          "hint: compute 0.5 (" +
          child + ":4:34) + talent 0.2 (" + base + ":" +
          PositionIn(kBase, "0.2, data: 0.15, adoption: 0.15, power: 0.1}") + ") + data 0.15 (" +
          base + ":" + PositionIn(kBase, "0.15, adoption: 0.15, power: 0.1}") +
          ") + adoption 0.15 (" + base + ":" + PositionIn(kBase, "0.15, power: 0.1}") +
          ") + power 0.1 (" + base + ":" + PositionIn(kBase, "0.1}") + ") = 1.1");
}

TEST_CASE("loader rejects an allocation share outside [0, 1]") {
  TempFolder folder;
  CHECK(
      ChildError(folder,
                 "extends: base.yaml\nregions:\n  US:\n    private_allocation: {compute: 1.2}\n") ==
      folder.Path("child.yaml") +
          ":4:35: error: compute = 1.2. Violated constraint: compute <= 1\n"
          "hint: compute: buying accelerators; share; allowed in [0, 1]");
}

TEST_CASE("loader rejects unknown regions in alliances and observations") {
  TempFolder folder;
  const std::string child = folder.Path("child.yaml");
  CHECK(ChildError(
            folder,
            "extends: base.yaml\nalliances:\n"
            "  pact: {members: [KR, UX], compute_share: 0.1, data_share: 0, talent_share: 0}\n") ==
        child + ":3:24: error: unknown region 'UX' in alliance pact\nhint: did you mean 'US'?");
  CHECK(ChildError(folder,
                   "extends: base.yaml\nobservations:\n"
                   "  - {region: KP, variable: X, year: 2024, value: 1, unit: H100e, source: s, "
                   "tolerance: {log10: 1}}\n") ==
        child + ":3:14: error: unknown region 'KP' in observation\nhint: did you mean 'KR'?");
  CHECK(ChildError(folder, "extends: base.yaml\nalliances:\n  kr-us: {members: [KR]}\n") ==
        child + ":3:20: error: alliance kr-us needs at least two members\nhint: add another region code to members, e.g. members: [KR, UK]");
}

TEST_CASE("loader checks hosted compute: a known other region, named when a share is hosted") {
  TempFolder folder;
  const std::string child = folder.Path("child.yaml");
  CHECK(ChildError(folder, "extends: base.yaml\nregions:\n  KR:\n    hosted_for: UX\n") ==
        child + ":4:17: error: unknown region 'UX' in hosted_for of region KR\nhint: did you mean 'US'?");
  CHECK(ChildError(folder, "extends: base.yaml\nregions:\n  KR:\n    hosted_for: KR\n") ==
        child + ":4:17: error: region KR is hosted_for itself\nhint: hosted_for names the region "
                "whose firms use compute standing in KR; leave it out when there is none");
  CHECK(ChildError(folder, "extends: base.yaml\nregions:\n  KR:\n    hosted_share: 0.5\n") ==
        child + ":4:19: error: region KR has a hosted_share above 0 but no hosted_for\nhint: add "
                "the region whose firms use that compute, e.g. hosted_for: US");
  CHECK(ChildError(folder, "extends: base.yaml\nregions:\n  KR:\n    hosted_share: 1.5\n")
            .find(":4:19: error: hosted_share = 1.5. Violated constraint: hosted_share <= 1") !=
        std::string::npos);
  CHECK(ChildError(folder, "extends: base.yaml\nregions:\n  KR:\n    power_delay: 11\n")
            .find(":4:18: error: power_delay = 11. Violated constraint: power_delay <= 10") !=
        std::string::npos);
  CHECK(ChildError(folder, "extends: base.yaml\nregions:\n  KR:\n    domestic_chip_value: 1.5\n")
            .find(":4:26: error: domestic_chip_value = 1.5. Violated constraint: domestic_chip_value <= 1") !=
        std::string::npos);
  // Both may be left out: a new region needs neither.
  const Scenario s = LoadScenarioFromString(kBase, "base.yaml");
  CHECK(s.regions[0].hosted_for.empty());
  CHECK(s.regions[0].hosted_share.At(2030) == 0);
}

TEST_CASE("loader rejects bad schedule years at the year") {
  TempFolder folder;
  const std::string child = folder.Path("child.yaml");
  const std::string hint =
      "\nhint: schedule years are integers from 2000 to 2100, e.g. {2025: 1.5, 2030: 3}";
  CHECK(ChildError(
            folder,
            "extends: base.yaml\nregions:\n  KR:\n    physical_focus: {2025: 0.3, 20x0: 0.4}\n") ==
        child + ":4:33: error: bad schedule year '20x0' in physical_focus" + hint);
  CHECK(ChildError(folder,
                   "extends: base.yaml\nassumptions:\n  market_size_physical: {1999: 10}\n") ==
        child + ":3:26: error: bad schedule year '1999' in market_size_physical" + hint);
}

TEST_CASE("loader rejects bad region codes, naming the region meant") {
  TempFolder folder;
  CHECK(ChildError(folder, "extends: base.yaml\nregions:\n  kr:\n    name: x\n") ==
        folder.Path("child.yaml") +
            ":3:3: error: bad region code 'kr'\n"
            "hint: did you mean KR (South Korea)? region codes are upper-case letters, digits and "
            "'_', starting with a letter, e.g. KR");
  CHECK(ChildError(folder, "extends: base.yaml\nregions:\n  x-1:\n    name: x\n") ==
        folder.Path("child.yaml") +
            ":3:3: error: bad region code 'x-1'\n"
            "hint: region codes are upper-case letters, digits and '_', starting with a letter, "
            "e.g. KR");
}

TEST_CASE("loader requires a new region to set every field") {
  TempFolder folder;
  CHECK(ChildError(folder,
                   "extends: base.yaml\nregions:\n  JP:\n    name: Japan\n"
                   "    public_allocation: {compute: 1, talent: 0}\n") ==
        folder.Path("child.yaml") +
            ":3:3: error: region JP is missing required fields: public_budget, "
            "public_allocation.data, "
            "public_allocation.adoption, public_allocation.power, physical_focus, gpu_deliveries, "
            "chip_access, "
            "power_growth, start_delay, private_investment, private_growth, "
            "private_allocation.compute, "
            "private_allocation.talent, private_allocation.data, private_allocation.adoption, "
            "private_allocation.power, compute_stock, compute_physical_share, power_capacity, "
            "researchers, "
            "robots, robot_installations, manufacturing_employment, manufacturing_value_added, generative_data, algorithmic_efficiency, "
            "home_advantage, "
            "market_access\n"
            "hint: a region defined for the first time must set every field, here or in a file "
            "that extends "
            "this one");
}

TEST_CASE("loader requires every assumption in a scenario without a base") {
  CHECK(ErrorOf([] {
          LoadScenarioFromString("regions: {}\nassumptions:\n  utilization: 0.4\n", "alone.yaml");
        }) ==
        "alone.yaml:2:1: error: missing required assumptions: hardware_price_performance_growth, "
        "capex_per_h100e, compute_depreciation, chip_supply, chip_supply_growth, kw_per_h100e, "
        "energy_efficiency_growth, "
        "flops_per_h100e, largest_cluster_share, training_run_days, "
        "training_run_growth, max_training_run_days, "
        "algorithmic_progress, max_diffusion_lag, lag_per_talent_halving, open_weights, "
        "open_model_lag, "
        "market_temperature_generative, market_temperature_physical, physical_home_bias, market_size_multiplier, "
        "market_lock_in, reinvestment_rate, "
        "private_physical_share, private_boom, private_boom_half_life, capital_follows_share, "
        "researcher_mobility, home_bias, attraction_compute_weight, "
        "attraction_money_weight, talent_agglomeration, researcher_growth, cost_per_researcher, cost_per_gw, robot_cost, "
        "robot_service_life, robot_installation_growth, max_robot_density, robot_learning_rate, physical_data_decay, cost_per_robot_year_data, generative_data_growth, "
        "cost_per_trillion_tokens, physical_generative_weight, physical_data_elasticity, "
        "data_flywheel, "
        "sovereignty_scale, sovereignty_data_weight, market_size_generative, market_size_physical, "
        "frontier_run_history\n"
        "hint: every assumption must be set, here or in a scenario this one extends (e.g. extends: "
        "world-2025.yaml)");
}

TEST_CASE("loader rejects unknown currencies and magnitudes with a did-you-mean") {
  TempFolder folder;
  const std::string child = folder.Path("child.yaml");
  CHECK(ChildError(folder,
                   "extends: base.yaml\nregions:\n  KR:\n    private_investment: {value: 3, unit: "
                   "KRX bn}\n") ==
        child +
            ":4:42: error: unknown currency 'KRX'\n"
            "hint: did you mean 'KRW'? (add other rates under money.per_usd)");
  CHECK(ChildError(folder,
                   "extends: base.yaml\nregions:\n  KR:\n    private_investment: {value: 3, unit: "
                   "KRW tm}\n") ==
        child + ":4:42: error: unknown magnitude 'tm' in unit 'KRW tm'\nhint: did you mean 'tn'?");
  CHECK(ChildError(folder,
                   "extends: base.yaml\nregions:\n  KR:\n    private_investment: {value: 3}\n") ==
        child +
            ":4:25: error: private_investment: a money value needs both 'value' and 'unit'\n"
            "hint: e.g. {value: 1.8, unit: KRW tn, year: 2025}, or a plain number in USD bn");
}

TEST_CASE("loader rejects invalid distributions") {
  TempFolder folder;
  const std::string child = folder.Path("child.yaml");
  const auto error = [&](const std::string& assumption) {
    return ChildError(folder, "extends: base.yaml\nassumptions:\n  " + assumption + "\n");
  };
  CHECK(error("utilization: {dist: normal, mean: 0.4, sd: 0, min: 0.1, max: 0.9}") ==
        child + ":3:46: error: sd = 0. Violated constraint: sd > 0\nhint: normal takes mean, sd; lognormal median, sigma; uniform min, max; triangular min, mode, max; min and max truncate a normal or lognormal");
  CHECK(error("open_weights: {dist: triangular, min: 0.2, mode: 0.9, max: 0.8}") ==
        child + ":3:52: error: mode = 0.9. Violated constraint: mode <= max (0.8)\nhint: normal takes mean, sd; lognormal median, sigma; uniform min, max; triangular min, mode, max; min and max truncate a normal or lognormal");
  CHECK(error("open_weights: {dist: uniform, min: 0.5, max: 0.5}") ==
        child + ":3:48: error: max = 0.5. Violated constraint: max > min (0.5)\nhint: normal takes mean, sd; lognormal median, sigma; uniform min, max; triangular min, mode, max; min and max truncate a normal or lognormal");
  CHECK(error("utilization: {dist: gaussian, mean: 0.4, sd: 0.1}") ==
        child +
            ":3:23: error: unknown distribution 'gaussian'\n"
            "hint: valid distributions: normal, lognormal, uniform, triangular");
  CHECK(error("utilization: {dist: uniform, min: 0.3, max: 0.5, mode: 0.4}") ==
        child +
            ":3:52: error: 'mode' does not apply to a uniform distribution\nhint: uniform takes: "
            "min, max");
  CHECK(error("utilization: {dist: normal, mean: 0.4}") ==
        child +
            ":3:16: error: utilization: a normal distribution needs 'sd'\n"
            "hint: normal takes: mean, sd, min, max");
  CHECK(error("hardware_price_performance_growth: {value: 2, dist: normal, mean: 1.35, sd: 0.05, "
              "min: 1.1, max: 1.6}") ==
        child + ":3:46: error: value = 2. Violated constraint: value <= 1.6\nhint: normal takes mean, sd; lognormal median, sigma; uniform min, max; triangular min, mode, max; min and max truncate a normal or lognormal");
  CHECK(
      error("utilization: {dist: normal, mean: 0.4, sd: 0.1, min: 0.05}") ==
      child +
          ":3:16: error: utilization: the normal distribution is unbounded above. Violated "
          "constraint: "
          "utilization <= 1\n"
          "hint: truncate it with min: and max: inside the allowed range; utilization: model FLOP "
          "utilisation; share; allowed in (0, 1]");
  CHECK(error("utilization: {dist: normal, mean: 0.4, sd: 0.01, min: 0.9, max: 1}") ==
        child +
            ":3:16: error: utilization: truncating the normal distribution to min/max leaves no "
            "probability\n"
            "hint: widen min and max, or move them towards the mean");
  CHECK(error("utilization: {sd: 0.1}") ==
        child +
            ":3:17: error: 'sd' needs a 'dist:' in utilization\n"
            "hint: add dist: normal, lognormal, uniform or triangular");
}

TEST_CASE("loader rejects an extends cycle naming the chain") {
  TempFolder folder;
  const std::string a = folder.Write("a.yaml", "extends: b.yaml\n");
  const std::string b = folder.Write("b.yaml", "seed: 1\nextends: a.yaml\n");
  CHECK(ErrorOf([&] { LoadScenario(a); }) ==
        b + ":2:1: error: extends cycle: " + a + " -> " + b + " -> " + a +
            "\nhint: a scenario cannot extend itself, directly or through others; remove one of "
            "these extends");
}

TEST_CASE("loader rejects extends chains deeper than 32 files") {
  TempFolder folder;
  folder.Write("f32.yaml", kBase);
  for (int i = 31; i >= 0; --i) {
    folder.Write("f" + std::to_string(i) + ".yaml",
                 "extends: f" + std::to_string(i + 1) + ".yaml\n");
  }
  CHECK(
      ErrorOf([&] { LoadScenario(folder.Path("f0.yaml")); }) ==
      folder.Path("f31.yaml") +
          ":1:1: error: extends chain is deeper than 32 files\nhint: shorten the chain of extends");
}

TEST_CASE("loader reports a missing base file at the extends key, listing shipped names") {
  TempFolder folder;
  std::vector<std::string> names;
  for (const ShippedScenario& shipped : ListShippedScenarios()) names.push_back(shipped.name);
  std::string list;
  for (const std::string& name : names) list += (list.empty() ? "" : ", ") + name;
  const std::string child = folder.Write("child.yaml", "seed: 2\nextends: world-2052.yaml\n");
  CHECK(ErrorOf([&] { LoadScenario(child); }) ==
        child +
            ":2:1: error: cannot find 'world-2052.yaml' to extend\nhint: did you mean "
            "'world-2025'? no file " +
            folder.Path("world-2052.yaml") + "; shipped scenarios: " + list);
}

TEST_CASE("loader rejects an unknown scenario name with a did-you-mean over shipped names") {
  std::string list;
  for (const ShippedScenario& shipped : ListShippedScenarios())
    list += (list.empty() ? "" : ", ") + shipped.name;
  CHECK(ErrorOf([] { LoadScenario("wrold-2025"); }) ==
        "wrold-2025: error: no scenario file or shipped scenario named 'wrold-2025'\n"
        "hint: did you mean 'world-2025'? shipped scenarios: " +
            list);
}

TEST_CASE("loader reports YAML syntax errors at yaml-cpp's mark, 1-based") {
  CHECK(ErrorOf([] { LoadScenarioFromString("seed: 1\nregions: {KR: [1, 2}\n", "broken.yaml"); }) ==
        "broken.yaml:2:20: error: illegal flow end\n"
        "hint: this is a YAML syntax error; check the indentation, colons and brackets here");
  CHECK(ErrorOf([] { LoadScenarioFromString("seed: 1\n  draws: 2\n", "broken.yaml"); }) ==
        "broken.yaml:2:8: error: illegal map value\n"
        "hint: this is a YAML syntax error; check the indentation, colons and brackets here");
}

TEST_CASE("overrides reject unknown paths at the unknown segment with a did-you-mean") {
  TempFolder folder;
  CHECK(ChildError(folder, "extends: base.yaml\n", {"regions.KR.public_budgte=3"}) ==
        "--set:1:12: error: unknown parameter path 'regions.KR.public_budgte'\n"
        "hint: did you mean 'regions.KR.public_budget'? `aisim params` lists every settable path");
  CHECK(ChildError(folder, "extends: base.yaml\n", {"regions.JP.public_budget=3"}) ==
        "--set:1:9: error: unknown parameter path 'regions.JP.public_budget'\n"
        "hint: did you mean 'regions.KR.public_budget'? `aisim params` lists every settable path");
  CHECK(ChildError(folder, "extends: base.yaml\n", {"money.inflation=0.1"}) ==
        "--set:1:1: error: unknown parameter path 'money.inflation'\n"
        "hint: `aisim params` lists every settable path");
  CHECK(ChildError(folder, "extends: base.yaml\n", {"assumptions.physical_compute_weight=0.4"}) ==
        "--set:1:13: error: unknown parameter path 'assumptions.physical_compute_weight'\n"
        "hint: physical_compute_weight was removed: a robot model's compute weight is now 1 - "
        "physical_generative_weight (docs/MODEL.md, step 6); `aisim params` lists every settable path");
}

TEST_CASE("overrides report bad values at their column in the argument") {
  TempFolder folder;
  CHECK(ChildError(folder, "extends: base.yaml\n", {"assumptions.utilization=1.5"}) ==
        "--set:1:25: error: utilization = 1.5. Violated constraint: utilization <= 1\n"
        "hint: utilization: model FLOP utilisation; share; allowed in (0, 1]");
  CHECK(ChildError(folder, "extends: base.yaml\n",
                   {"regions.KR.public_budget={2026: 7, 20230: 12}"}) ==
        "--set:1:36: error: bad schedule year '20230' in public_budget\n"
        "hint: schedule years are integers from 2000 to 2100, e.g. {2025: 1.5, 2030: 3}");
  CHECK(ChildError(folder, "extends: base.yaml\n", {"regions.KR.public_budget={2026: [7}"}) ==
        "--set:1:35: error: illegal flow end\n"
        "hint: the value after '=' is read as YAML, e.g. 12, {2026: 7, 2030: 12} or {dist: "
        "uniform, min: 0.3, "
        "max: 0.5}");
  CHECK(ChildError(folder, "extends: base.yaml\n", {"end_year"}) ==
        "--set:1:1: error: expected path=value, got 'end_year'\n"
        "hint: e.g. --set regions.KR.public_budget=12 or --set 'regions.KR.public_budget={2026: 7, "
        "2030: 12}'");
}

}  // namespace
}  // namespace sim
