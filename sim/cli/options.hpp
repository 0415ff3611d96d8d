// Shared option handling for the subcommands (Boost.Program_options).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace sim::cli {

// Parses `args` against `options` (and the positional names in `positional`,
// in order) into `values`, handles --help (printing `usage` and the options),
// and turns parse errors and scenario errors raised by `body` into messages on
// stderr with exit code 2. Returns the exit code.
int ParseAndRun(const std::vector<std::string>& args, const std::string& usage,
                boost::program_options::options_description& options,
                const boost::program_options::positional_options_description& positional,
                const std::function<int(const boost::program_options::variables_map&)>& body);

}  // namespace sim::cli

namespace sim {
struct Report;
struct ChartRequest;
struct Scenario;
struct OptionOverride;
}  // namespace sim

namespace sim::cli {

// Draws the charts of `request` into the report, unless --no-charts or
// AISIM_NO_CHARTS=1 says not to (the report then says so). A missing
// plotting tool prints its one-line warning on stderr and leaves a note in
// the report instead. On a terminal, without --quiet, a status line says
// what is taking the time while the charts are drawn.
void AddCharts(Report& report, const boost::program_options::variables_map& values,
               const ChartRequest& request);

// Writes the report of the finished sweep in `folder` (report.md,
// report.html, charts/ as AddCharts allows) and, without --quiet, prints its
// first sentence and where the report is.
void WriteSweepReport(const std::string& folder, const boost::program_options::variables_map& values);

// check --draws and compare keep every variable x year x region x draw in
// memory (sim::Results), for every scenario; `aisim run` summarises its
// draws as they are made (sim::SummariseSimulation) and keeps only each
// draw's sampled assumptions and, per series, the values near its quantiles.
// Throws a ScenarioError at --draws when `scenarios` together would need
// more than 4 GB, pointing to `aisim sweep`, which streams.
enum class DrawsKept { kAll, kSummary };
void CheckResultsFitInMemory(const std::vector<Scenario>& scenarios, DrawsKept kept = DrawsKept::kAll);

// The scenario fields --draws, --seed and --years FIRST:LAST stand for, where
// the command has them and they were given: they are recorded in the
// scenario itself, so that scenario.resolved.yaml reproduces the run, and an
// error in one names the option.
std::vector<OptionOverride> OptionOverrides(const boost::program_options::variables_map& values);

// Prints the scenario's plausibility warnings (sim/scenario/plausibility.hpp)
// on stderr; the command goes on.
void PrintPlausibilityWarnings(const Scenario& scenario);

}  // namespace sim::cli
