// Reading an Assumption: a plain number, or a map with a distribution
// {value, dist, mean, sd, median, sigma, min, mode, max}.
#pragma once

#include "sim/scenario/fields.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace sim::internal {

// Reads and checks one assumption: the distribution's parameters, the nominal
// value (given, else the median of the possibly truncated distribution), and
// that both the nominal value and every value the distribution can take lie
// inside `limits`, so the model never samples an invalid value.
Assumption ReadAssumption(const Value& value, const LayerSource& source, const Limits& limits);

}  // namespace sim::internal
