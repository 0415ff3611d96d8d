// How sure a rank is: over Monte Carlo draws, the share of draws in which a
// region ranks k-th or better, P(rank <= k), per sector and year.
#pragma once

#include <string>

#include "sim/eigen_types.hpp"
#include "sim/model/results.hpp"

namespace sim {

// R x R: entry (r, k - 1) is the share of draws in which region r ranks k-th
// or better by `rank` (Variable::kRankGenerative or kRankPhysical) in year
// index `year_index`. m regions tied at rank p in a draw share places
// p .. p + m - 1 equally, so the shares in column k - 1 sum to k.
Eigen::ArrayXXd RankAtMostShares(const Results& results, Variable rank, int year_index);

// rank_odds.csv of a Monte Carlo run, one row per region, sector, year and k:
//   scenario,region,sector,year,rank_at_most,probability
// with probability = RankAtMostShares.
std::string FormatRankOddsCsv(const Results& results);

}  // namespace sim
