// The explorer's sliders: which levers and assumptions the page shows, with
// their current values, units and slider ranges.
#pragma once

#include <nlohmann/json.hpp>

#include "sim/scenario/scenario.hpp"

namespace sim::explore {

// The region levers the page shows, by YAML key, in display order.
inline constexpr const char* kRegionLevers[] = {
    "public_budget", "physical_focus", "gpu_deliveries", "chip_access",
    "start_delay",   "power_growth",   "public_allocation"};

// The main global assumptions the page shows, by YAML key.
inline constexpr const char* kMainAssumptions[] = {
    "hardware_price_performance_growth", "algorithmic_progress", "open_model_lag",
    "open_weights", "market_size_multiplier", "reinvestment_rate", "researcher_mobility",
    "compute_depreciation", "capex_per_h100e", "robot_installation_growth",
    // The reinforcing loops (docs/MODEL.md step 9), off unless switched on.
    "market_lock_in", "capital_follows_share", "talent_agglomeration", "robot_learning_rate",
    "data_flywheel"};

// The slider catalogue of `scenario` as JSON:
//   {"scenario", "description", "focus" (region codes), "money_base_year",
//    "start_year", "end_year", "draws", "seed",
//    "regions": [{"code", "name", "currency": {"code", "per_usd"}, "levers": [LEVER...]}],
//    "assumptions": [LEVER...]}
// LEVER = {"key", "path" (for --set), "label", "unit", "description",
//          "kind": "number" | "allocation", "value" (start-year value),
//          "min", "max", "step", "varies" (the schedule text when the value
//          changes over time, else absent), "money" (true for USD bn at
//          base-year prices, else absent)}; an allocation has "shares":
//          [{"key", "value"}] instead of value/min/max/step.
// Ranges are the field's allowed range narrowed to a span a student would
// try: for assumptions the distribution's bounds when it has them.
nlohmann::json DescribeLevers(const Scenario& scenario);

}  // namespace sim::explore
