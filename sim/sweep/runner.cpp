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

#include "sim/output/atomic_file.hpp"
#include "sim/output/summary_writer.hpp"
#include "sim/scenario/load_scenario.hpp"
#include "sim/sweep/batch_model.hpp"
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

// Line ends in a file: the byte offset after each '\n'.
struct LineScan {
  long long lines = 0;           // complete lines
  std::vector<long long> ends;   // offset after line i (kept only up to `keep`)
};

LineScan ScanLines(const fs::path& path) {
  LineScan scan;
  std::ifstream in(path, std::ios::binary);
  std::vector<char> buffer(1 << 20);
  long long offset = 0;
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const std::streamsize n = in.gcount();
    for (std::streamsize i = 0; i < n; ++i) {
      if (buffer[i] == '\n') scan.ends.push_back(offset + i + 1), ++scan.lines;
    }
    offset += n;
  }
  return scan;
}

// Cuts `path` to its header plus `rows` data rows of `lines_per_row` lines.
void TruncateRows(const fs::path& path, const LineScan& scan, long long rows, long long lines_per_row) {
  const long long keep_lines = 1 + rows * lines_per_row;
  fs::resize_file(path, static_cast<std::uintmax_t>(scan.ends[keep_lines - 1]));
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
// x (columns per pass), at most ~64 MB, whatever the number of outcomes.
void WriteSensitivity(const fs::path& folder, const json& manifest, bool quiet, std::ostream& out) {
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
        << ranking << "Indices for every outcome in " << (folder / "sensitivity.csv").string() << "\n";
  }
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
  long long per_shard = (report.total + options.shards - 1) / options.shards;
  per_shard = (per_shard + kBlock - 1) / kBlock * kBlock;
  report.first = std::min(report.total, per_shard * (options.shard - 1));
  report.end = std::min(report.total, per_shard * options.shard);

  const json definition = Definition(study, scenario, outcomes, report.total);
  const std::string study_hash = HashText(definition.dump());
  const std::string shard_text = std::to_string(options.shard) + "/" + std::to_string(options.shards);

  const fs::path folder(options.out);
  const fs::path manifest_path = folder / "manifest.json";
  const fs::path samples_path = folder / "samples.csv", outcomes_path = folder / "outcomes.csv",
                 timeseries_path = folder / "timeseries.csv";
  const long long ts_lines = study.timeseries
                                 ? static_cast<long long>(scenario.regions.size()) * kVariableCount * scenario.Years()
                                 : 0;
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
    const LineScan s = ScanLines(samples_path), o = ScanLines(outcomes_path);
    const LineScan t = study.timeseries ? ScanLines(timeseries_path) : LineScan{};
    if (s.lines < 1 || o.lines < 1 || (study.timeseries && t.lines < 1)) {
      throw ScenarioError({options.out}, "a CSV file lost its header", "remove the folder and run again");
    }
    done = std::min(s.lines - 1, o.lines - 1);
    if (study.timeseries) done = std::min(done, (t.lines - 1) / ts_lines);
    done = std::min(done, report.end - report.first);
    if (report.first + done < report.end) done = done / kBlock * kBlock;
    TruncateRows(samples_path, s, done, 1);
    TruncateRows(outcomes_path, o, done, 1);
    if (study.timeseries) TruncateRows(timeseries_path, t, done, ts_lines);
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
    std::string header = "sample";
    for (const VariedPath& v : study.varied) header += "," + v.path;
    files["samples.csv"] = header + "\n";
    header = "sample";
    for (const OutcomeSpec& o : outcomes) header += "," + o.Column();
    files["outcomes.csv"] = header + "\n";
    if (study.timeseries) files["timeseries.csv"] = "sample,region,variable,year,value\n";
    files["manifest.json"] = manifest.dump(2) + "\n";
    WriteFolderAtomically(folder, files);
  }

  std::FILE* files[3] = {std::fopen(samples_path.c_str(), "ab"), std::fopen(outcomes_path.c_str(), "ab"),
                         study.timeseries ? std::fopen(timeseries_path.c_str(), "ab") : nullptr};
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
    std::fwrite(chunk.samples.data(), 1, chunk.samples.size(), files[0]);
    std::fwrite(chunk.outcomes.data(), 1, chunk.outcomes.size(), files[1]);
    if (files[2]) std::fwrite(chunk.timeseries.data(), 1, chunk.timeseries.size(), files[2]);
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
  WriteTextAtomically(manifest_path, manifest.dump(2) + "\n");
  if (failure) std::rethrow_exception(failure);
  if (!report.interrupted && options.shards == 1) WriteSensitivity(folder, manifest, options.quiet, out);
  return report;
}

