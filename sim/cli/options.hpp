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
}  // namespace sim

namespace sim::cli {

// False when --no-charts is given or AISIM_NO_CHARTS is set to anything but
// "" or "0" (for scripts and tests that only need the data files).
bool WantCharts(const boost::program_options::variables_map& values);

// Draws the charts of `request` into the report when `charts` is true; a
// missing plotting tool prints its one-line warning on stderr and leaves a
// note in the report instead.
void AddCharts(Report& report, bool charts, const ChartRequest& request);

// A run keeps every variable x year x region x draw in memory (sim::Results);
// throws a ScenarioError at --draws when that would exceed 4 GB, pointing to
// `aisim sweep`, which streams.
void CheckResultsFitInMemory(const Scenario& scenario);

}  // namespace sim::cli
