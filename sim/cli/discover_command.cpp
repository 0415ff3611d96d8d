// aisim discover: which combinations of the swept inputs reach a goal (PRIM
// on a finished sweep).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "sim/cli/commands.hpp"
#include "sim/cli/options.hpp"
#include "sim/discover/goal.hpp"
#include "sim/error.hpp"
#include "sim/discover/prim.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/output/charts.hpp"
#include "sim/output/discovery_files.hpp"
#include "sim/output/report.hpp"

namespace sim::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage = R"(Usage: aisim discover SWEEP_DIR --goal 'OUTCOME OP VALUE' [--goal ...] [OPTIONS]

Finds the region of the swept inputs where every goal holds (PRIM: peeling,
then pasting), prints the peeling trajectory (coverage against density), the
chosen box with each restricted input's limits and quasi-p-value, and writes
SWEEP_DIR/discovery/{discovery.csv, peeling.csv, discovery.json, report.html,
report.md, charts/}.

OUTCOME is an outcomes.csv column ("KR|Years Behind|Physical|2030") or the
sweep notation ("Years Behind|Physical:KR:2030"); OP is < <= > >=.

Example:
  aisim sweep --study docs/studies/korea-grid.yaml --out results/korea-grid
  aisim discover results/korea-grid --goal 'Years Behind|Physical:KR:2035 <= 2')";

void PrintReport(const DiscoveryData& data, const PrimResult& result, double seconds) {
  std::printf("%d of %d samples reach the goal (%.1f%%); PRIM took %.2f s\n\n",
              result.goal_samples, result.total_samples,
              100.0 * result.goal_samples / result.total_samples, seconds);
  std::printf("Peeling trajectory (coverage: share of goal samples kept; density: share of the box's samples reaching the goal)\n");
  std::printf("%5s  %8s  %8s  %8s  %10s\n", "step", "coverage", "density", "support", "restricted");
  for (std::size_t b = 0; b < result.trajectory.size(); ++b) {
    const Box& box = result.trajectory[b];
    std::printf("%5zu  %8.3f  %8.3f  %8.3f  %10d%s\n", b, box.coverage, box.density, box.support,
                box.restricted, static_cast<int>(b) == result.chosen ? "   <- chosen" : "");
  }
  std::printf("\nChosen box after pasting: coverage %.3f, density %.3f, %d samples\n",
              result.box.coverage, result.box.density, result.box.samples);
  if (result.restrictions.empty()) {
    std::printf("  no input is restricted: the goal does not depend on where in the swept ranges a sample is\n");
  }
  for (const Restriction& r : result.restrictions) {
    // Four significant digits here; discovery.csv and .json hold the exact limits.
    std::printf("  %-36s [%.4g, %.4g] of [%.4g, %.4g]  narrows %.0f%%  quasi-p low %s high %s\n",
                data.names[r.input].c_str(), r.limits.low, r.limits.high, r.range.low,
                r.range.high, 100 * r.narrowing, QuasiPText(r.quasi_p_low).c_str(),
                QuasiPText(r.quasi_p_high).c_str());
  }
}

// True when `path` is `prefix` or lies inside it (both absolute and normal).
bool IsWithin(const std::filesystem::path& path, const std::filesystem::path& prefix) {
  const auto mismatch = std::mismatch(prefix.begin(), prefix.end(), path.begin(), path.end());
  return mismatch.first == prefix.end();
}

// The absolute form of `path` with symlinks, "." and ".." resolved (as far
// as it exists) and no trailing separator.
std::filesystem::path Resolved(const std::filesystem::path& path) {
  std::filesystem::path resolved = std::filesystem::weakly_canonical(std::filesystem::absolute(path));
  if (resolved.filename().empty()) resolved = resolved.parent_path();
  return resolved;
}

// Writing the discovery replaces --out whole, so --out must not be the sweep
// folder, a folder holding it, or one of the sweep's files; a new folder
// inside the sweep (the default SWEEP_DIR/discovery) is fine.
void CheckOutLeavesSweep(const std::filesystem::path& out, const std::string& sweep) {
  const std::filesystem::path target = Resolved(out), data = Resolved(sweep);
  const std::string hint = "choose a folder outside the sweep, or leave out --out (default SWEEP_DIR/discovery)";
  if (IsWithin(data, target)) {
    throw ScenarioError({"--out"}, "'" + out.string() + "' is the sweep folder or holds it: writing the "
                        "discovery there would delete the sweep", hint);
  }
  if (!IsWithin(target, data)) return;
  const std::filesystem::path below = data / *target.lexically_relative(data).begin();
  std::error_code error;
  if (std::filesystem::exists(below, error) && !std::filesystem::is_directory(below, error)) {
    throw ScenarioError({"--out"}, "'" + out.string() + "' would replace the sweep's file " +
                        below.filename().string(), hint);
  }
}

