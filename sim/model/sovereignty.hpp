// Step 7b of docs/MODEL.md: how much of a region's own generative-AI demand
// its own models serve.
#pragma once

#include "sim/model/inputs.hpp"
#include "sim/model/state.hpp"

namespace sim {

// Writes outcome.sovereignty (share, [0, 1]) from outcome.capability_generative:
//   foreign_r = max_{j != r} cap_gen_j         best foreign model
//   logit = (cap_gen_r - foreign_r) / sovereignty_scale + home_advantage_r
//           + sovereignty_data_weight * log10(D_gen / D_gen,start)
//   sovereignty = 1 / (1 + exp(-logit))
// With a single region there is no foreign model and the share is 1.
// Nothing in the year loop reads it, so it is computed when read
// (ReadVariable in model.hpp), from the state of 1 January.
void Sovereignty(const ModelInputs& inputs, const DrawAssumptions& assumptions,
                 const State& state, YearOutcome& outcome, Scratch& scratch);

}  // namespace sim
