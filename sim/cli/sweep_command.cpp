// aisim sweep: run a scenario for many variants (grid, LHS, Sobol, Morris),
// streaming samples.csv and outcomes.csv; see sim/sweep/runner.hpp.
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "sim/cli/commands.hpp"
#include "sim/cli/options.hpp"
#include "sim/error.hpp"
#include "sim/sweep/runner.hpp"
#include "sim/sweep/study.hpp"
#include "sim/threads.hpp"

namespace sim::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage = R"(Usage: aisim sweep [SCENARIO] --vary PATH=LO:HI[:STEPS] ... [OPTIONS]
       aisim sweep --study STUDY.yaml [OPTIONS]

Runs SCENARIO (default world-2025) once per sample, each sample setting the
varied paths (any path `aisim params` lists) as `aisim run --set` would, and
streams OUT/samples.csv, OUT/outcomes.csv and OUT/manifest.json. sobol and
morris also write OUT/sensitivity.csv and print the ranking. A finished
sweep (not a shard) writes OUT/report.html, report.md and charts/: each
outcome's range, which inputs move it (Sobol or Morris indices, rank
correlations) and outcome-against-input scatter plots.

With --variant PATH=VALUE (repeatable) every sample also runs as that
variant (e.g. a delayed programme), and the outcomes may include its delay
cost: 'Time Shift|Generative:KR:2030' is how many years later the variant
reaches the capability the sample has in 2030 (as in aisim compare).

--samples means: lhs the number of samples; sobol the base size N (a power
of two; N x (paths + 2) runs); morris the number of trajectories (x (paths
+ 1) runs); grid ignores it (STEPS per path, default 5).

Examples:
  aisim sweep --vary regions.KR.public_budget=2:20:10 --vary regions.KR.physical_focus=0:1:11 --method grid
  aisim sweep --vary assumptions.algorithmic_progress=1.5:4 --vary assumptions.utilization=0.3:0.5 \
      --method sobol --samples 1024 --outcome 'Years Behind|Physical:KR:2035' --by-year
  aisim sweep korea-2026-ai-budget --vary regions.KR.public_budget=5:20 --variant regions.KR.start_delay=1 \
      --outcome 'Time Shift|Generative:KR:2030' --outcome 'Time Shift|Physical:KR:2030'
  aisim sweep --study docs/studies/global-sobol.yaml --jobs 2 --shard 3/8 --out shard-3)";

