// aisim discover: which combinations of the swept inputs reach a goal (PRIM
// on a finished sweep).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "sim/cli/commands.hpp"
#include "sim/cli/options.hpp"
#include "sim/discover/goal.hpp"
#include "sim/error.hpp"
#include "sim/discover/prim.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/output/charts.hpp"
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
  aisim discover results/korea-grid --goal 'Years Behind|Physical:KR:2035 <= 1')";

std::string Number(double x) { return FormatNumber(x); }

// A limit's quasi-p-value, short ("2.5e-294"), or "-" for a limit at the end
// of the swept range (nothing to test).
std::string ShortQuasiP(const std::optional<double>& quasi_p) {
  if (!quasi_p) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2g", *quasi_p);
  return buffer;
}

std::string DiscoveryCsv(const DiscoveryData& data, const PrimResult& result) {
  // quasi_p_low / quasi_p_high are empty for a limit that is not restricted.
  std::string csv = "input,low,high,range_low,range_high,narrowing,quasi_p_low,quasi_p_high,restricted\n";
  const auto cell = [](const std::optional<double>& x) { return x ? Number(*x) : std::string(); };
  for (std::size_t i = 0; i < data.names.size(); ++i) {
    const Limits& box = result.box.limits[i];
    const Restriction* restriction = nullptr;
    for (const Restriction& r : result.restrictions) {
      if (r.input == static_cast<int>(i)) restriction = &r;
    }
    const Limits range = result.trajectory.front().limits[i];
    csv += data.names[i] + "," + Number(box.low) + "," + Number(box.high) + "," +
           Number(range.low) + "," + Number(range.high) + "," +
           Number(restriction ? restriction->narrowing : 0.0) + "," +
           (restriction ? cell(restriction->quasi_p_low) + "," + cell(restriction->quasi_p_high) : ",") + "," +
           (restriction ? "true" : "false") + "\n";
  }
  return csv;
}

std::string PeelingCsv(const PrimResult& result) {
  std::string csv = "step,coverage,density,support,samples,restricted_inputs,chosen\n";
  for (std::size_t b = 0; b < result.trajectory.size(); ++b) {
    const Box& box = result.trajectory[b];
    csv += std::to_string(b) + "," + Number(box.coverage) + "," + Number(box.density) + "," +
           Number(box.support) + "," + std::to_string(box.samples) + "," +
           std::to_string(box.restricted) + "," +
           (static_cast<int>(b) == result.chosen ? "true" : "false") + "\n";
  }
  return csv;
}

std::string DiscoveryJson(const std::string& sweep, const std::vector<Goal>& goals,
                          const DiscoveryData& data, const PrimResult& result,
                          const PrimOptions& options) {
  nlohmann::ordered_json json;
  json["aisim_version"] = AISIM_VERSION;
  json["sweep"] = sweep;
  json["goals"] = nlohmann::json::array();
  for (const Goal& g : goals) json["goals"].push_back(g.text);
  json["method"] = "PRIM (Friedman and Fisher 1999): peeling, then pasting";
  json["options"] = {{"peel_alpha", options.peel_alpha},
                     {"paste_alpha", options.paste_alpha},
                     {"min_support", options.min_support},
                     {"min_density", options.min_density}};
  json["samples"] = result.total_samples;
  json["goal_samples"] = result.goal_samples;
  json["chosen_step"] = result.chosen;
  json["box"] = {{"coverage", result.box.coverage},
                 {"density", result.box.density},
                 {"support", result.box.support},
                 {"samples", result.box.samples}};
  json["restrictions"] = nlohmann::json::array();
  for (const Restriction& r : result.restrictions) {
    json["restrictions"].push_back({{"input", data.names[r.input]},
                                    {"low", r.limits.low},
                                    {"high", r.limits.high},
                                    {"range_low", r.range.low},
                                    {"range_high", r.range.high},
                                    {"narrowing", r.narrowing},
                                    {"quasi_p_low", r.quasi_p_low ? nlohmann::json(*r.quasi_p_low) : nlohmann::json()},
                                    {"quasi_p_high", r.quasi_p_high ? nlohmann::json(*r.quasi_p_high) : nlohmann::json()}});
  }
  json["trajectory"] = nlohmann::json::array();
  for (const Box& box : result.trajectory) {
    json["trajectory"].push_back({{"coverage", box.coverage},
                                  {"density", box.density},
                                  {"support", box.support},
                                  {"restricted_inputs", box.restricted}});
  }
  return json.dump(2) + "\n";
}

// The discovery's report.html / report.md: the goal, the chosen box and its
// restrictions, and the two charts (drawn by the project's chart script).
Report MakeDiscoveryReport(const std::string& sweep, const std::vector<Goal>& goals,
                           const DiscoveryData& data, const PrimResult& result) {
  std::string goal_text;
  for (const Goal& g : goals) goal_text += (goal_text.empty() ? "" : " and ") + g.text;
  Report report;
  report.title = "aisim discover: " + goal_text;
  report.facts = {{"Sweep", sweep},
                  {"Goal", goal_text},
                  {"Samples reaching the goal",
                   std::to_string(result.goal_samples) + " of " + std::to_string(result.total_samples)},
                  {"Chosen box", "coverage " + FormatNumber(result.box.coverage) + ", density " +
                                     FormatNumber(result.box.density)},
                  {"aisim version", AISIM_VERSION}};
  report.notes = {
      "PRIM (patient rule induction) peels the swept input space towards the samples where the "
      "goal holds. Coverage is the share of those samples the box keeps; density the share of the "
      "box's samples that reach the goal. Each restricted limit has its own quasi-p-value (the box "
      "against the same box with that limit moved out to the swept range's end): near 0, the "
      "limit matters; '-' marks a limit that is not restricted."};
  ReportTable table{"Restricted inputs of the chosen box",
                    {"input", "low", "high", "swept range", "narrows", "quasi-p low", "quasi-p high"},
                    {}};
  char buffer[64];
  for (const Restriction& r : result.restrictions) {
    std::snprintf(buffer, sizeof buffer, "%.0f%%", 100 * r.narrowing);
    std::string narrows = buffer;
    table.rows.push_back({data.names[r.input], FormatNumber(r.limits.low),
                          FormatNumber(r.limits.high),
                          FormatNumber(r.range.low) + " to " + FormatNumber(r.range.high), narrows,
                          ShortQuasiP(r.quasi_p_low), ShortQuasiP(r.quasi_p_high)});
  }
  report.tables.push_back(table);
  return report;
}

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
                r.range.high, 100 * r.narrowing, ShortQuasiP(r.quasi_p_low).c_str(),
                ShortQuasiP(r.quasi_p_high).c_str());
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
      ("quiet,q", "print nothing on success");
  po::positional_options_description positional;
  positional.add("sweep", 1);
  return ParseAndRun(args, kUsage, options, positional, Discover);
}

}  // namespace sim::cli
