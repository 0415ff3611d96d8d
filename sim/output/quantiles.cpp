#include "sim/output/quantiles.hpp"

#include <vector>

namespace sim {

QuantileSet Quantiles(const Results& results, Variable variable, int year_index, int region) {
  const auto row = results.At(variable, year_index).row(region);
  std::vector<double> values(row.begin(), row.end());
  double q[5];
  for (int i = 0; i < 5; ++i) q[i] = Quantile(values, kQuantileLevels[i]);
  return {q[0], q[1], q[2], q[3], q[4]};
}

}  // namespace sim
