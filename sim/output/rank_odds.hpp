// How sure a rank is: over Monte Carlo draws, the share of draws in which a
// region ranks k-th or better, P(rank <= k), per sector and year.
#pragma once

#include <string>

#include "sim/eigen_types.hpp"
#include "sim/model/results.hpp"

namespace sim {

// rank_odds.csv of a Monte Carlo run, one row per region, sector, year and k:
//   scenario,region,sector,year,rank_at_most,probability
// with probability = Results::RankOdds.
std::string FormatRankOddsCsv(const Results& results);

}  // namespace sim
