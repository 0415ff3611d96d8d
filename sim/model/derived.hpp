// Step 8 of docs/MODEL.md: rank per sector (years behind are read on the
// leader's path, frontier_path.hpp).
#pragma once

#include "sim/eigen_types.hpp"

namespace sim {

// rank_r = 1 + #{j : cap_j > cap_r} (1 = leader; ties share), for every
// column of `capability` (R x n), written to `out` (R x n): by comparing
// every pair across the draws for a few regions, by sorting each draw
// (O(R log R)) for many. Nothing in the year loop reads ranks, so they are
// derived when read (ReadVariable in model.hpp): a sweep ranks only what it
// records.
void Rank(const Eigen::Ref<const RegionDrawArray>& capability, Eigen::Ref<RegionDrawArray> out);

}  // namespace sim
