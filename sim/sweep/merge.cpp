#include "sim/sweep/merge.hpp"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <tuple>

#include "sim/error.hpp"
#include "sim/file.hpp"
#include "sim/hash.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/sweep/data_files.hpp"
#include "sim/sweep/plan.hpp"
#include "sim/sweep/writers.hpp"

namespace sim {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Bounds on what a manifest may claim, checked before anything is sized by
// it: more shards than this is damage (a cluster job array is far smaller),
// and the largest design CheckDesign allows is a 1e12-point grid.
constexpr long long kMaxShards = 100000;
constexpr long long kMaxSamples = 1000000000000LL;

// What merge needs from one shard's manifest.json, checked.
struct ShardManifest {
  std::string folder, manifest_path;
  json manifest;
  std::string study_hash, shard, status;
  long long index = 0, count = 0;         // shard `index` of `count` (K/N)
  long long total = 0, first = 0, end = 0;  // samples of the sweep; this shard's [first, end)
  long long timeseries_lines = 0;         // per sample (with timeseries and samples only)
};

// The integer in `text` when all of it is one in [low, high]; else false.
bool ParseBounded(const std::string& text, long long low, long long high, long long* value) {
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), *value);
  return parsed.ec == std::errc() && parsed.ptr == text.data() + text.size() && *value >= low && *value <= high;
}

// Reads and checks the manifest of the shard in `folder`: JSON of at most
// 16 MiB, study fields that still hash to study_hash, a K/N shard, sample
// counts within bounds and equal to the slice K/N of the total, and the rows
// and checksum recorded for each data file when the shard completed.
ShardManifest ReadShardManifest(const std::string& folder) {
  ShardManifest m;
  m.folder = folder;
  const fs::path path = fs::path(folder) / "manifest.json";
  m.manifest_path = path.string();
  const std::string damaged = "the shard folder is damaged or not a complete shard; run that shard again";
  std::error_code error;
  if (!fs::is_regular_file(path, error)) {
    throw ScenarioError({folder}, "not a sweep folder (no manifest.json)", "give the --out folders of the shards");
  }
  std::string text;
  if (const std::string reason = ReadWholeFile(path, kMaxManifestBytes, &text); !reason.empty()) {
    throw ScenarioError({m.manifest_path}, "cannot read manifest.json: " + reason, damaged);
  }
  try {
    m.manifest = json::parse(text);
  } catch (const json::exception& e) {
    throw ScenarioError({m.manifest_path}, std::string("not valid JSON: ") + e.what(), damaged);
  }
  const auto fail = [&](const std::string& what) { throw ScenarioError({m.manifest_path}, what, damaged); };
  if (!m.manifest.is_object()) fail("not a JSON object");
  if (!DefinitionIntact(m.manifest)) fail("the study fields do not match study_hash (the manifest was edited)");
  try {
    m.study_hash = m.manifest.at("study_hash").get<std::string>();
    m.shard = m.manifest.at("shard").get<std::string>();
    m.status = m.manifest.at("status").get<std::string>();
    const size_t slash = m.shard.find('/');
    if (slash == std::string::npos || !ParseBounded(m.shard.substr(slash + 1), 1, kMaxShards, &m.count) ||
        !ParseBounded(m.shard.substr(0, slash), 1, m.count, &m.index)) {
      fail("\"shard\": \"" + m.shard.substr(0, 40) + "\" is not K/N with 1 <= K <= N <= " +
           std::to_string(kMaxShards));
    }
    if (!ParseBounded(m.manifest.at("total_samples").dump(), 1, kMaxSamples, &m.total)) {
      fail("\"total_samples\" is not a whole number in [1, " + std::to_string(kMaxSamples) + "]");
    }
    std::tie(m.first, m.end) = ShardRange(m.total, m.index, m.count);
    if (m.manifest.at("first_sample") != m.first || m.manifest.at("end_sample") != m.end) {
      fail("shard " + m.shard + " of " + std::to_string(m.total) + " samples holds [" + std::to_string(m.first) +
           ", " + std::to_string(m.end) + "), not what first_sample and end_sample say");
    }
    if (m.status != "complete") return m;  // refused by the caller, with the shard's resume command
    if (!m.manifest.contains("files") || !m.manifest["files"].is_object()) {
      fail("no rows and checksums recorded for the data files: the shard never completed (or its status was edited)");
    }
    for (const DataFile& file : DataFiles(m.manifest, m.first, 1)) {
      const json& record = m.manifest["files"].at(file.name);
      const long long rows = record.at("rows").get<long long>();
      record.at("fnv1a64").get<std::string>();
      const long long samples = m.end - m.first;
      if (file.name == "timeseries.csv") {
        if (rows < 0 || (samples == 0 ? rows != 0 : rows % samples != 0 || rows == 0)) {
          fail("timeseries.csv: " + std::to_string(rows) + " rows are not a whole number of lines per sample");
        }
        m.timeseries_lines = samples == 0 ? 0 : rows / samples;
      } else if (rows != samples) {
        fail(file.name + ": " + std::to_string(rows) + " rows recorded where shard " + m.shard + " has " +
             std::to_string(samples) + " samples");
      }
    }
  } catch (const json::exception& e) {
    fail(std::string("a field is missing or of the wrong type: ") + e.what());
  }
  return m;
}

