// aisim compare: run BASE and one or more other scenarios with the same seed
// and draws, and write the differences against BASE, charts with the
// scenarios overlaid, and a report to OUT/compare-<names>/ all at once.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>

#include "sim/cli/commands.hpp"
#include "sim/cli/options.hpp"
#include "sim/error.hpp"
#include "sim/model/model.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/output/charts.hpp"
#include "sim/output/comparison.hpp"
#include "sim/output/headline.hpp"
#include "sim/output/report.hpp"
#include "sim/output/summary_writer.hpp"
#include "sim/output/time_shift.hpp"
#include "sim/output/timeseries_csv.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage = R"(Usage: aisim compare BASE OTHER [MORE ...] [OPTIONS]

Runs every scenario (YAML files or shipped names) with the same seed and draws,
and compares each with BASE in one year: differences per region and metric
(absolute and relative), capability gained per extra USD bn of public spend,
and, with draws, the share of paired draws in which OTHER beats BASE (common
random numbers: draw i of every scenario uses the same random numbers); and
the delay cost in every year: how many years later OTHER reaches the
capability BASE has then (the time shift between the two paths).
Writes OUT/compare-<BASE>-vs-<OTHER>.../{differences.csv, time_shift.csv,
spend_efficiency.csv, timeseries.csv, scenarios/, charts/, report.html, report.md}.

Examples:
  aisim compare world-2025 my-plan.yaml
  aisim compare korea-2026-ai-budget korea-generative-race --region KR --year 2035
  aisim compare korea-2026-ai-budget korea-delay-one-year --region KR --year 2030
  aisim compare world-2025 my-plan.yaml --draws 500 --seed 7)";

// Every scenario of the comparison must answer the same question: distinct
// names (they name the output rows), the same draws and seed (paired draws),
// the compared region and year in each.
void CheckComparable(const std::vector<Scenario>& scenarios, const std::string& region, int year) {
  std::set<std::string> names;
  for (const Scenario& s : scenarios) {
    if (!names.insert(s.name).second) {
      throw ScenarioError({s.name, 0, 0}, "scenario '" + s.name + "' is given twice",
                          "compare different scenarios; a file's name is its stem or its `name:`");
    }
  }
  const Scenario& base = scenarios[0];
  for (const Scenario& s : scenarios) {
    if (s.draws != base.draws) {
      throw ScenarioError({"--draws", 0, 0},
                          base.name + " has " + std::to_string(base.draws) + " draws but " +
                              s.name + " has " + std::to_string(s.draws),
                          "pass --draws N to run every scenario with the same draws");
    }
    if (s.draws > 1 && s.seed != base.seed) {
      throw ScenarioError({"--seed", 0, 0},
                          base.name + " has seed " + std::to_string(base.seed) + " but " + s.name +
                              " has seed " + std::to_string(s.seed) +
                              "; paired draws need the same seed",
                          "pass --seed N to run every scenario with the same seed");
    }
    if (year < s.start_year || year > s.end_year) {
      throw ScenarioError({"--year", 0, 0},
                          std::to_string(year) + " is outside " + s.name + "'s years " +
                              std::to_string(s.start_year) + "-" + std::to_string(s.end_year),
                          "choose a --year every scenario simulates");
    }
    if (!region.empty() && s.RegionIndex(region) < 0) {
      std::string codes;
      for (const Region& r : s.regions) codes += (codes.empty() ? "" : ", ") + r.code;
      throw ScenarioError({"--region", 0, 0}, s.name + " has no region '" + region + "'",
                          "the regions of " + s.name + " are " + codes);
    }
  }
}

// The last year every scenario simulates.
int CommonEndYear(const std::vector<Scenario>& scenarios) {
  int year = scenarios[0].end_year;
  for (const Scenario& s : scenarios) year = std::min(year, s.end_year);
  return year;
}