void MergeShards(const std::vector<std::string>& shard_folders, const std::string& out_folder, bool quiet,
                 std::ostream& stream) {
  if (shard_folders.empty()) {
    throw ScenarioError({"merge"}, "no shard folders given", "e.g. aisim merge --out results/all shard-*");
  }
  std::vector<json> manifests;
  for (const std::string& f : shard_folders) {
    const fs::path path = fs::path(f) / "manifest.json";
    if (!fs::exists(path)) {
      throw ScenarioError({f}, "not a sweep folder (no manifest.json)", "give the --out folders of the shards");
    }
    manifests.push_back(json::parse(ReadText(path)));
  }
  const json& first = manifests[0];
  const std::string shard0 = first["shard"];
  const int shards = std::stoi(shard0.substr(shard0.find('/') + 1));
  std::vector<int> order(shards, -1);
  for (size_t i = 0; i < manifests.size(); ++i) {
    const json& m = manifests[i];
    if (m["study_hash"] != first["study_hash"]) {
      throw ScenarioError({shard_folders[i]}, "shard of a different sweep than " + shard_folders[0],
                          "merge the folders of one sweep only (same study, scenario and seed)");
    }
    const std::string s = m["shard"];
    const int k = std::stoi(s.substr(0, s.find('/')));
    if (std::stoi(s.substr(s.find('/') + 1)) != shards || k < 1 || k > shards || order[k - 1] >= 0) {
      throw ScenarioError({shard_folders[i]}, "shard " + s + " repeated or inconsistent",
                          "give each shard folder once");
    }
    if (m["status"] != "complete") {
      throw ScenarioError({shard_folders[i]}, "shard " + s + " is not complete (" +
                                                  m["status"].get<std::string>() + ")",
                          "finish it with `aisim sweep ... --shard " + s + " --resume`");
    }
    order[k - 1] = static_cast<int>(i);
  }
  for (int k = 0; k < shards; ++k) {
    if (order[k] < 0) {
      throw ScenarioError({"merge"}, "shard " + std::to_string(k + 1) + "/" + std::to_string(shards) + " is missing",
                          "give all " + std::to_string(shards) + " shard folders");
    }
  }
  const fs::path folder(out_folder);
  if (fs::exists(folder) && !fs::is_empty(folder)) {
    throw ScenarioError({out_folder}, "the output folder exists and is not empty", "choose another --out");
  }
  const fs::path temp = folder.string() + ".merging";
  fs::remove_all(temp);
  fs::create_directories(temp);
  std::vector<std::string> names = {"samples.csv", "outcomes.csv"};
  if (first.value("timeseries", false)) names.push_back("timeseries.csv");
  double seconds = 0;
  for (const std::string& name : names) {
    std::ofstream out(temp / name, std::ios::binary);
    for (int k = 0; k < shards; ++k) {
      std::ifstream in(fs::path(shard_folders[order[k]]) / name, std::ios::binary);
      std::string header;
      std::getline(in, header);
      if (k == 0) out << header << "\n";
      // Copied in chunks rather than with `out << in.rdbuf()`, which sets
      // failbit on `out` when a shard holds no sample (N shards over fewer
      // blocks) and behaved differently between builds.
      char chunk[1 << 16];
      while (in.read(chunk, sizeof chunk) || in.gcount() > 0) out.write(chunk, in.gcount());
      if (in.bad()) throw std::runtime_error("cannot read " + (fs::path(shard_folders[order[k]]) / name).string());
    }
    if (!out) throw std::runtime_error("cannot write " + (temp / name).string());
  }
  for (const json& m : manifests) seconds += m.value("wall_time_seconds", 0.0);
  json manifest = first;
  manifest["shard"] = "1/1";
  manifest["merged_from"] = shards;
  manifest["first_sample"] = 0;
  manifest["end_sample"] = first["total_samples"];
  manifest["completed"] = first["total_samples"];
  manifest["wall_time_seconds"] = seconds;
  WriteTextAtomically(temp / "manifest.json", manifest.dump(2) + "\n");
  if (fs::exists(folder)) fs::remove(folder);
  fs::rename(temp, folder);
  WriteSensitivity(folder, manifest, quiet, stream);
}

}  // namespace sim
