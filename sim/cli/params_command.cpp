// aisim params: every settable path with its value and unit.
#include <algorithm>
#include <iostream>

#include "sim/cli/commands.hpp"
#include "sim/cli/options.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim::cli {

int ParamsCommand(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description options("Options");
  options.add_options()
      ("scenario", po::value<std::string>()->default_value("world-2025"), "scenario file or shipped name")
      ("set,s", po::value<std::vector<std::string>>()->composing()->default_value({}, ""),
       "override a value first, e.g. --set regions.KR.physical_focus=0.8");
  po::positional_options_description positional;
  positional.add("scenario", 1);
  return ParseAndRun(
      args, "Usage: aisim params [SCENARIO]\n\nLists every path that --set (and sweeps) can change, with its current value and unit.",
      options, positional, [](const po::variables_map& values) {
        const Scenario scenario = LoadScenario(values["scenario"].as<std::string>(),
                                               values["set"].as<std::vector<std::string>>());
        const std::vector<ParamInfo> params = ListParams(scenario);
        std::size_t path_width = 4, value_width = 5;
        for (const ParamInfo& p : params) {
          path_width = std::max(path_width, p.path.size());
          value_width = std::max(value_width, p.value.size());
        }
        auto line = [&](const std::string& a, const std::string& b, const std::string& c) {
          std::cout << a << std::string(path_width - a.size() + 2, ' ') << b
                    << std::string(value_width - std::min(value_width, b.size()) + 2, ' ') << c
                    << "\n";
        };
        line("path", "value", "unit");
        for (const ParamInfo& p : params) line(p.path, p.value, p.unit);
        return kExitOk;
      });
}

}  // namespace sim::cli
