// The model's state and its per-year scratch space. Every array is R x N
// (regions x draws) and is sized once, before the year loop, so that the loop
// itself never allocates.
#pragma once

#include "sim/eigen_types.hpp"

namespace sim {

// Stocks on 1 January of the current year.
struct State {
  RegionDrawArray compute_generative;  // installed accelerators serving generative AI, H100e
  RegionDrawArray compute_physical;    // installed accelerators serving physical AI, H100e
  RegionDrawArray fleet_kilowatts;     // power the installed accelerators draw at full use, kW
                                       // (each chip at the kW per dollar of its year of purchase)
  RegionDrawArray power_capacity;      // data-centre power available for AI, GW
  // GW paid for in each of the last ModelInputs::power_pending_years years and
  // not yet connected: year y's additions are columns (y % those years) * N
  // onwards (regions with a power_delay only).
  RegionDrawArray power_pending;
  RegionDrawArray researchers;         // top-tier AI researchers, persons
  RegionDrawArray robots;              // operational robot stock, units
  // Robots installed in each of the last robot_cohort_years years, oldest
  // withdrawn first: year y's cohort is columns (y % robot_cohort_years) * N
  // onwards, y counted from the start (the start stock's cohorts at y < 0).
  RegionDrawArray robot_cohorts;
  int robot_cohort_years = 0;          // at least the longest service life in the draws, rounded up
  RegionDrawArray physical_data;       // accumulated robot operating data, robot-years
  DrawRow physical_data_world_start;   // the world's physical data in the start year (>= 1), robot-years:
                                       // the unit robot models' data is counted in
  RegionDrawArray generative_data;     // usable domestic text, trillion tokens
  RegionDrawArray private_exogenous;   // private investment not driven by AI value, USD bn / yr
  // Last year's market shares, which market_lock_in carries into this year.
  RegionDrawArray market_share_generative, market_share_physical;
  // Shares of world AI value summed over the years before this one.
  RegionDrawArray value_share_cumulative;
  // Learning by doing: robots in service at the start plus every robot
  // installed since, and how many robots a dollar buys now against the start.
  RegionDrawArray robot_experience, robot_price_advantage;
  // Data flywheel: revenue each region served in each sector before this
  // year, USD bn, and the unit usage is counted in: the world's revenue in
  // the sector in the start year (the same in every row).
  RegionDrawArray usage_generative, usage_physical, usage_start_generative, usage_start_physical;
  RegionDrawArray public_cumulative;   // public money spent before this year, USD bn

  // Sizes every array to regions x draws (contents unspecified),
  // power_pending to regions x (draws * pending_years) and robot_cohorts to
  // regions x (draws * cohort_years).
  void Resize(int regions, int draws, int pending_years, int cohort_years);
};

// Money spent during the year, by purpose and sector, USD bn / yr.
struct YearMoney {
  RegionDrawArray public_total;  // private: Workspace::private_investment
  RegionDrawArray compute_generative, compute_physical;
  RegionDrawArray talent, power;
  RegionDrawArray data_generative, data_physical;
  RegionDrawArray adoption_generative, adoption_physical;
  RegionDrawArray adoption_physical_public;  // the public programmes' part of adoption_physical

  void Resize(int regions, int draws);
};

// Quantities derived within a year from the state; also what the year reports.
struct YearOutcome {
  RegionDrawArray operational_generative, operational_physical;  // H100e powered and running
  RegionDrawArray lag;                 // years behind the algorithmic frontier
  RegionDrawArray largest_cluster;     // H100e of generative compute in the largest cluster
  RegionDrawArray largest_run;         // FLOP of the largest training run it can do this year
  RegionDrawArray capability_generative;  // log10 of start-year-algorithm-equivalent FLOP
  RegionDrawArray capability_physical;    // the same, of the region's best robot model
  RegionDrawArray share_generative, share_physical;  // shares of global revenue, [0, 1]
  RegionDrawArray value;               // AI revenue captured, USD bn / yr
  // Filled only when read (ReadVariable in model.hpp); ranks are not stored.
  RegionDrawArray sovereignty;         // share of domestic generative demand served at home
  RegionDrawArray years_behind_generative, years_behind_physical;  // years

  void Resize(int regions, int draws);
};

// Scratch arrays reused by the step functions (names say what they hold only
// inside one function; nothing carries over between calls).
struct Scratch {
  RegionDrawArray a, b, c, d, e;
  DrawRow row_a, row_b, row_c;

  void Resize(int regions, int draws);
};

}  // namespace sim
