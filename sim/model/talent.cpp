#include "sim/model/talent.hpp"

namespace sim {

void MigrateResearchers(const AllianceMatrices& alliances, const DrawRow& mobility,
                        const DrawRow& home_bias, const RegionDrawArray& attractiveness,
                        RegionDrawArray& researchers, Scratch& scratch) {
  RegionDrawArray& weight = scratch.a;     // e
  RegionDrawArray& normaliser = scratch.b; // Z, then reused for A q
  RegionDrawArray& leaving = scratch.c;    // o, then q
  RegionDrawArray& arriving = scratch.d;
  DrawRow& bias_gain = scratch.row_a;      // exp(home_bias) - 1
  DrawRow& column_sum = scratch.row_b;

  column_sum = attractiveness.colwise().maxCoeff();
  weight = attractiveness.rowwise() - column_sum;
  weight = weight.exp();
  bias_gain = home_bias.exp() - 1.0;

  // Z = A^T e = colsum(e) + (exp(b) - 1) G^T e
  normaliser.matrix().noalias() = alliances.talent_affinity_transposed.lazyProduct(weight.matrix());
  normaliser.rowwise() *= bias_gain;
  column_sum = weight.colwise().sum();
  normaliser.rowwise() += column_sum;

  leaving = researchers;
  leaving.rowwise() *= mobility;
  researchers -= leaving;
  leaving /= normaliser;  // q

  // arriving = e * (A q) = e * (colsum(q) + (exp(b) - 1) G q)
  arriving.matrix().noalias() = alliances.talent_affinity.lazyProduct(leaving.matrix());
  arriving.rowwise() *= bias_gain;
  column_sum = leaving.colwise().sum();
  arriving.rowwise() += column_sum;
  arriving *= weight;
  researchers += arriving;
}

void StepTalent(const ModelInputs& inputs, const DrawAssumptions& assumptions,
                const YearMoney& money, const YearOutcome& outcome,
                const RegionDrawArray& private_investment, State& state, Scratch& scratch) {
  // Newly trained researchers count those of the start of the year and join
  // after this year's moves. Kept in scratch.e: migration uses a to d.
  RegionDrawArray& trained = scratch.e;
  trained = money.talent * 1e9;
  trained.rowwise() /= assumptions.cost_per_researcher;
  trained += state.researchers.rowwise() * assumptions.researcher_growth;

  // Per-researcher ratios are floored so that an empty region, or one without
  // compute or private money, gets a finite (very low) attractiveness.
  constexpr double kFloor = 1e-12;
  RegionDrawArray& people = scratch.a;
  RegionDrawArray& attractiveness = scratch.b;
  RegionDrawArray& money_term = scratch.c;
  people = state.researchers.max(1.0);
  attractiveness = ((outcome.operational_generative + outcome.operational_physical) / people)
                       .max(kFloor)
                       .log();
  attractiveness.rowwise() *= assumptions.attraction_compute_weight;
  money_term = (private_investment / people).max(kFloor).log();
  money_term.rowwise() *= assumptions.attraction_money_weight;
  attractiveness += money_term;

  // MigrateResearchers reads `attractiveness` (scratch.b) before it reuses b.
  MigrateResearchers(inputs.alliances, assumptions.researcher_mobility, assumptions.home_bias,
                     attractiveness, state.researchers, scratch);
  state.researchers += trained;
}

}  // namespace sim
