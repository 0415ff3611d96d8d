// The report of a finished sweep (report.md, report.html and charts/ in its
// folder): what was varied, each outcome's range over the samples, and which
// inputs move it, said first in one sentence. It answers a student's "which
// assumption matters most?" from the sweep's own files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/output/charts.hpp"
#include "sim/output/report.hpp"

namespace sim {

// How much each varied input moves one outcome, most influential first.
struct InputInfluence {
  std::string path;            // e.g. "assumptions.algorithmic_progress"
  double rank_correlation = 0;  // Spearman's, over every sample (any method)
  // Sobol: total and first-order index with their confidence half-widths;
  // Morris: mu* and its half-width in `index`/`index_conf`, sigma in `second`.
  double index = 0, index_conf = 0, second = 0, second_conf = 0;
};

struct OutcomeSummary {
  std::string column;  // "KR|Years Behind|Physical|2035"
  std::string unit;    // of its variable, e.g. "years"
  double min = 0, p5 = 0, median = 0, p95 = 0, max = 0;  // over the finite values
  long long infinite = 0;  // samples whose value is inf (a level never reached)
  std::vector<InputInfluence> inputs;  // most influential first
};

// The outcomes a report shows: for each region and variable the last year
// recorded (the sweep's horizon), at most `limit`, in the sweep's order.
std::vector<std::string> ShownOutcomes(const std::vector<std::string>& columns, std::size_t limit);

// Reads the sweep in `folder` (manifest.json, samples.csv, outcomes.csv and,
// for sobol and morris, sensitivity.csv) and summarises each shown outcome.
// Inputs are ordered by the total Sobol index, by Morris mu*, or (grid, lhs)
// by the size of their rank correlation. The files are read, and the
// outcomes summarised, on up to `threads` threads (the result does not
// depend on it).
std::vector<OutcomeSummary> SummariseSweep(const std::filesystem::path& folder, const nlohmann::json& manifest,
                                           int threads = 1);

// "In short: ..." for the first outcome: its range and the input that moves it most.
std::string SweepHeadline(const nlohmann::json& manifest, const std::vector<OutcomeSummary>& outcomes);

// The report: the headline, what was varied, the outcomes' ranges and one
// table of inputs per shown outcome; charts are added by the caller.
Report MakeSweepReport(const nlohmann::json& manifest, const std::vector<OutcomeSummary>& outcomes);

// The charts of a sweep in `folder`/charts: sensitivity bars (Sobol) or
// mu*-sigma (Morris), indices by year (Sobol with by_year), and each shown
// outcome against its most influential inputs.
ChartRequest SweepChartRequest(const std::filesystem::path& folder, const nlohmann::json& manifest,
                               const std::vector<OutcomeSummary>& outcomes);

}  // namespace sim