// Copies `merged`'s lines from every shard, in shard order, into `target`,
// verifying each shard's file on the way (header, sample numbers, finite
// cells, line count, the checksum its manifest recorded). Returns the merged
// file's record for the manifest: {"rows", "fnv1a64"}.
json CopyVerified(const DataFile& merged, const std::vector<ShardManifest>& shards, const std::vector<int>& order,
                  const fs::path& target) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> out(std::fopen(target.c_str(), "wb"), &std::fclose);
  if (!out) throw std::runtime_error("cannot write " + target.string());
  const std::string header = merged.spec.header + "\n";
  std::uint64_t hash = Fnv1a64(header.data(), header.size());
  std::fwrite(header.data(), 1, header.size(), out.get());
  long long rows = 0;
  for (const int k : order) {
    const ShardManifest& m = shards[k];
    DataFileSpec spec = merged.spec;
    spec.first_sample = m.first;
    const long long expected = (m.end - m.first) * spec.lines_per_sample;
    const fs::path path = fs::path(m.folder) / merged.name;
    const DataFileScan scan = ScanDataFile(path, spec, expected, [&](const char* data, std::size_t size) {
      hash = Fnv1a64(data, size, hash);
      std::fwrite(data, 1, size, out.get());
    });
    const std::string hint = "the file changed after shard " + m.shard + " completed; run that shard again " +
                             "into a fresh folder (aisim sweep ... --shard " + m.shard + "), then merge";
    if (!scan.problem.empty()) throw ScenarioError(scan.at, scan.problem, hint);
    if (scan.lines != expected) {
      throw ScenarioError({path.string()}, "holds " + std::to_string(scan.lines) + " data lines where shard " +
                                               m.shard + " has " + std::to_string(expected), hint);
    }
    const std::string recorded = m.manifest["files"][merged.name]["fnv1a64"];
    if (HashHex(scan.hash) != recorded) {
      throw ScenarioError({path.string()}, "checksum (FNV-1a 64) " + HashHex(scan.hash) + " differs from " +
                                               recorded + ", recorded when the shard completed", hint);
    }
    rows += scan.lines;
  }
  if (std::fflush(out.get()) != 0 || std::ferror(out.get())) {
    throw std::runtime_error("cannot write " + target.string());
  }
  return {{"rows", rows}, {"fnv1a64", HashHex(hash)}};
}

}  // namespace

void MergeShards(const std::vector<std::string>& shard_folders, const std::string& out_folder, bool quiet,
                 std::ostream& stream) {
  if (shard_folders.empty()) {
    throw ScenarioError({"merge"}, "no shard folders given", "e.g. aisim merge --out results/all shard-*");
  }
  // Everything the manifests claim is checked before any data file is read,
  // and every number in them is bounded before it sizes anything.
  std::vector<ShardManifest> shards;
  for (const std::string& f : shard_folders) shards.push_back(ReadShardManifest(f));
  const ShardManifest& first = shards[0];
  const long long count = first.count;  // <= kMaxShards
  std::vector<int> order(static_cast<size_t>(count), -1);
  for (size_t i = 0; i < shards.size(); ++i) {
    const ShardManifest& m = shards[i];
    if (m.study_hash != first.study_hash) {
      throw ScenarioError({shard_folders[i]}, "shard of a different sweep than " + shard_folders[0],
                          "merge the folders of one sweep only (same study, scenario and seed)");
    }
    if (m.count != count || order[m.index - 1] >= 0) {
      throw ScenarioError({shard_folders[i]}, "shard " + m.shard + " repeated or inconsistent",
                          "give each shard folder once");
    }
    if (m.status != "complete") {
      throw ScenarioError({shard_folders[i]}, "shard " + m.shard + " is not complete (" + m.status + ")",
                          "finish it with `aisim sweep ... --shard " + m.shard + " --resume`");
    }
    order[m.index - 1] = static_cast<int>(i);
  }
  for (long long k = 0; k < count; ++k) {
    if (order[k] < 0) {
      throw ScenarioError({"merge"}, "shard " + std::to_string(k + 1) + "/" + std::to_string(count) + " is missing",
                          "give all " + std::to_string(count) + " shard folders");
    }
  }
  // Every shard that holds samples has as many timeseries lines per sample.
  long long timeseries_lines = 1;
  for (long long k = 0, seen = 0; k < count; ++k) {
    const ShardManifest& m = shards[order[k]];
    if (m.end == m.first || !first.manifest.at("timeseries").get<bool>()) continue;
    if (seen && m.timeseries_lines != timeseries_lines) {
      throw ScenarioError({m.manifest_path}, "timeseries.csv has " + std::to_string(m.timeseries_lines) +
                                                 " lines per sample, other shards " + std::to_string(timeseries_lines),
                          "the manifest is damaged; run shard " + m.shard + " again");
    }
    timeseries_lines = m.timeseries_lines;
    seen = 1;
  }
  const fs::path folder(out_folder);
  if (fs::exists(folder) && !fs::is_empty(folder)) {
    throw ScenarioError({out_folder}, "the output folder exists and is not empty", "choose another --out");
  }

  // Data lines are verified as they are copied into a staging folder, which
  // becomes `folder` only when every shard passed: a refusal leaves nothing.
  json manifest = first.manifest;
  std::ostringstream ranking;
  WriteFolderAtomically(folder, {}, [&](const fs::path& staging) {
    double seconds = 0;
    for (const ShardManifest& m : shards) seconds += m.manifest.value("wall_time_seconds", 0.0);
    manifest["shard"] = "1/1";
    manifest["merged_from"] = count;
    manifest["first_sample"] = 0;
    manifest["end_sample"] = first.total;
    manifest["completed"] = first.total;
    manifest["wall_time_seconds"] = seconds;
    manifest["files"] = json::object();
    for (const DataFile& merged : DataFiles(first.manifest, 0, timeseries_lines)) {
      manifest["files"][merged.name] = CopyVerified(merged, shards, order, staging / merged.name);
    }
    WriteSensitivity(staging, manifest, quiet, ranking, folder);
    return std::map<std::string, std::string>{{"manifest.json", manifest.dump(2) + "\n"}};
  });
  stream << ranking.str();
}

}  // namespace sim
