#include "sim/model/budget.hpp"

namespace sim {
namespace {

// out = private_investment * share (per region) * sector_share (per draw)
//       + public_money, region by region (contiguous rows); public_money(r)
// is region r's public money this year: one number, or a row of draws.
template <typename PublicMoney>
void AddPrivateAndPublic(const RegionDrawArray& private_investment, const RegionColumn& share,
                         const DrawRow& sector_share, PublicMoney public_money,
                         RegionDrawArray& out) {
  for (Eigen::Index r = 0; r < out.rows(); ++r) {
    out.row(r) = (private_investment.row(r) * share(r)) * sector_share + public_money(r);
  }
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
    const PublicMoneyTables& pub = inputs.public_money;
    for (Eigen::Index r = 0; r < p.rows(); ++r) {
      money.public_total.row(r).setConstant(inputs.levers.public_budget(r, year));
    }
    AddPrivateAndPublic(p, c.private_compute, generative, ValueInYear(pub.compute_generative, year),
                        money.compute_generative);
    AddPrivateAndPublic(p, c.private_compute, physical, ValueInYear(pub.compute_physical, year),
                        money.compute_physical);
    AddPrivateAndPublic(p, c.private_data, generative, ValueInYear(pub.data_generative, year),
                        money.data_generative);
    AddPrivateAndPublic(p, c.private_data, physical, ValueInYear(pub.data_physical, year),
                        money.data_physical);
    AddPrivateAndPublic(p, c.private_adoption, generative, ValueInYear(pub.adoption_generative, year),
                        money.adoption_generative);
    AddPrivateAndPublic(p, c.private_adoption, physical, ValueInYear(pub.adoption_physical, year),
                        money.adoption_physical);
    money.adoption_physical_public.colwise() = pub.adoption_physical.col(year);
    AddPrivateAndPublic(p, c.private_talent, whole, ValueInYear(pub.talent, year), money.talent);
    AddPrivateAndPublic(p, c.private_power, whole, ValueInYear(pub.power, year), money.power);
    return;
  }
  // Sweeps: budget B and focus phi differ between draws, and the public money
  // is formed here, by the products of BuildPublicMoneyTables in the same
  // order (B (1 - phi) a, B phi a, B a), so that a draw's money has the same
  // bits as in `aisim run`. A table per purpose and draw would cost more to
  // fill and read than these products.
  using Columns = Eigen::Ref<const RegionTable>;
  const Columns budget = DrawColumns(per_draw.levers.public_budget, per_draw.draws, year);
  const Columns focus = DrawColumns(per_draw.levers.physical_focus, per_draw.draws, year);
  money.public_total = budget;
  // Region r's public money for purpose `allocation`, aimed at generative
  // AI, physical AI, or not split: rows of draws.
  const auto generative_part = [&](const RegionColumn& allocation) {
    return [&](Eigen::Index r) { return (budget.row(r) * (1.0 - focus.row(r))) * allocation(r); };
  };
  const auto physical_part = [&](const RegionColumn& allocation) {
    return [&](Eigen::Index r) { return (budget.row(r) * focus.row(r)) * allocation(r); };
  };
  const auto whole_part = [&](const RegionColumn& allocation) {
    return [&](Eigen::Index r) { return budget.row(r) * allocation(r); };
  };
  AddPrivateAndPublic(p, c.private_compute, generative, generative_part(c.public_compute),
                      money.compute_generative);
  AddPrivateAndPublic(p, c.private_compute, physical, physical_part(c.public_compute),
                      money.compute_physical);
  AddPrivateAndPublic(p, c.private_data, generative, generative_part(c.public_data),
                      money.data_generative);
  AddPrivateAndPublic(p, c.private_data, physical, physical_part(c.public_data), money.data_physical);
  AddPrivateAndPublic(p, c.private_adoption, generative, generative_part(c.public_adoption),
                      money.adoption_generative);
  AddPrivateAndPublic(p, c.private_adoption, physical, physical_part(c.public_adoption),
                      money.adoption_physical);
  const auto public_adoption = physical_part(c.public_adoption);
  for (Eigen::Index r = 0; r < p.rows(); ++r) money.adoption_physical_public.row(r) = public_adoption(r);
  AddPrivateAndPublic(p, c.private_talent, whole, whole_part(c.public_talent), money.talent);
  AddPrivateAndPublic(p, c.private_power, whole, whole_part(c.public_power), money.power);
}

}  // namespace sim
