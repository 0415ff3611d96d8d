// Step 4 of docs/MODEL.md: robots, physical data, and generative (text) data.
#pragma once

#include "sim/model/inputs.hpp"
#include "sim/model/state.hpp"

namespace sim {

// Advances data and robots through year index `year`:
//   D_phys <- (1 - decay) D_phys + robots + money_data_phys * 1e9 / cost_per_robot_year_data
//   robots <- (1 - retirement) robots + installations(year) + money_adoption_phys * 1e9 / robot_cost
//   D_gen  <- (1 + growth) D_gen + (money_data_gen + money_adoption_gen) / cost_per_trillion_tokens
// Each operating robot yields one robot-year of data a year; data uses the
// robot stock of the start of the year, so it is updated before the robots.
void StepData(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
              const YearMoney& money, State& state, Scratch& scratch);

}  // namespace sim
