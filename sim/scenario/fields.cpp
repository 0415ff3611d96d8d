#include "sim/scenario/fields.hpp"

#include <cstdio>

#include "sim/scenario/yaml_reader.hpp"

namespace sim::internal {
namespace {

// Bounds as people write them: 10000000, not the shortest form 1e+07.
std::string FormatBound(double bound) {
  char text[32];
  std::snprintf(text, sizeof text, "%.15g", bound);
  return text;
}

// [0, 1]: shares and probabilities.
Range Share() { return Between(0, 1); }

}  // namespace

bool Range::Contains(double value) const {
  const bool above_min = min_open ? value > min : value >= min;
  const bool below_max = max_open ? value < max : value <= max;
  return above_min && below_max;
}

std::string Range::Constraint(const std::string& name, double value) const {
  const bool below = min_open ? value <= min : value < min;
  if (below) return name + (min_open ? " > " : " >= ") + FormatBound(min);
  return name + (max_open ? " < " : " <= ") + FormatBound(max);
}

std::string Range::ToString() const {
  const bool has_min = min != -std::numeric_limits<double>::infinity();
  const bool has_max = max != std::numeric_limits<double>::infinity();
  if (has_min && has_max) {
    return std::string("in ") + (min_open ? "(" : "[") + FormatBound(min) + ", " +
           FormatBound(max) + (max_open ? ")" : "]");
  }
  if (has_min) return (min_open ? "> " : ">= ") + FormatBound(min);
  if (has_max) return (max_open ? "< " : "<= ") + FormatBound(max);
  return "any value";
}

void Limits::Check(double value, const SourceLocation& at) const {
  if (range.Contains(value)) return;
  Fail(at,
       name + " = " + FormatNumber(value) +
           ". Violated constraint: " + range.Constraint(name, value),
       hint);
}

const std::vector<Field<Scenario>>& ScenarioFields() {
  static const std::vector<Field<Scenario>> fields = {
      {"name", &Scenario::name, "", AnyValue(),
       "scenario name; defaults to the file stem, not inherited"},
      {"description", &Scenario::description, "", AnyValue(),
       "one line shown by `aisim list`; not inherited"},
      {"start_year", &Scenario::start_year, "year", Between(2000, 2100), "first simulated year"},
      {"end_year", &Scenario::end_year, "year", Between(2000, 2100),
       "last simulated year (inclusive), > start_year and at most start_year + 60"},
      {"draws", &Scenario::draws, "", Between(1, 1e7),
       "Monte Carlo draws; 1 = deterministic at nominal values"},
      {"seed", &Scenario::seed, "", AtLeast(0),
       "random seed; identical input gives identical results"},
  };
  return fields;
}

const std::vector<Field<MoneySettings>>& MoneyFields() {
  static const std::vector<Field<MoneySettings>> fields = {
      {"base_year", &MoneySettings::base_year, "year", Between(2000, 2100),
       "year whose prices money is expressed in"},
      {"inflation", &MoneySettings::inflation, "/ yr", Between(-0.5, 1), "USD price inflation"},
  };
  return fields;
}

// Ranges are closed intervals far beyond any real value, and bounded on both
// sides on purpose: within them every model output stays finite over a
// 60-year horizon (tests/model/property_test.cpp draws thousands of random
// scenarios across them), so a value that could overflow is caught here, as a
// located error naming the field, and never reaches the model.
const std::vector<Field<Assumptions>>& AssumptionFields() {
  using A = Assumptions;
  static const std::vector<Field<Assumptions>> fields = {
      {"hardware_price_performance_growth", &A::hardware_price_performance_growth, "factor / yr",
       Between(0.5, 10), "growth of H100e per dollar (> 1: hardware gets cheaper)"},
      {"capex_per_h100e", &A::capex_per_h100e, "USD", Between(1, 1e9),
       "all-in cost of one H100e in the start year"},
      {"compute_depreciation",
       &A::compute_depreciation,
       "/ yr",
       {0, 1, false, true},
       "share of the compute stock retired per year"},
      {"chip_supply", &A::chip_supply, "H100e / yr", Between(1, 1e15),
       "world output of open-market AI accelerators in the start year (packaging, HBM), shared by all buyers"},
      {"chip_supply_growth", &A::chip_supply_growth, "factor / yr", Between(1, 10),
       "growth of the world output of open-market AI accelerators per year"},
      {"kw_per_h100e", &A::kw_per_h100e, "kW", Between(1e-3, 1e3),
       "all-in power per H100e including cooling"},
      {"energy_efficiency_growth", &A::energy_efficiency_growth, "factor / yr", Between(1, 10),
       "H100e that one kW runs, growth per year (hardware gets more efficient)"},
      {"flops_per_h100e", &A::flops_per_h100e, "FLOP/s", Between(1e9, 1e21), "dense BF16 peak of one H100e"},
      {"utilization", &A::utilization, "share", {0, 1, true, false}, "model FLOP utilisation"},
      {"largest_cluster_share", &A::largest_cluster_share, "share", {0, 1, true, false},
       "share of a region's generative compute in its largest cluster"},
      {"training_run_days", &A::training_run_days, "days", Between(1, 3650),
       "length of a frontier training run in the start year"},
      {"training_run_growth", &A::training_run_growth, "factor / yr", Between(1, 10),
       "growth of the length of frontier training runs per year"},
      {"max_training_run_days", &A::max_training_run_days, "days", Between(1, 3650),
       "longest training run worth training (later hardware and algorithms win)"},
      {"algorithmic_progress", &A::algorithmic_progress, "factor / yr", Between(1, 100),
       "frontier effective-compute multiplier from better algorithms"},
      {"max_diffusion_lag", &A::max_diffusion_lag, "years", Between(0, 60),
       "most years a region trails the algorithmic frontier"},
      {"lag_per_talent_halving", &A::lag_per_talent_halving, "years", Between(0, 60),
       "years of lag per halving of talent vs the top region"},
      {"open_weights", &A::open_weights, "share", Share(),
       "how much open weights shorten followers' lag"},
      {"open_model_lag", &A::open_model_lag, "years", Between(0, 60),
       "years the best open-weight model trails the frontier"},
      {"market_temperature_generative", &A::market_temperature_generative, "capability units",
       Between(0.01, 100), "softmax temperature of generative-AI market shares"},
      {"market_temperature_physical", &A::market_temperature_physical, "capability units", Between(0.01, 100),
       "softmax temperature of physical-AI market shares"},
      {"market_size_multiplier", &A::market_size_multiplier, "factor", Between(1e-3, 1e3),
       "scales both market_size schedules"},
      {"reinvestment_rate", &A::reinvestment_rate, "share", Share(),
       "share of AI value reinvested as private investment"},
      {"private_physical_share", &A::private_physical_share, "share", Share(),
       "share of private compute, data and adoption money spent on physical AI"},
      {"private_boom", &A::private_boom, "/ yr", Between(-0.9, 3),
       "extra growth of every region's exogenous private AI investment in the start year (an AI "
       "capex boom, or a bust below 0), fading with private_boom_half_life"},
      {"private_boom_half_life", &A::private_boom_half_life, "years", Between(0.1, 100),
       "years in which private_boom's extra growth halves"},
      {"researcher_mobility", &A::researcher_mobility, "/ yr", Share(),
       "share of researchers re-choosing a region per year"},
      {"home_bias", &A::home_bias, "log-odds", Between(0, 20),
       "preference of researchers for their current region"},
      {"attraction_compute_weight", &A::attraction_compute_weight, "per log unit", Between(0, 10),
       "weight of log compute per researcher in a region's attractiveness"},
      {"attraction_money_weight", &A::attraction_money_weight, "per log unit", Between(0, 10),
       "weight of log private money per researcher in a region's attractiveness"},
      {"researcher_growth", &A::researcher_growth, "/ yr", Between(0, 2),
       "researchers trained per existing researcher per year"},
      {"cost_per_researcher", &A::cost_per_researcher, "USD", Between(1e3, 1e12),
       "public or private talent money per extra top-tier researcher"},
      {"cost_per_gw", &A::cost_per_gw, "USD bn / GW", Between(1e-3, 1e4),
       "cost of 1 GW of data-centre power and shell"},
      {"robot_cost", &A::robot_cost, "USD", Between(100, 1e9), "all-in cost of one installed robot"},
      {"robot_service_life", &A::robot_service_life, "years", Between(1, kMaxRobotServiceLife),
       "years a robot works before it is withdrawn (IFR's stock method: 12)"},
      {"physical_data_decay",
       &A::physical_data_decay,
       "/ yr",
       {0, 1, true, false},
       "share of physical data made obsolete per year (> 0: the starting stock is robots / decay)"},
      {"cost_per_robot_year_data", &A::cost_per_robot_year_data, "USD", Between(100, 1e9),
       "cost of one robot-year of curated physical data"},
      {"generative_data_growth", &A::generative_data_growth, "/ yr", Between(-0.99, 2),
       "growth of usable domestic text per year"},
      {"cost_per_trillion_tokens", &A::cost_per_trillion_tokens, "USD bn", Between(1e-6, 1e6),
       "cost of one trillion tokens of curated text"},
      {"physical_compute_weight", &A::physical_compute_weight, "weight", Between(0, 10),
       "weight of compute in physical-AI capability"},
      {"physical_data_weight", &A::physical_data_weight, "weight", Between(0, 10),
       "weight of physical data in physical-AI capability"},
      {"physical_generative_weight", &A::physical_generative_weight, "weight", Between(0, 10),
       "weight of generative capability in physical-AI capability"},
      {"sovereignty_scale", &A::sovereignty_scale, "log10 capability", Between(0.01, 100),
       "capability gap that moves the domestic-model logit by 1"},
      {"sovereignty_data_weight", &A::sovereignty_data_weight, "logit", Between(0, 100),
       "domestic logit gained per 10x growth of domestic text data"},
      {"market_size_generative", &A::market_size_generative, "USD bn / yr", Between(0, 1e6),
       "global generative-AI revenue (schedule)"},
      {"market_size_physical", &A::market_size_physical, "USD bn / yr", Between(0, 1e6),
       "global physical-AI revenue (schedule)"},
      {"frontier_run_history", &A::frontier_run_history, "FLOP", Between(1, 1e40),
       "the world's largest training run published in each year before the start (the record; "
       "years from start_year on are ignored)"},
  };
  return fields;
}

const std::vector<Field<Region>>& RegionFields() {
  using R = Region;
  static const std::vector<Field<Region>> fields = {
      {"name", &R::name, "", AnyValue(), "display name, e.g. South Korea"},
      {"public_budget", &R::public_budget, "USD bn / yr", Between(0, 1e5),
       "government AI spending (money schedule)", true},
      {"public_allocation", &R::public_allocation, "shares", Share(),
       "split of the public budget: compute, talent, data, adoption, power; sums to 1"},
      {"physical_focus", &R::physical_focus, "share", Share(),
       "share of public compute, data and adoption money aimed at physical AI (schedule)"},
      {"gpu_deliveries", &R::gpu_deliveries, "H100e / yr", Between(0, 1e10),
       "committed GPU shipments on top of purchases (schedule)"},
      {"chip_access", &R::chip_access, "share", Share(),
       "price-performance of imported accelerators vs the open market (schedule)"},
      {"domestic_chip_supply", &R::domestic_chip_supply, "H100e / yr", Between(0, 1e10),
       "accelerators the region's own industry can supply in a year, bought before imports when "
       "domestic_chip_value is above chip_access (schedule)",
       false, true},
      {"domestic_chip_value", &R::domestic_chip_value, "share", Share(),
       "price-performance of domestic accelerators vs the open market (H100e per dollar)", false,
       true},
      {"power_growth", &R::power_growth, "GW / yr", Between(0, 1e4),
       "data-centre power added for AI without public money (schedule)"},
      {"power_delay", &R::power_delay, "years", Between(0, 10),
       "years from paying for (or adding) data-centre power to its grid connection; none connects "
       "in the first power_delay years",
       false, true},
      {"start_delay", &R::start_delay, "years", Between(0, 60),
       "the public programme starts this many years late"},
      {"private_investment", &R::private_investment, "USD bn / yr", Between(0, 1e5),
       "private AI investment in the start year (money)", true},
      {"private_growth", &R::private_growth, "/ yr", Between(-1, 3),
       "exogenous growth of private investment during the year (schedule)"},
      {"private_allocation", &R::private_allocation, "shares", Share(),
       "split of private investment: compute, talent, data, adoption, power; sums to 1"},
      {"compute_stock", &R::compute_stock, "H100e", Between(0, 1e12),
       "installed AI accelerators at the start"},
      {"compute_physical_share", &R::compute_physical_share, "share", Share(),
       "share of the compute stock serving physical AI"},
      {"power_capacity", &R::power_capacity, "GW", Between(0, 1e5),
       "data-centre power available for AI"},
      {"researchers", &R::researchers, "persons", Between(0, 1e9),
       "top-tier AI researchers working in the region"},
      {"robots", &R::robots, "units", Between(0, 1e11), "operational industrial robot stock"},
      {"hosted_for", &R::hosted_for, "region code", AnyValue(),
       "region whose firms own or use the hosted share of the compute standing here (empty: none)",
       false, true},
      {"hosted_share", &R::hosted_share, "share", Share(),
       "share of the compute standing here that hosted_for's firms own or use; their training runs "
       "count for them (schedule)",
       false, true},
      {"robot_installations", &R::robot_installations, "units / yr", Between(0, 1e10),
       "robots installed during the year without public money (schedule)"},
      {"generative_data", &R::generative_data, "trillion tokens", Between(0, 1e9),
       "usable domestic training text"},
      {"algorithmic_efficiency", &R::algorithmic_efficiency, "factor", Between(1e-3, 1e3),
       "effective compute per FLOP relative to the algorithms the region has access to "
       "(e.g. DeepSeek-style training efficiency)"},
      {"home_advantage", &R::home_advantage, "logit", Between(0, 100),
       "shift of domestic-model demand (language, rules)"},
      {"market_access", &R::market_access, "share", Share(),
       "weight of the region's firms in global AI markets"},
  };
  return fields;
}

const std::vector<Field<Allocation>>& AllocationFields() {
  static const std::vector<Field<Allocation>> fields = {
      {"compute", &Allocation::compute, "share", Share(), "buying accelerators"},
      {"talent", &Allocation::talent, "share", Share(), "training researchers"},
      {"data", &Allocation::data, "share", Share(), "curating text and physical data"},
      {"adoption", &Allocation::adoption, "share", Share(),
       "robots (physical AI) and domestic text (generative AI)"},
      {"power", &Allocation::power, "share", Share(), "data-centre power"},
  };
  return fields;
}

const std::vector<Field<Alliance>>& AllianceFields() {
  static const std::vector<Field<Alliance>> fields = {
      {"members", &Alliance::members, "region codes", AnyValue(),
       "at least two distinct known regions"},
      {"compute_share", &Alliance::compute_share, "share", Share(),
       "share of the other members' compute each member can use"},
      {"data_share", &Alliance::data_share, "share", Share(),
       "share of the other members' data each member can use"},
      {"talent_share", &Alliance::talent_share, "share", Share(),
       "share of the other members' researchers each member can use"},
  };
  return fields;
}

}  // namespace sim::internal