std::string Signed(const char* format, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

// The headline differences on the terminal: capability and years behind.
void PrintSummary(const Comparison& comparison, bool monte_carlo) {
  const std::set<Variable> headline = {Variable::kCapabilityGenerative, Variable::kCapabilityPhysical,
                                       Variable::kYearsBehindGenerative, Variable::kYearsBehindPhysical};
  std::string current;
  for (const ComparisonRow& row : comparison.rows) {
    if (!headline.count(row.variable)) continue;
    if (row.scenario != current) {
      current = row.scenario;
      std::cout << row.scenario << " minus " << row.base << " in " << comparison.year
                << (monte_carlo ? " (median of paired draws; better in % of draws)" : "") << ":\n";
    }
    const VariableInfo& info = Describe(row.variable);
    char line[256];
    std::snprintf(line, sizeof line, "  %-4s %-24s %12s %-20s %9s", row.region.c_str(), info.name,
                  Signed("%+.4g", row.difference).c_str(), info.unit,
                  row.relative_percent ? Signed("%+.2f%%", *row.relative_percent).c_str() : "n/a");
    std::cout << line;
    if (row.share_better) std::cout << "  better in " << Signed("%.0f%%", 100 * *row.share_better);
    std::cout << "\n";
  }
  current.clear();
  for (const TimeShiftRow& row : comparison.time_shifts) {
    if (row.year != comparison.year) continue;
    if (row.scenario != current) {
      current = row.scenario;
      std::cout << "Years " << row.scenario << " needs beyond " << row.base << " to reach "
                << row.base << "'s capability of " << comparison.year
                << (monte_carlo ? " (median of paired draws, p5 to p95)" : "") << ":\n";
    }
    char line[128];
    std::snprintf(line, sizeof line, "  %-4s %-24s %12s", row.region.c_str(), Describe(row.variable).name,
                  FormatTimeShift(row.shift).c_str());
    std::cout << line;
    if (row.p5_shift) {
      std::cout << "  (" << FormatTimeShift(*row.p5_shift) << " to " << FormatTimeShift(*row.p95_shift) << ")";
    }
    std::cout << "\n";
  }
}

int Compare(const po::variables_map& values) {
  const auto names = values["scenarios"].as<std::vector<std::string>>();
  if (names.size() < 2) {
    throw ScenarioError({"compare", 0, 0}, "compare needs at least two scenarios, got " +
                                               std::to_string(names.size()),
                        "for example: aisim compare world-2025 my-plan.yaml");
  }
  const auto sets = values["set"].as<std::vector<std::string>>();
  std::vector<Scenario> scenarios;
  for (const std::string& name : names) {
    scenarios.push_back(LoadScenario(name, sets, OptionOverrides(values)));
    PrintPlausibilityWarnings(scenarios.back());
  }

  const std::string region = values.count("region") ? values["region"].as<std::string>() : "";
  const int year = values.count("year") ? values["year"].as<int>() : CommonEndYear(scenarios);
  CheckComparable(scenarios, region, year);
  CheckResultsFitInMemory(scenarios);

  // The compared regions: the base's, in its order, that every scenario has.
  std::vector<std::string> regions;
  for (const Region& r : scenarios[0].regions) {
    bool everywhere = true;
    for (const Scenario& s : scenarios) everywhere = everywhere && s.RegionIndex(r.code) >= 0;
    if (everywhere && (region.empty() || r.code == region)) regions.push_back(r.code);
  }

  std::string folder_name = "compare";
  for (const Scenario& scenario : scenarios) {
    folder_name += (folder_name == "compare" ? "-" : "-vs-") + scenario.name;
  }
  // One file name, however many scenarios: most file systems allow 255 bytes.
  if (folder_name.size() > 255) {
    throw ScenarioError({"compare", 0, 0},
                        "the folder name '" + folder_name.substr(0, 60) + "...' would be " +
                            std::to_string(folder_name.size()) + " bytes, over the 255 a file name may have",
                        "compare fewer scenarios at once, or give them shorter `name:`s");
  }

  RunOptions options;
  options.threads = values["threads"].as<int>();
  std::vector<Results> results;
  results.reserve(scenarios.size());
  std::map<std::string, std::string> files;
  std::string timeseries;
  for (const Scenario& scenario : scenarios) {
    results.push_back(RunSimulation(scenario, options));
    files["scenarios/" + scenario.name + ".resolved.yaml"] = WriteResolvedYaml(scenario);
    // One tidy CSV for all: every scenario's rows under the first header.
    const std::string csv = FormatTimeseriesCsv(results.back());
    timeseries += timeseries.empty() ? csv : csv.substr(csv.find('\n') + 1);
  }
  std::vector<const Results*> pointers;
  for (const Results& r : results) pointers.push_back(&r);
  const Comparison comparison = CompareResults(pointers, year, regions);
  files["differences.csv"] = FormatDifferencesCsv(comparison);
  files["time_shift.csv"] = FormatTimeShiftCsv(comparison);
  files["spend_efficiency.csv"] = FormatEfficiencyCsv(comparison);
  files["timeseries.csv"] = timeseries;

  // The answer in words: for --region, else the regions the base scenario is
  // about (or, when it names none, the others), else the region that moves most.
  std::vector<std::string> headline_regions;
  if (!region.empty()) headline_regions = {region};
  for (const Scenario& scenario : scenarios) {
    if (!headline_regions.empty()) break;
    for (const std::string& code : scenario.focus) {
      const bool compared = std::find(regions.begin(), regions.end(), code) != regions.end();
      const bool listed = std::find(headline_regions.begin(), headline_regions.end(), code) != headline_regions.end();
      if (compared && !listed) headline_regions.push_back(code);
    }
  }
  std::string headline;
  for (std::size_t s = 1; s < results.size(); ++s) {
    const std::string sentence = ComparisonHeadline(comparison, results[0], results[s].scenario(), headline_regions);
    if (!sentence.empty()) headline += (headline.empty() ? "" : "\n") + sentence;
  }

  const RunRecord record{AISIM_VERSION, "", scenarios[0].seed, scenarios[0].draws};
  const bool quiet = values.count("quiet");
  if (!quiet && !headline.empty()) std::cout << headline << "\n\n";
  if (!quiet) PrintSummary(comparison, record.draws > 1);
  const std::filesystem::path folder =
      std::filesystem::path(values["out"].as<std::string>()) / folder_name;
  const std::string leftover = WriteFolderAtomically(folder, files, [&](const std::filesystem::path& staging) {
    std::map<std::string, Currency> currencies;
    for (const Region& r : scenarios[0].regions) {
      const auto rate = scenarios[0].money.per_usd.find(r.currency);
      if (rate != scenarios[0].money.per_usd.end()) currencies[r.code] = {r.currency, rate->second};
    }
    Report report = MakeComparisonReport(pointers, comparison, record, region, headline, currencies);
    ChartRequest request = CompareChartRequest(pointers, regions, region, year, record.seed, staging);
    request.jobs = options.threads;
    AddCharts(report, values, request);
    return std::map<std::string, std::string>{{"report.md", FormatReportMarkdown(report)},
                                              {"report.html", FormatReportHtml(report, staging)}};
  });
  if (!leftover.empty()) std::cerr << "aisim: warning: " << leftover << "\n";
  if (!quiet) std::cout << "Comparison written to " << folder.string() << "/\n";
  return kExitOk;
}

}  // namespace

