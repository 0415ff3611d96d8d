// aisim run: load a scenario, run the model, print the end-year table, write
// results/<scenario>/ all at once.
#include <cstdlib>
#include <iostream>
#include <map>

#include "sim/cli/commands.hpp"
#include "sim/cli/options.hpp"
#include "sim/error.hpp"
#include "sim/model/model.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/output/charts.hpp"
#include "sim/output/headline.hpp"
#include "sim/output/report.hpp"
#include "sim/output/summary_writer.hpp"
#include "sim/output/terminal_summary.hpp"
#include "sim/output/rank_odds.hpp"
#include "sim/output/timeseries_csv.hpp"
#include "sim/scenario/did_you_mean.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage = R"(Usage: aisim run [SCENARIO] [OPTIONS]

Runs SCENARIO (a YAML file, or the name of a shipped scenario; default: the
built-in world-2025), prints the end-year summary and writes
OUT/<scenario>/{timeseries.csv, summary.json, summary.md, scenario.resolved.yaml},
with --draws > 1 also rank_odds.csv (P(rank <= k) per region, sector and year),
report.html and report.md, and charts/ (PNG, drawn with cairo; --svg adds
SVG; --no-charts or AISIM_NO_CHARTS=1 skips them).

Examples:
  aisim run
  aisim run korea-2026-ai-budget --draws 1000 --seed 7
  aisim run my-plan.yaml --set regions.KR.public_budget={2026: 7.2, 2030: 12} --years 2025:2040)";

int Run(const po::variables_map& values) {
  const std::string name = values["scenario"].as<std::string>();
  const Scenario scenario =
      LoadScenario(name, values["set"].as<std::vector<std::string>>(), OptionOverrides(values));
  PrintPlausibilityWarnings(scenario);
  CheckResultsFitInMemory({scenario}, scenario.draws > 1 ? DrawsKept::kSummary : DrawsKept::kAll);
  std::string focus;
  if (values.count("region")) {
    focus = values["region"].as<std::string>();
    if (scenario.RegionIndex(focus) < 0) {
      std::vector<std::string> codes;
      for (const Region& r : scenario.regions) codes.push_back(r.code);
      throw ScenarioError({"--region", 0, 0}, scenario.name + " has no region '" + focus + "'",
                          internal::RegionHint(focus, scenario.regions) + "the regions are " +
                              internal::JoinWords(codes));
    }
  }

  RunOptions options;
  options.threads = values["threads"].as<int>();
  // Many draws are summarised as they are made, not kept (memory grows only
  // with their sampled assumptions); one draw is kept, for the deterministic
  // outputs.
  const Results results =
      scenario.draws > 1 ? SummariseSimulation(scenario, options) : RunSimulation(scenario, options);
  if (const std::string where = FirstNonFinite(results); !where.empty()) {
    throw ScenarioError({name, 0, 0}, "the model gave a non-finite value: " + where,
                        "nothing was written; a lever or assumption of that region is at an "
                        "extreme the model cannot represent: check its values with `aisim params`");
  }
  // The answer in one sentence per region: the region asked about, else the
  // regions the scenario is about, else the leader.
  std::vector<std::string> headline_regions = scenario.focus;
  if (!focus.empty()) headline_regions = {focus};
  if (headline_regions.empty()) headline_regions = {GenerativeLeader(results)};
  std::string headline;
  for (const std::string& code : headline_regions) {
    headline += (headline.empty() ? "" : "\n") + RegionHeadline(results, code);
  }
  const std::string resolved = WriteResolvedYaml(scenario);
  const RunRecord record{AISIM_VERSION, HashText(resolved), scenario.seed, scenario.draws};

  const std::filesystem::path folder =
      std::filesystem::path(values["out"].as<std::string>()) / scenario.name;
  std::map<std::string, std::string> files = {
      {"timeseries.csv", FormatTimeseriesCsv(results)},
      {"summary.json", FormatSummaryJson(results, record, scenario.description)},
      {"summary.md", FormatSummaryMarkdown(results, record, scenario.description)},
      {"scenario.resolved.yaml", resolved}};
  if (results.draws() > 1) files["rank_odds.csv"] = FormatRankOddsCsv(results);
  const std::string leftover = WriteFolderAtomically(folder, files,
                        [&](const std::filesystem::path& staging) {
                          // Charts are drawn from the results, into the staging folder, before the rename.
                          Report report = MakeRunReport(results, record, scenario.description, headline);
                          ChartRequest request = RunChartRequest(results, scenario.seed, staging);
                          request.jobs = options.threads;
                          AddCharts(report, values, request);
                          return std::map<std::string, std::string>{
                              {"report.md", FormatReportMarkdown(report)},
                              {"report.html", FormatReportHtml(report, staging)}};
                        });
  if (!leftover.empty()) std::cerr << "aisim: warning: " << leftover << "\n";
  // The table comes after the write, so that a run whose results could not
  // be written shows only the error.
  if (!values.count("quiet")) {
    std::cout << headline << "\n\n"
              << FormatTerminalSummary(results) << "Results written to " << folder.string() << "/\n";
  }
  return kExitOk;
}

}  // namespace

int RunCommand(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("scenario", po::value<std::string>()->default_value("world-2025"), "scenario file or shipped name")
      ("out,o", po::value<std::string>()->default_value("results"), "output folder (e.g. results)")
      ("set,s", po::value<std::vector<std::string>>()->composing()->default_value({}, ""),
       "override a value, e.g. --set regions.KR.physical_focus=0.8 (repeatable; see `aisim params`)")
      ("region,r", po::value<std::string>(), "the region the one-sentence answer is about, e.g. KR (default: the scenario's focus regions, else the generative-AI leader)")
      ("draws,n", po::value<std::string>(), "Monte Carlo draws, e.g. 1000 (1 = deterministic)")
      ("seed", po::value<std::string>(), "random seed, e.g. 42")
      ("years", po::value<std::string>(), "simulated years FIRST:LAST, e.g. 2025:2040")
      ("threads,j", po::value<int>()->default_value(0), "threads for the model and the charts; 0 = all cores (results do not depend on it)")
      ("quiet,q", "print nothing on success")
      ("no-charts", "write no charts (also AISIM_NO_CHARTS=1)")
      ("svg", "also write every chart as SVG (vector), next to its PNG");
  po::positional_options_description positional;
  positional.add("scenario", 1);
  return ParseAndRun(args, kUsage, options, positional, Run);
}

}  // namespace sim::cli
