#include "sim/model/compute.hpp"

#include <limits>

#include "sim/model/vector_math.hpp"

namespace sim {

namespace {

// growth^year for every draw, as exp(year ln growth) (vector_math.hpp; std::pow
// would go draw by draw), written to `out`. Exact at year 0.
void Compound(const DrawRow& growth, int year, DrawRow& out) {
  out = growth;
  LogInPlace(out);
  out *= static_cast<double>(year);
  ExpInPlace(out);
}

}  // namespace

void KilowattsPerUnit(const DrawAssumptions& assumptions, int year, DrawRow& out) {
  Compound(assumptions.energy_efficiency_growth, year, out);
  out = assumptions.kw_per_h100e / out;
}

void OperationalCompute(const State& state, YearOutcome& outcome, Scratch& scratch) {
  RegionDrawArray& running_share = scratch.a;
  // The share of the fleet the power can run: GW * 1e6 kW over the kW the
  // fleet draws at full use, at most 1. Guarded division without a select()
  // (Eigen evaluates select() element by element): a region without chips
  // divides by the smallest positive double, gets a huge share, capped at 1,
  // and runs 0 * 1 = 0.
  running_share = ((state.power_capacity * 1e6) /
                   state.fleet_kilowatts.max(std::numeric_limits<double>::denorm_min()))
                      .min(1.0);
  outcome.operational_generative = state.compute_generative * running_share;
  outcome.operational_physical = state.compute_physical * running_share;
}

namespace {

// Writes each region's open-market H100e per dollar this year to `imported`,
// and to `at_home` the share f of its compute money spent on its own
// industry's chips (chip_access(r): one number, or a row of draws). A region
// whose domestic chips are worth more per dollar than imports buys its
// supply first, with both sectors' money alike, and imports with the rest:
//   f = min(1, supply / (value * (M_gen + M_phys) * 1e9 / p))   (0 where value <= chip_access)
//   imported = (1 - f) chip_access;  domestic H100e per dollar = f value
// Without money f is 1 and nothing is bought either way.
template <typename ChipAccess>
void ChipsPerDollar(const ModelInputs& inputs, int year, const YearMoney& money,
                    const DrawRow& price, ChipAccess chip_access, RegionDrawArray& imported,
                    RegionDrawArray& at_home) {
  const ModelInputs::DomesticChips& chips = inputs.domestic_chips;
  for (Eigen::Index r = 0; r < imported.rows(); ++r) {
    imported.row(r).setZero();
    imported.row(r) += chip_access(r);
    at_home.row(r).setZero();
    const double supply = chips.supply(r, year);
    const double value = chips.value(r);
    if (supply <= 0) continue;
    // (access < value) as 0 or 1, so that a draw whose imports are worth more
    // buys none at home without a select() (element by element in Eigen).
    at_home.row(r) = (imported.row(r) < value).cast<double>() *
                     (supply / ((money.compute_generative.row(r) + money.compute_physical.row(r)) *
                                1e9 / price * value)
                                   .max(std::numeric_limits<double>::denorm_min()))
                         .min(1.0);
    imported.row(r) *= 1.0 - at_home.row(r);
  }
}

// One sector's open-market orders, H100e: imported H100e per dollar * money
// * 1e9 / price + the sector's deliveries(r). Adds to `units` the same orders
// counted at full access, (1 - f) * money * 1e9 / price + deliveries: the
// dollars' worth of chips, which is what draws power.
template <typename Deliveries>
void OpenMarketOrders(const RegionDrawArray& money, const DrawRow& price,
                      const RegionDrawArray& imported, const RegionDrawArray& at_home,
                      Deliveries deliveries, RegionDrawArray& orders, RegionDrawArray& units) {
  for (Eigen::Index r = 0; r < orders.rows(); ++r) {
    orders.row(r) = (money.row(r) * 1e9) / price * imported.row(r) + deliveries(r);
    units.row(r) += (money.row(r) * 1e9) / price * (1.0 - at_home.row(r)) + deliveries(r);
  }
}

}  // namespace

void StepCompute(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                 const YearMoney& money, State& state, Scratch& scratch) {
  DrawRow& price = scratch.row_a;      // USD per H100e this year
  DrawRow& survival = scratch.row_b;   // 1 - depreciation
  DrawRow& kilowatts = scratch.row_c;  // kW per H100e bought this year on the open market
  Compound(assumptions.hardware_price_performance_growth, year, price);
  price = assumptions.capex_per_h100e / price;
  survival = 1.0 - assumptions.compute_depreciation;
  KilowattsPerUnit(assumptions, year, kilowatts);
  RegionDrawArray& imported = scratch.a;           // open-market H100e per dollar
  RegionDrawArray& at_home = scratch.b;            // share of compute money spent on domestic chips
  RegionDrawArray& orders_generative = scratch.c;  // open-market H100e ordered, per sector
  RegionDrawArray& orders_physical = scratch.d;
  RegionDrawArray& units = scratch.e;  // the same orders at full access (OpenMarketOrders)
  units.setZero();
  WithLeversInYear(inputs, year, [&](auto lever) {
    const auto deliveries = lever(&LeverTables::gpu_deliveries);
    const auto focus = lever(&LeverTables::physical_focus);
    ChipsPerDollar(inputs, year, money, price, lever(&LeverTables::chip_access), imported, at_home);
    // GPU deliveries split by the focus, as public money is (AllocateMoney).
    OpenMarketOrders(money.compute_generative, price, imported, at_home,
                     [&](Eigen::Index r) { return deliveries(r) * (1.0 - focus(r)); },
                     orders_generative, units);
    OpenMarketOrders(money.compute_physical, price, imported, at_home,
                     [&](Eigen::Index r) { return deliveries(r) * focus(r); }, orders_physical,
                     units);
  });
  // Retirements and domestic chips, f * value H100e per dollar.
  state.compute_generative = state.compute_generative.rowwise() * survival +
                             ((money.compute_generative * 1e9).rowwise() / price * at_home).colwise() *
                                 inputs.domestic_chips.value;
  state.compute_physical = state.compute_physical.rowwise() * survival +
                           ((money.compute_physical * 1e9).rowwise() / price * at_home).colwise() *
                               inputs.domestic_chips.value;
  // Power follows dollars: accelerators draw about the same power per dollar
  // whatever their performance (docs/MODEL.md, step 2b), so a chip bought at
  // access a draws kw / a per H100e, and keeps the kW of its year of purchase.
  // Retirements take the same share of every vintage.
  state.fleet_kilowatts =
      state.fleet_kilowatts.rowwise() * survival +
      (((money.compute_generative + money.compute_physical) * 1e9).rowwise() / price * at_home)
              .rowwise() *
          kilowatts;
  // The world's output of open-market chips is shared by all buyers: when
  // orders exceed it, every order is filled in the same proportion (a price
  // that rises until the money buys what exists). Domestic supply is outside
  // it. The orders are summed region by region, in one order whatever the
  // draws' chunking (a column reduction's association depends on alignment),
  // and divided with a guard as in OperationalCompute: no orders fill fully.
  DrawRow& ordered = scratch.row_a;  // price and survival are spent: their rows are free
  DrawRow& filled = scratch.row_b;
  ordered = orders_generative.row(0) + orders_physical.row(0);
  for (Eigen::Index r = 1; r < orders_generative.rows(); ++r) {
    ordered += orders_generative.row(r) + orders_physical.row(r);
  }
  Compound(assumptions.chip_supply_growth, year, filled);
  filled = (filled * assumptions.chip_supply / ordered.max(std::numeric_limits<double>::denorm_min()))
               .min(1.0);
  state.compute_generative += orders_generative.rowwise() * filled;
  state.compute_physical += orders_physical.rowwise() * filled;
  filled *= kilowatts;
  state.fleet_kilowatts += units.rowwise() * filled;
}

namespace {

// StepPower for region rows, with this year's power_growth of region r as
// growth(r): one number, or a row of draws.
template <typename Growth>
void AddPower(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
              const YearMoney& money, Growth growth, State& state) {
  const Eigen::Index draws = state.power_capacity.cols();
  const int years = inputs.power_pending_years;
  for (Eigen::Index r = 0; r < state.power_capacity.rows(); ++r) {
    const int delay = inputs.power_delay[r];
    if (delay == 0) {  // power + GW bought with money + growth, connected at once
      state.power_capacity.row(r) =
          (state.power_capacity.row(r) + money.power.row(r) / assumptions.cost_per_gw) + growth(r);
      continue;
    }
    // A ring of the last `years` years' additions: `delay` < `years`, so the
    // one due now has not been overwritten yet.
    auto pending = state.power_pending.row(r);
    pending.segment((year % years) * draws, draws) = money.power.row(r) / assumptions.cost_per_gw + growth(r);
    if (year >= delay) {
      state.power_capacity.row(r) += pending.segment(((year - delay) % years) * draws, draws);
    }
  }
}

}  // namespace

void StepPower(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
               const YearMoney& money, State& state) {
  WithLeversInYear(inputs, year, [&](auto lever) {
    AddPower(inputs, assumptions, year, money, lever(&LeverTables::power_growth), state);
  });
}

}  // namespace sim
