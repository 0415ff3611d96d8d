#include "sim/output/timeseries_csv.hpp"

#include <vector>

#include "sim/output/atomic_file.hpp"

namespace sim {

QuantileSet Quantiles(const Results& results, Variable variable, int year_index, int region) {
  const auto row = results.At(variable, year_index).row(region);
  std::vector<double> values(row.begin(), row.end());
  double q[5];
  for (int i = 0; i < 5; ++i) q[i] = Quantile(values, kQuantileLevels[i]);
  return {q[0], q[1], q[2], q[3], q[4]};
}

std::string TimeseriesModelName() { return std::string("aisim ") + AISIM_VERSION; }

std::string FormatTimeseriesCsv(const Results& results) {
  const bool monte_carlo = results.draws() > 1;
  std::string out = monte_carlo ? "model,scenario,region,variable,unit,year,quantile,value\n"
                                : "model,scenario,region,variable,unit,year,value\n";
  const std::string model = TimeseriesModelName() + ",";
  for (int r = 0; r < results.regions(); ++r) {
    for (const VariableInfo& info : Variables()) {
      // Names and units contain no commas or quotes, so no CSV quoting is needed.
      const std::string prefix = model + results.scenario() + "," + results.region_codes()[r] + "," +
                                 info.name + "," + info.unit + ",";
      for (int k = 0; k < results.years(); ++k) {
        const std::string year = std::to_string(results.start_year() + k);
        if (!monte_carlo) {
          out += prefix + year + "," + FormatNumber(results.At(info.variable, k)(r, 0)) + "\n";
          continue;
        }
        const QuantileSet q = Quantiles(results, info.variable, k, r);
        const double values[] = {q.p5, q.p25, q.p50, q.p75, q.p95};
        for (int i = 0; i < 5; ++i) {
          out += prefix + year + "," + FormatNumber(kQuantileLevels[i]) + "," + FormatNumber(values[i]) + "\n";
        }
      }
    }
  }
  return out;
}

}  // namespace sim
