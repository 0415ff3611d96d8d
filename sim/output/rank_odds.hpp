// How sure a rank is: over Monte Carlo draws, the share of draws in which a
// region ranks k-th or better, P(rank <= k), per sector and year.
#pragma once

#include <string>

#include "sim/eigen_types.hpp"
#include "sim/model/results.hpp"

namespace sim {

// R x R: entry (r, k - 1) is the share of draws in which region r ranks k-th
// or better by `rank` (Variable::kRankGenerative or kRankPhysical) in year
// index `year_index`. Ties share the better rank (docs/MODEL.md, step 8), so
// the shares in a column can sum to more than k.
Eigen::ArrayXXd RankAtMostShares(const Results& results, Variable rank, int year_index);

// rank_odds.csv of a Monte Carlo run, one row per region, sector, year and k:
//   scenario,region,sector,year,rank_at_most,probability
// with probability = RankAtMostShares (a multiple of 1 / draws).
std::string FormatRankOddsCsv(const Results& results);

}  // namespace sim
