#include "sim/model/sovereignty.hpp"

#include <limits>

#include "sim/model/vector_math.hpp"

namespace sim {

void Sovereignty(const ModelInputs& inputs, const DrawAssumptions& assumptions,
                 const State& state, YearOutcome& outcome, Scratch& scratch) {
  constexpr double kFloor = 1e-12;  // same floor as log10_generative_data
  const double minus_infinity = -std::numeric_limits<double>::infinity();
  const int R = inputs.regions;
  const auto per_draw = [R](const DrawRow& row) { return PerDraw(row, R); };
  const RegionDrawArray& capability = outcome.capability_generative;
  RegionDrawArray& logit = scratch.a;
  RegionDrawArray& log_data = scratch.b;  // log10(D_gen)
  DrawRow& top = scratch.row_a;
  DrawRow& second = scratch.row_b;
  DrawRow& top_count = scratch.row_c;

  // Best foreign capability without an R x R loop: the column max, except for
  // a sole leader, whose best foreign model is the runner-up.
  MaxOverRegions(capability, top);
  SumOverRegions((capability == per_draw(top)).cast<double>(), top_count);
  MaxOverRegions((capability == per_draw(top)).select(minus_infinity, capability), second);
  second = (top_count == 1.0).select(second, top);  // now: what a leader sees abroad
  logit = (capability - (capability == per_draw(top)).select(per_draw(second), per_draw(top)))
              .rowwise() /
          assumptions.sovereignty_scale;
  for (Eigen::Index r = 0; r < logit.rows(); ++r) logit.row(r) += inputs.region.home_advantage(r);
  // The logarithm and exp() run on whole arrays (vector_math.hpp).
  log_data = state.generative_data.max(kFloor);
  Log10InPlace(log_data);
  for (Eigen::Index r = 0; r < logit.rows(); ++r) {
    logit.row(r) += (log_data.row(r) - inputs.region.log10_generative_data(r)) *
                    assumptions.sovereignty_data_weight;
  }
  // A lone region has foreign = -inf and logit = +inf: exp(-inf) = 0, share 1.
  outcome.sovereignty = -logit;
  ExpInPlace(outcome.sovereignty);
  outcome.sovereignty = 1.0 / (1.0 + outcome.sovereignty);
}

}  // namespace sim
