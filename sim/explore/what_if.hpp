// A what-if of the explorer: the base scenario plus `--set`-style overrides
// and a number of draws, as the page sends it. Parsing, applying and writing
// it back as YAML; running it is RunSimulation on the result.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace sim::explore {

// A request the explorer refuses: what() is the message of the 400 answer.
class BadRequest : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Bounds on one request, so that no request can make the server slow.
inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;
inline constexpr std::size_t kMaxOverrides = 64;
inline constexpr std::size_t kMaxOverrideChars = 1000;
inline constexpr int kMaxDraws = 1000;
// Runs of more draws than this (about 12 ms here; 1,000 draws take 105 ms)
// wait for the explorer's heavy lane (sim/explore/heavy_lane.hpp).
inline constexpr int kMaxCheapDraws = 100;

struct WhatIf {
  // The scenario it starts from: "" (or the server's own scenario's name) for
  // the one `aisim explore` opened, else a shipped scenario's name.
  std::string scenario;
  // "path=value" exactly as `aisim run --set` takes them, applied in order.
  // Only paths under regions. and assumptions. (the page's levers).
  std::vector<std::string> set;
  int draws = 1;  // 1: deterministic; more: Monte Carlo with the scenario's seed
};

// Parses a request body, JSON of the form
//   {"scenario": "korea-2026-ai-budget", "set": ["regions.KR.public_budget=12", ...], "draws": 1}
// (every key optional). Throws BadRequest with a message naming the
// problem for bad JSON, wrong types, unknown keys, a path outside regions. and
// assumptions., or draws outside [1, kMaxDraws].
WhatIf ParseWhatIf(const std::string& body);

// A copy of `base` with every override applied through ApplyOverride (so the
// numbers are exactly those of `aisim run --set ...`), then draws. Throws the
// loader's ScenarioError (located in "--set") for a bad path or value.
Scenario ApplyWhatIf(const Scenario& base, const WhatIf& what_if);

// The scenario a what-if starts from: `base` when `name` is "" or base's
// own name, else the shipped scenario of that exact name (ListShippedScenarios;
// never a path). Throws BadRequest naming the choices for any other name.
Scenario ChooseScenario(const Scenario& base, const std::string& name);

// The scenario of a what-if as YAML that `aisim run` reproduces exactly
// (WriteResolvedYaml), named "<base name>-what-if" and described by its
// overrides, so that running it does not overwrite the base's results.
std::string WhatIfYaml(const Scenario& base, const WhatIf& what_if);

}  // namespace sim::explore
