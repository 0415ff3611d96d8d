// The Scenario: everything a YAML scenario file says, after `extends` merging,
// `--set` overrides and currency conversion. The model reads only this struct.
//
// Units: money is USD bn at base-year prices (see MoneySettings); compute is
// H100-equivalents (H100e); power is GW; time is calendar years.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sim/error.hpp"

namespace sim {

// A lever that may change over time. Given as a scalar (constant) or as
// {year: value} points; linear between given years, flat outside them.
struct Schedule {
  std::map<int, double> points;  // year -> value; never empty once loaded

  static Schedule Constant(double value);
  // Given as a single number (Constant), not as {year: value} points.
  bool IsConstant() const;
  // Value at a (possibly fractional) calendar year.
  double At(double year) const;
};

// A probability distribution for an uncertain assumption, sampled by inverse
// CDF (Boost.Math quantiles), truncated to [lower, upper] when those are set.
struct Distribution {
  enum class Kind { kNone, kNormal, kLognormal, kUniform, kTriangular };
  Kind kind = Kind::kNone;
  // normal: mean, sd; lognormal: median, sigma (of log); uniform: min, max;
  // triangular: min, mode, max.
  double mean = 0, sd = 0, median = 0, sigma = 0, min = 0, mode = 0, max = 0;
  bool truncated_below = false, truncated_above = false;
  double lower = 0, upper = 0;  // truncation bounds (normal, lognormal)

  // The quantile at probability p in (0, 1), honouring truncation.
  double Quantile(double p) const;
};

// The longest robot service life a scenario may set, years: the model keeps
// this many years of installations before the start to age the start stock.
// Forty years is well past any industrial robot's working life (IFR's stock
// method assumes 12).
constexpr int kMaxRobotServiceLife = 40;

// A global assumption: a nominal value (used for deterministic runs) and an
// optional distribution (used when draws > 1).
struct Assumption {
  double value = 0;
  Distribution distribution;  // kind == kNone: the value in every draw
};

// Shares of a budget by category; each in [0, 1], summing to 1.
struct Allocation {
  double compute = 0, talent = 0, data = 0, adoption = 0, power = 0;
  double Sum() const { return compute + talent + data + adoption + power; }
};

// One region (a country or bloc) and its levers and starting state.
struct Region {
  std::string code;  // short key used in YAML and outputs, e.g. "KR"
  std::string name;  // display name, e.g. "South Korea"

  // Levers (any may change over time).
  Schedule public_budget;     // government AI spending, USD bn / yr
  Allocation public_allocation;
  Schedule physical_focus;    // share of public compute, data, adoption money aimed at physical AI, [0, 1]
  Schedule gpu_deliveries;    // committed GPU shipments on top of purchases, H100e / yr
  Schedule chip_access;       // price-performance of imported chips vs the open market, [0, 1]
  // Accelerators the region's own industry supplies (e.g. Huawei Ascend),
  // bought before imports when they give more H100e per dollar.
  Schedule domestic_chip_supply = Schedule::Constant(0);  // H100e / yr
  double domestic_chip_value = 0;  // their price-performance vs the open market, [0, 1]
  Schedule power_growth;      // data-centre power added for AI without public money, GW / yr
  int power_delay = 0;        // years from paying for power to its grid connection, >= 0
  double start_delay = 0;     // the public programme starts this many years late, >= 0

  // Private money.
  double private_investment = 0;  // private AI investment in the start year, USD bn / yr
  Schedule private_growth;        // exogenous growth of private investment during the year, / yr
  Allocation private_allocation;

