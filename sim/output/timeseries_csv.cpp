#include "sim/output/timeseries_csv.hpp"

#include "sim/output/atomic_file.hpp"

namespace sim {

std::string TimeseriesModelName() { return std::string("aisim ") + AISIM_VERSION; }

namespace {

// One region's rows, in variable and year (and quantile) order.
std::string RegionRows(const Results& results, int r, const std::string& model) {
  std::string out;
  const bool monte_carlo = results.draws() > 1;
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
      const QuantileSet q = results.Quantiles(info.variable, k, r);
      const double values[] = {q.p5, q.p25, q.p50, q.p75, q.p95};
      for (int i = 0; i < 5; ++i) {
        out += prefix + year + "," + FormatNumber(kQuantileLevels[i]) + "," + FormatNumber(values[i]) + "\n";
      }
    }
  }
  return out;
}

}  // namespace

std::string FormatTimeseriesCsv(const Results& results) {
  std::string out = results.draws() > 1 ? "model,scenario,region,variable,unit,year,quantile,value\n"
                                        : "model,scenario,region,variable,unit,year,value\n";
  const std::string model = TimeseriesModelName() + ",";
  for (int r = 0; r < results.regions(); ++r) out += RegionRows(results, r, model);
  return out;
}

}  // namespace sim
