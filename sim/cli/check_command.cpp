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
       "override a value first, e.g. --set assumptions.capex_per_h100e=90000")
      ("draws,n", po::value<std::string>(),
       "also run N Monte Carlo draws (N >= 2) and show where each observed value falls among them")
      ("seed", po::value<std::string>(), "random seed of the draws, e.g. 42 (default: the scenario's)");
  po::positional_options_description positional;
  positional.add("scenario", 1);
  return ParseAndRun(
      args,
      "Usage: aisim check SCENARIO [--set PATH=VALUE ...] [--draws N [--seed S]]\n\n"
      "Runs SCENARIO deterministically (nominal values, 1 draw) and prints, for each of its\n"
      "observations, the model value, the observed value, the error and pass or FAIL.\n"
      "With --draws N it also runs N Monte Carlo draws of the scenario's uncertain\n"
      "assumptions and shows, per observation, the draws' 5-95% range, the share of draws\n"
      "below the observed value, and whether the record is inside the range: is the\n"
      "model's stated uncertainty wide enough to contain what happened?\n"
      "Exit 0 when every observation is within its tolerance in the deterministic run,\n"
      "1 when any fails, 2 on bad input.\n\n"
      "Examples:\n  aisim check backtest-2020\n  aisim check backtest-2020 --draws 1000 --seed 1",
      options, positional, [](const po::variables_map& values) {
        const Scenario uncertain = LoadScenario(values["scenario"].as<std::string>(),
                                                values["set"].as<std::vector<std::string>>(),
                                                OptionOverrides(values));
        Scenario scenario = uncertain;
        scenario.draws = 1;  // the check itself is the deterministic run
        if (scenario.observations.empty()) {
          throw ScenarioError({scenario.name, 0, 0}, "scenario has no observations to check",
                              "add an observations: list (see docs/SCENARIOS.md), or try "
                              "`aisim check backtest-2020`");
        }
        ValidateObservations(scenario);
        const std::vector<ObservationCheck> checks =
            CheckObservations(scenario, RunSimulation(scenario));
        std::vector<ObservationSpread> spreads;
        int draws = 0;
        if (values.count("draws")) {
          if (uncertain.draws < 2) {
            throw ScenarioError({"--draws", 0, 0}, "a spread needs at least 2 draws, got " +
                                                       std::to_string(uncertain.draws),
                                "e.g. --draws 1000; leave --draws out for the deterministic check alone");
          }
          CheckResultsFitInMemory({uncertain});
          draws = uncertain.draws;
          spreads = SpreadObservations(uncertain, RunSimulation(uncertain));
        }
        std::cout << CheckHeadline(scenario.name, checks) << "\n"
                  << FormatObservationChecks(scenario.name, checks, spreads, draws);
        const bool all_pass = std::all_of(checks.begin(), checks.end(),
                                          [](const ObservationCheck& c) { return c.pass; });
        return all_pass ? kExitOk : kExitFailure;
      });
}

}  // namespace sim::cli
