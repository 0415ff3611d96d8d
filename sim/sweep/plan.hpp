// Planning a sweep: which samples a shard holds, the blocks they are
// computed in, what defines the sweep's outputs (its Definition, hashed into
// study_hash, which resume and merge compare) and what each data file holds.
// Pure functions of the study: no files, no threads.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "sim/eigen_types.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/sweep/data_files.hpp"
#include "sim/sweep/study.hpp"

namespace sim {

// Samples per block. Blocks are the unit of work and of writing. They always
// start at multiples of kSweepBlock (shards are cut there and a resumed sweep
// restarts at the last complete multiple), so every sample is computed in
// the same block at the same column whatever the jobs, shards or
// interruptions: last-bit differences between SIMD lanes and Eigen's product
// kernels for different column positions can never reach the outputs.
constexpr int kSweepBlock = 256;

// A manifest holds the study and one entry per data file: kilobytes. Read
// with this limit, a damaged or foreign one cannot exhaust memory.
constexpr std::uintmax_t kMaxManifestBytes = 16u << 20;

// Grid points per varied path: its own `steps`, else the study's grid_steps.
std::vector<int> GridSteps(const Study& study);

// What defines the sweep's outputs (not where or how fast it runs): the
// fields of manifest.json that are hashed into study_hash. `total` is the
// design's sample count.
nlohmann::json SweepDefinition(const Study& study, const Scenario& scenario,
                               const std::vector<OutcomeSpec>& outcomes, long long total);

// True when the manifest's Definition fields (all but the fields of one run:
// version, shard, progress, status, files, timing) still hash to its
// study_hash: a hand-edited manifest (samples, seed, outcomes, ...) does not.
bool DefinitionIntact(const nlohmann::json& manifest);

// Shard `shard` of `shards` (1-based) holds samples [first, end): equal
// slices of `total`, cut at multiples of kSweepBlock; trailing shards may be
// empty (first == end == total).
std::pair<long long, long long> ShardRange(long long total, long long shard, long long shards);

// One data file of a sweep folder and what its lines must hold.
struct DataFile {
  std::string name;  // "samples.csv", "outcomes.csv" or "timeseries.csv"
  DataFileSpec spec;
};

// The data files of a sweep defined by `definition` (its manifest), for the
// samples from `first`; `timeseries_lines` lines per sample in
// timeseries.csv, which is listed only when the definition asks for it.
std::vector<DataFile> DataFiles(const nlohmann::json& definition, long long first, long long timeseries_lines);

// The sample values of unit points (paths x samples, in [0, 1]): low + u
// (high - low) computed as (1 - u) low + u high, exact at both ends; or the
// quantile of the path's distribution. `values` is resized to `unit`'s shape.
void SampleValues(const Study& study, const Eigen::ArrayXXd& unit, Eigen::ArrayXXd& values);

}  // namespace sim
