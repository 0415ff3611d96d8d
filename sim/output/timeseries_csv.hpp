// The tidy time series: one row per region, variable and year.
#pragma once

#include <string>

#include "sim/model/results.hpp"

namespace sim {

// Probabilities of the quantile columns of Monte Carlo output.
inline constexpr double kQuantileLevels[] = {0.05, 0.25, 0.50, 0.75, 0.95};

// The CSV text. Header, then rows in region, variable, year order:
//   deterministic (1 draw): scenario,region,variable,unit,year,value
//   Monte Carlo:            scenario,region,variable,unit,year,p5,p25,p50,p75,p95
// Numbers are in shortest round-trip form, so the file holds the exact doubles.
std::string FormatTimeseriesCsv(const Results& results);

// The five quantiles of a variable for one region and year, over draws
// (all five equal the value when there is one draw).
struct QuantileSet {
  double p5, p25, p50, p75, p95;
};
QuantileSet Quantiles(const Results& results, Variable variable, int year_index, int region);

}  // namespace sim
