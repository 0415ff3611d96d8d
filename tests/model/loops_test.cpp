// The reinforcing loops of docs/MODEL.md step 9 (market lock-in, capital that
// follows share, talent agglomeration, learning by doing in robot deployment,
// the data flywheel): what each conserves, which way each pushes, that none
// makes something from nothing, and that all stay bounded at their largest
// allowed strengths. With every strength at 0 (the shipped
// default) the model is the one before the loops: the golden results
// (tests/results) did not move when they were added.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/model/model.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim {
namespace {

constexpr double kTolerance = 1e-12;

Scenario World() { return LoadScenario("world-2025"); }

double At(const Results& results, Variable v, int year, int region) {
  return results.At(v, year)(region, 0);
}

double Sum(const Results& results, Variable v, int year) {
  return results.At(v, year).col(0).sum();
}

// How far `region` is ahead of the next region in `v`.
double Lead(const Results& results, Variable v, int year, int region) {
  double next = -1e300;
  for (int r = 0; r < results.regions(); ++r) {
    if (r != region) next = std::max(next, At(results, v, year, r));
  }
  return At(results, v, year, region) - next;
}

// Every loop at the top of its allowed range (assumptions.def).
void AllLoopsAtMaximum(Scenario& s) {
  s.assumptions.market_lock_in.value = 0.99;
  s.assumptions.capital_follows_share.value = 2;
  s.assumptions.talent_agglomeration.value = 2;
  s.assumptions.robot_learning_rate.value = 0.3;
  s.assumptions.data_flywheel.value = 1;
}

}  // namespace

TEST_CASE("lock-in: shares still sum to 1, and move at most (1 - lock-in) a year") {
  for (double lock_in : {0.3, 0.9, 0.99}) {
    Scenario s = World();
    s.assumptions.market_lock_in.value = lock_in;
    const Results results = RunSimulation(s);
    for (Variable v : {Variable::kMarketShareGenerative, Variable::kMarketSharePhysical}) {
      for (int k = 0; k < results.years(); ++k) {
        CHECK(std::abs(Sum(results, v, k) - 1.0) < kTolerance);
        if (k == 0) continue;
        // share_t - share_t-1 = (1 - lock_in) (c_t - share_t-1), |c - share| <= 1.
        const double moved = (results.At(v, k) - results.At(v, k - 1)).abs().maxCoeff();
        INFO("lock-in " << lock_in << " year " << results.start_year() + k);
        CHECK(moved <= (1.0 - lock_in) + kTolerance);
      }
    }
  }
}

TEST_CASE("lock-in leaves the start year alone and slows the leader's loss of share") {
  Scenario off = World(), on = World();
  on.assumptions.market_lock_in.value = 0.9;
  const Results a = RunSimulation(off), b = RunSimulation(on);
  const int us = off.RegionIndex("US");
  CHECK(At(a, Variable::kMarketShareGenerative, 0, us) == At(b, Variable::kMarketShareGenerative, 0, us));
  // In the baseline the US's generative share falls as followers climb
  // (79% in 2025); customers who stay keep more of it in every later year.
  for (int k = 1; k < a.years(); ++k) {
    CHECK(At(b, Variable::kMarketShareGenerative, k, us) > At(a, Variable::kMarketShareGenerative, k, us));
    CHECK(Lead(b, Variable::kMarketShareGenerative, k, us) > Lead(a, Variable::kMarketShareGenerative, k, us));
  }
}

