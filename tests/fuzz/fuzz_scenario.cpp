// libFuzzer target: scenario loading and validation.
//
// Any input must either load or raise sim::ScenarioError; anything else (a
// crash, another exception, a sanitizer report, a hang) is a bug. A scenario
// that loads must also survive the round trip through its resolved YAML
// unchanged, the promise `scenario.resolved.yaml` makes, and run to finite
// results: the loader's ranges promise that no valid input overflows. Run with
// scripts/fuzz.sh; inputs that failed are kept in tests/fuzz/regressions/ and
// replayed by the test `scenario/fuzz_regressions`.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string>

#include "sim/error.hpp"
#include "sim/model/model.hpp"
#include "sim/scenario/load_scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Large inputs only slow the search down; size limits are tested separately.
  if (size > 64 * 1024) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const sim::Scenario scenario = sim::LoadScenarioFromString(text, "fuzz.yaml");
    const std::string resolved = sim::WriteResolvedYaml(scenario);
    const sim::Scenario again = sim::LoadScenarioFromString(resolved, "resolved.yaml");
    if (sim::WriteResolvedYaml(again) != resolved) {
      std::fprintf(stderr, "resolved YAML does not round-trip:\n%s\n", resolved.c_str());
      std::abort();
    }
    // A few draws are enough to exercise the sampled path; more only slows.
    sim::RunOptions options;
    options.draws = std::min(scenario.draws, 3);
    const std::string non_finite = sim::FirstNonFinite(sim::RunSimulation(scenario, options));
    if (!non_finite.empty()) {
      std::fprintf(stderr, "valid scenario gives a non-finite result: %s\n", non_finite.c_str());
      std::abort();
    }
  } catch (const sim::ScenarioError&) {
    // The expected way to reject bad input.
  }
  return 0;
}
