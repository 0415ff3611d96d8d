// Step 4 of docs/MODEL.md: robots, physical data, and generative (text) data.
#pragma once

#include "sim/model/inputs.hpp"
#include "sim/model/state.hpp"

namespace sim {

// Robots installed during year index `year`, units: the region's
// installation trend (the record's installations, which firms' own
// purchases make, grown at robot_installation_growth g for the n years
// beyond the record, inputs.hpp) plus the robots public programmes buy,
// both times the robots a dollar buys now against the start (learning by
// doing; 1 without), within the room its factories have:
//   I = min((installations(year) (1 + g)^n + public_adoption_phys * 1e9 / robot_cost) * A,
//           max(0, max_robot_density * employees(year) / 1e4 - S))
//   A = (E / max(robots(start), 1))^(-log2(1 - robot_learning_rate))
// with E = state.robot_experience, the start fleet plus every robot installed
// since (firms keep spending what the trend cost at start-year prices), and S
// the robots of earlier years still at work on the next 1 January.
// Private AI money for physical adoption buys no robots beyond the trend: in
// 2020-24 US private AI spending grew about seventeenfold while US robot
// installations stayed at 31-40 thousand a year (docs/MODEL.md, step 4).
// Writes I to scratch.a and S to scratch.b; uses scratch.row_a and row_b.
void RobotInstallations(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                        const YearMoney& money, const State& state, Scratch& scratch);

// The years of cohorts State::robot_cohorts must hold for these draws: the
// longest service life, rounded up.
int RobotCohortYears(const DrawAssumptions& assumptions);

// Gives the start stock its cohorts. A robot works for robot_service_life
// years L and is then withdrawn, as in the IFR's stock method: on 1 January
// the stock is the sum of past cohorts I(y) weighted by
//   w(a) = min(1, max(0, L - a)),  a = years since the end of y's year,
// so a whole L keeps the last L cohorts and a fractional one withdraws the
// oldest cohort in part. The start stock takes its ages from the
// installations the scenario records for the years before the start (one
// factor per region and draw scales them to the stated stock; a region with
// no such record gets equal cohorts).
void InitialiseRobots(const ModelInputs& inputs, const DrawAssumptions& assumptions, State& state,
                      Scratch& scratch);

// Advances data and robots through year index `year`:
//   D_phys <- (1 - decay) D_phys + robots + money_data_phys * 1e9 / cost_per_robot_year_data
//   robots <- S + I: the cohorts still at work and this year's installations
//   E <- E + I, and A from E for next year (learning by doing)
//   D_gen  <- (1 + growth) D_gen + (money_data_gen + money_adoption_gen) / cost_per_trillion_tokens
// Each operating robot yields one robot-year of data a year; data uses the
// robot stock of the start of the year, so it is updated before the robots.
void StepData(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
              const YearMoney& money, State& state, Scratch& scratch);

}  // namespace sim
