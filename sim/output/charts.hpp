// Charts of a run, a comparison, a sweep or a discovery. A run's charts are
// drawn natively with cairo (run_charts.hpp): they come with every run, and
// take milliseconds. The others are drawn by matplotlib under Debian's
// /usr/bin/python3, running sim/output/charts.py, whose text is compiled into
// the binary (cmake/embed_text.cmake): the binary draws charts from any
// folder, and the script always matches the binary. Both take the regions'
// styles and the charted variables from chart_style.hpp.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "sim/model/results.hpp"

namespace sim {

struct ChartRegion {
  std::string code, name;  // "KR", "South Korea"
};

// What to draw: a run's results (`results`), or files already written into a
// (staging) results folder for the other kinds.
struct ChartRequest {
  std::string kind;                     // "run", "compare", "discovery" or "sweep"
  std::filesystem::path csv;            // timeseries.csv (all scenarios for compare; discovery: peeling.csv)
  std::filesystem::path differences;    // compare: differences.csv; discovery: discovery.csv; empty for a run
  std::filesystem::path time_shift;     // compare: time_shift.csv; empty otherwise
  std::filesystem::path out;            // the charts folder, created when the charts are drawn
  std::vector<std::string> scenarios;   // names; the first is the base of a comparison
  std::vector<ChartRegion> regions;     // in chart order
  std::string focus_region;             // compare --region code, or "" for all regions
  int year = 0;                         // the compared year (compare only)
  int start_year = 0, end_year = 0;
  int draws = 1;
  unsigned long long seed = 0;
  int jobs = 0;                         // threads (a run) or processes drawing the charts; 0 = one per core
  bool svg = false;                     // also write every chart as SVG (--svg); PNG always
  // Sweeps (csv is outcomes.csv): the sampled inputs, the Sobol or Morris
  // indices (empty for grid and lhs), the method, the outcome columns shown
  // and, for each, its most influential inputs first.
  std::filesystem::path samples, sensitivity;
  std::string method;
  std::vector<std::string> outcomes;
  std::vector<std::vector<std::string>> top_inputs;
  // A run's results, when kind is "run": its charts are drawn natively from
  // them (run_charts.hpp), without the script.
  const Results* results = nullptr;
};

// One drawn chart: file out/NAME.png, and out/NAME.svg when asked for.
struct Chart {
  std::string name;     // file stem, e.g. "capability-generative"
  std::string title;    // e.g. "Generative AI capability by region"
  std::string caption;  // one sentence with units, years, seed and draws
  bool svg = false;     // out/NAME.svg was written too
};

struct ChartOutcome {
  std::vector<Chart> charts;  // in reading order; empty when nothing was drawn
  std::string warning;        // one line when the charts could not be drawn, else ""
};

// Draws the charts of `request`: a run's natively, the others with the chart
// script. Never throws for a missing or failing plotting tool: the outcome
// then has no charts, a one-line warning, and any partly written charts
// folder is removed, so the data files stand alone. The interpreter is
// $AISIM_PYTHON when set, else /usr/bin/python3.
ChartOutcome DrawCharts(const ChartRequest& request);

// The charts of `aisim run`, from `results` into `folder`/charts (`results`
// must outlive the request).
ChartRequest RunChartRequest(const Results& results, unsigned long long seed,
                             const std::filesystem::path& folder);

// The charts of `aisim compare` (results[0] is the base), from `folder`/
// timeseries.csv and differences.csv; `regions` are the compared codes and
// `focus_region` the --region code or "".
ChartRequest CompareChartRequest(const std::vector<const Results*>& results,
                                 const std::vector<std::string>& regions,
                                 const std::string& focus_region, int year,
                                 unsigned long long seed, const std::filesystem::path& folder);

// The JSON text handed to the script (exposed for tests).
std::string ChartSpecJson(const ChartRequest& request);

}  // namespace sim
