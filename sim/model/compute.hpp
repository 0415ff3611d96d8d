// Step 2 of docs/MODEL.md: compute stock, the power that runs it, and how
// much of it is operational.
#pragma once

#include "sim/model/inputs.hpp"
#include "sim/model/state.hpp"

namespace sim {

// Power per H100e bought in year index `year`, kW: kw_per_h100e / e^year,
// with e = energy_efficiency_growth (newer accelerators do more per watt).
// Written to `out`.
void KilowattsPerUnit(const DrawAssumptions& assumptions, int year, DrawRow& out);

// Operational compute: the share of the fleet its region's power can run.
//   share = min(1, power_GW * 1e6 / fleet_kW),  K_op,s = K_s * share
// A region with no stock has none running.
void OperationalCompute(const State& state, YearOutcome& outcome, Scratch& scratch);

// Advances the compute stock by one year:
//   price p = capex_per_h100e * g_hw^-year                         (USD per H100e)
// Chips per dollar, imported and domestic: a region whose domestic chips are
// worth more than imports buys its domestic supply first,
//   f = min(1, domestic_supply / (domestic_value * (M_gen + M_phys) * 1e9 / p))
//   imported = (1 - f) chip_access,  domestic = f domestic_value   (f = 0 where value <= chip_access)
// Open-market orders, shared by the world's chip supply S(t) = chip_supply * g_s^year:
//   O_s = imported * M_s * 1e9 / p + deliveries_s
//   filled = min(1, S(t) / sum over regions and sectors of O)   (per draw)
//   K_s <- (1 - depreciation) K_s + filled O_s + f domestic_value M_s * 1e9 / p
// Power follows dollars: with kw(t) = KilowattsPerUnit(year),
//   fleet_kW <- (1 - depreciation) fleet_kW
//               + kw(t) * [f (M_gen + M_phys) 1e9 / p
//                          + filled ((1 - f)(M_gen + M_phys) 1e9 / p + deliveries)]
void StepCompute(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                 const YearMoney& money, State& state, Scratch& scratch);

// Advances power capacity by one year:
//   power <- power + power_growth + money_power / cost_per_gw   (GW)
// or, in a region with a power_delay d > 0, the additions wait d years:
//   added(t) = money_power(t) / cost_per_gw + power_growth(t)
//   power <- power + added(t - d)   (nothing while t < d)
void StepPower(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
               const YearMoney& money, State& state);

}  // namespace sim