TEST_CASE("capital follows share: the world's private money is conserved and drifts to the largest shares") {
  Scenario off = World();
  off.assumptions.reinvestment_rate.value = 0;  // private money is then all exogenous
  Scenario on = off;
  on.assumptions.capital_follows_share.value = 0.5;
  const Results a = RunSimulation(off), b = RunSimulation(on);
  for (int k = 0; k < a.years(); ++k) {
    CHECK(Sum(b, Variable::kInvestmentPrivate, k) ==
          Approx(Sum(a, Variable::kInvestmentPrivate, k)).epsilon(kTolerance));
  }
  // Year index 1: everything before it is the same in both runs, and the
  // weights are exp(0.5 v(start)): money moves from the region with the
  // smallest share of world AI value in the start year to the largest.
  int largest = 0, smallest = 0;
  for (int r = 0; r < a.regions(); ++r) {
    if (At(a, Variable::kValue, 0, r) > At(a, Variable::kValue, 0, largest)) largest = r;
    if (At(a, Variable::kValue, 0, r) < At(a, Variable::kValue, 0, smallest)) smallest = r;
  }
  CHECK(At(b, Variable::kInvestmentPrivate, 1, largest) > At(a, Variable::kInvestmentPrivate, 1, largest));
  CHECK(At(b, Variable::kInvestmentPrivate, 1, smallest) < At(a, Variable::kInvestmentPrivate, 1, smallest));
  // In the shipped world, the leader's lead in both sectors never shrinks.
  const Results plain = RunSimulation(World());
  Scenario pulled = World();
  pulled.assumptions.capital_follows_share.value = 0.5;
  const Results more = RunSimulation(pulled);
  const int us = off.RegionIndex("US");
  for (int k = 0; k < plain.years(); ++k) {
    for (Variable v : {Variable::kCapabilityGenerative, Variable::kCapabilityPhysical}) {
      CHECK(Lead(more, v, k, us) >= Lead(plain, v, k, us) - 1e-12);
    }
  }
}

TEST_CASE("agglomeration: migration still conserves researchers, and the largest pool draws more") {
  Scenario off = World();
  off.assumptions.researcher_growth.value = 0;
  for (Region& r : off.regions) r.public_budget = Schedule::Constant(0);  // no public talent money
  Scenario on = off;
  on.assumptions.talent_agglomeration.value = 1;
  const Results a = RunSimulation(off), b = RunSimulation(on);
  // Private money also trains researchers (its talent share), the same in
  // both runs until the first move: compare the moves of year 0 -> 1.
  const int us = off.RegionIndex("US");  // the largest pool in 2025
  const double start = Sum(a, Variable::kResearchers, 0);
  CHECK(Sum(b, Variable::kResearchers, 0) == start);
  CHECK(Sum(b, Variable::kResearchers, 1) == Approx(Sum(a, Variable::kResearchers, 1)).epsilon(kTolerance));
  CHECK(At(b, Variable::kResearchers, 1, us) > At(a, Variable::kResearchers, 1, us));
  // In the shipped world, the largest pool's lead only grows with the pull.
  const Results plain = RunSimulation(World());
  Scenario pulled = World();
  pulled.assumptions.talent_agglomeration.value = 1;
  const Results more = RunSimulation(pulled);
  for (int k = 0; k < plain.years(); ++k) {
    CHECK(Lead(more, Variable::kResearchers, k, us) >= Lead(plain, Variable::kResearchers, k, us));
  }
}

TEST_CASE("learning by doing: each doubling of a region's deployed robots makes a dollar buy 1 / (1 - rate) more") {
  Scenario off = World();
  Scenario on = off;
  const double rate = 0.2;
  on.assumptions.robot_learning_rate.value = rate;
  const Results a = RunSimulation(off), b = RunSimulation(on);
  // Public money and the trend are the same in both runs; only the robots
  // they buy differ, by A = (E / E_start)^(-log2(1 - rate)).
  const double exponent = -std::log2(1.0 - rate);
  for (int r = 0; r < a.regions(); ++r) {
    const double start = std::max(off.regions[r].robots, 1.0);
    double experience = start;
    for (int k = 0; k < a.years(); ++k) {
      const double advantage = std::pow(experience / start, exponent);
      INFO(off.regions[r].code << " year " << a.start_year() + k);
      CHECK(At(b, Variable::kRobotInstallations, k, r) ==
            Approx(At(a, Variable::kRobotInstallations, k, r) * advantage).epsilon(1e-12));
      CHECK(At(b, Variable::kRobots, k, r) >= At(a, Variable::kRobots, k, r));
      experience += At(b, Variable::kRobotInstallations, k, r);
    }
  }
  // China, which deploys most, learns most: its lead in robots never shrinks.
  const int cn = off.RegionIndex("CN");
  for (int k = 0; k < a.years(); ++k) CHECK(Lead(b, Variable::kRobots, k, cn) >= Lead(a, Variable::kRobots, k, cn));
}

