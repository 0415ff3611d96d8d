// The tidy time series: one row per region, variable and year.
#pragma once

#include <string>

#include "sim/model/results.hpp"

namespace sim {

// The CSV text, in IAMC's long form so that pandas and pyam read it as it
// is. Header, then rows in region, variable, year (and quantile) order:
//   deterministic (1 draw): model,scenario,region,variable,unit,year,value
//   Monte Carlo:            model,scenario,region,variable,unit,year,quantile,value
// with one row per quantile level of kQuantileLevels (pyam keeps `quantile`
// as an extra index column). `model` is TimeseriesModelName().
// Numbers are in shortest round-trip form, so the file holds the exact doubles.
std::string FormatTimeseriesCsv(const Results& results);

// "aisim <version>": the IAMC model column, which names the tool that made
// the numbers.
std::string TimeseriesModelName();

}  // namespace sim
