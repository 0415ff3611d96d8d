#include "sim/model/algorithms.hpp"

#include <cmath>

#include "sim/model/alliances.hpp"
#include "sim/model/vector_math.hpp"

namespace sim {

void AlgorithmicLag(const ModelInputs& inputs, const DrawAssumptions& assumptions,
                    const State& state, YearOutcome& outcome, Scratch& scratch) {
  // Floors keep log2 finite: an empty region gets a huge ratio, which the
  // min() then caps at max_lag.
  constexpr double kFloor = 1e-12;
  const int R = inputs.regions;
  const auto per_draw = [R](const DrawRow& row) { return PerDraw(row, R); };
  RegionDrawArray& usable = scratch.a;
  DrawRow& top = scratch.row_a;
  DrawRow& open_factor = scratch.row_b;
  usable = WithPartners(inputs.alliances.talent, state.researchers, usable).max(kFloor);
  MaxOverRegions(usable, top);
  open_factor = 1.0 - 0.5 * assumptions.open_weights;

  // log2(top / usable) by true division, so that the leader's ratio is
  // exactly 1 and its lag exactly 0 (top * (1 / top) can round below 1).
  // The logarithm runs on the whole array (vector_math.hpp).
  outcome.lag = per_draw(top) / usable;
  LogInPlace(outcome.lag);
  outcome.lag *= 1.0 / std::log(2.0);
  outcome.lag = (outcome.lag * per_draw(assumptions.lag_per_talent_halving))
                    .min(per_draw(assumptions.max_diffusion_lag)) *
                per_draw(open_factor);
}

}  // namespace sim