TEST_CASE("the data flywheel adds nothing in the start year, then raises every region's capability") {
  Scenario off = World();
  off.assumptions.reinvestment_rate.value = 0;  // money, so compute, then does not depend on shares
  Scenario on = off;
  on.assumptions.data_flywheel.value = 0.3;
  const Results a = RunSimulation(off), b = RunSimulation(on);
  for (int r = 0; r < a.regions(); ++r) {
    for (Variable v : {Variable::kCapabilityGenerative, Variable::kCapabilityPhysical}) {
      CHECK(At(b, v, 0, r) == At(a, v, 0, r));
      for (int k = 1; k < a.years(); ++k) CHECK(At(b, v, k, r) >= At(a, v, k, r));
    }
  }
  // The leader's own gain in the second year is 0.3 log10(1 + its share of
  // the start year's world generative revenue), and its lead never shrinks.
  const int us = off.RegionIndex("US");
  const double first_year_share = At(a, Variable::kMarketShareGenerative, 0, us);
  CHECK(At(b, Variable::kCapabilityGenerative, 1, us) - At(a, Variable::kCapabilityGenerative, 1, us) ==
        Approx(0.3 * std::log10(1.0 + first_year_share)).epsilon(1e-9));
  for (int k = 0; k < a.years(); ++k) {
    INFO("year " << a.start_year() + k);
    CHECK(Lead(b, Variable::kCapabilityGenerative, k, us) >= Lead(a, Variable::kCapabilityGenerative, k, us) - 1e-12);
  }
}

TEST_CASE("no loop makes something from nothing: an empty region stays empty at full strength") {
  Scenario s = World();
  AllLoopsAtMaximum(s);
  const int in = s.RegionIndex("IN");
  Region& empty = s.regions[in];
  empty.public_budget = Schedule::Constant(0);
  empty.gpu_deliveries = Schedule::Constant(0);
  empty.private_investment = 0;
  empty.compute_stock = 0;
  empty.researchers = 0;
  empty.market_access = 0;  // no revenue to reinvest either
  const Results results = RunSimulation(s);
  for (int k = 0; k < results.years(); ++k) {
    INFO("year " << results.start_year() + k);
    CHECK(At(results, Variable::kComputeStock, k, in) == 0.0);
    CHECK(At(results, Variable::kInvestmentPrivate, k, in) == 0.0);
    CHECK(At(results, Variable::kMarketShareGenerative, k, in) == 0.0);
    CHECK(At(results, Variable::kValue, k, in) == 0.0);
  }
}

TEST_CASE("all loops at their largest strengths stay finite and bounded over 60 years") {
  Scenario s = World();
  AllLoopsAtMaximum(s);
  s.end_year = s.start_year + 60;
  s.draws = 50;  // uncertain assumptions drawn around the loops
  const Results results = RunSimulation(s);
  CHECK(FirstNonFinite(results).empty());
  for (int k = 0; k < results.years(); ++k) {
    for (Variable v : {Variable::kMarketShareGenerative, Variable::kMarketSharePhysical}) {
      CHECK((results.At(v, k) >= 0).all());
      CHECK((results.At(v, k) <= 1 + kTolerance).all());
    }
    CHECK((results.At(Variable::kResearchers, k) >= 0).all());
    CHECK((results.At(Variable::kRobots, k) >= 0).all());
    CHECK((results.At(Variable::kInvestmentPrivate, k) >= 0).all());
  }
}

}  // namespace sim
