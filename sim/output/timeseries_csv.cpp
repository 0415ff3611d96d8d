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

std::string FormatTimeseriesCsv(const Results& results) {
  const bool monte_carlo = results.draws() > 1;
  std::string out = monte_carlo ? "scenario,region,variable,unit,year,p5,p25,p50,p75,p95\n"
                                : "scenario,region,variable,unit,year,value\n";
  for (int r = 0; r < results.regions(); ++r) {
    for (const VariableInfo& info : Variables()) {
      // Names and units contain no commas or quotes, so no CSV quoting is needed.
      const std::string prefix = results.scenario() + "," + results.region_codes()[r] + "," +
                                 info.name + "," + info.unit + ",";
      for (int k = 0; k < results.years(); ++k) {
        out += prefix;
        out += std::to_string(results.start_year() + k);
        if (monte_carlo) {
          const QuantileSet q = Quantiles(results, info.variable, k, r);
          for (double value : {q.p5, q.p25, q.p50, q.p75, q.p95}) {
            out += ',';
            out += FormatNumber(value);
          }
        } else {
          out += ',';
          out += FormatNumber(results.At(info.variable, k)(r, 0));
        }
        out += '\n';
      }
    }
  }
  return out;
}

}  // namespace sim
