#include "sim/model/budget.hpp"

namespace sim {
namespace {

// out = private_investment * share (per region) * sector_share (per draw)
//       + public_money (R x N, this year's).
template <typename PublicMoney>
void AddPrivateAndPublic(const RegionDrawArray& private_investment, const RegionColumn& share,
                         const DrawRow& sector_share,
                         const Eigen::ArrayBase<PublicMoney>& public_money, RegionDrawArray& out) {
  out = (private_investment.colwise() * share).rowwise() * sector_share + public_money.derived();
}

}  // namespace

void AllocateMoney(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                   const RegionDrawArray& private_investment, YearMoney& money, Scratch& scratch) {
  const RegionConstants& c = inputs.region;
  const RegionDrawArray& p = private_investment;
  const DrawRow& physical = assumptions.private_physical_share;
  DrawRow& generative = scratch.row_a;
  DrawRow& whole = scratch.row_b;  // talent and power money is not split: x * 1 is exact
  generative = 1.0 - physical;
  whole.setOnes();

  const DrawLeverTables& per_draw = inputs.draw_levers;
  if (!per_draw.active) {
    // This year's column of a public money table, for every draw.
    const Eigen::Index draws = p.cols();
    const auto this_year = [&](const Eigen::ArrayXXd& table) {
      return table.col(year).replicate(1, draws);
    };
    const PublicMoneyTables& pub = inputs.public_money;
    money.public_total = this_year(inputs.levers.public_budget);
    AddPrivateAndPublic(p, c.private_compute, generative, this_year(pub.compute_generative),
                        money.compute_generative);
    AddPrivateAndPublic(p, c.private_compute, physical, this_year(pub.compute_physical),
                        money.compute_physical);
    AddPrivateAndPublic(p, c.private_data, generative, this_year(pub.data_generative),
                        money.data_generative);
    AddPrivateAndPublic(p, c.private_data, physical, this_year(pub.data_physical),
                        money.data_physical);
    AddPrivateAndPublic(p, c.private_adoption, generative, this_year(pub.adoption_generative),
                        money.adoption_generative);
    AddPrivateAndPublic(p, c.private_adoption, physical, this_year(pub.adoption_physical),
                        money.adoption_physical);
    AddPrivateAndPublic(p, c.private_talent, whole, this_year(pub.talent), money.talent);
    AddPrivateAndPublic(p, c.private_power, whole, this_year(pub.power), money.power);
    return;
  }
  // Sweeps: budget B and focus phi differ between draws, and the public money
  // is formed here, by the products of BuildPublicMoneyTables in the same
  // order (B (1 - phi) a, B phi a, B a), so that a draw's money has the same
  // bits as in `aisim run`. A table per purpose and draw would cost more to
  // fill and read than these products.
  using Columns = Eigen::Ref<const Eigen::ArrayXXd>;
  const Columns budget = DrawColumns(per_draw.levers.public_budget, per_draw.draws, year);
  const Columns focus = DrawColumns(per_draw.levers.physical_focus, per_draw.draws, year);
  money.public_total = budget;
  AddPrivateAndPublic(p, c.private_compute, generative,
                      (budget * (1.0 - focus)).colwise() * c.public_compute, money.compute_generative);
  AddPrivateAndPublic(p, c.private_compute, physical,
                      (budget * focus).colwise() * c.public_compute, money.compute_physical);
  AddPrivateAndPublic(p, c.private_data, generative,
                      (budget * (1.0 - focus)).colwise() * c.public_data, money.data_generative);
  AddPrivateAndPublic(p, c.private_data, physical,
                      (budget * focus).colwise() * c.public_data, money.data_physical);
  AddPrivateAndPublic(p, c.private_adoption, generative,
                      (budget * (1.0 - focus)).colwise() * c.public_adoption, money.adoption_generative);
  AddPrivateAndPublic(p, c.private_adoption, physical,
                      (budget * focus).colwise() * c.public_adoption, money.adoption_physical);
  AddPrivateAndPublic(p, c.private_talent, whole, budget.colwise() * c.public_talent, money.talent);
  AddPrivateAndPublic(p, c.private_power, whole, budget.colwise() * c.public_power, money.power);
}

}  // namespace sim
