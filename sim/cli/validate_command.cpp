// aisim validate: load and check a scenario without running it.
#include <iostream>

#include "sim/cli/commands.hpp"
#include "sim/cli/options.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim::cli {

int ValidateCommand(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description options("Options");
  options.add_options()
      ("scenario", po::value<std::string>()->required(), "scenario file or shipped name")
      ("set,s", po::value<std::vector<std::string>>()->composing()->default_value({}, ""),
       "override a value first, e.g. --set regions.KR.physical_focus=0.8");
  po::positional_options_description positional;
  positional.add("scenario", 1);
  return ParseAndRun(
      args, "Usage: aisim validate SCENARIO [--set PATH=VALUE ...]\n\nChecks a scenario (exit 0) or prints its error with file, line and column (exit 2);\nwarns on stderr about values that are valid but look like a unit slip.",
      options, positional, [](const po::variables_map& values) {
        const Scenario scenario = LoadScenario(values["scenario"].as<std::string>(),
                                               values["set"].as<std::vector<std::string>>());
        PrintPlausibilityWarnings(scenario);
        std::cout << scenario.name << ": ok (" << scenario.regions.size() << " regions, "
                  << scenario.start_year << "-" << scenario.end_year << ", " << scenario.draws
                  << (scenario.draws == 1 ? " draw" : " draws") << ")\n";
        return kExitOk;
      });
}

}  // namespace sim::cli
