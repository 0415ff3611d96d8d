#include "sim/model/markets.hpp"

#include <cmath>
#include <limits>

#include "sim/model/vector_math.hpp"

namespace sim {
namespace {

// share = access * exp((capability + offset - max) / temperature), normalised
// per draw. `access_offset` is 0 with market access, -inf without; the max is
// over regions with access: subtracting it keeps exp() from overflowing,
// and gives the best region with access exp(0) = 1, so the normaliser is never
// 0 even when a sharp temperature underflows everyone else to 0.
void SoftmaxShares(const RegionDrawArray& capability, const DrawRow& temperature,
                   const RegionColumn& access, const RegionColumn& access_offset,
                   RegionDrawArray& share, DrawRow& row) {
  // Regions without access sit at -inf, so exp() gives them exactly 0 rather
  // than inf * 0 when they out-rank every region with access.
  // exp() runs on the whole array (vector_math.hpp).
  for (Eigen::Index r = 0; r < share.rows(); ++r) share.row(r) = capability.row(r) + access_offset(r);
  MaxOverRegions(share, row);
  share = (share.rowwise() - row).rowwise() / temperature;
  ExpInPlace(share);
  for (Eigen::Index r = 0; r < share.rows(); ++r) share.row(r) *= access(r);
  SumOverRegions(share, row);
  share.rowwise() /= row;
}

}  // namespace

void HomeMarket(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                const RegionDrawArray& world_share, RegionDrawArray& share, RegionDrawArray& domestic,
                Scratch& scratch) {
  DrawRow& extra = scratch.row_b;  // B - 1 = exp(b) - 1: how much more a home supplier weighs
  DrawRow& reach = scratch.row_c;  // W = sum_j d_j / q_j
  extra = assumptions.physical_home_bias;
  ExpInPlace(extra);
  extra -= 1.0;
  // domestic holds q_j = 1 + (B - 1) p_j until the last line.
  domestic = (world_share.rowwise() * extra) + 1.0;
  reach.setZero();
  for (Eigen::Index r = 0; r < share.rows(); ++r) {
    reach += inputs.trends.physical_demand_share(r, year) / domestic.row(r);
  }
  for (Eigen::Index r = 0; r < share.rows(); ++r) {
    const double demand = inputs.trends.physical_demand_share(r, year);
    share.row(r) = world_share.row(r) * (reach + extra * demand / domestic.row(r));
  }
  for (Eigen::Index r = 0; r < share.rows(); ++r) {
    domestic.row(r) = world_share.row(r) * (extra + 1.0) / domestic.row(r);
  }
}

void PhysicalDomesticShare(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                           const YearOutcome& outcome, RegionDrawArray& domestic, Scratch& scratch) {
  SoftmaxShares(outcome.capability_physical, assumptions.market_temperature_physical,
                inputs.region.market_access, inputs.region.market_access_offset, scratch.d,
                scratch.row_a);
  HomeMarket(inputs, assumptions, year, scratch.d, scratch.a, domestic, scratch);
}

void Markets(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
             const State& state, YearOutcome& outcome, Scratch& scratch) {
  DrawRow& row = scratch.row_a;
  SoftmaxShares(outcome.capability_generative, assumptions.market_temperature_generative,
                inputs.region.market_access, inputs.region.market_access_offset,
                outcome.share_generative, row);
  SoftmaxShares(outcome.capability_physical, assumptions.market_temperature_physical,
                inputs.region.market_access, inputs.region.market_access_offset,
                outcome.share_physical, row);
  // Factories buying at home move the shares only where the bias is on: off
  // in every draw, the world's capability shares stay exactly as they are.
  if ((assumptions.physical_home_bias != 0).any()) {
    scratch.d = outcome.share_physical;
    HomeMarket(inputs, assumptions, year, scratch.d, outcome.share_physical, scratch.e, scratch);
  }
  // (Every loop of step 9 is skipped when it is off in every draw: the same
  // bits, without its passes over the arrays.)
  if (year > 0 && (assumptions.market_lock_in != 0).any()) {
    // Lock-in: customers stay with last year's suppliers in part. Both terms
    // sum to 1 over regions, so the blend does too; lock-in 0 leaves the
    // capability shares exactly (x * 1 + y * 0 = x for finite y).
    DrawRow& keep = scratch.row_b;
    keep = 1.0 - assumptions.market_lock_in;
    outcome.share_generative = outcome.share_generative.rowwise() * keep +
                               state.market_share_generative.rowwise() * assumptions.market_lock_in;
    outcome.share_physical = outcome.share_physical.rowwise() * keep +
                             state.market_share_physical.rowwise() * assumptions.market_lock_in;
  }
  outcome.value = (outcome.share_generative * inputs.market_size_generative(year) +
                   outcome.share_physical * inputs.market_size_physical(year))
                      .rowwise() *
                  assumptions.market_size_multiplier;
}

void PrivateInvestment(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                       const YearOutcome& outcome, State& state, RegionDrawArray& private_investment,
                       Scratch& scratch) {
  private_investment = outcome.value.rowwise() * assumptions.reinvestment_rate;
  if (year == 0) {
    for (Eigen::Index r = 0; r < private_investment.rows(); ++r) {
      state.private_exogenous.row(r) =
          (-private_investment.row(r) + inputs.region.private_investment(r)).max(0.0);
    }
  }
  // Capital follows share: each region's exogenous money is weighted by
  // w = exp(kappa * the sum of its shares of world AI value in the years
  // before this one), then rescaled so that the world's exogenous total is
  // unchanged: year after year, money drifts toward the regions that serve
  // most of the market. Every weight is 1 in the start year, and at kappa 0.
  if (!(assumptions.capital_follows_share != 0).any()) {
    private_investment += state.private_exogenous;
    return;
  }
  RegionDrawArray& weight = scratch.a;
  RegionDrawArray& moved = scratch.b;
  DrawRow& total = scratch.row_a;
  DrawRow& weighted_total = scratch.row_b;
  weight = state.value_share_cumulative.rowwise() * assumptions.capital_follows_share;
  ExpInPlace(weight);
  moved = state.private_exogenous * weight;
  SumOverRegions(state.private_exogenous, total);
  SumOverRegions(moved, weighted_total);
  // The world total is S = sum P_exog; with every P_exog at 0 so is sum P_exog w.
  total /= weighted_total.max(std::numeric_limits<double>::min());
  moved.rowwise() *= total;
  private_investment += moved;
}

void AdvanceValueShares(const YearOutcome& outcome, State& state, Scratch& scratch) {
  DrawRow& total = scratch.row_a;
  SumOverRegions(outcome.value, total);
  total = total.max(std::numeric_limits<double>::min());
  state.value_share_cumulative += outcome.value.rowwise() / total;
}

void AdvanceUsage(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                  const YearOutcome& outcome, State& state, Scratch& scratch) {
  RegionDrawArray& served = scratch.a;
  DrawRow& world = scratch.row_a;
  // A world without revenue in the start year counts usage in units of
  // USD 1 million, so that later usage stays a finite multiple.
  constexpr double kSmallestUnit = 1e-6;  // USD bn
  const auto advance = [&](const RegionDrawArray& share, double market, RegionDrawArray& usage,
                           RegionDrawArray& unit) {
    served = (share * market).rowwise() * assumptions.market_size_multiplier;
    if (year == 0) {
      SumOverRegions(served, world);
      world = world.max(kSmallestUnit);
      unit.rowwise() = world;
    }
    usage += served;
  };
  advance(outcome.share_generative, inputs.market_size_generative(year), state.usage_generative,
          state.usage_start_generative);
  advance(outcome.share_physical, inputs.market_size_physical(year), state.usage_physical,
          state.usage_start_physical);
}

void AdvancePrivateInvestment(const ModelInputs& inputs, const DrawAssumptions& assumptions,
                              int year, State& state, Scratch& scratch) {
  // private_boom * 0.5^(year / half_life) = private_boom * exp(-ln 2 * year / half_life);
  // a boom of 0 adds exactly 0.
  DrawRow& boom = scratch.row_a;
  boom = (-std::log(2.0) * static_cast<double>(year)) / assumptions.private_boom_half_life;
  ExpInPlace(boom);
  boom *= assumptions.private_boom;
  for (Eigen::Index r = 0; r < state.private_exogenous.rows(); ++r) {
    // A bust on top of a falling trend may not take it below 0.
    state.private_exogenous.row(r) *= (boom + inputs.trends.private_growth_factor(r, year)).max(0.0);
  }
}

}  // namespace sim
