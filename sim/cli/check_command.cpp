// aisim check: run a scenario deterministically and compare it with the
// observations it carries (backtesting).
#include <algorithm>
#include <iostream>

#include "sim/check/observation_check.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/options.hpp"
#include "sim/error.hpp"
#include "sim/model/model.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim::cli {

int CheckCommand(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description options("Options");
  options.add_options()
      ("scenario", po::value<std::string>()->required(), "scenario file or shipped name, e.g. backtest-2020")
      ("set,s", po::value<std::vector<std::string>>()->composing()->default_value({}, ""),
       "override a value first, e.g. --set assumptions.capex_per_h100e=90000");
  po::positional_options_description positional;
  positional.add("scenario", 1);
  return ParseAndRun(
      args,
      "Usage: aisim check SCENARIO [--set PATH=VALUE ...]\n\n"
      "Runs SCENARIO deterministically (nominal values, 1 draw) and prints, for each of its\n"
      "observations, the model value, the observed value, the error and pass or FAIL.\n"
      "Exit 0 when every observation is within its tolerance, 1 when any fails, 2 on bad input.\n\n"
      "Example:\n  aisim check backtest-2020",
      options, positional, [](const po::variables_map& values) {
        std::vector<std::string> overrides = values["set"].as<std::vector<std::string>>();
        overrides.push_back("draws=1");
        const Scenario scenario = LoadScenario(values["scenario"].as<std::string>(), overrides);
        if (scenario.observations.empty()) {
          throw ScenarioError({scenario.name, 0, 0}, "scenario has no observations to check",
                              "add an observations: list (see docs/SCENARIOS.md), or try "
                              "`aisim check backtest-2020`");
        }
        ValidateObservations(scenario);
        const std::vector<ObservationCheck> checks =
            CheckObservations(scenario, RunSimulation(scenario));
        std::cout << FormatObservationChecks(scenario.name, checks);
        const bool all_pass = std::all_of(checks.begin(), checks.end(),
                                          [](const ObservationCheck& c) { return c.pass; });
        return all_pass ? kExitOk : kExitFailure;
      });
}

}  // namespace sim::cli