  // Starting state (value on 1 January of the start year).
  double compute_stock = 0;           // installed AI accelerators, H100e
  double compute_physical_share = 0;  // share of that stock serving physical AI, [0, 1]
  double power_capacity = 0;          // data-centre power available for AI, GW
  double researchers = 0;             // top-tier AI researchers working in the region, persons
  double robots = 0;                  // operational industrial robot stock, units
  double generative_data = 0;         // usable domestic training text, trillion tokens
  Schedule robot_installations;       // robots installed during the year without public money, units / yr;
                                      // years before the start give the start stock its ages
  // Employees in manufacturing during the year, persons: the IFR's robot
  // density counts robots per 10,000 of them, and they bound the room for
  // robots (Assumptions::max_robot_density).
  Schedule manufacturing_employment;
  // Manufacturing value added, USD bn / yr: the factories that buy physical
  // AI, so each region's share of the world's is its share of the demand.
  Schedule manufacturing_value_added;

  // The currency its budgets are written in (an ISO code of money.per_usd):
  // the explorer shows its money in it next to USD.
  std::string currency = "USD";

  // Compute standing here that another region's firms own or use (a campus
  // built for foreign firms): it trains their runs, while its power and its
  // pull on researchers stay here.
  std::string hosted_for;                              // their region code; empty: none
  Schedule hosted_share = Schedule::Constant(0);       // share of the compute here they use, [0, 1]

  // Structural parameters.
  double algorithmic_efficiency = 1;  // effective compute per FLOP vs the region's algorithmic access, > 0
  double home_advantage = 0;  // logit shift of domestic-model demand (language, rules), >= 0
  double market_access = 1;   // weight of the region's firms in global AI markets, [0, 1]
};

// Partners that share compute, data and talent. Shares are what each member
// can use of the others' stocks, in [0, 1].
struct Alliance {
  std::string name;
  std::vector<std::string> members;  // region codes
  double compute_share = 0;
  double data_share = 0;
  double talent_share = 0;
};

// Global assumptions of the model; see docs/MODEL.md for each default's source.
struct Assumptions {
  // One member per line of assumptions.def (name, unit, range, doc): a
  // sim::Assumption, or a Schedule for the schedules.
#define AISIM_ASSUMPTION(name, unit, range, doc) Assumption name;
#define AISIM_SCHEDULE_ASSUMPTION(name, unit, range, doc) Schedule name;
#include "sim/scenario/assumptions.def"
};

// How money written in another currency or year becomes USD bn at base-year prices:
// usd_bn = value * magnitude / 1e9 / per_usd[currency] * (1 + inflation)^(base_year - year).
struct MoneySettings {
  int base_year = 2025;
  double inflation = 0;                  // USD price inflation, / yr
  std::map<std::string, double> per_usd;  // currency code -> units per USD ("USD" is 1)
};

// An observed value for backtesting (`aisim check`).
struct Observation {
  std::string region;    // region code
  std::string variable;  // output variable, e.g. "Compute|Stock"
  int year = 0;
  double value = 0;
  std::string unit;      // must match the variable's unit
  std::string source;
  enum class ToleranceKind { kRelative, kAbsolute, kLog10 };
  ToleranceKind tolerance_kind = ToleranceKind::kRelative;
  double tolerance = 0;
  // Where the observation, its variable, unit and year were written, for
  // errors found after loading (`aisim check` validates variable and unit).
  SourceLocation at, variable_at, unit_at, year_at;
};

struct Scenario {
  std::string name;         // file stem, e.g. "world-2025"
  std::string description;  // one line, shown by `aisim list`
  int start_year = 2025;
  int end_year = 2035;      // inclusive, <= 2100, at most 60 years after start
  int draws = 1;            // Monte Carlo draws; 1 = deterministic at nominal values
  unsigned long long seed = 1;
  // Region codes the scenario is about (e.g. KR for Korea's budget): where
  // the run's headline and the explorer start. Inherited through `extends`.
  std::vector<std::string> focus;
  MoneySettings money;
  Assumptions assumptions;
  std::vector<Region> regions;   // in file order
  std::vector<Alliance> alliances;
  std::vector<Observation> observations;

  int Years() const { return end_year - start_year + 1; }
  // Index of a region by code, or -1.
  int RegionIndex(const std::string& code) const;
};

}  // namespace sim
