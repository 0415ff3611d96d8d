#include "sim/model/data.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "sim/model/vector_math.hpp"

namespace sim {
namespace {

// The columns of year `year`'s cohort in State::robot_cohorts.
template <class StateType>
auto Cohort(StateType& state, int year) {
  const int years = state.robot_cohort_years;
  const Eigen::Index draws = state.robots.cols();
  return state.robot_cohorts.middleCols(((year % years + years) % years) * draws, draws);
}

// weight = w(age) = min(1, max(0, L - age)) for every draw.
void SurvivingShare(const DrawAssumptions& assumptions, int age, DrawRow& weight) {
  weight = (assumptions.robot_service_life - static_cast<double>(age)).min(1.0).max(0.0);
}

// out = sum over ages a >= 1 of w(a) I(year - a): the robots of earlier
// years still at work on the next 1 January. Year `year`'s own cohort is not
// read (its columns still hold the cohort it replaces).
void SurvivingRobots(const DrawAssumptions& assumptions, int year, const State& state, DrawRow& weight,
                     RegionDrawArray& out) {
  out.setZero();
  for (int age = 1; age < state.robot_cohort_years; ++age) {
    SurvivingShare(assumptions, age, weight);
    out += Cohort(state, year - age).rowwise() * weight;
  }
}

// Learning by doing: a robot costs (E / E_start)^log2(1 - rate) of its
// start-year price, so a dollar buys (E / E_start)^-log2(1 - rate) robots;
// E starts at the start fleet (at least one robot). Off in every draw, the
// advantage stays exactly 1 and the passes over the arrays are skipped.
void AdvanceRobotPrices(const ModelInputs& inputs, const DrawAssumptions& assumptions, State& state,
                        DrawRow& exponent) {
  if (!(assumptions.robot_learning_rate != 0).any()) {
    state.robot_price_advantage.setOnes();
    return;
  }
  exponent = 1.0 - assumptions.robot_learning_rate;  // then -log2(1 - rate) >= 0
  LogInPlace(exponent);
  exponent *= -1.0 / std::log(2.0);
  for (Eigen::Index r = 0; r < state.robots.rows(); ++r) {
    state.robot_price_advantage.row(r) = state.robot_experience.row(r) / std::max(inputs.region.robots(r), 1.0);
  }
  LogInPlace(state.robot_price_advantage);
  state.robot_price_advantage.rowwise() *= exponent;
  ExpInPlace(state.robot_price_advantage);
}

}  // namespace

void RobotInstallations(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                        const YearMoney& money, const State& state, Scratch& scratch) {
  RegionDrawArray& out = scratch.a;
  RegionDrawArray& surviving = scratch.b;
  out = (money.adoption_physical_public * 1e9).rowwise() / assumptions.robot_cost;
  // Firms' own installations: the schedule, and beyond its last year the
  // schedule's last value grown n years at robot_installation_growth,
  // (1 + g)^n = exp(n ln(1 + g)).
  const auto trend = inputs.trends.robot_installations.col(year);
  const auto growth_years = inputs.trends.robot_installation_growth_years.col(year);
  DrawRow& log_growth = scratch.row_a;
  DrawRow& grown = scratch.row_b;
  if ((growth_years > 0).any()) {
    log_growth = 1.0 + assumptions.robot_installation_growth;
    LogInPlace(log_growth);
  }
  for (Eigen::Index r = 0; r < out.rows(); ++r) {
    if (growth_years(r) == 0) {
      out.row(r) += trend(r);
      continue;
    }
    grown = log_growth * growth_years(r);
    ExpInPlace(grown);
    out.row(r) += trend(r) * grown;
  }
  out *= state.robot_price_advantage;  // exactly 1 without learning
  // The room: no more robots than max_robot_density per 10,000 of this
  // year's manufacturing employees, counting those still at work.
  SurvivingRobots(assumptions, year, state, scratch.row_a, surviving);
  for (Eigen::Index r = 0; r < out.rows(); ++r) {
    const double ten_thousands = inputs.trends.manufacturing_employment(r, year + 1) * 1e-4;
    out.row(r) = out.row(r).min((assumptions.max_robot_density * ten_thousands - surviving.row(r)).max(0.0));
  }
}

int RobotCohortYears(const DrawAssumptions& assumptions) {
  return static_cast<int>(std::ceil(assumptions.robot_service_life.maxCoeff()));
}

void InitialiseRobots(const ModelInputs& inputs, const DrawAssumptions& assumptions, State& state,
                      Scratch& scratch) {
  // Cohorts beyond the longest life weigh 0 and change no bit of the sums,
  // so a workspace sized for longer lives gives the same results.
  const Eigen::Index regions = state.robots.rows();
  const int years = state.robot_cohort_years;
  assert(years >= RobotCohortYears(assumptions));
  // The stock the recorded cohorts leave, per region and draw; scaled to the
  // stated start stock, or equal cohorts where nothing working is recorded
  // (equal cohorts I leave L I).
  const RegionTable& before = inputs.trends.robot_installations_before;
  RegionDrawArray& surviving = scratch.a;
  DrawRow& weight = scratch.row_a;
  surviving.setZero();
  for (int age = 0; age < years; ++age) {
    SurvivingShare(assumptions, age, weight);
    for (Eigen::Index r = 0; r < regions; ++r) surviving.row(r) += weight * before(r, age);
  }
  RegionDrawArray& scale = scratch.b;
  RegionDrawArray& equal = scratch.c;
  scale = (surviving > 0.0).select(state.robots / surviving, 0.0);
  equal = (surviving > 0.0).select(0.0, state.robots.rowwise() / assumptions.robot_service_life);
  for (int age = 0; age < years; ++age) {
    auto cohort = Cohort(state, -1 - age);
    for (Eigen::Index r = 0; r < regions; ++r) cohort.row(r) = scale.row(r) * before(r, age) + equal.row(r);
  }
}

// Each data stock in one pass: the same operations in the same order as the
// step-by-step form (kept * D, then the inflows added to it), so the same
// bits in fewer passes over R x N.
void StepData(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
              const YearMoney& money, State& state, Scratch& scratch) {
  DrawRow& kept = scratch.row_a;  // share of a stock that survives the year
  kept = 1.0 - assumptions.physical_data_decay;
  state.physical_data = state.physical_data.rowwise() * kept +
                        (state.robots + (money.data_physical * 1e9).rowwise() /
                                            assumptions.cost_per_robot_year_data);

  RobotInstallations(inputs, assumptions, year, money, state, scratch);
  Cohort(state, year) = scratch.a;
  state.robots = scratch.b + scratch.a;  // a robot installed this year works on 1 January: w(0) = 1 as L >= 1

  state.robot_experience += scratch.a;
  AdvanceRobotPrices(inputs, assumptions, state, scratch.row_a);

  kept = 1.0 + assumptions.generative_data_growth;
  state.generative_data = state.generative_data.rowwise() * kept +
                          (money.data_generative + money.adoption_generative).rowwise() /
                              assumptions.cost_per_trillion_tokens;
}

}  // namespace sim
