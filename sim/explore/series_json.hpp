// The charted results of a run as JSON for the explorer page.
#pragma once

#include <nlohmann/json.hpp>

#include "sim/model/results.hpp"

namespace sim::explore {

// The variables the page charts, in chart order, then the ranks its
// headline states.
inline constexpr Variable kChartedVariables[] = {
    Variable::kCapabilityGenerative,  Variable::kCapabilityPhysical,
    Variable::kYearsBehindGenerative, Variable::kYearsBehindPhysical,
    Variable::kComputeStock,          Variable::kComputeLargestRun,
    Variable::kMarketShareGenerative, Variable::kMarketSharePhysical,
    Variable::kSovereignty,           Variable::kSovereigntyPhysical,
    Variable::kRobots,                Variable::kRobotInstallations,
    Variable::kRobotDensity,
    Variable::kRankGenerative,        Variable::kRankPhysical};

// {"scenario", "draws", "years": [2025, ...],
//  "regions": [{"code", "name"}],
//  "variables": [{"name", "unit", "description",
//                 deterministic: "value": [[per year] per region],
//                 Monte Carlo:   "p5", "p25", "p50", "p75", "p95": same shape}]}
// The quantiles are Results::Quantiles(), the same
// numbers as timeseries.csv. Doubles are written in a form that parses back to
// the same double (nlohmann-json's shortest round-trip), so the page holds
// exactly the values `aisim run` writes.
nlohmann::json SeriesJson(const Results& results);

}  // namespace sim::explore
