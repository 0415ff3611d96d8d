// How the quantiles of Monte Carlo output (Results::Quantiles) are written
// in tables.
#pragma once

#include <string>

#include "sim/model/results.hpp"

namespace sim {

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
