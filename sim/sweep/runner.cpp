#include "sim/sweep/runner.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <tuple>

#include "sim/file.hpp"
#include "sim/hash.hpp"
#include "sim/output/summary_writer.hpp"
#include "sim/scenario/load_scenario.hpp"
#include "sim/sweep/batch_model.hpp"
#include "sim/sweep/plan.hpp"
#include "sim/sweep/resume.hpp"
#include "sim/sweep/sampling.hpp"
#include "sim/sweep/workers.hpp"
#include "sim/sweep/writers.hpp"

namespace sim {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

// A worker thread's buffers, reused from block to block.
struct WorkerBuffers {
  SweepModel::Block block;
  Eigen::ArrayXXd unit, values, outcomes;
};

// Samples [first, first + count): unit points, their values, the model run,
// and the CSV lines of all three.
SweepChunk ComputeChunk(const Study& study, const SampleDesign& design, const SweepModel& model, long long first,
                        int count, WorkerBuffers& buffers) {
  design.Fill(first, count, buffers.unit);
  SampleValues(study, buffers.unit, buffers.values);
  std::unique_ptr<Results> full;
  model.Run(buffers.values, buffers.block, buffers.outcomes, study.timeseries ? &full : nullptr);
  return FormatChunk(first, buffers.values, buffers.outcomes, full.get());
}

std::string FormatDuration(double seconds) {
  char text[64];
  if (seconds < 120) std::snprintf(text, sizeof text, "%.0f s", seconds);
  else if (seconds < 7200) std::snprintf(text, sizeof text, "%.1f min", seconds / 60);
  else std::snprintf(text, sizeof text, "%.1f h", seconds / 3600);
  return text;
}

// "\r  done / total samples  rate /s  ETA ..." on stderr, at most every 250 ms
// and once at the end (then with a newline).
class ProgressLine {
 public:
  ProgressLine(Clock::time_point started, long long total) : started_(started), total_(total) {}

  void Show(long long done, long long computed, bool last) {
    const auto now = Clock::now();
    if (!last && now - shown_ <= std::chrono::milliseconds(250)) return;
    shown_ = now;
    const double elapsed = std::chrono::duration<double>(now - started_).count();
    const double rate = computed / std::max(elapsed, 1e-9);
    std::fprintf(stderr, "\r  %lld / %lld samples  %.0f /s  ETA %s   ", done, total_, rate,
                 FormatDuration((total_ - done) / std::max(rate, 1e-9)).c_str());
    if (last) std::fprintf(stderr, "\n");
  }

 private:
  Clock::time_point started_, shown_ = Clock::now();
  long long total_;
};

// Checks what is wrong with the input before any file is touched.
void CheckShard(const SweepRunOptions& options) {
  if (options.shards < 1 || options.shard < 1 || options.shard > options.shards) {
    throw ScenarioError({"--shard", 0, 0}, "shard " + std::to_string(options.shard) + "/" +
                                               std::to_string(options.shards) + " does not exist",
                        "K/N with 1 <= K <= N, e.g. --shard 3/8");
  }
}

// The scenario every sample is also run as: `scenario` with the study's
// variant overrides, which must leave the years alone and not set a varied
// path (the sample's value would overwrite it).
Scenario LoadVariant(const Scenario& scenario, const Study& study) {
  Scenario variant = scenario;
  for (const std::string& assignment : study.variant) {
    const std::string path = assignment.substr(0, assignment.find('='));
    for (const VariedPath& v : study.varied) {
      if (v.path == path) {
        throw ScenarioError({"--variant", 0, 0}, "the variant sets " + path + ", which the sweep varies",
                            "a variant changes what the samples share, e.g. regions.KR.start_delay=1");
      }
    }
    try {
      ApplyOverride(variant, assignment);
    } catch (const ScenarioError& error) {
      throw ScenarioError({"--variant", 0, error.where().column}, "variant: " + error.message(), error.hint());
    }
  }
  if (variant.start_year != scenario.start_year || variant.end_year != scenario.end_year) {
    throw ScenarioError({"--variant", 0, 0}, "the variant changes the scenario's years",
                        "a time shift compares the same years; set start_year or end_year with --set instead");
  }
  return variant;
}

}  // namespace

