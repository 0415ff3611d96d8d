// aisim list: the shipped scenarios, one line each.
#include <algorithm>
#include <iostream>

#include "sim/cli/commands.hpp"
#include "sim/cli/options.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim::cli {

int ListCommand(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description options("Options");
  return ParseAndRun(args, "Usage: aisim list\n\nLists the scenarios shipped inside aisim; run one with `aisim run NAME`.",
                     options, {}, [](const po::variables_map&) {
                       const std::vector<ShippedScenario> shipped = ListShippedScenarios();
                       std::size_t width = 0;
                       for (const ShippedScenario& s : shipped) width = std::max(width, s.name.size());
                       for (const ShippedScenario& s : shipped) {
                         std::cout << s.name << std::string(width - s.name.size() + 2, ' ')
                                   << s.description << "\n";
                       }
                       return kExitOk;
                     });
}

}  // namespace sim::cli
