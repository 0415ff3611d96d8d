#include "sim/cli/options.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <stdexcept>

#include "sim/cli/commands.hpp"
#include "sim/error.hpp"
#include "sim/output/charts.hpp"
#include "sim/model/inputs.hpp"
#include "sim/model/results.hpp"
#include "sim/file.hpp"
#include "sim/output/report.hpp"
#include "sim/output/sweep_report.hpp"
#include "sim/threads.hpp"
#include "sim/sweep/plan.hpp"
#include "sim/sweep/writers.hpp"
#include "sim/scenario/load_scenario.hpp"
#include "sim/scenario/plausibility.hpp"
#include "sim/scenario/scenario.hpp"

namespace sim::cli {

namespace po = boost::program_options;

int ParseAndRun(const std::vector<std::string>& args, const std::string& usage,
                po::options_description& options,
                const po::positional_options_description& positional,
                const std::function<int(const po::variables_map&)>& body) {
  options.add_options()("help,h", "show this help");
  po::variables_map values;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), values);
    if (values.count("help")) {
      std::cout << usage << "\n" << options << "\n";
      return kExitOk;
    }
    po::notify(values);
  } catch (const po::error& error) {
    std::cerr << "aisim: error: " << error.what() << "\n"
              << "hint: see the options with --help\n";
    return kExitBadInput;
  }
  try {
    return body(values);
  } catch (const ScenarioError& error) {
    std::cerr << error.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& error) {
    std::cerr << "aisim: error: " << error.what() << "\n";
    return kExitFailure;
  }
}

}  // namespace sim::cli

namespace sim::cli {

namespace {

bool WantCharts(const po::variables_map& values) {
  if (values.count("no-charts")) return false;
  const char* off = std::getenv("AISIM_NO_CHARTS");
  return !(off && *off && std::string(off) != "0");
}

}  // namespace

void AddCharts(Report& report, const po::variables_map& values, const ChartRequest& request) {
  if (!WantCharts(values)) {
    report.charts_warning = "Charts were not drawn (--no-charts or AISIM_NO_CHARTS).";
    return;
  }
  // A run's charts take a tenth of a second, matplotlib's (compare, sweep,
  // discover) seconds; the model milliseconds (bench/README.md).
  const bool status = !values.count("quiet") && isatty(STDERR_FILENO);
  if (status) std::cerr << "aisim: drawing charts (--no-charts skips them)..." << std::flush;
  ChartRequest wanted = request;
  wanted.svg = values.count("svg") > 0;
  const ChartOutcome outcome = DrawCharts(wanted);
  if (status) std::cerr << "\r\033[K" << std::flush;  // the status line is erased
  report.charts = outcome.charts;
  report.charts_warning = outcome.warning;
  if (!outcome.warning.empty()) std::cerr << "aisim: " << outcome.warning << "\n";
}

void WriteSweepReport(const std::string& folder, const po::variables_map& values) {
  const std::filesystem::path path(folder);
  const nlohmann::json manifest =
      nlohmann::json::parse(ReadWholeFileOrThrow(path / "manifest.json", kMaxManifestBytes));
  // sweep's --jobs, or (merge) every core.
  const int threads = ThreadsOrAllCores(values.count("jobs") ? values["jobs"].as<int>() : 0);
  const std::vector<OutcomeSummary> outcomes = SummariseSweep(path, manifest, threads);
  Report report = MakeSweepReport(manifest, outcomes);
  AddCharts(report, values, SweepChartRequest(path, manifest, outcomes));
  WriteFileAtomically(path / "report.md", FormatReportMarkdown(report));
  WriteFileAtomically(path / "report.html", FormatReportHtml(report, path));
  if (!values.count("quiet")) {
    if (!outcomes.empty()) std::cout << SweepHeadline(manifest, outcomes) << "\n";
    std::cout << "Report: " << (path / "report.html").string() << "\n";
  }
}

void CheckResultsFitInMemory(const std::vector<Scenario>& scenarios, DrawsKept kept) {
  constexpr double kMaxResultBytes = 4e9;
  double bytes = 0;
  for (const Scenario& scenario : scenarios) {
    const double series = static_cast<double>(kVariableCount) * scenario.Years() * scenario.regions.size();
    const double draws = scenario.draws;
    if (kept == DrawsKept::kAll) {
      bytes += 8.0 * series * draws;
      continue;
    }
    // Each draw's sampled assumptions, kept for both passes; per series about
    // ten bins of draws / 4,096 values each near its quantiles (doubled, for
    // bins that hold more than their share); and one round of draws.
    bytes += 8.0 * kAssumptionCount * draws + 8.0 * series * 20 * std::max(1.0, draws / 4096) +
             8.0 * series * std::min(draws, 8192.0);
  }
  if (bytes > kMaxResultBytes) {
    throw ScenarioError({"--draws", 0, 0},
                        std::to_string(scenarios.front().draws) + " draws" +
                            (scenarios.size() > 1 ? " of " + std::to_string(scenarios.size()) + " scenarios" : "") +
                            " would need " +
                            std::to_string(static_cast<long long>(bytes / 1e9)) +
                            " GB of results in memory (limit 4 GB)",
                        "use fewer draws; for many variants use `aisim sweep`, which streams");
  }
}

std::vector<OptionOverride> OptionOverrides(const po::variables_map& values) {
  std::vector<OptionOverride> overrides;
  for (const char* field : {"draws", "seed"}) {
    if (values.count(field)) {
      overrides.push_back({std::string("--") + field, std::string(field) + "=" + values[field].as<std::string>()});
    }
  }
  if (values.count("years")) {
    const std::string range = values["years"].as<std::string>();
    const auto colon = range.find(':');
    const auto is_year = [](const std::string& s) {
      return !s.empty() && s.size() <= 4 && s.find_first_not_of("0123456789") == std::string::npos;
    };
    if (colon == std::string::npos || !is_year(range.substr(0, colon)) ||
        !is_year(range.substr(colon + 1))) {
      throw ScenarioError({"--years", 0, 0}, "expected FIRST:LAST years, got '" + range + "'",
                          "for example --years 2025:2040");
    }
    overrides.push_back({"--years", "start_year=" + range.substr(0, colon)});
    overrides.push_back({"--years", "end_year=" + range.substr(colon + 1)});
  }
  return overrides;
}

void PrintPlausibilityWarnings(const Scenario& scenario) {
  for (const std::string& warning : PlausibilityWarnings(scenario)) std::cerr << warning << "\n";
}

}  // namespace sim::cli
