// Checks that need the fully merged scenario.
#pragma once

#include "sim/scenario/provenance.hpp"
#include "sim/scenario/scenario.hpp"

namespace sim::internal {

// Raises ScenarioError, located through `provenance`, unless: regions and
// alliances created by this load have every field set; every assumption is
// set (when provenance.require_assumptions); there is at least one region;
// start_year < end_year <= start_year + 60; every allocation sums to 1
// within 1e-6; alliance members are two or more distinct known regions; and
// observations name known regions. Per-value types and ranges were checked
// when each layer was applied.
void ValidateScenario(const Scenario& scenario, const Provenance& provenance);

}  // namespace sim::internal
