// The quantiles every Monte Carlo output reports (timeseries.csv, the
// summaries, the headline and the explorer's fan), over a run's draws.
#pragma once

#include <string>

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

// A table cell: the median by the printf `format` ("%.2f"), and for many
// draws the 5-95% range after it, "12.3 (11.9 to 12.8)" by default or with
// other punctuation ("12.3 [11.9-12.8]" with " [", "-", "]"). Each value is
// divided by `divisor` first (1e6: millions).
struct RangeStyle {
  const char* open = " (";
  const char* to = " to ";
  const char* close = ")";
};
std::string MedianAndRange(const QuantileSet& q, bool monte_carlo, const char* format, double divisor = 1,
                           const RangeStyle& style = {});

}  // namespace sim
