// Step 7 of docs/MODEL.md: market shares, value captured, and the private
// investment that value draws in.
#pragma once

#include "sim/model/inputs.hpp"
#include "sim/model/state.hpp"

namespace sim {

// Market shares and value for year index `year`, from outcome.capability_*:
//   share_r,s = access_r exp((cap_r,s - max cap_s) / tau_s) / sum_j (same)
//   V_r = multiplier * (market_gen(year) share_r,gen + market_phys(year) share_r,phys)
// Writes outcome.share_* and outcome.value (USD bn / yr). Shares sum to 1 in
// every draw as long as some region has market access.
void Markets(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
             YearOutcome& outcome, Scratch& scratch);

// This year's private investment (USD bn / yr), written to `private_investment`:
//   P = P_exog + reinvestment_rate * V
// In the start year P_exog is calibrated so that P equals the scenario's
// private_investment: P_exog = max(0, P_0 - reinvestment_rate * V). It then
// grows by that year's private_growth (AdvancePrivateInvestment).
void PrivateInvestment(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                       const YearOutcome& outcome, State& state,
                       RegionDrawArray& private_investment);

// P_exog <- max(0, 1 + private_growth(year) + private_boom * 0.5^(year / private_boom_half_life)) P_exog,
// at the end of year index `year`: the region's own trend plus a boom (or
// bust) common to all regions that fades.
void AdvancePrivateInvestment(const ModelInputs& inputs, const DrawAssumptions& assumptions,
                              int year, State& state, Scratch& scratch);

}  // namespace sim
