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

// One sector of StepCompute: K <- survival * K + chip_access * money * 1e9 / price + deliveries,
// region by region; chip_access(r) and deliveries(r) are region r's this
// year: one number, or a row of draws.
template <typename ChipAccess, typename Deliveries>
void AddPurchases(const RegionDrawArray& money, const DrawRow& price, const DrawRow& survival,
                  ChipAccess chip_access, Deliveries deliveries, RegionDrawArray& stock) {
  for (Eigen::Index r = 0; r < stock.rows(); ++r) {
    stock.row(r) = stock.row(r) * survival +
                   ((money.row(r) * 1e9) / price * chip_access(r) + deliveries(r));
  }
}

// Writes to `access` the chip access each region gets for its compute money
// this year: chip_access(r) (one number, or a row of draws), raised where
// domestic chips give more H100e per dollar than imports. Such a region buys
// its domestic supply first, with both sectors' money alike, and imports
// with the rest:
//   f = min(1, supply / (value * (M_gen + M_phys) * 1e9 / p))   share of the money spent at home
//   access' = chip_access + f * max(value - chip_access, 0)
// Without money, f is 1 and nothing is bought either way.
template <typename ChipAccess>
void WithDomesticChips(const ModelInputs& inputs, int year, const YearMoney& money,
                       const DrawRow& price, ChipAccess chip_access, RegionDrawArray& access) {
  const ModelInputs::DomesticChips& chips = inputs.domestic_chips;
  for (Eigen::Index r = 0; r < access.rows(); ++r) {
    access.row(r).setZero();
    access.row(r) += chip_access(r);
    const double supply = chips.supply(r, year);
    if (supply <= 0) continue;
    const double value = chips.value(r);
    access.row(r) += (value - access.row(r)).max(0.0) *
                     (supply / ((money.compute_generative.row(r) + money.compute_physical.row(r)) *
                                1e9 / price * value)
                                   .max(std::numeric_limits<double>::denorm_min()))
                         .min(1.0);
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
  const DrawLeverTables& per_draw = inputs.draw_levers;
  RegionDrawArray& access = scratch.a;  // this year's chip access per region and draw (WithDomesticChips)
  const auto access_row = [&access](Eigen::Index r) { return access.row(r); };
  if (!per_draw.active) {
    const PublicMoneyTables& pub = inputs.public_money;
    WithDomesticChips(inputs, year, money, price, ValueInYear(inputs.levers.chip_access, year), access);
    AddPurchases(money.compute_generative, price, survival, access_row,
                 ValueInYear(pub.deliveries_generative, year), state.compute_generative);
    AddPurchases(money.compute_physical, price, survival, access_row,
                 ValueInYear(pub.deliveries_physical, year), state.compute_physical);
    return;
  }
  // Sweeps: deliveries split by the per-draw focus with the products of
  // BuildPublicMoneyTables (see AllocateMoney).
  using Columns = Eigen::Ref<const RegionTable>;
  const Columns chip_access = DrawColumns(per_draw.levers.chip_access, per_draw.draws, year);
  const Columns deliveries = DrawColumns(per_draw.levers.gpu_deliveries, per_draw.draws, year);
  const Columns focus = DrawColumns(per_draw.levers.physical_focus, per_draw.draws, year);
  WithDomesticChips(inputs, year, money, price, [&](Eigen::Index r) { return chip_access.row(r); },
                    access);
  AddPurchases(money.compute_generative, price, survival, access_row,
               [&](Eigen::Index r) { return deliveries.row(r) * (1.0 - focus.row(r)); },
               state.compute_generative);
  AddPurchases(money.compute_physical, price, survival, access_row,
               [&](Eigen::Index r) { return deliveries.row(r) * focus.row(r); },
               state.compute_physical);
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
