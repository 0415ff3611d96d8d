// The quantiles every Monte Carlo output reports (timeseries.csv, the
// summaries, the headline and the explorer's fan), over a run's draws.
#pragma once

#include "sim/model/results.hpp"

namespace sim {

// Probabilities of the quantile columns of Monte Carlo output.
inline constexpr double kQuantileLevels[] = {0.05, 0.25, 0.50, 0.75, 0.95};

// The five quantiles of a variable for one region and year, over draws
// (all five equal the value when there is one draw).
struct QuantileSet {
  double p5, p25, p50, p75, p95;
};
QuantileSet Quantiles(const Results& results, Variable variable, int year_index, int region);

}  // namespace sim
