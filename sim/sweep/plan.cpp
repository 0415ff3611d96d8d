#include "sim/sweep/plan.hpp"

#include <algorithm>

#include "sim/output/summary_writer.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim {
namespace {

using nlohmann::json;

// Manifest fields that describe one run of the sweep rather than the sweep
// itself: everything else in a manifest is its Definition, hashed into study_hash.
const char* const kRunFields[] = {"aisim_version", "study_hash", "shard",  "first_sample", "end_sample",
                                  "completed",     "status",     "files",  "merged_from",  "wall_time_seconds"};

}  // namespace

std::vector<int> GridSteps(const Study& study) {
  std::vector<int> steps;
  for (const VariedPath& v : study.varied) steps.push_back(v.steps > 0 ? v.steps : study.grid_steps);
  return steps;
}

json SweepDefinition(const Study& study, const Scenario& scenario, const std::vector<OutcomeSpec>& outcomes,
                     long long total) {
  json varied = json::array();
  const std::vector<int> steps = GridSteps(study);
  for (size_t p = 0; p < study.varied.size(); ++p) {
    const VariedPath& v = study.varied[p];
    json item = {{"path", v.path}, {"low", v.low}, {"high", v.high}};
    if (study.method == SweepMethod::kGrid) item["steps"] = steps[p];
    if (!v.distribution_text.empty()) item["distribution"] = v.distribution_text;
    varied.push_back(item);
  }
  json columns = json::array();
  for (const OutcomeSpec& o : outcomes) columns.push_back(o.Column());
  json definition = {{"scenario", scenario.name},
          {"scenario_hash", HashText(WriteResolvedYaml(scenario))},
          {"method", MethodName(study.method)},
          {"seed", study.seed},
          {"samples", study.samples},
          {"total_samples", total},
          {"levels", study.morris_levels},
          {"bootstrap", study.bootstrap},
          {"confidence", study.confidence},
          {"varied", varied},
          {"outcomes", columns},
          {"by_year", study.by_year},
          {"timeseries", study.timeseries}};
  // Only when there is one: sweeps without a variant keep their study hash.
  if (!study.variant.empty()) definition["variant"] = study.variant;
  return definition;
}

bool DefinitionIntact(const json& manifest) {
  json definition = manifest;
  for (const char* field : kRunFields) definition.erase(field);
  return manifest.contains("study_hash") && manifest["study_hash"].is_string() &&
         HashText(definition.dump()) == manifest["study_hash"].get<std::string>();
}

std::pair<long long, long long> ShardRange(long long total, long long shard, long long shards) {
  long long per_shard = (total + shards - 1) / shards;
  per_shard = (per_shard + kSweepBlock - 1) / kSweepBlock * kSweepBlock;
  return {std::min(total, per_shard * (shard - 1)), std::min(total, per_shard * shard)};
}

std::vector<DataFile> DataFiles(const json& definition, long long first, long long timeseries_lines) {
  std::string samples = "sample", outcomes = "sample";
  for (const json& v : definition.at("varied")) samples += "," + v.at("path").get<std::string>();
  for (const json& o : definition.at("outcomes")) outcomes += "," + o.get<std::string>();
  std::vector<DataFile> files = {
      {"samples.csv", {samples, first, 1, static_cast<int>(definition["varied"].size()) + 1, 1}},
      {"outcomes.csv", {outcomes, first, 1, static_cast<int>(definition["outcomes"].size()) + 1, 1}}};
  if (definition.at("timeseries").get<bool>()) {
    files.push_back({"timeseries.csv", {"sample,region,variable,year,value", first, timeseries_lines, 5, 4}});
  }
  return files;
}

void SampleValues(const Study& study, const Eigen::ArrayXXd& unit, Eigen::ArrayXXd& values) {
  values.resize(unit.rows(), unit.cols());
  for (Eigen::Index p = 0; p < unit.rows(); ++p) {
    const VariedPath& v = study.varied[p];
    for (Eigen::Index j = 0; j < unit.cols(); ++j) {
      const double u = unit(p, j);
      if (v.distribution.kind != Distribution::Kind::kNone) {
        const double inside = std::min(std::max(u, 0x1.0p-54), 1 - 0x1.0p-53);
        values(p, j) = v.distribution.Quantile(inside);
      } else {
        values(p, j) = (1 - u) * v.low + u * v.high;
      }
    }
  }
}

}  // namespace sim
