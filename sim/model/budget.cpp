#include "sim/model/budget.hpp"

namespace sim {
namespace {

// out = private_investment * share (per region) * sector_share (per draw) + public_table(:, year).
// With per-draw levers (sweeps) `draw_table` replaces `public_table`: the same
// sums, element by element, so a draw's result does not depend on the mode.
void AddPrivateAndPublic(const RegionDrawArray& private_investment, const RegionColumn& share,
                         const DrawRow& sector_share, const Eigen::ArrayXXd& public_table,
                         const Eigen::ArrayXXd& draw_table, const DrawLeverTables& per_draw,
                         int year, RegionDrawArray& out) {
  if (per_draw.active) {
    out = (private_investment.colwise() * share).rowwise() * sector_share +
          DrawColumns(draw_table, per_draw.draws, year);
  } else {
    out = ((private_investment.colwise() * share).rowwise() * sector_share).colwise() +
          public_table.col(year);
  }
}

}  // namespace

void AllocateMoney(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                   const RegionDrawArray& private_investment, YearMoney& money, Scratch& scratch) {
  const RegionConstants& c = inputs.region;
  const PublicMoneyTables& pub = inputs.public_money;
  const DrawRow& physical_share = assumptions.private_physical_share;
  DrawRow& generative_share = scratch.row_a;
  DrawRow& whole = scratch.row_b;  // talent and power money is not split: x * 1 is exact
  generative_share = 1.0 - physical_share;
  whole.setOnes();

  const DrawLeverTables& per_draw = inputs.draw_levers;
  const PublicMoneyTables& draw_pub = per_draw.public_money;
  if (per_draw.active) {
    money.public_total = DrawColumns(per_draw.levers.public_budget, per_draw.draws, year);
  } else {
    money.public_total.colwise() = inputs.levers.public_budget.col(year);
  }
  money.private_total = private_investment;
  AddPrivateAndPublic(private_investment, c.private_compute, generative_share,
                      pub.compute_generative, draw_pub.compute_generative, per_draw, year, money.compute_generative);
  AddPrivateAndPublic(private_investment, c.private_compute, physical_share,
                      pub.compute_physical, draw_pub.compute_physical, per_draw, year, money.compute_physical);
  AddPrivateAndPublic(private_investment, c.private_data, generative_share,
                      pub.data_generative, draw_pub.data_generative, per_draw, year, money.data_generative);
  AddPrivateAndPublic(private_investment, c.private_data, physical_share, pub.data_physical, draw_pub.data_physical, per_draw,
                      year, money.data_physical);
  AddPrivateAndPublic(private_investment, c.private_adoption, generative_share,
                      pub.adoption_generative, draw_pub.adoption_generative, per_draw, year, money.adoption_generative);
  AddPrivateAndPublic(private_investment, c.private_adoption, physical_share,
                      pub.adoption_physical, draw_pub.adoption_physical, per_draw, year, money.adoption_physical);
  AddPrivateAndPublic(private_investment, c.private_talent, whole, pub.talent, draw_pub.talent, per_draw, year,
                      money.talent);
  AddPrivateAndPublic(private_investment, c.private_power, whole, pub.power, draw_pub.power, per_draw, year, money.power);
}

}  // namespace sim
