#include "sim/output/timeseries_csv.hpp"

#include <algorithm>
#include <thread>
#include <vector>

#include "sim/output/atomic_file.hpp"
#include "sim/threads.hpp"

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
      const QuantileSet q = Quantiles(results, info.variable, k, r);
      const double values[] = {q.p5, q.p25, q.p50, q.p75, q.p95};
      for (int i = 0; i < 5; ++i) {
        out += prefix + year + "," + FormatNumber(kQuantileLevels[i]) + "," + FormatNumber(values[i]) + "\n";
      }
    }
  }
  return out;
}

}  // namespace

std::string FormatTimeseriesCsv(const Results& results, int threads) {
  std::string out = results.draws() > 1 ? "model,scenario,region,variable,unit,year,quantile,value\n"
                                        : "model,scenario,region,variable,unit,year,value\n";
  const std::string model = TimeseriesModelName() + ",";
  // With draws the quantiles are most of a run's time (a selection over all
  // draws per series), so regions are formatted in parallel; the text is the
  // same for any thread count.
  const int regions = results.regions();
  threads = results.draws() > 1 ? std::max(1, std::min(ThreadsOrAllCores(threads), regions)) : 1;
  std::vector<std::string> parts(static_cast<std::size_t>(regions));
  const auto work = [&](int worker) {
    for (int r = worker; r < regions; r += threads) parts[r] = RegionRows(results, r, model);
  };
  std::vector<std::thread> workers;
  for (int worker = 1; worker < threads; ++worker) workers.emplace_back(work, worker);
  work(0);
  for (std::thread& worker : workers) worker.join();
  for (const std::string& part : parts) out += part;
  return out;
}

}  // namespace sim
