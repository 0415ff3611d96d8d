// aisim: scenario simulator of national AI investment strategies.
// Dispatches to one subcommand per file (run, list, validate, params).
#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "sim/cli/commands.hpp"

namespace {

constexpr const char* kUsage = R"(aisim: project national AI investment strategies over the years

Usage: aisim COMMAND [OPTIONS]

Commands:
  run [SCENARIO]       run a scenario (default: the built-in world-2025) and write results/
  list                 list the shipped scenarios
  validate SCENARIO    check a scenario file without running it
  params [SCENARIO]    list every settable path with its value and unit
  check SCENARIO       compare a run with the scenario's observations (backtest)
  sweep [SCENARIO]     run many variants (grid, lhs, sobol, morris); see `aisim sweep --help`
  merge SHARD...       join the shard folders of a sweep
  discover SWEEP_DIR   which inputs of a sweep reach a goal (PRIM); see `aisim discover --help`
  compare BASE OTHER.. differences against BASE, charts and a report in results/compare-*/
  explore [SCENARIO]   move sliders in the browser and watch every region change

Options:
  -h, --help           this help; `aisim COMMAND --help` for a command's options
  --version            print the version

Example:
  aisim run korea-2026-ai-budget --set regions.KR.physical_focus=0.8 --draws 1000
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace sim::cli;
  // A file-size limit (ulimit -f) or similar then fails a write with EFBIG,
  // which the writers report as an error, instead of killing the process.
  std::signal(SIGXFSZ, SIG_IGN);
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    std::cout << kUsage;
    return args.empty() ? kExitBadInput : kExitOk;
  }
  if (args[0] == "--version" || args[0] == "version") {
    std::cout << "aisim " << AISIM_VERSION << "\n";
    return kExitOk;
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "run") return RunCommand(rest);
  if (args[0] == "list") return ListCommand(rest);
  if (args[0] == "validate") return ValidateCommand(rest);
  if (args[0] == "params") return ParamsCommand(rest);
  if (args[0] == "check") return CheckCommand(rest);
  if (args[0] == "sweep") return SweepCommand(rest);
  if (args[0] == "discover") return DiscoverCommand(rest);
  if (args[0] == "merge") return MergeCommand(rest);
  if (args[0] == "compare") return CompareCommand(rest);
  if (args[0] == "explore") return ExploreCommand(rest);
  std::cerr << "aisim: error: unknown command '" << args[0] << "'\n"
            << "hint: the commands are run, list, validate, params, check, compare, sweep, merge, "
               "discover, explore; see `aisim --help`\n";
  return kExitBadInput;
}
