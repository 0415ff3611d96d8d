// Warnings, not errors, for values that are valid but probably a unit slip.
#pragma once

#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace sim {

// One line per suspicious public budget point (USD bn a year at base-year
// prices, as loaded):
//   - above USD 50 bn a year and 10 times the region's private AI
//     investment: a number meant in another currency or in millions
//     ("public_budget: 10100" for KRW 10.1 tn);
//   - above 0 but under USD 1 million a year: a unit without its magnitude
//     ({value: 10.1, unit: KRW} is 10.1 won).
// Each line names the path, the year, the value in context and the unit
// that would make it ordinary. The run goes on: a student may mean it.
std::vector<std::string> PlausibilityWarnings(const Scenario& scenario);

}  // namespace sim
