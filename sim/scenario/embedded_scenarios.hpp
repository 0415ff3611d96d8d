// The shipped scenarios' YAML text, compiled into the binary (generated at
// build time by cmake/embed_scenarios.cmake from the files in scenarios/).
#pragma once

#include <string>
#include <vector>

namespace sim::internal {

struct EmbeddedScenario {
  std::string name;  // file stem, e.g. "world-2025"
  std::string yaml;  // the file's text
};

const std::vector<EmbeddedScenario>& EmbeddedScenarios();

}  // namespace sim::internal
