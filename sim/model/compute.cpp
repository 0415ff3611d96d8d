#include "sim/model/compute.hpp"

namespace sim {

void KilowattsPerUnit(const DrawAssumptions& assumptions, int year, DrawRow& out) {
  out = assumptions.kw_per_h100e / assumptions.energy_efficiency_growth.pow(year);
}

void OperationalCompute(const State& state, const DrawAssumptions& assumptions, int year,
                        YearOutcome& outcome, Scratch& scratch) {
  RegionDrawArray& stock = scratch.a;
  RegionDrawArray& running_share = scratch.b;
  DrawRow& kilowatts = scratch.row_a;
  KilowattsPerUnit(assumptions, year, kilowatts);
  stock = state.compute_generative + state.compute_physical;
  // H100e the power can run: GW * 1e6 kW / kW per H100e. Guarded division:
  // select() evaluates both branches, and the 0/0 of an empty region is
  // discarded in favour of 0.
  running_share = (stock > 0.0).select(
      stock.min((state.power_capacity * 1e6).rowwise() / kilowatts) / stock, 0.0);
  outcome.operational_generative = state.compute_generative * running_share;
  outcome.operational_physical = state.compute_physical * running_share;
}

namespace {

// One sector of StepCompute: K <- survival * K + chip_access * money * 1e9 / price + deliveries.
// `deliveries` and `per_draw_deliveries` are that sector's delivery tables.
void AddPurchases(const ModelInputs& inputs, int year, const RegionDrawArray& money,
                  const Eigen::ArrayXXd& deliveries, const Eigen::ArrayXXd& per_draw_deliveries,
                  const DrawRow& price, const DrawRow& survival, RegionDrawArray& stock) {
  const DrawLeverTables& per_draw = inputs.draw_levers;
  if (per_draw.active) {  // sweeps: the same products and sums, per draw
    stock = stock.rowwise() * survival +
            ((money * 1e9).rowwise() / price * DrawColumns(per_draw.levers.chip_access, per_draw.draws, year) +
             DrawColumns(per_draw_deliveries, per_draw.draws, year));
  } else {
    stock = stock.rowwise() * survival +
            ((((money * 1e9).rowwise() / price).colwise() * inputs.levers.chip_access.col(year))
                 .colwise() +
             deliveries.col(year));
  }
}

}  // namespace

void StepCompute(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                 const YearMoney& money, State& state, Scratch& scratch) {
  DrawRow& price = scratch.row_a;     // USD per H100e this year
  DrawRow& survival = scratch.row_b;  // 1 - depreciation
  price = assumptions.capex_per_h100e / assumptions.hardware_price_performance_growth.pow(year);
  survival = 1.0 - assumptions.compute_depreciation;
  const DrawLeverTables& per_draw = inputs.draw_levers;
  AddPurchases(inputs, year, money.compute_generative, inputs.public_money.deliveries_generative,
               per_draw.public_money.deliveries_generative, price, survival,
               state.compute_generative);
  AddPurchases(inputs, year, money.compute_physical, inputs.public_money.deliveries_physical,
               per_draw.public_money.deliveries_physical, price, survival,
               state.compute_physical);
}

void StepPower(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
               const YearMoney& money, State& state) {
  // power + GW bought with money + growth
  if (inputs.draw_levers.active) {
    state.power_capacity = (state.power_capacity + money.power.rowwise() / assumptions.cost_per_gw) +
                           DrawColumns(inputs.draw_levers.levers.power_growth, inputs.draw_levers.draws, year);
  } else {
    state.power_capacity =
        (state.power_capacity + money.power.rowwise() / assumptions.cost_per_gw).colwise() +
        inputs.levers.power_growth.col(year);
  }
}

}  // namespace sim