int Sweep(const po::variables_map& values) {
  Study study;
  std::string default_out;
  if (values.count("study")) {
    const std::string file = values["study"].as<std::string>();
    study = LoadStudyFile(file);
    default_out = "results/sweep-" + std::filesystem::path(file).stem().string();
    if (values.count("scenario")) study.scenario = values["scenario"].as<std::string>();
  } else {
    study.scenario = values.count("scenario") ? values["scenario"].as<std::string>() : "world-2025";
    default_out = "results/sweep-" + std::filesystem::path(study.scenario).stem().string();
  }
  for (const std::string& s : values["set"].as<std::vector<std::string>>()) study.sets.push_back(s);
  for (const std::string& v : values["vary"].as<std::vector<std::string>>()) study.varied.push_back(ParseVary(v));
  for (const std::string& v : values["variant"].as<std::vector<std::string>>()) study.variant.push_back(v);
  if (values.count("method")) {
    const std::string m = values["method"].as<std::string>();
    bool known = false;
    for (SweepMethod method : {SweepMethod::kGrid, SweepMethod::kLhs, SweepMethod::kSobol, SweepMethod::kMorris}) {
      if (m == MethodName(method)) study.method = method, known = true;
    }
    if (!known) {
      throw ScenarioError({"--method", 0, 0}, "unknown method '" + m + "'", "one of grid, lhs, sobol, morris");
    }
  }
  if (values.count("samples")) study.samples = values["samples"].as<long long>();
  if (values.count("seed")) study.seed = values["seed"].as<unsigned long long>();
  for (const std::string& o : values["outcome"].as<std::vector<std::string>>()) {
    study.outcome_texts.push_back(o);
    study.outcome_at.push_back({"--outcome", 0, 0});
  }
  if (values.count("by-year")) study.by_year = true;
  if (values.count("timeseries")) study.timeseries = true;
  if (study.samples == 0 && study.method != SweepMethod::kGrid) {
    study.samples = study.method == SweepMethod::kSobol ? 256 : study.method == SweepMethod::kMorris ? 20 : 100;
  }

  SweepRunOptions options;
  options.out = values.count("out") ? values["out"].as<std::string>() : default_out;
  options.jobs = ThreadsOrAllCores(values["jobs"].as<int>());
  if (values.count("shard")) {
    const std::string s = values["shard"].as<std::string>();
    const size_t slash = s.find('/');
    try {
      if (slash == std::string::npos) throw std::invalid_argument(s);
      options.shard = std::stoi(s.substr(0, slash));
      options.shards = std::stoi(s.substr(slash + 1));
    } catch (const std::exception&) {
      throw ScenarioError({"--shard", 0, 0}, "expected K/N, got '" + s + "'", "e.g. --shard 3/8");
    }
  }
  options.resume = values.count("resume") > 0;
  options.quiet = values.count("quiet") > 0;
  options.progress = !options.quiet && isatty(2);
  const SweepReport report = RunSweep(study, options, std::cout);
  if (report.interrupted) {
    std::cerr << "aisim: sweep interrupted; the files in " << options.out
              << "/ are consistent. Run the same command with --resume to finish it.\n";
    return 130;
  }
  if (!options.quiet) {
    std::cout << report.end - report.first << " samples (" << report.computed << " computed now) in "
              << options.out << "/\n";
  }
  // A shard is part of a sweep: `aisim merge` reports on the whole.
  if (options.shards <= 1) WriteSweepReport(options.out, values);
  return kExitOk;
}

}  // namespace

int SweepCommand(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("scenario", po::value<std::string>(), "scenario file or shipped name (default world-2025)")
      ("study", po::value<std::string>(), "study file with a sweep: block, e.g. docs/studies/korea-grid.yaml")
      ("vary,v", po::value<std::vector<std::string>>()->composing()->default_value({}, ""),
       "vary a path, e.g. --vary regions.KR.public_budget=2:20:10 (repeatable)")
      ("method,m", po::value<std::string>(), "grid, lhs, sobol or morris (default lhs)")
      ("samples,n", po::value<long long>(), "e.g. 1000 (see above for what it counts per method)")
      ("seed", po::value<unsigned long long>(), "random seed, e.g. 42 (default 1)")
      ("outcome", po::value<std::vector<std::string>>()->composing()->default_value({}, ""),
       "record VARIABLE:REGION[:YEAR], e.g. 'Years Behind|Physical:KR:2035' (repeatable)")
      ("by-year", "record outcomes (and indices) for every year")
      ("timeseries", "also stream every variable, region and year of every sample to timeseries.csv")
      ("set,s", po::value<std::vector<std::string>>()->composing()->default_value({}, ""),
       "override a value for all samples, e.g. --set regions.KR.start_delay=1")
      ("variant", po::value<std::vector<std::string>>()->composing()->default_value({}, ""),
       "also run every sample with this override, for Time Shift outcomes, e.g. "
       "--variant regions.KR.start_delay=1 (repeatable)")
      ("jobs,j", po::value<int>()->default_value(0), "threads; 0 = all cores (outputs do not depend on it)")
      ("out,o", po::value<std::string>(), "output folder (default results/sweep-<name>)")
      ("shard", po::value<std::string>(), "run slice K of N, e.g. 3/8; join with `aisim merge`")
      ("resume", "finish an interrupted sweep in --out")
      ("quiet,q", "no progress and no ranking")
      ("no-charts", "write the report without charts (also AISIM_NO_CHARTS=1)")
      ("svg", "also write every chart as SVG (vector), next to its PNG");
  po::positional_options_description positional;
  positional.add("scenario", 1);
  return ParseAndRun(args, kUsage, options, positional, Sweep);
}

}  // namespace sim::cli
