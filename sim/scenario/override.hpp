// `--set path=value` overrides, turned into a one-key layer.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

#include "sim/scenario/scenario.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace sim::internal {

// A parsed override: `root` nests the value under the path's keys, ready for
// ApplyLayer with `source` (file "--set", columns counted in the argument).
struct OverrideLayer {
  YAML::Node root;
  LayerSource source;
};

// Parses "path=value" (value as YAML). The path must be one ListParams gives
// for `scenario`, or a whole allocation (regions.KR.public_allocation).
// Raises ScenarioError at the offending column of the --set argument
// otherwise, or at `option` (e.g. "--draws") when the assignment stands for
// that command-line option.
OverrideLayer ParseOverride(const std::string& assignment, const Scenario& scenario,
                            const std::string& option = "");

}  // namespace sim::internal
