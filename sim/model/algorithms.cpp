#include "sim/model/algorithms.hpp"

#include <cmath>

namespace sim {

void AlgorithmicLag(const ModelInputs& inputs, const DrawAssumptions& assumptions,
                    const State& state, YearOutcome& outcome, Scratch& scratch) {
  // Floors keep log2 finite: an empty region gets a huge ratio, which the
  // min() then caps at max_lag.
  constexpr double kFloor = 1e-12;
  RegionDrawArray& usable = scratch.a;
  DrawRow& top = scratch.row_a;
  DrawRow& open_factor = scratch.row_b;
  usable.matrix().noalias() = inputs.alliances.talent.lazyProduct(state.researchers.matrix());
  usable += state.researchers;
  usable = usable.max(kFloor);
  top = usable.colwise().maxCoeff();

  // log2(top / usable) by true division, so that the leader's ratio is
  // exactly 1 and its lag exactly 0 (top * (1 / top) can round below 1).
  outcome.lag.setZero();
  outcome.lag.rowwise() += top;
  outcome.lag /= usable;
  outcome.lag = outcome.lag.log() * (1.0 / std::log(2.0));
  outcome.lag.rowwise() *= assumptions.lag_per_talent_halving;
  outcome.lag = outcome.lag.min(assumptions.max_diffusion_lag.replicate(inputs.regions, 1));
  open_factor = 1.0 - 0.5 * assumptions.open_weights;
  outcome.lag.rowwise() *= open_factor;
}

}  // namespace sim
