#include "sim/model/data.hpp"

namespace sim {

// One pass per stock: the same operations in the same order as the step by
// step form (kept * D, then the inflows added to it), so the same bits, in
// three passes over R x N instead of thirteen.
void StepData(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
              const YearMoney& money, State& state, Scratch& scratch) {
  DrawRow& kept = scratch.row_a;  // share of a stock that survives the year
  kept = 1.0 - assumptions.physical_data_decay;
  state.physical_data = state.physical_data.rowwise() * kept +
                        (state.robots + (money.data_physical * 1e9).rowwise() /
                                            assumptions.cost_per_robot_year_data);

  kept = 1.0 - assumptions.robot_retirement;
  for (Eigen::Index r = 0; r < state.robots.rows(); ++r) {
    state.robots.row(r) = (state.robots.row(r) * kept +
                           (money.adoption_physical.row(r) * 1e9) / assumptions.robot_cost) +
                          inputs.trends.robot_installations(r, year);
  }

  kept = 1.0 + assumptions.generative_data_growth;
  state.generative_data = state.generative_data.rowwise() * kept +
                          (money.data_generative + money.adoption_generative).rowwise() /
                              assumptions.cost_per_trillion_tokens;
}

}  // namespace sim