int Discover(const po::variables_map& values) {
  const std::string sweep = values["sweep"].as<std::string>();
  const std::filesystem::path out =
      values.count("out") ? std::filesystem::path(values["out"].as<std::string>())
                          : std::filesystem::path(sweep) / "discovery";
  CheckOutLeavesSweep(out, sweep);
  const std::vector<std::string> columns = OutcomeColumns(sweep);
  std::vector<Goal> goals;
  for (const std::string& text : values["goal"].as<std::vector<std::string>>()) {
    goals.push_back(ParseGoal(text, columns));
  }
  PrimOptions options;
  options.peel_alpha = values["peel-alpha"].as<double>();
  options.min_support = values["min-support"].as<double>();
  options.min_density = values["min-density"].as<double>();

  const auto start = std::chrono::steady_clock::now();
  const DiscoveryData data = ReadSweep(sweep, goals);
  if (std::find(data.goal.begin(), data.goal.end(), true) == data.goal.end() && !data.goal.empty()) {
    std::string ranges;
    for (std::size_t g = 0; g < goals.size(); ++g) {
      char range[96];
      std::snprintf(range, sizeof range, " ranges from %.4g to %.4g", data.goal_min[g], data.goal_max[g]);
      ranges += (g ? "; " : "") + goals[g].column + range;
    }
    throw ScenarioError({"--goal", 0, 0}, "no sample of the sweep reaches the goal",
                        "in this sweep " + ranges + ": the goal lies outside what the swept ranges give");
  }
  const PrimResult result = RunPrim(data, options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  Report report = MakeDiscoveryReport(sweep, goals, data, result);
  const std::string leftover = WriteFolderAtomically(
      out,
      {{"discovery.csv", DiscoveryCsv(data, result)},
       {"peeling.csv", PeelingCsv(result)},
       {"discovery.json", DiscoveryJson(sweep, goals, data, result, options)}},
      [&](const std::filesystem::path& staging) {
        ChartRequest request;
        request.kind = "discovery";
        request.csv = staging / "peeling.csv";
        request.differences = staging / "discovery.csv";
        request.out = staging / "charts";
        for (const Goal& g : goals) request.scenarios.push_back(g.text);
        AddCharts(report, values, request);
        return std::map<std::string, std::string>{
            {"report.md", FormatReportMarkdown(report)},
            {"report.html", FormatReportHtml(report, staging)}};
      });
  if (!leftover.empty()) std::cerr << "aisim: warning: " << leftover << "\n";
  if (!values.count("quiet")) {
    std::cout << DiscoveryHeadline(goals, data, result) << "\n";
    PrintReport(data, result, seconds);
    std::cout << "\nWritten to " << out.string() << "/\n";
  }
  return kExitOk;
}

}  // namespace

int DiscoverCommand(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("sweep", po::value<std::string>()->required(), "a finished sweep's --out folder")
      ("goal,g", po::value<std::vector<std::string>>()->required()->composing(),
       "a condition, e.g. 'KR|Years Behind|Physical|2030 <= 1' (repeatable: all must hold)")
      ("out,o", po::value<std::string>(), "output folder (default SWEEP_DIR/discovery)")
      ("min-density", po::value<double>()->default_value(0.8), "the chosen box must reach this density, e.g. 0.8")
      ("min-support", po::value<double>()->default_value(0.05), "stop peeling below this share of samples, e.g. 0.05")
      ("peel-alpha", po::value<double>()->default_value(0.05), "share of a box peeled per step, e.g. 0.05")
      ("no-charts", "write the data files and reports without charts")
      ("svg", "also write every chart as SVG (vector), next to its PNG")
      ("quiet,q", "print nothing on success");
  po::positional_options_description positional;
  positional.add("sweep", 1);
  return ParseAndRun(args, kUsage, options, positional, Discover);
}

}  // namespace sim::cli
