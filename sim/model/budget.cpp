#include "sim/model/budget.hpp"

namespace sim {
namespace {

// out = private_investment * share (per region) * sector_share (per draw) + public_table(:, year).
void AddPrivateAndPublic(const RegionDrawArray& private_investment, const RegionColumn& share,
                         const DrawRow* sector_share, const Eigen::ArrayXXd& public_table,
                         int year, RegionDrawArray& out) {
  out = private_investment.colwise() * share;
  if (sector_share != nullptr) out.rowwise() *= *sector_share;
  out.colwise() += public_table.col(year);
}

}  // namespace

void AllocateMoney(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                   const RegionDrawArray& private_investment, YearMoney& money, Scratch& scratch) {
  const RegionConstants& c = inputs.region;
  const PublicMoneyTables& pub = inputs.public_money;
  const DrawRow& physical_share = assumptions.private_physical_share;
  DrawRow& generative_share = scratch.row_a;
  generative_share = 1.0 - physical_share;

  money.public_total.colwise() = inputs.levers.public_budget.col(year);
  money.private_total = private_investment;
  AddPrivateAndPublic(private_investment, c.private_compute, &generative_share,
                      pub.compute_generative, year, money.compute_generative);
  AddPrivateAndPublic(private_investment, c.private_compute, &physical_share,
                      pub.compute_physical, year, money.compute_physical);
  AddPrivateAndPublic(private_investment, c.private_data, &generative_share,
                      pub.data_generative, year, money.data_generative);
  AddPrivateAndPublic(private_investment, c.private_data, &physical_share, pub.data_physical,
                      year, money.data_physical);
  AddPrivateAndPublic(private_investment, c.private_adoption, &generative_share,
                      pub.adoption_generative, year, money.adoption_generative);
  AddPrivateAndPublic(private_investment, c.private_adoption, &physical_share,
                      pub.adoption_physical, year, money.adoption_physical);
  AddPrivateAndPublic(private_investment, c.private_talent, nullptr, pub.talent, year,
                      money.talent);
  AddPrivateAndPublic(private_investment, c.private_power, nullptr, pub.power, year, money.power);
}

}  // namespace sim
