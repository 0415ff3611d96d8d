#include "sim/model/budget.hpp"

namespace sim {
namespace {

// out = private_investment * share (per region) * sector_share (per draw)
//       + public_money, region by region (contiguous rows); public_money(r)
// is region r's public money this year: one number, or a row of draws
// (WithLeversInYear).
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

  WithLeversInYear(inputs, year, [&](auto lever) {
    const auto budget = lever(&LeverTables::public_budget);
    const auto focus = lever(&LeverTables::physical_focus);
    // Region r's public money for purpose `allocation` (step 1): B (1 - phi) a
    // aimed at generative AI, B phi a at physical AI, B a not split.
    const auto generative_part = [&](const RegionColumn& allocation) {
      return [&](Eigen::Index r) { return (budget(r) * (1.0 - focus(r))) * allocation(r); };
    };
    const auto physical_part = [&](const RegionColumn& allocation) {
      return [&](Eigen::Index r) { return (budget(r) * focus(r)) * allocation(r); };
    };
    const auto whole_part = [&](const RegionColumn& allocation) {
      return [&](Eigen::Index r) { return budget(r) * allocation(r); };
    };
    const auto public_adoption = physical_part(c.public_adoption);
    for (Eigen::Index r = 0; r < p.rows(); ++r) {
      money.public_total.row(r) = budget(r);
      money.adoption_physical_public.row(r) = public_adoption(r);
    }
    AddPrivateAndPublic(p, c.private_compute, generative, generative_part(c.public_compute),
                        money.compute_generative);
    AddPrivateAndPublic(p, c.private_compute, physical, physical_part(c.public_compute),
                        money.compute_physical);
    AddPrivateAndPublic(p, c.private_data, generative, generative_part(c.public_data),
                        money.data_generative);
    AddPrivateAndPublic(p, c.private_data, physical, physical_part(c.public_data), money.data_physical);
    AddPrivateAndPublic(p, c.private_adoption, generative, generative_part(c.public_adoption),
                        money.adoption_generative);
    AddPrivateAndPublic(p, c.private_adoption, physical, public_adoption, money.adoption_physical);
    AddPrivateAndPublic(p, c.private_talent, whole, whole_part(c.public_talent), money.talent);
    AddPrivateAndPublic(p, c.private_power, whole, whole_part(c.public_power), money.power);
  });
}

}  // namespace sim
