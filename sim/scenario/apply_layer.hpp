// Applying one layer (a file, a shipped scenario or a --set override) onto a
// Scenario: maps merge key by key, everything else replaces.
#pragma once

#include "sim/scenario/provenance.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace sim::internal {

// Applies the mapping `root` onto `scenario`, recording in `provenance` where
// each value was set. The layer's `money:` block is applied first so that its
// currencies and base year convert the layer's own money values. `extends` is
// accepted but ignored here: the loader resolves it before applying layers.
// Each value is type- and range-checked as it is read; checks that need the
// merged result are ValidateScenario's.
void ApplyLayer(const Value& root, const LayerSource& source, Scenario& scenario,
                Provenance& provenance);

}  // namespace sim::internal
