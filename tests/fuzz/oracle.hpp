// What must hold for any scenario text, shared by the libFuzzer target and
// the test that replays saved inputs (tests/scenario/fuzz_regressions_test.cpp).
#pragma once

#include <algorithm>
#include <string>

#include "sim/error.hpp"
#include "sim/model/model.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim::fuzz {

// "" when `text` behaves: it loads or raises ScenarioError; a loaded
// scenario's resolved YAML loads back to the same resolved YAML; and it runs
// (up to 3 draws) to finite results. Otherwise what went wrong. Crashes and
// sanitizer reports surface on their own; other exceptions propagate.
inline std::string CheckScenarioText(const std::string& text) {
  try {
    const Scenario scenario = LoadScenarioFromString(text, "fuzz.yaml");
    const std::string resolved = WriteResolvedYaml(scenario);
    if (WriteResolvedYaml(LoadScenarioFromString(resolved, "resolved.yaml")) != resolved) {
      return "resolved YAML does not round-trip:\n" + resolved;
    }
    RunOptions options;
    options.draws = std::min(scenario.draws, 3);
    const std::string non_finite = FirstNonFinite(RunSimulation(scenario, options));
    if (!non_finite.empty()) return "valid scenario gives a non-finite result: " + non_finite;
  } catch (const ScenarioError&) {
    // The expected way to reject bad input.
  }
  return "";
}

}  // namespace sim::fuzz
