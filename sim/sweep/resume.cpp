#include "sim/sweep/resume.hpp"

#include <algorithm>
#include <iostream>

#include "sim/error.hpp"
#include "sim/file.hpp"
#include "sim/hash.hpp"

namespace sim {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

}  // namespace

long long KeepVerifiedRows(const fs::path& folder, const std::vector<DataFile>& files, const json& old,
                           long long shard_samples, std::vector<std::uint64_t>* hashes) {
  const bool was_complete =
      old.value("status", "") == "complete" && old.contains("files") && old["files"].is_object();
  long long done = shard_samples;
  for (const DataFile& file : files) {
    const long long lines = file.spec.lines_per_sample;
    const DataFileScan scan = ScanDataFile(folder / file.name, file.spec, shard_samples * lines);
    if (!scan.header_ok) {
      throw ScenarioError(scan.at, scan.problem, "the folder is damaged; remove it and run the sweep again");
    }
    if (was_complete) {
      const json record = old["files"].value(file.name, json::object());
      if (!record.is_object() || !scan.problem.empty() || record.value("rows", -1LL) != scan.lines ||
          record.value("fnv1a64", "") != HashHex(scan.hash)) {
        throw ScenarioError(scan.problem.empty() ? SourceLocation{(folder / file.name).string()} : scan.at,
                            (scan.problem.empty() ? std::string("rows or checksum differ from the manifest")
                                                  : scan.problem) +
                                ": the file changed after the sweep completed",
                            "restore the file, or remove the folder and run the sweep again");
      }
    } else if (!scan.problem.empty() && !scan.partial_last_line) {
      std::cerr << scan.at.ToString() << ": warning: " << scan.problem
                << "; the samples from there on are computed again\n";
    }
    done = std::min(done, scan.lines / lines);
  }
  if (done < shard_samples) done = done / kSweepBlock * kSweepBlock;
  hashes->clear();
  for (const DataFile& file : files) {
    const DataFileScan kept = ScanDataFile(folder / file.name, file.spec, done * file.spec.lines_per_sample);
    fs::resize_file(folder / file.name, kept.bytes);
    hashes->push_back(kept.hash);
  }
  return done;
}

SweepOnDisk CheckSweepFolder(const std::string& out, bool resume, const std::string& study_hash,
                             const std::string& shard_text, const std::vector<DataFile>& files,
                             long long shard_samples) {
  const fs::path folder(out);
  const fs::path manifest_path = folder / "manifest.json";
  SweepOnDisk disk;
  disk.exists = fs::exists(manifest_path);
  if (disk.exists && !resume) {
    throw ScenarioError({out}, "the folder already holds a sweep",
                        "finish it with --resume, or choose another --out (or remove the folder)");
  }
  if (!disk.exists && fs::exists(folder) && !fs::is_empty(folder)) {
    throw ScenarioError({out}, "the folder exists and is not a sweep folder",
                        "choose another --out, or remove the folder");
  }
  if (!disk.exists) return disk;
  std::string text;
  if (const std::string reason = ReadWholeFile(manifest_path, kMaxManifestBytes, &text); !reason.empty()) {
    throw ScenarioError({manifest_path.string()}, "cannot read the manifest: " + reason,
                        "the folder is damaged; remove it and run the sweep again");
  }
  json old;
  try {
    old = json::parse(text);
  } catch (const json::exception& error) {
    throw ScenarioError({manifest_path.string()}, std::string("unreadable manifest: ") + error.what(),
                        "the folder is damaged; remove it and run the sweep again");
  }
  if (old.value("study_hash", "") != study_hash || old.value("shard", "") != shard_text) {
    throw ScenarioError({manifest_path.string()}, "the folder holds a different sweep (study or shard differ)",
                        "--resume needs the same scenario, paths, method, samples, seed, outcomes and --shard");
  }
  disk.done = KeepVerifiedRows(folder, files, old, shard_samples, &disk.hashes);
  disk.previous_seconds = old.value("wall_time_seconds", 0.0);
  return disk;
}

}  // namespace sim
