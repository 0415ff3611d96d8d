// Step 7 of docs/MODEL.md: market shares, value captured, and the private
// investment that value draws in.
#pragma once

#include "sim/model/inputs.hpp"
#include "sim/model/state.hpp"

namespace sim {

// Market shares and value for year index `year`, from outcome.capability_*:
//   c_r,s = access_r exp((cap_r,s - max cap_s) / tau_s) / sum_j (same)
//   share_r,s = (1 - lock_in) c_r,s + lock_in share_r,s(last year)   (from the second year)
//   V_r = multiplier * (market_gen(year) share_r,gen + market_phys(year) share_r,phys)
// Writes outcome.share_* and outcome.value (USD bn / yr); last year's shares
// are state.market_share_*. Shares sum to 1 in every draw as long as some
// region has market access.
void Markets(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
             const State& state, YearOutcome& outcome, Scratch& scratch);

// Physical AI is bought by factories, and factories favour suppliers at
// home (physical_home_bias b). With p_r the world's capability shares (the
// softmax above), B = exp(b) and d_j region j's share of the world's
// manufacturing value added, region j's factories buy from region r
//   s_rj = p_r (1 + (B - 1) [r = j]) / q_j,   q_j = 1 + (B - 1) p_j,
// so region r's share of the world's physical-AI revenue is
//   share_r = sum_j d_j s_rj = p_r (W + (B - 1) d_r / q_r),   W = sum_j d_j / q_j,
// and its factories buy s_rr = B p_r / q_r of what they buy from their own
// suppliers (`domestic`, Sovereignty|Physical). With b = 0 every buyer sees
// the world's shares (share = p, domestic = p). The shares sum to 1 when some
// region has factories (and to 0 when none has: no buyers). Uses scratch
// rows b and c.
void HomeMarket(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                const RegionDrawArray& world_share, RegionDrawArray& share, RegionDrawArray& domestic,
                Scratch& scratch);

// Sovereignty|Physical: the share of region r's physical-AI purchases that
// its factories buy from its own suppliers this year, s_rr of HomeMarket,
// from this year's capabilities (market lock-in, which blends revenue
// shares with last year's, does not enter). Uses scratch a and d.
void PhysicalDomesticShare(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                           const YearOutcome& outcome, RegionDrawArray& domestic, Scratch& scratch);

// This year's private investment (USD bn / yr), written to `private_investment`:
//   c_r = sum over the years before this one of V_r / sum_j V_j   (state.value_share_cumulative)
//   w_r = exp(capital_follows_share c_r)
//   P   = reinvestment_rate * V + P_exog w sum_j P_exog,j / sum_j P_exog,j w_j
// In the start year P_exog is calibrated so that P equals the scenario's
// private_investment: P_exog = max(0, P_0 - reinvestment_rate * V) (every
// w is 1 then). P_exog then grows by that year's private_growth
// (AdvancePrivateInvestment).
void PrivateInvestment(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                       const YearOutcome& outcome, State& state, RegionDrawArray& private_investment,
                       Scratch& scratch);

// c_r += V_r / sum_j V_j at the end of the year: the cumulative share of world
// AI value that capital_follows_share weighs private money by.
void AdvanceValueShares(const YearOutcome& outcome, State& state, Scratch& scratch);

// The data flywheel's usage: revenue served in each sector,
//   U_s,r <- U_s,r + multiplier * market_s(year) * share_s,r,
// and in the start year its unit, the same for every region:
//   u_s = max(the world's revenue in the sector that year, 1e-6 USD bn).
void AdvanceUsage(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                  const YearOutcome& outcome, State& state, Scratch& scratch);

// P_exog <- max(0, 1 + private_growth(year) + private_boom * 0.5^(year / private_boom_half_life)) P_exog,
// at the end of year index `year`: the region's own trend plus a boom (or
// bust) common to all regions that fades.
void AdvancePrivateInvestment(const ModelInputs& inputs, const DrawAssumptions& assumptions,
                              int year, State& state, Scratch& scratch);

}  // namespace sim
