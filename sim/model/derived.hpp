// Step 8 of docs/MODEL.md: years behind the leader and rank, per sector.
#pragma once

#include "sim/model/inputs.hpp"
#include "sim/model/state.hpp"

namespace sim {

// years_behind_r = (max_j cap_j - cap_r) / frontier_oom_per_year (years,
// >= 0) for capabilities `capability` (R x N) of one sector, written to
// `years_behind`; `top` receives max_j cap_j. Nothing in the year loop reads
// it, so it is computed when read (ReadVariable in model.hpp).
void YearsBehind(const RegionDrawArray& capability, const DrawRow& frontier_oom_per_year,
                 DrawRow& top, RegionDrawArray& years_behind);

// rank_r = 1 + #{j : cap_j > cap_r} (1 = leader; ties share), for every
// column of `capability` (R x n), written to `out` (R x n). R comparisons
// per value, and nothing in the year loop reads ranks, so they are derived
// when read (ReadVariable in model.hpp): a sweep ranks only what it records.
void Rank(const Eigen::Ref<const RegionDrawArray>& capability, Eigen::Ref<RegionDrawArray> out);

}  // namespace sim
