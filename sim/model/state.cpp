#include "sim/model/state.hpp"

namespace sim {

void State::Resize(int regions, int draws, int pending_years, int cohort_years) {
  for (RegionDrawArray* array :
       {&compute_generative, &compute_physical, &fleet_kilowatts, &power_capacity, &researchers, &robots,
        &physical_data, &generative_data, &private_exogenous, &market_share_generative,
        &market_share_physical, &value_share_cumulative, &robot_experience, &robot_price_advantage,
        &usage_generative, &usage_physical, &usage_start_generative, &usage_start_physical,
        &public_cumulative}) {
    array->resize(regions, draws);
  }
  physical_data_world_start.resize(draws);
  power_pending.resize(regions, static_cast<Eigen::Index>(draws) * pending_years);
  robot_cohorts.resize(regions, static_cast<Eigen::Index>(draws) * cohort_years);
  robot_cohort_years = cohort_years;
}

void YearMoney::Resize(int regions, int draws) {
  for (RegionDrawArray* array :
       {&public_total, &compute_generative, &compute_physical, &talent, &power,
        &data_generative, &data_physical, &adoption_generative, &adoption_physical,
        &adoption_physical_public}) {
    array->resize(regions, draws);
  }
}

void YearOutcome::Resize(int regions, int draws) {
  for (RegionDrawArray* array :
       {&operational_generative, &operational_physical, &lag, &largest_cluster, &largest_run,
        &capability_generative,
        &capability_physical, &share_generative, &share_physical, &value, &sovereignty,
        &years_behind_generative, &years_behind_physical}) {
    array->resize(regions, draws);
  }
}

void Scratch::Resize(int regions, int draws) {
  for (RegionDrawArray* array : {&a, &b, &c, &d, &e}) array->resize(regions, draws);
  for (DrawRow* row : {&row_a, &row_b, &row_c}) row->resize(draws);
}

}  // namespace sim
