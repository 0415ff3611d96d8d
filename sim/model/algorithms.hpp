// Step 5 of docs/MODEL.md: how far each region trails the algorithmic frontier.
#pragma once

#include "sim/model/inputs.hpp"
#include "sim/model/state.hpp"

namespace sim {

// Algorithmic lag in years (R x N), written to outcome.lag:
//   H_eff = H + talent_alliance * H       researchers a region can draw on
//   L = min(max_lag, l * log2(max_r H_eff / H_eff)) * (1 - 0.5 * open_weights)
// l = lag_per_talent_halving. Talent-rich regions sit at the frontier (L = 0);
// a region with no researchers trails by the full max_lag (times the
// open-weights factor).
void AlgorithmicLag(const ModelInputs& inputs, const DrawAssumptions& assumptions,
                    const State& state, YearOutcome& outcome, Scratch& scratch);

}  // namespace sim
