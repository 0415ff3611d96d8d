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
      {"focus", &Scenario::focus, "", AnyValue(),
       "region codes the scenario is about, e.g. [KR]: the run's headline and the explorer "
       "start there (default: the generative-AI leader); inherited"},
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

// The assumptions of assumptions.def (which says why their ranges are what
// they are), then the schedules.
const std::vector<Field<Assumptions>>& AssumptionFields() {
  using A = Assumptions;
  static const std::vector<Field<Assumptions>> fields = {
#define AISIM_ASSUMPTION(name, unit, range, doc) {#name, &A::name, unit, range, doc},
#define AISIM_SCHEDULE_ASSUMPTION(name, unit, range, doc) {#name, &A::name, unit, range, doc},
#include "sim/scenario/assumptions.def"
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
      {"currency", &R::currency, "ISO code", AnyValue(),
       "currency the region's budgets are written in, a code of money.per_usd (default USD): "
       "the explorer shows its money in it next to USD",
       false, true},
      {"hosted_for", &R::hosted_for, "region code", AnyValue(),
       "region whose firms own or use the hosted share of the compute standing here (empty: none)",
       false, true},
      {"hosted_share", &R::hosted_share, "share", Share(),
       "share of the compute standing here that hosted_for's firms own or use; their training runs "
       "count for them (schedule)",
       false, true},
      {"robot_installations", &R::robot_installations, "units / yr", Between(0, 1e10),
       "robots installed during the year without public money (schedule; beyond its last year "
       "it grows at robot_installation_growth)"},
      {"manufacturing_employment", &R::manufacturing_employment, "persons", Between(0, 1e10),
       "employees in manufacturing during the year, the denominator of the IFR's robot density; "
       "with max_robot_density they bound the robots the region can put to work (schedule)"},
      {"manufacturing_value_added", &R::manufacturing_value_added, "USD bn / yr", Between(0, 1e6),
       "manufacturing value added: the region's share of the world's is its share of the demand "
       "for physical AI (money schedule)",
       true},
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
