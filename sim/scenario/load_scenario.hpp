// Reading scenarios: YAML files (with `extends`), shipped scenarios embedded in
// the binary, and `--set path=value` overrides. Every input error is raised as
// sim::ScenarioError with file:line:column and a hint.
#pragma once

#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace sim {

// An assignment that a command-line option stands for (`--draws 100` is
// draws=100): its errors name the option, not a --set argument.
struct OptionOverride {
  std::string option;      // e.g. "--draws"
  std::string assignment;  // e.g. "draws=100"
};

// Loads a scenario. `path_or_name` is a file path, or the name of a shipped
// scenario ("world-2025", "korea-2026-ai-budget"): a path that exists wins.
// `extends:` is resolved relative to the extending file's folder, then among
// the shipped scenarios. Layers merge deeply (maps merge; scalars and lists
// replace), then each `--set` in `overrides` ("regions.KR.public_budget=12",
// value parsed as YAML) is applied in order, then each of `options`, then
// the whole is validated.
// Throws ScenarioError on any bad input; never returns a partial scenario.
Scenario LoadScenario(const std::string& path_or_name,
                      const std::vector<std::string>& overrides = {},
                      const std::vector<OptionOverride>& options = {});

// The same from YAML text in memory; `file_label` names it in errors.
// `extends:` resolves relative to the current directory, then shipped names.
Scenario LoadScenarioFromString(const std::string& yaml, const std::string& file_label,
                                const std::vector<std::string>& overrides = {});

// Applies one more `path=value` override to a loaded scenario and re-validates.
// Used by sweeps to vary a path. Throws ScenarioError (file "--set").
void ApplyOverride(Scenario& scenario, const std::string& assignment);

// One settable path, as `aisim params` prints it.
struct ParamInfo {
  std::string path;   // e.g. "regions.KR.public_budget"
  std::string value;  // current value as YAML flow text, e.g. "{2026: 7.2, 2030: 12}"
  std::string unit;   // e.g. "USD bn / yr"
  std::string description;
};

// Every settable path of a scenario with its current value and unit.
std::vector<ParamInfo> ListParams(const Scenario& scenario);

// The paths of ListParams, in the same order, without formatting the values.
std::vector<std::string> ListParamPaths(const Scenario& scenario);

// The fully merged scenario as YAML that LoadScenarioFromString reads back to
// an identical Scenario (doubles written in shortest round-trip form, money in
// USD bn at base-year prices).
std::string WriteResolvedYaml(const Scenario& scenario);

// A scenario shipped inside the binary.
struct ShippedScenario {
  std::string name;         // e.g. "world-2025"
  std::string description;  // its `description:` line
};

// The shipped scenarios, sorted by name.
std::vector<ShippedScenario> ListShippedScenarios();

}  // namespace sim
