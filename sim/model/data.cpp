#include "sim/model/data.hpp"

namespace sim {

void StepData(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
              const YearMoney& money, State& state, Scratch& scratch) {
  RegionDrawArray& bought = scratch.a;
  DrawRow& kept = scratch.row_a;  // share of a stock that survives the year

  bought = money.data_physical * 1e9;
  bought.rowwise() /= assumptions.cost_per_robot_year_data;
  kept = 1.0 - assumptions.physical_data_decay;
  state.physical_data.rowwise() *= kept;
  state.physical_data += state.robots + bought;

  bought = money.adoption_physical * 1e9;
  bought.rowwise() /= assumptions.robot_cost;
  kept = 1.0 - assumptions.robot_retirement;
  state.robots.rowwise() *= kept;
  state.robots += bought;
  state.robots.colwise() += inputs.trends.robot_installations.col(year);

  bought = money.data_generative + money.adoption_generative;
  bought.rowwise() /= assumptions.cost_per_trillion_tokens;
  kept = 1.0 + assumptions.generative_data_growth;
  state.generative_data.rowwise() *= kept;
  state.generative_data += bought;
}

}  // namespace sim
