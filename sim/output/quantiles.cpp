#include "sim/output/quantiles.hpp"

#include <cstdio>
#include <vector>

namespace sim {

QuantileSet Quantiles(const Results& results, Variable variable, int year_index, int region) {
  const auto row = results.At(variable, year_index).row(region);
  std::vector<double> values(row.begin(), row.end());
  double q[5];
  for (int i = 0; i < 5; ++i) q[i] = Quantile(values, kQuantileLevels[i]);
  return {q[0], q[1], q[2], q[3], q[4]};
}

std::string MedianAndRange(const QuantileSet& q, bool monte_carlo, const char* format, double divisor,
                           const RangeStyle& style) {
  const auto number = [&](double value) {
    char text[64];
    std::snprintf(text, sizeof text, format, value / divisor);
    return std::string(text);
  };
  if (!monte_carlo) return number(q.p50);
  return number(q.p50) + style.open + number(q.p5) + style.to + number(q.p95) + style.close;
}

}  // namespace sim
