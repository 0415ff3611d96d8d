#include "sim/explore/series_json.hpp"

#include "sim/output/quantiles.hpp"

namespace sim::explore {

nlohmann::json SeriesJson(const Results& results) {
  nlohmann::json years = nlohmann::json::array();
  for (int k = 0; k < results.years(); ++k) years.push_back(results.start_year() + k);
  nlohmann::json regions = nlohmann::json::array();
  for (int r = 0; r < results.regions(); ++r) {
    regions.push_back({{"code", results.region_codes()[r]}, {"name", results.region_names()[r]}});
  }
  nlohmann::json variables = nlohmann::json::array();
  for (Variable variable : kChartedVariables) {
    const VariableInfo& info = Describe(variable);
    nlohmann::json entry = {{"name", info.name}, {"unit", info.unit}, {"description", info.description}};
    if (results.draws() == 1) {
      nlohmann::json rows = nlohmann::json::array();
      for (int r = 0; r < results.regions(); ++r) {
        nlohmann::json row = nlohmann::json::array();
        for (int k = 0; k < results.years(); ++k) row.push_back(results.At(variable, k)(r, 0));
        rows.push_back(std::move(row));
      }
      entry["value"] = std::move(rows);
    } else {
      const char* names[] = {"p5", "p25", "p50", "p75", "p95"};
      nlohmann::json rows[5];
      for (int r = 0; r < results.regions(); ++r) {
        nlohmann::json row[5];
        for (int k = 0; k < results.years(); ++k) {
          const QuantileSet q = results.Quantiles(variable, k, r);
          const double values[] = {q.p5, q.p25, q.p50, q.p75, q.p95};
          for (int i = 0; i < 5; ++i) row[i].push_back(values[i]);
        }
        for (int i = 0; i < 5; ++i) rows[i].push_back(std::move(row[i]));
      }
      for (int i = 0; i < 5; ++i) entry[names[i]] = std::move(rows[i]);
    }
    variables.push_back(std::move(entry));
  }
  return {{"scenario", results.scenario()}, {"draws", results.draws()}, {"years", years},
          {"regions", regions}, {"variables", variables}};
}

}  // namespace sim::explore