int CompareCommand(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("scenarios", po::value<std::vector<std::string>>()->default_value({}, ""),
       "BASE OTHER [MORE ...]: scenario files or shipped names")
      ("region,r", po::value<std::string>(), "compare one region only, e.g. KR")
      ("year,y", po::value<int>(), "year compared, e.g. 2035 (default: the last common year)")
      ("out,o", po::value<std::string>()->default_value("results"), "output folder (e.g. results)")
      ("set,s", po::value<std::vector<std::string>>()->composing()->default_value({}, ""),
       "override a value in every scenario, e.g. --set end_year=2040 (repeatable)")
      ("draws,n", po::value<std::string>(), "Monte Carlo draws for every scenario, e.g. 500")
      ("seed", po::value<std::string>(), "random seed for every scenario, e.g. 42")
      ("threads,j", po::value<int>()->default_value(0), "threads, and processes drawing charts; 0 = all cores (results do not depend on it)")
      ("quiet,q", "print nothing on success")
      ("no-charts", "write no charts (also AISIM_NO_CHARTS=1)")
      ("svg", "also write every chart as SVG (vector), next to its PNG");
  po::positional_options_description positional;
  positional.add("scenarios", -1);
  return ParseAndRun(args, kUsage, options, positional, Compare);
}

}  // namespace sim::cli
