// Starting or resuming a sweep in its folder: what the folder may hold
// before a run, and --resume's cut of each data file back to the rows that
// verify. The CSV files are the record of progress: --resume keeps the rows
// that verify (cells, sample numbers in sequence, finite numbers), cuts the
// rest (a partial last line silently, other damage with a warning) and goes
// on from the first sample missing in any of them.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/sweep/plan.hpp"

namespace sim {

// What a sweep's folder already holds of this shard.
struct SweepOnDisk {
  bool exists = false;                // the folder holds this sweep (its manifest)
  long long done = 0;                 // samples of the shard kept, from its first one
  std::vector<std::uint64_t> hashes;  // FNV-1a 64 of each kept data file (when exists)
  double previous_seconds = 0;        // wall time of the earlier runs
};

// Checks the folder `out` before anything is written: a sweep there needs
// `resume` and the same `study_hash` and `shard_text` in its manifest; a
// folder that is not a sweep must be absent or empty (ScenarioError
// otherwise, located at `out` or its manifest). With a sweep there, keeps
// its verified rows (KeepVerifiedRows) and returns what it kept.
SweepOnDisk CheckSweepFolder(const std::string& out, bool resume, const std::string& study_hash,
                             const std::string& shard_text, const std::vector<DataFile>& files,
                             long long shard_samples);

// --resume: verifies the rows on disk (cells, sample numbers in sequence,
// finite numbers; for a complete sweep, `old` its manifest, also the rows
// and checksums it recorded) and cuts every file back to the samples all of
// them hold, at a multiple of kSweepBlock unless the shard's
// `shard_samples` are whole. Returns that count and the FNV-1a 64 of each
// kept file (in `files` order) in `hashes`. A partial last line is what a
// kill leaves and is cut silently; any other damage is cut with a warning on
// stderr, and then computed again. A wrong header, or a complete sweep's file
// that changed, is a ScenarioError at file:line:col; nothing is cut then.
long long KeepVerifiedRows(const std::filesystem::path& folder, const std::vector<DataFile>& files,
                           const nlohmann::json& old, long long shard_samples, std::vector<std::uint64_t>* hashes);

}  // namespace sim
