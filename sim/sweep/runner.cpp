#include "sim/sweep/runner.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>
#include <tuple>

#include "sim/hash.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/output/summary_writer.hpp"
#include "sim/scenario/load_scenario.hpp"
#include "sim/sweep/batch_model.hpp"
#include "sim/sweep/data_files.hpp"
#include "sim/sweep/sampling.hpp"
#include "sim/sweep/sensitivity.hpp"

namespace sim {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Samples per block. Blocks are the unit of work and of writing. They always
// start at multiples of kBlock (shards are cut there and a resumed sweep
// restarts at the last complete multiple), so every sample is computed in
// the same block at the same column whatever the jobs, shards or
// interruptions: last-bit differences between SIMD lanes and Eigen's product
// kernels for different column positions can never reach the outputs.
constexpr int kBlock = 256;

std::atomic<bool> g_stop{false};
extern "C" void OnSignal(int) { g_stop = true; }

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteTextAtomically(const fs::path& path, const std::string& text) {
  const fs::path temp = path.string() + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + temp.string());
  }
  fs::rename(temp, path);
}

std::vector<int> GridSteps(const Study& study) {
  std::vector<int> steps;
  for (const VariedPath& v : study.varied) steps.push_back(v.steps > 0 ? v.steps : study.grid_steps);
  return steps;
}

// What defines the sweep's outputs (not where or how fast it runs): hashed
// into study_hash, which resume and merge compare.
json Definition(const Study& study, const Scenario& scenario, const std::vector<OutcomeSpec>& outcomes,
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
  return {{"scenario", scenario.name},
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
}

// Manifest fields that describe one run of the sweep rather than the sweep
// itself: everything else in a manifest is its Definition, hashed into study_hash.
const char* const kRunFields[] = {"aisim_version", "study_hash", "shard",  "first_sample", "end_sample",
                                  "completed",     "status",     "files",  "merged_from",  "wall_time_seconds"};

// True when the manifest's Definition fields still hash to its study_hash:
// a hand-edited manifest (samples, seed, outcomes, ...) does not.
bool DefinitionIntact(const json& manifest) {
  json definition = manifest;
  for (const char* field : kRunFields) definition.erase(field);
  return manifest.contains("study_hash") && manifest["study_hash"].is_string() &&
         HashText(definition.dump()) == manifest["study_hash"].get<std::string>();
}

// Shard `shard` of `shards` holds samples [first, end): equal slices of the
// total, cut at multiples of kBlock.
std::pair<long long, long long> ShardRange(long long total, long long shard, long long shards) {
  long long per_shard = (total + shards - 1) / shards;
  per_shard = (per_shard + kBlock - 1) / kBlock * kBlock;
  return {std::min(total, per_shard * (shard - 1)), std::min(total, per_shard * shard)};
}

// One data file of a sweep folder and what its lines must hold.
struct DataFile {
  std::string name;
  DataFileSpec spec;
};

// The data files of a sweep defined by `definition` (its manifest), for the
// samples from `first`; `timeseries_lines` lines per sample in timeseries.csv.
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

// --resume: verifies the rows on disk (cells, sample numbers in sequence,
// finite numbers; for a complete sweep also the rows and checksums its
// manifest recorded) and cuts every file back to the samples all of them
// hold, at a multiple of kBlock unless the shard is whole. Returns that
// count and the FNV-1a 64 of each kept file (in `files` order). A partial
// last line is what a kill leaves and is cut silently; any other damage is
// cut with a warning on stderr, and then computed again.
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
  if (done < shard_samples) done = done / kBlock * kBlock;
  hashes->clear();
  for (const DataFile& file : files) {
    const DataFileScan kept = ScanDataFile(folder / file.name, file.spec, done * file.spec.lines_per_sample);
    fs::resize_file(folder / file.name, kept.bytes);
    hashes->push_back(kept.hash);
  }
  return done;
}

struct Chunk {
  std::string samples, outcomes, timeseries;
  int count = 0;
};

