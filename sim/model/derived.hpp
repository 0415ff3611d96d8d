// Step 8 of docs/MODEL.md: years behind the leader and rank.
#pragma once

#include "sim/model/inputs.hpp"
#include "sim/model/state.hpp"

namespace sim {

// From outcome.capability_* writes, per sector:
//   years_behind_r = (max_j cap_j - cap_r) / frontier_oom_per_year   (years, >= 0)
//   rank_r = 1 + #{j : cap_j > cap_r}                               (1 = leader; ties share)
void YearsBehindAndRank(const ModelInputs& inputs, const DrawAssumptions& assumptions,
                        YearOutcome& outcome, Scratch& scratch);

}  // namespace sim
