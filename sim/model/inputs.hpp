// ModelInputs: the scenario turned into arrays the year loop reads directly.
// Built once per run, before the loop: schedules are evaluated for every year,
// uncertain assumptions are sampled for every draw, alliances become matrices.
#pragma once

#include <vector>

#include "sim/eigen_types.hpp"
#include "sim/scenario/scenario.hpp"

namespace sim {

// Region x year tables of levers (R x T), with the public programme already
// shifted by each region's start_delay (zero before it starts).
struct LeverTables {
  RegionTable public_budget;   // USD bn / yr
  RegionTable physical_focus;  // [0, 1]
  RegionTable gpu_deliveries;  // H100e / yr
  RegionTable chip_access;     // [0, 1]
  RegionTable power_growth;    // GW / yr
};

// How a region's start_delay moves a lever: a public programme's levers
// are read at the programme's year (year - start_delay) and are zero before
// it starts; its focus still steers the (zero) money then, so it holds the
// programme's first value; the others are read at the calendar year.
enum class LeverTiming { kProgramme, kProgrammeFocus, kCalendar };

// The levers, declared once: the YAML key under a region (and the last part
// of a sweep's path), the schedule it is read from, its table and its
// timing. BuildLeverTables, FillRegionLevers and the sweeps' per-draw lever
// tables all go through this list (model/model tests that it matches the
// loader's region fields).
struct LeverField {
  const char* name;
  Schedule Region::*schedule;
  RegionTable LeverTables::*table;
  LeverTiming timing;
};
inline constexpr LeverField kLeverFields[] = {
    {"public_budget", &Region::public_budget, &LeverTables::public_budget, LeverTiming::kProgramme},
    {"physical_focus", &Region::physical_focus, &LeverTables::physical_focus, LeverTiming::kProgrammeFocus},
    {"gpu_deliveries", &Region::gpu_deliveries, &LeverTables::gpu_deliveries, LeverTiming::kProgramme},
    {"chip_access", &Region::chip_access, &LeverTables::chip_access, LeverTiming::kCalendar},
    {"power_growth", &Region::power_growth, &LeverTables::power_growth, LeverTiming::kCalendar},
};
static_assert(sizeof(LeverTables) == sizeof(kLeverFields) / sizeof(LeverField) * sizeof(RegionTable),
              "every lever table has its row in kLeverFields");

// Region x year tables (R x T) of the trends that go on without public money,
// each schedule evaluated at every calendar year (no start_delay shift).
struct TrendTables {
  RegionTable private_growth_factor;  // 1 + private_growth: P_exog(t+1) / P_exog(t)
  RegionTable robot_installations;    // robots installed during the year, units / yr
  // Years of robot_installation_growth the year's installations have had:
  // those beyond the schedule's last given year, counted from the start year
  // at the earliest (a single number is the start year's value); 0 within it.
  RegionTable robot_installation_growth_years;
  // R x kMaxRobotServiceLife: column a - 1 holds the installations of
  // calendar year start_year - a, the ages of the start stock (data.hpp).
  RegionTable robot_installations_before;
  // R x (T + 1): column k holds the manufacturing employees of calendar year
  // start_year + k - 1, persons. Year index k reads column k for the density
  // of its 1 January stock (last year's) and column k + 1 for its room.
  RegionTable manufacturing_employment;
  // R x T: each region's share of the world's manufacturing value added in
  // the year, the share of the physical-AI demand its factories make (0 in
  // every row when no region has factories).
  RegionTable physical_demand_share;
};

// Global assumptions, one value per draw (1 x N). Names match Assumptions.
struct DrawAssumptions {
#define AISIM_ASSUMPTION(name, unit, range, doc) DrawRow name;
#include "sim/scenario/assumptions.def"
};
// How many rows of draws DrawAssumptions holds (8 bytes a draw each).
inline constexpr int kAssumptionCount = 0
#define AISIM_ASSUMPTION(name, unit, range, doc) +1
#include "sim/scenario/assumptions.def"
    ;

// Per-region constants (R x 1).
struct RegionConstants {
  RegionColumn public_compute, public_talent, public_data, public_adoption, public_power;
  RegionColumn private_compute, private_talent, private_data, private_adoption, private_power;
  RegionColumn private_investment;
  RegionColumn compute_stock, compute_physical_share, power_capacity, researchers, robots,
      generative_data;
  RegionColumn algorithmic_efficiency, home_advantage, market_access;
  // Derived once so the year loop only broadcasts stored columns:
  RegionColumn market_access_offset;    // 0 with market access, -inf without (markets.cpp)
  RegionColumn log10_generative_data;   // log10(max(generative_data, 1e-12))
};

// Alliance coupling, R x R, zero diagonal: entry (i, j) is the share of region
// j's stock that region i can use (the largest share over alliances they share).
// talent_affinity = I + talent: how much a researcher treats region i as home
// when leaving region j (step 3); its transpose is kept for the normaliser.
struct AllianceMatrices {
  RegionMatrix compute, data, talent;
  RegionMatrix talent_affinity, talent_affinity_transposed;
};

// Compute standing in one region that another region's firms own or use
// (Region::hosted_for, hosted_share; step 6 of docs/MODEL.md).
struct HostingTables {
  std::vector<int> user;  // per region: index of the region whose firms use its hosted share, or -1
  RegionTable share;      // R x T: that share in each year (0 where user is -1)
  bool any = false;       // some region hosts compute for another
};

// Region levers that differ between draws (sweeps vary them per sample).
// When `active`, these R x (T * draws) tables replace `levers` (the value of
// year k for draw j is column k * draws + j); ordinary runs leave it inactive
// and the year loop broadcasts the R x T columns (WithLeversInYear).
struct DrawLeverTables {
  bool active = false;
  int draws = 0;
  LeverTables levers;
};

struct ModelInputs {
  int regions = 0;     // R
  int draws = 0;       // N
  int years = 0;       // T (rows of output, start_year..end_year)
  int start_year = 0;
  // Years of the recorded frontier before the start (frontier_run_history,
  // from its first year to start_year - 1) and log10 of its largest run in
  // each, FLOP: the leader's path before the simulation (frontier_path.hpp).
  int history_years = 0;
  Eigen::ArrayXd frontier_history_log10;
  LeverTables levers;
  TrendTables trends;
  RegionConstants region;
  DrawAssumptions assumptions;
  AllianceMatrices alliances;
  HostingTables hosting;
  // Years from paying for power to its grid connection, per region
  // (Region::power_delay), and how many years of additions wait to be
  // connected (the largest delay + 1; State::power_pending).
  std::vector<int> power_delay;
  int power_pending_years = 1;
  // Domestic accelerators (Region::domestic_chip_supply, _value; step 2b):
  // supply R x T, H100e / yr, and value R x 1.
  struct DomesticChips {
    RegionTable supply;
    RegionColumn value;
  } domestic_chips;
  Eigen::ArrayXd market_size_generative;  // USD bn / yr, per year (T)
  Eigen::ArrayXd market_size_physical;    // USD bn / yr, per year (T)
  DrawLeverTables draw_levers;            // inactive except in sweeps
};

// Calls body(lever) once, where lever(&LeverTables::x) gives region r's value
// of lever x in year index `year` as a function of r: one number for every
// draw in ordinary runs, a row of draws when sweeps vary the levers per draw
// (DrawLeverTables). The steps that read levers (AllocateMoney, StepCompute,
// StepPower) write their equations once, in a generic lambda compiled for
// both forms, so that a draw's public money has the same bits in a sweep as
// in `aisim run` (the same products in the same order).
template <typename Body>
void WithLeversInYear(const ModelInputs& inputs, int year, Body&& body) {
  using Lever = const RegionTable LeverTables::*;
  const DrawLeverTables& per_draw = inputs.draw_levers;
  if (per_draw.active) {
    body([&per_draw, year](Lever lever) {
      const Eigen::Index draws = per_draw.draws;
      return [columns = (per_draw.levers.*lever).middleCols(year * draws, draws)](Eigen::Index r) {
        return columns.row(r);
      };
    });
  } else {
    body([&inputs, year](Lever lever) {
      return [&table = inputs.levers.*lever, year](Eigen::Index r) { return table(r, year); };
    });
  }
}

// Builds the inputs for `draws` draws. With draws == 1 every assumption takes
// its nominal value; otherwise assumptions with a distribution are sampled by
// inverse CDF from a stream seeded by (seed, assumption name), so a draw's
// value of one assumption never depends on which others are uncertain (common
// random numbers across scenarios). Requires a validated scenario.
ModelInputs BuildInputs(const Scenario& scenario, int draws, unsigned long long seed);

// The lever tables of a scenario (R x T): every schedule at every year.
LeverTables BuildLeverTables(const Scenario& scenario);

// Writes row `row` of every lever table from `region`'s schedules (the rows
// BuildLeverTables fills); `levers` must already be R x T. Sweeps call it
// with a region whose lever was set to a sample's value.
void FillRegionLevers(const Scenario& scenario, const Region& region, int row, LeverTables& levers);

// The per-draw row of the global assumption named `name` (the YAML key under
// `assumptions:`), or nullptr when no such assumption is sampled per draw.
DrawRow* FindDrawAssumption(DrawAssumptions& assumptions, const std::string& name);

// Draws [first, first + count) of every assumption, for running a block of
// draws on its own, widened to `columns` (>= count) with copies of the last
// draw (see PaddedDraws in model.hpp).
DrawAssumptions SliceDrawsPadded(const DrawAssumptions& all, int first, int count, int columns);

}  // namespace sim
