// Money in scenario files: a plain number is USD bn at base-year prices;
// {value: N, unit: "CUR MAG", year: Y} is converted to that with MoneySettings.
#pragma once

#include <string>

#include "sim/scenario/fields.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace sim::internal {

// One money value, converted to USD bn at base-year prices and checked
// against `limits` (which also names it in errors).
double ReadMoney(const Value& value, const LayerSource& source, const MoneySettings& money,
                 const Limits& limits);

// A money schedule: a money value (constant) or {year: money value}.
Schedule ReadMoneySchedule(const Value& value, const LayerSource& source,
                           const MoneySettings& money, const Limits& limits);

}  // namespace sim::internal
