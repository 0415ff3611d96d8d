// The end-year table `aisim run` prints.
#pragma once

#include <string>

#include "sim/model/results.hpp"

namespace sim {

// An aligned plain-text table, one line per region, sorted by generative
// rank (median), with the units in the header. Monte Carlo runs show the
// median and the 90% range.
std::string FormatTerminalSummary(const Results& results);

}  // namespace sim