SweepReport RunSweep(const Study& study, const SweepRunOptions& options, std::ostream& out) {
  const auto started = Clock::now();
  // Everything that can be wrong with the input is checked before any file is touched.
  const Scenario scenario = LoadScenario(study.scenario, study.sets);
  const std::vector<OutcomeSpec> outcomes = ResolveOutcomes(study, scenario);
  CheckDesign(study, {"--samples", 0, 0});
  CheckShard(options);
  const SampleDesign design(study.method, static_cast<int>(study.varied.size()), study.samples, study.seed,
                            GridSteps(study), study.morris_levels);
  const Scenario variant = LoadVariant(scenario, study);
  const SweepModel model(scenario, study.varied, outcomes, study.variant.empty() ? nullptr : &variant);

  // Plan: this shard's samples, the definition resume and merge compare, the files.
  SweepReport report;
  report.total = design.Count();
  std::tie(report.first, report.end) = ShardRange(report.total, options.shard, options.shards);
  const long long shard_total = report.end - report.first;
  const json definition = SweepDefinition(study, scenario, outcomes, report.total);
  const std::string study_hash = HashText(definition.dump());
  const std::string shard_text = std::to_string(options.shard) + "/" + std::to_string(options.shards);
  const long long ts_lines = study.timeseries
                                 ? static_cast<long long>(scenario.regions.size()) * kVariableCount * scenario.Years()
                                 : 0;
  const std::vector<DataFile> data_files = DataFiles(definition, report.first, ts_lines);

  // Resume: what the folder already holds (nothing for a new sweep).
  const fs::path folder(options.out);
  const fs::path manifest_path = folder / "manifest.json";
  SweepOnDisk disk =
      CheckSweepFolder(options.out, options.resume, study_hash, shard_text, data_files, shard_total);
  long long done = disk.done;  // samples of this shard on disk
  if (!model.batched() && !options.quiet) {
    std::cerr << "note: samples run one at a time through --set, not in blocks (slower, same results): "
              << model.unbatched_reason() << "\n";
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
  if (disk.exists) {
    WriteFileAtomically(manifest_path, manifest.dump(2) + "\n");
  } else {
    disk.hashes = CreateSweepFolder(folder, data_files, manifest.dump(2) + "\n");
  }
  DataFileAppender files(folder, data_files, disk.hashes);

  // Workers compute blocks; this thread appends them in sample order.
  ProgressLine progress(started, shard_total);
  std::vector<WorkerBuffers> buffers(static_cast<size_t>(std::max(1, options.jobs)));
  BlocksWritten run;
  {
    const StopOnSignal stop;  // SIGINT/SIGTERM stop the sweep at a block while the workers run
    run = ComputeInOrder(
        report.first + done, report.end, kSweepBlock, options.jobs,
        [&](int thread, long long first, int count) {
          return ComputeChunk(study, design, model, first, count, buffers[thread]);
        },
        [&](SweepChunk& chunk) {
          const bool ok = files.Append(chunk);
          done += chunk.count;
          report.computed += chunk.count;
          if (options.progress) progress.Show(done, report.computed, done == shard_total);
          if (!ok) throw std::runtime_error("cannot write to " + folder.string());
        },
        stop.flag());
    // Closing syncs the files; a failure there must not hide an earlier one.
    try {
      files.Close();
    } catch (...) {
      if (!run.failure) run.failure = std::current_exception();
    }
  }

  // The manifest records how far the sweep got; merge and resume verify the
  // files against the rows and checksums of a complete one.
  report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  report.interrupted = done < shard_total;
  manifest["completed"] = done;
  // A sweep whose files could not all be written is not complete: it can be resumed.
  manifest["status"] = report.interrupted || run.failure ? "interrupted" : "complete";
  manifest["wall_time_seconds"] = disk.previous_seconds + report.seconds;
  if (!report.interrupted && !run.failure) {
    for (size_t i = 0; i < data_files.size(); ++i) {
      manifest["files"][data_files[i].name] = {{"rows", done * data_files[i].spec.lines_per_sample},
                                               {"fnv1a64", HashHex(files.hashes()[i])}};
    }
  }
  WriteFileAtomically(manifest_path, manifest.dump(2) + "\n");
  if (run.failure) std::rethrow_exception(run.failure);
  if (!report.interrupted && options.shards == 1) {
    if (!options.quiet) out << OutcomeRanges(folder, manifest["outcomes"], done);
    WriteSensitivity(folder, manifest, options.quiet, out, folder);
  }
  return report;
}

}  // namespace sim