// The sample values of unit points: low + u (high - low) as (1 - u) low +
// u high, exact at both ends; or the distribution's quantile.
void ToValues(const Study& study, const Eigen::ArrayXXd& unit, Eigen::ArrayXXd& values) {
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

// The CSV cells of a chunk are appended in place: a temporary string per
// number cost more than formatting it.
void AppendInteger(std::string& text, long long value) {
  char buffer[24];
  text.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

// ",VALUE" with VALUE as FormatNumber writes it (shortest round-trip text).
void AppendNumber(std::string& text, double value) {
  char buffer[32] = {','};
  text.append(buffer, std::to_chars(buffer + 1, buffer + sizeof buffer, value).ptr);
}

// A worker thread's buffers, reused from block to block.
struct WorkerBuffers {
  SweepModel::Block block;
  Eigen::ArrayXXd unit, values, outcomes;
};

Chunk MakeChunk(const Study& study, const SampleDesign& design, const SweepModel& model,
                long long first, int count, WorkerBuffers& buffers) {
  Eigen::ArrayXXd& unit = buffers.unit;
  Eigen::ArrayXXd& values = buffers.values;
  Eigen::ArrayXXd& outcomes = buffers.outcomes;
  design.Fill(first, count, unit);
  ToValues(study, unit, values);
  std::unique_ptr<Results> full;
  model.Run(values, buffers.block, outcomes, study.timeseries ? &full : nullptr);
  Chunk chunk;
  chunk.count = count;
  // Room for the id and up to 24 characters per number (FormatNumber's longest).
  chunk.samples.reserve(static_cast<size_t>(count) * (21 + 25 * values.rows()));
  chunk.outcomes.reserve(static_cast<size_t>(count) * (21 + 25 * outcomes.rows()));
  for (int j = 0; j < count; ++j) {
    AppendInteger(chunk.samples, first + j);
    for (Eigen::Index p = 0; p < values.rows(); ++p) AppendNumber(chunk.samples, values(p, j));
    chunk.samples += '\n';
    AppendInteger(chunk.outcomes, first + j);
    for (Eigen::Index o = 0; o < outcomes.rows(); ++o) AppendNumber(chunk.outcomes, outcomes(o, j));
    chunk.outcomes += '\n';
    if (full) {
      const std::string id = std::to_string(first + j);
      for (int r = 0; r < full->regions(); ++r) {
        for (const VariableInfo& info : Variables()) {
          for (int k = 0; k < full->years(); ++k) {
            chunk.timeseries += id + "," + full->region_codes()[r] + "," + info.name + "," +
                                std::to_string(full->start_year() + k) + "," +
                                FormatNumber(full->At(info.variable, k)(r, j)) + "\n";
          }
        }
      }
    }
  }
  return chunk;
}

std::string FormatDuration(double seconds) {
  char text[64];
  if (seconds < 120) std::snprintf(text, sizeof text, "%.0f s", seconds);
  else if (seconds < 7200) std::snprintf(text, sizeof text, "%.1f min", seconds / 60);
  else std::snprintf(text, sizeof text, "%.1f h", seconds / 3600);
  return text;
}

// Splits "KR|Years Behind|Physical|2035" into region, variable, year.
void SplitColumn(const std::string& column, std::string* region, std::string* variable, std::string* year) {
  const size_t a = column.find('|'), b = column.rfind('|');
  *region = column.substr(0, a);
  *variable = column.substr(a + 1, b - a - 1);
  *year = column.substr(b + 1);
}

// Reads outcomes.csv and writes sensitivity.csv for a complete sobol or morris
// sweep. Columns are read in passes so that memory stays near 8 bytes x rows
// x (columns per pass), at most ~64 MB, whatever the number of outcomes. The
// printout names `shown_folder` (the merged folder, not its staging folder).
void WriteSensitivity(const fs::path& folder, const json& manifest, bool quiet, std::ostream& out,
                      const fs::path& shown_folder) {
  const std::string method = manifest["method"];
  if (method != "sobol" && method != "morris") return;
  const SweepMethod m = method == "sobol" ? SweepMethod::kSobol : SweepMethod::kMorris;
  std::vector<std::string> paths;
  for (const json& v : manifest["varied"]) paths.push_back(v["path"]);
  const int D = static_cast<int>(paths.size());
  const SampleDesign design(m, D, manifest["samples"].get<long long>(), manifest["seed"].get<std::uint64_t>(),
                            {}, manifest["levels"].get<int>());
  const std::vector<std::string> columns = manifest["outcomes"];
  const long long rows = design.Count();
  const int resamples = manifest["bootstrap"];
  const double confidence = manifest["confidence"];
  const long long per_pass = std::max<long long>(1, 8'000'000 / std::max<long long>(1, rows));

  std::string text = m == SweepMethod::kSobol ? "region,variable,year,parameter,S1,S1_conf,ST,ST_conf\n"
                                              : "region,variable,year,parameter,mu,mu_star,sigma,mu_star_conf\n";
  std::string ranking;
  std::string last_year = columns.empty() ? "" : columns.back().substr(columns.back().rfind('|') + 1);
  for (size_t c0 = 0; c0 < columns.size(); c0 += static_cast<size_t>(per_pass)) {
    const size_t c1 = std::min(columns.size(), c0 + static_cast<size_t>(per_pass));
    std::vector<Eigen::ArrayXd> y(c1 - c0, Eigen::ArrayXd(rows));
    std::ifstream in(folder / "outcomes.csv");
    std::string line;
    std::getline(in, line);  // header
    for (long long i = 0; i < rows; ++i) {
      if (!std::getline(in, line)) throw std::runtime_error("outcomes.csv has fewer rows than the sweep");
      const char* p = line.c_str();
      size_t column = 0;
      while (*p && *p != ',') ++p;  // sample number
      while (*p == ',' && column < c1) {
        ++p;
        char* end;
        const double value = std::strtod(p, &end);
        if (column >= c0) y[column - c0](i) = value;
        p = end;
        ++column;
      }
    }
    for (size_t c = c0; c < c1; ++c) {
      std::string region, variable, year;
      SplitColumn(columns[c], &region, &variable, &year);
      const std::uint64_t seed = manifest["seed"].get<std::uint64_t>() * 1000003ULL + c;
      std::vector<std::pair<double, std::string>> order;
      if (m == SweepMethod::kSobol) {
        const SobolIndices s = SobolAnalyze(y[c - c0], D, resamples, confidence, seed);
        for (int d = 0; d < D; ++d) {
          text += region + "," + variable + "," + year + "," + paths[d] + "," + FormatNumber(s.first(d)) +
                  "," + FormatNumber(s.first_conf(d)) + "," + FormatNumber(s.total(d)) + "," +
                  FormatNumber(s.total_conf(d)) + "\n";
          char item[256];
          std::snprintf(item, sizeof item, "    %-45s ST %6.3f ± %.3f   S1 %6.3f ± %.3f\n", paths[d].c_str(),
                        s.total(d), s.total_conf(d), s.first(d), s.first_conf(d));
          order.push_back({s.total(d), item});
        }
      } else {
        const MorrisIndices s = MorrisAnalyze(y[c - c0], design, resamples, confidence, seed);
        for (int d = 0; d < D; ++d) {
          text += region + "," + variable + "," + year + "," + paths[d] + "," + FormatNumber(s.mu(d)) + "," +
                  FormatNumber(s.mu_star(d)) + "," + FormatNumber(s.sigma(d)) + "," +
                  FormatNumber(s.mu_star_conf(d)) + "\n";
          char item[256];
          std::snprintf(item, sizeof item, "    %-45s mu* %10.4g ± %-10.3g mu %10.4g  sigma %10.4g\n",
                        paths[d].c_str(), s.mu_star(d), s.mu_star_conf(d), s.mu(d), s.sigma(d));
          order.push_back({s.mu_star(d), item});
        }
      }
      if (year == last_year) {
        std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        ranking += "  " + region + " " + variable + " " + year + ":\n";
        for (const auto& [score, item] : order) ranking += item;
      }
    }
  }
  WriteTextAtomically(folder / "sensitivity.csv", text);
  if (!quiet) {
    out << (m == SweepMethod::kSobol ? "Sobol indices (most influential first; ST = total, S1 = first order):\n"
                                     : "Morris screening (most influential first):\n")
        << ranking << "Indices for every outcome in " << (shown_folder / "sensitivity.csv").string() << "\n";
  }
}

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
  if (fs::file_size(path, error) > (16u << 20) || error) {
    throw ScenarioError({m.manifest_path}, "manifest.json is larger than 16 MiB or unreadable", damaged);
  }
  try {
    m.manifest = json::parse(ReadText(path));
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

SweepReport RunSweep(const Study& study, const SweepRunOptions& options, std::ostream& out) {
  const auto started = std::chrono::steady_clock::now();
  // Everything that can be wrong with the input is checked before any file is touched.
  const Scenario scenario = LoadScenario(study.scenario, study.sets);
  const std::vector<OutcomeSpec> outcomes = ResolveOutcomes(study, scenario);
  CheckDesign(study, {"--samples", 0, 0});
  if (options.shards < 1 || options.shard < 1 || options.shard > options.shards) {
    throw ScenarioError({"--shard", 0, 0}, "shard " + std::to_string(options.shard) + "/" +
                                               std::to_string(options.shards) + " does not exist",
                        "K/N with 1 <= K <= N, e.g. --shard 3/8");
  }
  const SampleDesign design(study.method, static_cast<int>(study.varied.size()), study.samples, study.seed,
                            GridSteps(study), study.morris_levels);
  const SweepModel model(scenario, study.varied, outcomes);

  SweepReport report;
  report.total = design.Count();
  std::tie(report.first, report.end) = ShardRange(report.total, options.shard, options.shards);

  const json definition = Definition(study, scenario, outcomes, report.total);
  const std::string study_hash = HashText(definition.dump());
  const std::string shard_text = std::to_string(options.shard) + "/" + std::to_string(options.shards);

  const fs::path folder(options.out);
  const fs::path manifest_path = folder / "manifest.json";
  const long long ts_lines = study.timeseries
                                 ? static_cast<long long>(scenario.regions.size()) * kVariableCount * scenario.Years()
                                 : 0;
  const std::vector<DataFile> data_files = DataFiles(definition, report.first, ts_lines);
  std::vector<std::uint64_t> hashes;  // FNV-1a 64 of each data file as written so far
  long long done = 0;  // samples of this shard already on disk
  const bool exists = fs::exists(manifest_path);
  if (exists && !options.resume) {
    throw ScenarioError({options.out}, "the folder already holds a sweep",
                        "finish it with --resume, or choose another --out (or remove the folder)");
  }
  if (!exists && fs::exists(folder) && !fs::is_empty(folder)) {
    throw ScenarioError({options.out}, "the folder exists and is not a sweep folder",
                        "choose another --out, or remove the folder");
  }
  if (exists) {
    json old;
    try {
      old = json::parse(ReadText(manifest_path));
    } catch (const json::exception& error) {
      throw ScenarioError({manifest_path.string()}, std::string("unreadable manifest: ") + error.what(),
                          "the folder is damaged; remove it and run the sweep again");
    }
    if (old.value("study_hash", "") != study_hash || old.value("shard", "") != shard_text) {
      throw ScenarioError({manifest_path.string()},
                          "the folder holds a different sweep (study or shard differ)",
                          "--resume needs the same scenario, paths, method, samples, seed, outcomes and --shard");
    }
    done = KeepVerifiedRows(folder, data_files, old, report.end - report.first, &hashes);
  }

  json manifest = definition;
  manifest["aisim_version"] = AISIM_VERSION;
  manifest["study_hash"] = study_hash;
  manifest["shard"] = shard_text;
  manifest["first_sample"] = report.first;
  manifest["end_sample"] = report.end;
  manifest["completed"] = done;
  manifest["status"] = "running";
  manifest["wall_time_seconds"] = 0.0;
  double previous_seconds = 0;
  if (exists) previous_seconds = json::parse(ReadText(manifest_path)).value("wall_time_seconds", 0.0);

  if (exists) {
    WriteTextAtomically(manifest_path, manifest.dump(2) + "\n");
  } else {
    // The folder appears whole (headers and manifest) or not at all: a sweep
    // killed while creating it leaves only a staging folder, which the next
    // start removes, so it can always be started again or resumed.
    std::map<std::string, std::string> files;
    for (const DataFile& file : data_files) {
      const std::string header = file.spec.header + "\n";
      files[file.name] = header;
      hashes.push_back(Fnv1a64(header.data(), header.size()));
    }
    files["manifest.json"] = manifest.dump(2) + "\n";
    WriteFolderAtomically(folder, files);
  }

  std::FILE* files[3] = {nullptr, nullptr, nullptr};
  for (size_t i = 0; i < data_files.size(); ++i) files[i] = std::fopen((folder / data_files[i].name).c_str(), "ab");
  if (!files[0] || !files[1] || (study.timeseries && !files[2])) {
    throw std::runtime_error("cannot open the CSV files in " + folder.string() + " for appending");
  }

  // Workers take blocks in order; the writer (this thread) appends them in
  // sample order. At most `window` blocks are ahead of the writer.
  const long long start = report.first + done;
  const long long blocks = (report.end - start + kBlock - 1) / kBlock;
  const int jobs = std::max(1, options.jobs);
  const long long window = 2LL * jobs + 2;
  std::mutex mutex;
  std::condition_variable ready, room;
  std::map<long long, Chunk> finished;
  long long next_block = 0, written = 0;
  std::exception_ptr failure;
  g_stop = false;
  auto old_int = std::signal(SIGINT, OnSignal);
  auto old_term = std::signal(SIGTERM, OnSignal);

  auto worker = [&]() {
    WorkerBuffers buffers;
    while (true) {
      long long b;
      {
        std::unique_lock<std::mutex> lock(mutex);
        room.wait(lock, [&] { return next_block - written < window || g_stop || failure; });
        if (next_block >= blocks || g_stop || failure) return;
        b = next_block++;
      }
      try {
        const long long first = start + b * kBlock;
        const int count = static_cast<int>(std::min<long long>(kBlock, report.end - first));
        Chunk chunk = MakeChunk(study, design, model, first, count, buffers);
        std::lock_guard<std::mutex> lock(mutex);
        finished.emplace(b, std::move(chunk));
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!failure) failure = std::current_exception();
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (int i = 0; i < jobs; ++i) workers.emplace_back(worker);

  auto last_progress = std::chrono::steady_clock::now();
  const long long shard_total = report.end - report.first;
  while (written < blocks) {
    Chunk chunk;
    {
      std::unique_lock<std::mutex> lock(mutex);
      ready.wait_for(lock, std::chrono::milliseconds(200),
                     [&] { return finished.count(written) || failure || (g_stop && next_block == written); });
      if (failure) break;
      auto it = finished.find(written);
      if (it == finished.end()) {
        if (g_stop && next_block == written) break;
        continue;
      }
      chunk = std::move(it->second);
      finished.erase(it);
    }
    const std::string* texts[3] = {&chunk.samples, &chunk.outcomes, &chunk.timeseries};
    for (size_t i = 0; i < data_files.size(); ++i) {
      hashes[i] = Fnv1a64(texts[i]->data(), texts[i]->size(), hashes[i]);
      std::fwrite(texts[i]->data(), 1, texts[i]->size(), files[i]);
    }
    for (std::FILE* f : files) {
      if (f && (std::fflush(f) != 0 || std::ferror(f))) {
        std::lock_guard<std::mutex> lock(mutex);
        failure = std::make_exception_ptr(std::runtime_error("cannot write to " + folder.string()));
      }
    }
    {
      std::lock_guard<std::mutex> lock(mutex);
      ++written;
      done += chunk.count;
      report.computed += chunk.count;
    }
    room.notify_all();
    const auto now = std::chrono::steady_clock::now();
    if (options.progress && (now - last_progress > std::chrono::milliseconds(250) || written == blocks)) {
      last_progress = now;
      const double elapsed = std::chrono::duration<double>(now - started).count();
      const double rate = report.computed / std::max(elapsed, 1e-9);
      std::fprintf(stderr, "\r  %lld / %lld samples  %.0f /s  ETA %s   ", done, shard_total, rate,
                   FormatDuration((shard_total - done) / std::max(rate, 1e-9)).c_str());
      if (written == blocks) std::fprintf(stderr, "\n");
    }
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    g_stop = g_stop || failure;
  }
  room.notify_all();
  for (std::thread& t : workers) t.join();
  for (std::FILE* f : files) if (f) std::fclose(f);
  std::signal(SIGINT, old_int);
  std::signal(SIGTERM, old_term);

  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  report.interrupted = done < shard_total;
  manifest["completed"] = done;
  manifest["status"] = report.interrupted ? "interrupted" : "complete";
  manifest["wall_time_seconds"] = previous_seconds + report.seconds;
  // Merge and resume verify the files against these rows and checksums.
  if (!report.interrupted && !failure) {
    for (size_t i = 0; i < data_files.size(); ++i) {
      manifest["files"][data_files[i].name] = {{"rows", done * data_files[i].spec.lines_per_sample},
                                               {"fnv1a64", HashHex(hashes[i])}};
    }
  }
  WriteTextAtomically(manifest_path, manifest.dump(2) + "\n");
  if (failure) std::rethrow_exception(failure);
  if (!report.interrupted && options.shards == 1) WriteSensitivity(folder, manifest, options.quiet, out, folder);
  return report;
}

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
