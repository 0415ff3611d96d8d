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

void OperationalCompute(const State& state, const DrawAssumptions& assumptions, int year,
                        YearOutcome& outcome, Scratch& scratch) {
  RegionDrawArray& stock = scratch.a;
  RegionDrawArray& running_share = scratch.b;
  DrawRow& kilowatts = scratch.row_a;
  KilowattsPerUnit(assumptions, year, kilowatts);
  stock = state.compute_generative + state.compute_physical;
  // H100e the power can run: GW * 1e6 kW / kW per H100e. Guarded division
  // without a select() (Eigen evaluates select() element by element): an
  // empty region divides min(0, runnable) = 0 by the smallest positive
  // double and gets 0, and every stock > 0 is at least that, so it divides
  // by itself unchanged.
  running_share = stock.min((state.power_capacity * 1e6).rowwise() / kilowatts) /
                  stock.max(std::numeric_limits<double>::denorm_min());
  outcome.operational_generative = state.compute_generative * running_share;
  outcome.operational_physical = state.compute_physical * running_share;
}

namespace {

// Writes each region's H100e per dollar this year, split by where the chips
// come from: `imported` from the open market (chip_access(r): one number, or
// a row of draws) and `domestic` from the region's own supply. A region whose
// domestic chips are worth more per dollar than imports buys its supply
// first, with both sectors' money alike, and imports with the rest:
//   f = min(1, supply / (value * (M_gen + M_phys) * 1e9 / p))   share of the money spent at home
//   imported = (1 - f) chip_access,  domestic = f value          (f = 0 where value <= chip_access)
// Without money f is 1 and nothing is bought either way.
template <typename ChipAccess>
void ChipsPerDollar(const ModelInputs& inputs, int year, const YearMoney& money,
                    const DrawRow& price, ChipAccess chip_access, RegionDrawArray& imported,
                    RegionDrawArray& domestic) {
  const ModelInputs::DomesticChips& chips = inputs.domestic_chips;
  for (Eigen::Index r = 0; r < imported.rows(); ++r) {
    imported.row(r).setZero();
    imported.row(r) += chip_access(r);
    domestic.row(r).setZero();
    const double supply = chips.supply(r, year);
    const double value = chips.value(r);
    if (supply <= 0) continue;
    // (value > access) as 0 or 1, so that a draw whose imports are worth more
    // buys none at home without a select() (element by element in Eigen).
    domestic.row(r) = (imported.row(r) < value).cast<double>() *
                      (supply / ((money.compute_generative.row(r) + money.compute_physical.row(r)) *
                                 1e9 / price * value)
                                    .max(std::numeric_limits<double>::denorm_min()))
                          .min(1.0);
    imported.row(r) *= 1.0 - domestic.row(r);
    domestic.row(r) *= value;
  }
}

// The open-market H100e each region would buy this year in one sector:
// imported chips per dollar * money * 1e9 / price + the sector's deliveries(r).
template <typename Deliveries>
void OpenMarketOrders(const RegionDrawArray& money, const DrawRow& price,
                      const RegionDrawArray& imported, Deliveries deliveries, RegionDrawArray& orders) {
  for (Eigen::Index r = 0; r < orders.rows(); ++r) {
    orders.row(r) = (money.row(r) * 1e9) / price * imported.row(r) + deliveries(r);
  }
}

}  // namespace

void StepCompute(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                 const YearMoney& money, State& state, Scratch& scratch) {
  DrawRow& price = scratch.row_a;     // USD per H100e this year
  DrawRow& survival = scratch.row_b;  // 1 - depreciation
  Compound(assumptions.hardware_price_performance_growth, year, price);
  price = assumptions.capex_per_h100e / price;
  survival = 1.0 - assumptions.compute_depreciation;
  RegionDrawArray& imported = scratch.a;         // open-market H100e per dollar
  RegionDrawArray& domestic = scratch.b;         // domestic H100e per dollar
  RegionDrawArray& orders_generative = scratch.c;  // open-market H100e ordered, per sector
  RegionDrawArray& orders_physical = scratch.d;
  const DrawLeverTables& per_draw = inputs.draw_levers;
  if (!per_draw.active) {
    const PublicMoneyTables& pub = inputs.public_money;
    ChipsPerDollar(inputs, year, money, price, ValueInYear(inputs.levers.chip_access, year),
                   imported, domestic);
    OpenMarketOrders(money.compute_generative, price, imported,
                     ValueInYear(pub.deliveries_generative, year), orders_generative);
    OpenMarketOrders(money.compute_physical, price, imported,
                     ValueInYear(pub.deliveries_physical, year), orders_physical);
  } else {
    // Sweeps: deliveries split by the per-draw focus with the products of
    // BuildPublicMoneyTables (see AllocateMoney).
    using Columns = Eigen::Ref<const RegionTable>;
    const Columns chip_access = DrawColumns(per_draw.levers.chip_access, per_draw.draws, year);
    const Columns deliveries = DrawColumns(per_draw.levers.gpu_deliveries, per_draw.draws, year);
    const Columns focus = DrawColumns(per_draw.levers.physical_focus, per_draw.draws, year);
    ChipsPerDollar(inputs, year, money, price, [&](Eigen::Index r) { return chip_access.row(r); },
                   imported, domestic);
    OpenMarketOrders(money.compute_generative, price, imported,
                     [&](Eigen::Index r) { return deliveries.row(r) * (1.0 - focus.row(r)); },
                     orders_generative);
    OpenMarketOrders(money.compute_physical, price, imported,
                     [&](Eigen::Index r) { return deliveries.row(r) * focus.row(r); },
                     orders_physical);
  }
  state.compute_generative = state.compute_generative.rowwise() * survival +
                             (money.compute_generative * 1e9).rowwise() / price * domestic;
  state.compute_physical = state.compute_physical.rowwise() * survival +
                           (money.compute_physical * 1e9).rowwise() / price * domestic;
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
  const DrawLeverTables& per_draw = inputs.draw_levers;
  if (per_draw.active) {
    const auto growth = DrawColumns(per_draw.levers.power_growth, per_draw.draws, year);
    AddPower(inputs, assumptions, year, money, [&](Eigen::Index r) { return growth.row(r); }, state);
  } else {
    AddPower(inputs, assumptions, year, money,
             [&](Eigen::Index r) { return inputs.levers.power_growth(r, year); }, state);
  }
}

}  // namespace sim
