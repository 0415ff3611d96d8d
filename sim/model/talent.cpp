#include "sim/model/talent.hpp"

#include "sim/model/alliances.hpp"
#include "sim/model/vector_math.hpp"

namespace sim {

// exp() and log() run on whole arrays (vector_math.hpp).
void MigrateResearchers(const AllianceMatrices& alliances, const DrawRow& mobility,
                        const DrawRow& home_bias, const RegionDrawArray& attractiveness,
                        RegionDrawArray& researchers, Scratch& scratch) {
  RegionDrawArray& weight = scratch.a;     // e
  RegionDrawArray& normaliser = scratch.b; // Z
  RegionDrawArray& leaving = scratch.c;    // q = o / Z
  RegionDrawArray& coupled = scratch.d;    // G q, when G is not I
  DrawRow& bias_gain = scratch.row_a;      // exp(home_bias) - 1
  DrawRow& column = scratch.row_b;         // per draw: max or sum over regions

  MaxOverRegions(attractiveness, column);
  weight = attractiveness.rowwise() - column;
  ExpInPlace(weight);
  bias_gain = home_bias;
  ExpInPlace(bias_gain);
  bias_gain -= 1.0;

  // Z = A^T e = colsum(e) + (exp(b) - 1) G^T e
  const RegionDrawArray& allied_weight =  // G^T e
      Couple(alliances.talent_affinity_transposed, weight, normaliser);
  SumOverRegions(weight, column);
  normaliser = (allied_weight.rowwise() * bias_gain).rowwise() + column;

  // q = o / Z with o = mobility * H the researchers who re-choose, then
  // H <- H - o + e * (A q),  A q = colsum(q) + (exp(b) - 1) G q.
  leaving = (researchers.rowwise() * mobility) / normaliser;
  const RegionDrawArray& allied_leaving = Couple(alliances.talent_affinity, leaving, coupled);
  SumOverRegions(leaving, column);
  researchers = (researchers - researchers.rowwise() * mobility) +
                ((allied_leaving.rowwise() * bias_gain).rowwise() + column) * weight;
}

void StepTalent(const ModelInputs& inputs, const DrawAssumptions& assumptions,
                const YearMoney& money, const YearOutcome& outcome,
                const RegionDrawArray& private_investment, State& state, Scratch& scratch) {
  // Newly trained researchers count those of the start of the year and join
  // after this year's moves. Kept in scratch.e: migration uses a to d.
  RegionDrawArray& trained = scratch.e;
  trained = (money.talent * 1e9).rowwise() / assumptions.cost_per_researcher +
            state.researchers.rowwise() * assumptions.researcher_growth;

  // Per-researcher ratios are floored so that an empty region, or one without
  // compute or private money, gets a finite (very low) attractiveness; so is
  // the number of researchers they are taken over.
  constexpr double kFloor = 1e-12;
  RegionDrawArray& attractiveness = scratch.b;
  RegionDrawArray& money_term = scratch.c;
  attractiveness = ((outcome.operational_generative + outcome.operational_physical) /
                    state.researchers.max(1.0))
                       .max(kFloor);
  LogInPlace(attractiveness);
  money_term = (private_investment / state.researchers.max(1.0)).max(kFloor);
  LogInPlace(money_term);
  attractiveness = attractiveness.rowwise() * assumptions.attraction_compute_weight +
                   money_term.rowwise() * assumptions.attraction_money_weight;
  // Agglomeration: the pool already there draws researchers, against the
  // per-head terms above that push them to where compute and money are
  // spread over fewer people. log(max(H, 1)) is 0 for an empty region.
  RegionDrawArray& log_pool = scratch.c;  // money_term's buffer, no longer needed
  log_pool = state.researchers.max(1.0);
  LogInPlace(log_pool);
  attractiveness += log_pool.rowwise() * assumptions.talent_agglomeration;

  // MigrateResearchers reads `attractiveness` (scratch.b) before it reuses b.
  MigrateResearchers(inputs.alliances, assumptions.researcher_mobility, assumptions.home_bias,
                     attractiveness, state.researchers, scratch);
  state.researchers += trained;
}

}  // namespace sim
