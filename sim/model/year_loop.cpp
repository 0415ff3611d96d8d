// The year loop: what model.hpp declares from Workspace::Resize to
// ReadVariable. Compiled twice: into the library (x86-64 baseline), and for
// AVX-512F into libaisim_year_avx512.so (year_loop_wide.cpp, ActiveYearLoop).
#include "sim/model/model.hpp"

#include <algorithm>

#include "sim/model/algorithms.hpp"
#include "sim/model/budget.hpp"
#include "sim/model/capability.hpp"
#include "sim/model/compute.hpp"
#include "sim/model/data.hpp"
#include "sim/model/derived.hpp"
#include "sim/model/markets.hpp"
#include "sim/model/sovereignty.hpp"
#include "sim/model/talent.hpp"

namespace sim {

void Workspace::Resize(const ModelInputs& inputs, int draws) {
  const int regions = inputs.regions;
  frontier.Resize(inputs.history_years + inputs.years, draws);
  state.Resize(regions, draws, inputs.power_pending_years, RobotCohortYears(inputs.assumptions));
  money.Resize(regions, draws);
  outcome.Resize(regions, draws);
  scratch.Resize(regions, draws);
  private_investment.resize(regions, draws);
}

void InitialiseState(const ModelInputs& inputs, const DrawAssumptions& assumptions,
                     Workspace& workspace) {
  StartFrontierPath(inputs, assumptions, workspace.frontier);
  State& state = workspace.state;
  const RegionConstants& c = inputs.region;
  // Products go into the first column and are copied from there: assigning
  // an expression to colwise() would allocate a temporary for it, and sweeps
  // call this for every block.
  const Eigen::Index others = state.compute_generative.cols() - 1;
  state.compute_generative.col(0) = c.compute_stock * (1.0 - c.compute_physical_share);
  state.compute_generative.rightCols(others).colwise() = state.compute_generative.col(0);
  state.compute_physical.col(0) = c.compute_stock * c.compute_physical_share;
  state.compute_physical.rightCols(others).colwise() = state.compute_physical.col(0);
  // The starting fleet draws the start year's kW per H100e.
  state.fleet_kilowatts = (state.compute_generative + state.compute_physical).rowwise() *
                          assumptions.kw_per_h100e;
  state.power_capacity.colwise() = c.power_capacity;
  state.power_pending.setZero();
  state.researchers.colwise() = c.researchers;
  state.robots.colwise() = c.robots;
  InitialiseRobots(inputs, assumptions, state, workspace.scratch);
  // Physical data starts at the steady state of a constant robot stock:
  // D = (1 - decay) D + robots  =>  D = robots / decay.
  state.physical_data.colwise() = c.robots;
  state.physical_data.rowwise() /= assumptions.physical_data_decay;
  SumOverRegions(state.physical_data, state.physical_data_world_start);
  state.physical_data_world_start = state.physical_data_world_start.max(1.0);
  state.generative_data.colwise() = c.generative_data;
  state.private_exogenous.setZero();  // calibrated in the start year (PrivateInvestment)
  state.public_cumulative.setZero();
  state.value_share_cumulative.setZero();
  // Learning by doing counts experience from the start fleet (at least one
  // robot, so that the ratio to it is defined); a dollar buys what it did.
  for (Eigen::Index r = 0; r < c.robots.rows(); ++r) state.robot_experience.row(r).setConstant(std::max(c.robots(r), 1.0));
  state.robot_price_advantage.setOnes();
  // No usage yet; its unit is set at the end of the start year (AdvanceUsage).
  state.usage_generative.setZero();
  state.usage_physical.setZero();
  state.usage_start_generative.setOnes();
  state.usage_start_physical.setOnes();
}

void ComputeYear(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                 Workspace& w) {
  OperationalCompute(w.state, w.outcome, w.scratch);
  AlgorithmicLag(inputs, assumptions, w.state, w.outcome, w.scratch);
  Capability(inputs, assumptions, year, w.state, w.outcome, w.frontier, w.scratch);
  Markets(inputs, assumptions, year, w.state, w.outcome, w.scratch);
  PrivateInvestment(inputs, assumptions, year, w.outcome, w.state, w.private_investment, w.scratch);
  AllocateMoney(inputs, assumptions, year, w.private_investment, w.money, w.scratch);
}

void AdvanceYear(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                 Workspace& w) {
  // Talent reads this year's operational compute and private money, not the
  // stocks the other steps change, so the order among these steps is free.
  StepTalent(inputs, assumptions, w.money, w.outcome, w.private_investment, w.state, w.scratch);
  StepCompute(inputs, assumptions, year, w.money, w.state, w.scratch);
  StepPower(inputs, assumptions, year, w.money, w.state);
  StepData(inputs, assumptions, year, w.money, w.state, w.scratch);
  AdvancePrivateInvestment(inputs, assumptions, year, w.state, w.scratch);
  w.state.public_cumulative += w.money.public_total;
  // The step 9 loops' memory, kept only for a loop that is on in some draw
  // (the steps that read it skip it otherwise): this year's market shares
  // are next year's installed base (market_lock_in), the cumulative value
  // shares capital follows, and the usage the flywheel learns from.
  if ((assumptions.market_lock_in != 0).any()) {
    w.state.market_share_generative = w.outcome.share_generative;
    w.state.market_share_physical = w.outcome.share_physical;
  }
  if ((assumptions.capital_follows_share != 0).any()) AdvanceValueShares(w.outcome, w.state, w.scratch);
  if ((assumptions.data_flywheel != 0).any()) {
    AdvanceUsage(inputs, assumptions, year, w.outcome, w.state, w.scratch);
  }
}

void ReadVariable(const ModelInputs& inputs, const DrawAssumptions& assumptions, Variable variable,
                  int year, int count, Workspace& w, Eigen::Ref<RegionDrawArray> out) {
  const State& s = w.state;
  YearOutcome& o = w.outcome;
  auto put = [&](const auto& values) { out = values.leftCols(count); };
  // Years behind the leader's path (step 8), for Years Behind and Frontier Year.
  const auto generative_behind = [&]() -> const RegionDrawArray& {
    TimeBehind(w.frontier.generative, 0, inputs.history_years + year, w.frontier.back_slope,
               o.capability_generative, o.years_behind_generative);
    return o.years_behind_generative;
  };
  const auto physical_behind = [&]() -> const RegionDrawArray& {
    TimeBehind(w.frontier.physical, inputs.history_years, inputs.history_years + year,
               w.frontier.back_slope, o.capability_physical, o.years_behind_physical);
    return o.years_behind_physical;
  };
  const double this_year = static_cast<double>(inputs.start_year + year);
  switch (variable) {
    case Variable::kComputeStock: put(s.compute_generative + s.compute_physical); break;
    case Variable::kComputeStockGenerative: put(s.compute_generative); break;
    case Variable::kComputeStockPhysical: put(s.compute_physical); break;
    case Variable::kComputeOperational: put(o.operational_generative + o.operational_physical); break;
    case Variable::kPowerCapacity: put(s.power_capacity); break;
    // What the fleet draws at full use, or all the power there is.
    case Variable::kPowerDemand: put((s.fleet_kilowatts * 1e-6).min(s.power_capacity)); break;
    case Variable::kResearchers: put(s.researchers); break;
    case Variable::kRobots: put(s.robots); break;
    case Variable::kRobotInstallations:
      RobotInstallations(inputs, assumptions, year, w.money, w.state, w.scratch);
      put(w.scratch.a);
      break;
    case Variable::kRobotDensity: {
      // Robots per 10,000 manufacturing employees (the IFR's measure): the
      // 1 January stock over last year's employees; 0 without factories.
      const auto employees = inputs.trends.manufacturing_employment.col(year);
      for (Eigen::Index r = 0; r < s.robots.rows(); ++r) {
        w.scratch.a.row(r) = s.robots.row(r) * (employees(r) > 0 ? 1e4 / employees(r) : 0.0);
      }
      put(w.scratch.a);
      break;
    }
    case Variable::kDataPhysical: put(s.physical_data); break;
    case Variable::kDataGenerative: put(s.generative_data); break;
    case Variable::kAlgorithmicLag: put(o.lag); break;
    case Variable::kCapabilityGenerative: put(o.capability_generative); break;
    case Variable::kCapabilityPhysical: put(o.capability_physical); break;
    case Variable::kComputeLargestCluster: put(o.largest_cluster); break;
    case Variable::kComputeLargestRun: put(o.largest_run); break;
    case Variable::kYearsBehindGenerative: put(generative_behind()); break;
    case Variable::kYearsBehindPhysical: put(physical_behind()); break;
    case Variable::kFrontierYearGenerative: put(this_year - generative_behind()); break;
    case Variable::kFrontierYearPhysical: put(this_year - physical_behind()); break;
    case Variable::kRankGenerative: Rank(o.capability_generative.leftCols(count), out); break;
    case Variable::kRankPhysical: Rank(o.capability_physical.leftCols(count), out); break;
    case Variable::kMarketShareGenerative: put(o.share_generative); break;
    case Variable::kMarketSharePhysical: put(o.share_physical); break;
    case Variable::kValue: put(o.value); break;
    case Variable::kValuePhysical:
      w.scratch.a = (o.share_physical * inputs.market_size_physical(year)).rowwise() * assumptions.market_size_multiplier;
      put(w.scratch.a);
      break;
    case Variable::kSovereignty:
      Sovereignty(inputs, assumptions, s, o, w.scratch);
      put(o.sovereignty);
      break;
    case Variable::kSovereigntyPhysical:
      PhysicalDomesticShare(inputs, assumptions, year, o, w.scratch.b, w.scratch);
      put(w.scratch.b);
      break;
    case Variable::kInvestmentPublic: put(w.money.public_total); break;
    case Variable::kInvestmentPrivate: put(w.private_investment); break;
    case Variable::kInvestmentPublicCumulative: put(s.public_cumulative + w.money.public_total); break;
    case Variable::kCount: break;
  }
}

}  // namespace sim
