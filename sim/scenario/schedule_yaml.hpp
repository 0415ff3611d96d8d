// Reading a Schedule: a scalar (constant) or a map {year: value}.
#pragma once

#include <functional>
#include <string>

#include "sim/scenario/scenario.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace sim::internal {

// Reads `value` as a schedule named `name`. Each point's value is read (and
// range-checked) by `read_point`; years must be integers in 2000..2100
// ("bad schedule year" at the key otherwise).
Schedule ReadSchedule(const Value& value, const LayerSource& source, const std::string& name,
                      const std::function<double(const Value&)>& read_point);

}  // namespace sim::internal
