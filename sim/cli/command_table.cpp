#include "sim/cli/command_table.hpp"

#include <algorithm>

#include "sim/cli/commands.hpp"
#include "sim/scenario/did_you_mean.hpp"

namespace sim::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"run", "[SCENARIO]", "run a scenario (default: the built-in world-2025) and write results/", &RunCommand},
      {"list", "", "list the shipped scenarios", &ListCommand},
      {"validate", "SCENARIO", "check a scenario file without running it", &ValidateCommand},
      {"params", "[SCENARIO]", "list every settable path with its value and unit", &ParamsCommand},
      {"check", "SCENARIO", "compare a run with the scenario's observations (backtest)", &CheckCommand},
      {"sweep", "[SCENARIO]", "run many variants (grid, lhs, sobol, morris); see `aisim sweep --help`", &SweepCommand},
      {"merge", "SHARD...", "join the shard folders of a sweep", &MergeCommand},
      {"discover", "SWEEP_DIR", "which inputs of a sweep reach a goal (PRIM); see `aisim discover --help`", &DiscoverCommand},
      {"compare", "BASE OTHER..", "differences against BASE, charts and a report in results/compare-*/", &CompareCommand},
      {"explore", "[SCENARIO]", "move sliders in the browser and watch every region change", &ExploreCommand},
  };
  return commands;
}

const Command* FindCommand(const std::string& name) {
  for (const Command& command : Commands()) {
    if (name == command.name) return &command;
  }
  return nullptr;
}

std::string CommandHelp() {
  // The summaries start in the same column as the options' help below them.
  constexpr std::size_t kSummaryColumn = 23;
  std::string help = "Commands:\n";
  for (const Command& command : Commands()) {
    std::string line = std::string("  ") + command.name;
    if (*command.arguments) line += std::string(" ") + command.arguments;
    line.resize(std::max(line.size() + 1, kSummaryColumn), ' ');
    help += line + command.summary + "\n";
  }
  return help;
}

std::string UnknownCommandMessage(const std::string& name) {
  std::vector<std::string> names;
  for (const Command& command : Commands()) names.push_back(command.name);
  return "aisim: error: unknown command '" + name + "'\nhint: " +
         internal::UnknownWordHint(name, names, "commands") + " (see `aisim --help`)\n";
}

}  // namespace sim::cli
