// Properties of the whole model (docs/MODEL.md, "Properties the tests pin
// down"), checked on the shipped world baseline and variations of it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>
#include <variant>
#include <vector>

#include "sim/model/model.hpp"
#include "sim/model/inputs.hpp"
#include "sim/scenario/fields.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim {
namespace {

// Bit-for-bit comparisons need no tolerance; these are for arithmetic that
// is equal in exact maths but rounds differently.
constexpr double kTolerance = 1e-12;       // a few ulps over a short chain of operations
constexpr double kLooseTolerance = 1e-9;   // sums over regions and years

Scenario World() { return LoadScenario("world-2025"); }

int Index(const Scenario& s, const std::string& code) { return s.RegionIndex(code); }

// Turns off every source of new stock: budgets, private money, deliveries,
// power growth, robot installations, training, data growth and reinvestment.
void SwitchOffInflows(Scenario& s) {
  for (Region& r : s.regions) {
    r.public_budget = Schedule::Constant(0);
    r.private_investment = 0;
    r.gpu_deliveries = Schedule::Constant(0);
    r.power_growth = Schedule::Constant(0);
    r.robot_installations = Schedule::Constant(0);
  }
  s.assumptions.reinvestment_rate.value = 0;
  s.assumptions.researcher_growth.value = 0;
  s.assumptions.generative_data_growth.value = 0;
}

double At(const Results& results, Variable v, int year, int region, int draw = 0) {
  return results.At(v, year)(region, draw);
}

}  // namespace

TEST_CASE("the start-year row is the calibrated starting state") {
  const Scenario s = World();
  const Results results = RunSimulation(s);
  for (int r = 0; r < results.regions(); ++r) {
    const Region& region = s.regions[r];
    CHECK(At(results, Variable::kComputeStock, 0, r) ==
          Approx(region.compute_stock).epsilon(kTolerance));
    CHECK(At(results, Variable::kResearchers, 0, r) == region.researchers);
    CHECK(At(results, Variable::kRobots, 0, r) == region.robots);
    CHECK(At(results, Variable::kPowerCapacity, 0, r) == region.power_capacity);
    CHECK(At(results, Variable::kInvestmentPrivate, 0, r) ==
          Approx(region.private_investment).epsilon(kTolerance));
  }
}

TEST_CASE("with zero budgets, deliveries and growth, stocks only depreciate") {
  Scenario s = World();
  SwitchOffInflows(s);
  const Results results = RunSimulation(s);
  const double survival = 1.0 - s.assumptions.compute_depreciation.value;
  // No installations before the start either: the start stock is L equal
  // cohorts, one withdrawn a year.
  const double life = s.assumptions.robot_service_life.value;
  double researchers_start = 0;
  for (int r = 0; r < results.regions(); ++r) researchers_start += s.regions[r].researchers;
  for (int k = 0; k < results.years(); ++k) {
    double researchers = 0;
    for (int r = 0; r < results.regions(); ++r) {
      CHECK(At(results, Variable::kComputeStock, k, r) ==
            Approx(s.regions[r].compute_stock * std::pow(survival, k)).epsilon(kLooseTolerance));
      CHECK(At(results, Variable::kRobots, k, r) ==
            Approx(s.regions[r].robots * std::max(0.0, 1.0 - k / life)).epsilon(kLooseTolerance));
      CHECK(At(results, Variable::kInvestmentPublic, k, r) == 0.0);
      researchers += At(results, Variable::kResearchers, k, r);
    }
    // No training: migration only moves researchers between regions.
    CHECK(researchers == Approx(researchers_start).epsilon(kLooseTolerance));
  }
}

TEST_CASE("more public budget never lowers a region's own compute") {
  const Scenario base = World();
  const int kr = Index(base, "KR");
  Results previous = RunSimulation(base);
  for (double budget : {5.0, 10.0, 20.0, 40.0}) {
    Scenario more = base;
    more.regions[kr].public_budget = Schedule::Constant(budget);
    const Results results = RunSimulation(more);
    for (int k = 0; k < results.years(); ++k) {
      CHECK(At(results, Variable::kComputeStock, k, kr) >=
            At(previous, Variable::kComputeStock, k, kr));
    }
    previous = results;
  }
}

TEST_CASE("more physical focus never lowers physical capability at equal money") {
  const Scenario base = World();
  for (const char* code : {"KR", "JP", "EU", "US", "CN"}) {
    const int r = Index(base, code);
    Scenario low = base, high = base;
    low.regions[r].physical_focus = Schedule::Constant(0.1);
    high.regions[r].physical_focus = Schedule::Constant(0.9);
    const Results a = RunSimulation(low), b = RunSimulation(high);
    for (int k = 0; k < a.years(); ++k) {
      INFO(code << " year " << a.start_year() + k);
      CHECK(At(b, Variable::kCapabilityPhysical, k, r) >=
            At(a, Variable::kCapabilityPhysical, k, r) - kTolerance);
      CHECK(At(b, Variable::kInvestmentPublic, k, r) == At(a, Variable::kInvestmentPublic, k, r));
    }
  }
}

TEST_CASE("market shares sum to 1 in every year and draw") {
  Scenario s = World();
  s.draws = 200;
  const Results results = RunSimulation(s);
  for (int k = 0; k < results.years(); ++k) {
    for (Variable v : {Variable::kMarketShareGenerative, Variable::kMarketSharePhysical}) {
      const Eigen::ArrayXd sums = results.At(v, k).colwise().sum().transpose();
      CHECK((sums - 1.0).abs().maxCoeff() < kTolerance);
    }
  }
}

TEST_CASE("a start delay of k years shifts the public programme by k years") {
  // Only public money moves KR's compute: no private money, constant prices,
  // no starting stock, so its compute stock is the programme's alone.
  Scenario base = World();
  SwitchOffInflows(base);
  base.assumptions.hardware_price_performance_growth.value = 1.0;
  const int kr = Index(base, "KR");
  base.regions[kr].compute_stock = 0;
  base.regions[kr].public_budget = Schedule{{{2025, 2.0}, {2028, 6.0}, {2031, 4.0}}};
  base.regions[kr].gpu_deliveries = Schedule{{{2026, 50000.0}, {2027, 0.0}}};
  for (int delay : {1, 2, 3}) {
    Scenario delayed = base;
    delayed.regions[kr].start_delay = delay;
    const Results a = RunSimulation(base), b = RunSimulation(delayed);
    for (int k = 0; k < a.years(); ++k) {
      INFO("delay " << delay << " year " << a.start_year() + k);
      if (k < delay) {
        CHECK(At(b, Variable::kInvestmentPublic, k, kr) == 0.0);
        CHECK(At(b, Variable::kComputeStock, k, kr) == 0.0);
      } else {
        CHECK(At(b, Variable::kInvestmentPublic, k, kr) ==
              At(a, Variable::kInvestmentPublic, k - delay, kr));
        CHECK(At(b, Variable::kComputeStock, k, kr) ==
              Approx(At(a, Variable::kComputeStock, k - delay, kr)).epsilon(kTolerance));
      }
    }
  }
}

TEST_CASE("results are identical whatever the thread count") {
  Scenario s = World();
  s.draws = 101;  // not a multiple of the thread counts: uneven blocks
  RunOptions one, two, five;
  one.threads = 1;
  two.threads = 2;
  five.threads = 5;
  const Results a = RunSimulation(s, one), b = RunSimulation(s, two), c = RunSimulation(s, five);
  for (const VariableInfo& info : Variables()) {
    for (int k = 0; k < a.years(); ++k) {
      INFO(info.name << " year " << a.start_year() + k);
      CHECK((a.At(info.variable, k) == b.At(info.variable, k)).all());
      CHECK((a.At(info.variable, k) == c.At(info.variable, k)).all());
    }
  }
}

TEST_CASE("the same seed gives the same draws, another seed other draws") {
  Scenario s = World();
  s.draws = 50;
  RunOptions seven, seven_again, eight;
  seven.seed_given = seven_again.seed_given = eight.seed_given = true;
  seven.seed = seven_again.seed = 7;
  eight.seed = 8;
  const Results a = RunSimulation(s, seven), b = RunSimulation(s, seven_again),
                c = RunSimulation(s, eight);
  const int last = a.years() - 1;
  CHECK((a.At(Variable::kCapabilityGenerative, last) ==
         b.At(Variable::kCapabilityGenerative, last)).all());
  CHECK(!(a.At(Variable::kCapabilityGenerative, last) ==
          c.At(Variable::kCapabilityGenerative, last)).all());
}

TEST_CASE("no output is NaN or infinite on the baseline, deterministic and Monte Carlo") {
  for (int draws : {1, 300}) {
    Scenario s = World();
    s.draws = draws;
    const Results results = RunSimulation(s);
    for (const VariableInfo& info : Variables()) {
      for (int k = 0; k < results.years(); ++k) {
        INFO(info.name << " year " << results.start_year() + k << " draws " << draws);
        CHECK(results.At(info.variable, k).isFinite().all());
      }
    }
  }
}

TEST_CASE("the leader is 0 years behind and ranked 1; a rank is 1 + the number of regions ahead") {
  const Results results = RunSimulation(World());
  for (int k = 0; k < results.years(); ++k) {
    for (auto [gap, rank, capability] :
         {std::tuple{Variable::kYearsBehindGenerative, Variable::kRankGenerative, Variable::kCapabilityGenerative},
          std::tuple{Variable::kYearsBehindPhysical, Variable::kRankPhysical, Variable::kCapabilityPhysical}}) {
      const Eigen::ArrayXd years_behind = results.At(gap, k).col(0);
      const Eigen::ArrayXd ranks = results.At(rank, k).col(0);
      const Eigen::ArrayXd level = results.At(capability, k).col(0);
      CHECK(years_behind.minCoeff() == 0.0);
      CHECK(years_behind.minCoeff() >= 0.0);
      Eigen::Index leader;
      ranks.minCoeff(&leader);
      CHECK(ranks(leader) == 1.0);
      CHECK(years_behind(leader) == 0.0);
      // Followers on the same diffusion floor tie and share a rank.
      for (Eigen::Index r = 0; r < level.size(); ++r) {
        CHECK(ranks(r) == 1.0 + (level > level(r)).count());
      }
    }
  }
}

TEST_CASE("the frontier year is the year less the years behind: the leader's is this year") {
  Scenario s = World();
  s.draws = 50;
  const Results results = RunSimulation(s);
  for (int k = 0; k < results.years(); ++k) {
    const double year = results.start_year() + k;
    for (auto [gap, frontier_year] :
         {std::pair{Variable::kYearsBehindGenerative, Variable::kFrontierYearGenerative},
          std::pair{Variable::kYearsBehindPhysical, Variable::kFrontierYearPhysical}}) {
      const RegionDrawArray& behind = results.At(gap, k);
      const RegionDrawArray& reached = results.At(frontier_year, k);
      CHECK(((year - behind) == reached).all());
      CHECK((reached.colwise().maxCoeff() == year).all());  // in every draw someone leads
      CHECK((reached <= year).all());
    }
  }
}

TEST_CASE("sovereignty is a share in [0, 1]") {
  Scenario s = World();
  s.draws = 100;
  const Results results = RunSimulation(s);
  for (int k = 0; k < results.years(); ++k) {
    const auto& v = results.At(Variable::kSovereignty, k);
    CHECK(v.minCoeff() >= 0.0);
    CHECK(v.maxCoeff() <= 1.0);
  }
}

TEST_CASE("private growth and robot installations follow their schedules year by year") {
  // Without reinvested value, private investment is the exogenous part alone,
  // so each year's growth is exactly that year's private_growth; with no
  // public money and no private money for physical AI, each year's robots are
  // the survivors plus that year's installations. Korea's schedule holds its
  // first value before the start, so the start stock is L equal cohorts and
  // one of them is withdrawn each year.
  Scenario s = World();
  s.assumptions.reinvestment_rate.value = 0;
  s.assumptions.private_physical_share.value = 0;
  const int kr = Index(s, "KR");
  Region& korea = s.regions[kr];
  korea.public_budget = Schedule::Constant(0);
  korea.private_growth.points = {{2025, 0.5}, {2026, -0.2}, {2027, 1.0}, {2028, 0.0}};
  korea.robot_installations.points = {{2025, 10000}, {2026, 50000}, {2027, 0}};
  const Results results = RunSimulation(s);
  const double withdrawn = korea.robots / s.assumptions.robot_service_life.value;
  const double growth[] = {0.5, -0.2, 1.0, 0.0};
  const double installed[] = {10000, 50000, 0, 0};
  for (int k = 0; k < 4; ++k) {
    CHECK(At(results, Variable::kInvestmentPrivate, k + 1, kr) ==
          Approx(At(results, Variable::kInvestmentPrivate, k, kr) * (1.0 + growth[k])).epsilon(kTolerance));
    CHECK(At(results, Variable::kRobots, k + 1, kr) ==
          Approx(At(results, Variable::kRobots, k, kr) - withdrawn + installed[k]).epsilon(kTolerance));
    CHECK(At(results, Variable::kRobotInstallations, k, kr) == Approx(installed[k]).epsilon(kTolerance));
  }
}

TEST_CASE("robots work for their service life: the start stock is aged by the recorded installations") {
  // Installations before the start give the start stock its ages: with a
  // 3-year life, 100, 200 and 300 installed in the three years before 2025
  // and a stated stock of 1,200, the cohorts are 200, 400 and 600. Nothing
  // is installed after the start, so the oldest cohort goes first.
  Scenario s = World();
  SwitchOffInflows(s);
  s.assumptions.robot_service_life.value = 3;
  Region& korea = s.regions[Index(s, "KR")];
  korea.robots = 1200;
  korea.robot_installations.points = {{2022, 100}, {2023, 200}, {2024, 300}, {2025, 0}};
  const Results results = RunSimulation(s);
  const int kr = Index(s, "KR");
  const double expected[] = {1200, 1000, 600, 0, 0};
  for (int k = 0; k < 5; ++k) CHECK(At(results, Variable::kRobots, k, kr) == Approx(expected[k]));
  // A fractional life withdraws the oldest cohort in part: with 2.5 years the
  // working shares of cohorts aged 0, 1, 2 are 1, 1, 0.5.
  s.assumptions.robot_service_life.value = 2.5;
  const Results half = RunSimulation(s);
  // Cohorts x: 300x + 200x + 0.5 * 100x = 1,200, so x = 1,200 / 550.
  const double x = 1200.0 / 550.0;
  CHECK(At(half, Variable::kRobots, 1, kr) == Approx(300 * x + 0.5 * 200 * x));
  CHECK(At(half, Variable::kRobots, 2, kr) == Approx(0.5 * 300 * x));
  CHECK(At(half, Variable::kRobots, 3, kr) == Approx(0.0).margin(1e-9));
}

TEST_CASE("a longer service life never lowers the robot stock") {
  // With equal cohorts before the start (every schedule held flat); with a
  // recorded history a longer life can make the stated start stock older.
  Scenario s = World();
  for (Region& region : s.regions) {
    region.robot_installations = Schedule::Constant(region.robot_installations.At(s.start_year));
  }
  s.assumptions.robot_service_life.value = 6.0;
  Results previous = RunSimulation(s);
  for (double life : {9.5, 12.0, 15.0, 20.0}) {
    s.assumptions.robot_service_life.value = life;
    const Results results = RunSimulation(s);
    for (int k = 0; k < results.years(); ++k) {
      for (int r = 0; r < results.regions(); ++r) {
        CHECK(At(results, Variable::kRobots, k, r) >= At(previous, Variable::kRobots, k, r) * (1 - 1e-12));
      }
    }
    previous = results;
  }
}

TEST_CASE("beyond its schedule a region's installations grow at robot_installation_growth, and faster never lowers them") {
  Scenario s = World();
  s.assumptions.max_robot_density.value = 1e5;  // room for all: the trend alone
  const int kr = Index(s, "KR"), jp = Index(s, "JP");
  for (Region& region : s.regions) region.public_budget = Schedule::Constant(0);
  // A schedule that ends before the start grows from its last year; a
  // single number is the start year's value.
  s.regions[kr].robot_installations.points = {{2020, 1000}, {2024, 2000}};
  s.regions[jp].robot_installations = Schedule::Constant(500);
  const auto run_with = [&](double growth) {
    s.assumptions.robot_installation_growth.value = growth;
    const Results results = RunSimulation(s);
    for (int k = 0; k < results.years(); ++k) {
      CHECK(At(results, Variable::kRobotInstallations, k, kr) == Approx(2000 * std::pow(1 + growth, k + 1)));
      CHECK(At(results, Variable::kRobotInstallations, k, jp) == Approx(500 * std::pow(1 + growth, k)));
    }
    return results;
  };
  Results previous = run_with(0.0);
  for (const double growth : {0.03, 0.068, 0.1}) {
    const Results results = run_with(growth);
    for (int k = 0; k < results.years(); ++k) {
      for (int r = 0; r < results.regions(); ++r) {
        CHECK(At(results, Variable::kRobotInstallations, k, r) >=
              At(previous, Variable::kRobotInstallations, k, r) * (1 - 1e-12));
        CHECK(At(results, Variable::kRobots, k, r) >= At(previous, Variable::kRobots, k, r) * (1 - 1e-12));
      }
    }
    previous = results;
  }
}

TEST_CASE("more public adoption money never lowers the robot stock or the robots installed so far") {
  // One year's installations alone can fall: robots bought early fill the
  // room (max_robot_density) that later years' would have filled.
  Scenario base = World();
  const int kr = Index(base, "KR");
  base.regions[kr].physical_focus = Schedule::Constant(1.0);
  Results previous = RunSimulation(base);
  for (double budget : {5.0, 10.0, 20.0, 40.0}) {
    Scenario more = base;
    more.regions[kr].public_budget = Schedule::Constant(budget);
    const Results results = RunSimulation(more);
    double installed = 0, installed_before = 0;
    for (int k = 0; k < results.years(); ++k) {
      installed += At(results, Variable::kRobotInstallations, k, kr);
      installed_before += At(previous, Variable::kRobotInstallations, k, kr);
      CHECK(installed >= installed_before * (1 - 1e-12));
      CHECK(At(results, Variable::kRobots, k, kr) >= At(previous, Variable::kRobots, k, kr));
    }
    previous = results;
  }
}

TEST_CASE("programmes buy robots at robot_cost; private AI money buys none beyond the trend") {
  Scenario s = World();
  const int kr = Index(s, "KR");
  Region& korea = s.regions[kr];
  korea.public_budget = Schedule::Constant(10.0);
  korea.physical_focus = Schedule::Constant(0.5);
  const Results base = RunSimulation(s);
  const double programme_robots =
      10.0 * 0.5 * korea.public_allocation.adoption * 1e9 / s.assumptions.robot_cost.value;
  // Twice the private share aimed at physical AI buys the same robots.
  Scenario more = s;
  more.assumptions.private_physical_share.value = 2 * s.assumptions.private_physical_share.value;
  const Results richer = RunSimulation(more);
  for (int k = 0; k < base.years(); ++k) {
    CHECK(At(base, Variable::kRobotInstallations, k, kr) ==
          Approx(korea.robot_installations.At(s.start_year + k) + programme_robots));
    CHECK(At(richer, Variable::kRobotInstallations, k, kr) == At(base, Variable::kRobotInstallations, k, kr));
  }
}

TEST_CASE("a region without factories installs no robots; its start stock is withdrawn as it ages") {
  Scenario s = World();
  const int kr = Index(s, "KR");
  Region& korea = s.regions[kr];
  korea.manufacturing_employment = Schedule::Constant(0);
  korea.public_budget = Schedule::Constant(40.0);  // a robot programme has nowhere to put robots
  korea.physical_focus = Schedule::Constant(1.0);
  const Results results = RunSimulation(s);
  for (int k = 0; k < results.years(); ++k) {
    CHECK(At(results, Variable::kRobotInstallations, k, kr) == 0.0);
    CHECK(At(results, Variable::kRobotDensity, k, kr) == 0.0);  // no employees: no density
    if (k > 0) CHECK(At(results, Variable::kRobots, k, kr) < At(results, Variable::kRobots, k - 1, kr));
  }
}

TEST_CASE("the room caps the robot stock at max_robot_density per 10,000 manufacturing employees") {
  // A programme far larger than the room: installations fill it and no more,
  // so from the first year on the stock sits at the room (robots withdrawn
  // are replaced); with the room ten times larger the same money buys more.
  Scenario s = World();
  const int kr = Index(s, "KR");
  Region& korea = s.regions[kr];
  korea.public_budget = Schedule::Constant(400.0);
  korea.physical_focus = Schedule::Constant(1.0);
  s.assumptions.max_robot_density.value = 1200;  // Korea starts at about 1,040
  const Results results = RunSimulation(s);
  const double room = s.assumptions.max_robot_density.value * korea.manufacturing_employment.At(2025) / 1e4;
  for (int k = 1; k < results.years(); ++k) {
    CHECK(At(results, Variable::kRobots, k, kr) == Approx(room).epsilon(kTolerance));
    CHECK(At(results, Variable::kRobotDensity, k, kr) ==
          Approx(s.assumptions.max_robot_density.value).epsilon(kTolerance));
  }
  Scenario roomier = s;
  roomier.assumptions.max_robot_density.value *= 10;
  const Results more = RunSimulation(roomier);
  CHECK(At(more, Variable::kRobots, 1, kr) > 1.5 * room);
}

TEST_CASE("more manufacturing employees never lower robot installations or the stock") {
  Scenario s = World();
  const int kr = Index(s, "KR");
  s.regions[kr].public_budget = Schedule::Constant(100.0);
  s.regions[kr].physical_focus = Schedule::Constant(1.0);
  Results previous = RunSimulation(s);
  for (double employees : {4e6, 6e6, 1e7, 1e8}) {
    Scenario more = s;
    more.regions[kr].manufacturing_employment = Schedule::Constant(employees);
    const Results results = RunSimulation(more);
    for (int k = 0; k < results.years(); ++k) {
      CHECK(At(results, Variable::kRobotInstallations, k, kr) >=
            At(previous, Variable::kRobotInstallations, k, kr));
      CHECK(At(results, Variable::kRobots, k, kr) >= At(previous, Variable::kRobots, k, kr));
    }
    previous = results;
  }
}

TEST_CASE("robot density is the 1 January stock per 10,000 of last year's manufacturing employees") {
  Scenario s = World();
  const int in = Index(s, "IN");  // India's employees change from year to year
  const Results results = RunSimulation(s);
  const Region& india = s.regions[in];
  for (int k = 0; k < results.years(); ++k) {
    CHECK(At(results, Variable::kRobotDensity, k, in) ==
          Approx(At(results, Variable::kRobots, k, in) * 1e4 /
                 india.manufacturing_employment.At(s.start_year + k - 1)).epsilon(kTolerance));
  }
}

TEST_CASE("factories buying at home: shares still sum to 1, the bias only helps at home, and in the limit each region serves its own factories") {
  Scenario s = World();
  s.assumptions.market_lock_in.value = 0;
  s.assumptions.physical_home_bias.value = 0;
  const Results world = RunSimulation(s);
  // Without the bias every factory buys by capability alone: its domestic
  // share is its suppliers' share of the world.
  for (int k = 0; k < world.years(); ++k) {
    for (int r = 0; r < world.regions(); ++r) {
      CHECK(At(world, Variable::kSovereigntyPhysical, k, r) ==
            Approx(At(world, Variable::kMarketSharePhysical, k, r)).epsilon(kTolerance));
    }
  }
  Results previous = world;
  for (double bias : {0.5, 1.0, 2.0, 4.0}) {
    s.assumptions.physical_home_bias.value = bias;
    const Results results = RunSimulation(s);
    double total = 0;
    for (int r = 0; r < results.regions(); ++r) {
      total += At(results, Variable::kMarketSharePhysical, 0, r);
      // Start-year capabilities do not depend on the bias, so this is the bias alone.
      CHECK(At(results, Variable::kSovereigntyPhysical, 0, r) >=
            At(previous, Variable::kSovereigntyPhysical, 0, r));
    }
    CHECK(total == Approx(1.0).epsilon(kTolerance));
    previous = results;
  }
  // A very strong bias: every region's factories buy at home, so each region
  // serves its share of the world's manufacturing value added.
  s.assumptions.physical_home_bias.value = 20;
  const Results home = RunSimulation(s);
  double world_value_added = 0;
  for (const Region& region : s.regions) world_value_added += region.manufacturing_value_added.At(2025);
  for (int r = 0; r < home.regions(); ++r) {
    CHECK(At(home, Variable::kMarketSharePhysical, 0, r) ==
          Approx(s.regions[r].manufacturing_value_added.At(2025) / world_value_added).margin(1e-3));
  }
}

TEST_CASE("more factories never lower a region's physical-AI market share; a region without factories gains nothing at home") {
  Scenario s = World();
  s.assumptions.market_lock_in.value = 0;
  s.assumptions.physical_home_bias.value = 1.5;
  s.assumptions.reinvestment_rate.value = 0;  // value does not feed back into capability
  const int kr = Index(s, "KR");
  Results previous = RunSimulation(s);
  for (double value_added : {1000.0, 2000.0, 5000.0}) {
    s.regions[kr].manufacturing_value_added = Schedule::Constant(value_added);
    const Results results = RunSimulation(s);
    for (int k = 0; k < results.years(); ++k) {
      CHECK(At(results, Variable::kMarketSharePhysical, k, kr) >=
            At(previous, Variable::kMarketSharePhysical, k, kr));
    }
    previous = results;
  }
  // No factories: Korea sells only abroad, less than its share of the world
  // without the bias (other buyers favour their own).
  s.regions[kr].manufacturing_value_added = Schedule::Constant(0);
  const Results none = RunSimulation(s);
  s.assumptions.physical_home_bias.value = 0;
  const Results unbiased = RunSimulation(s);
  for (int k = 0; k < none.years(); ++k) {
    CHECK(At(none, Variable::kMarketSharePhysical, k, kr) < At(unbiased, Variable::kMarketSharePhysical, k, kr));
  }
}

TEST_CASE("no robots and no data money, no physical data") {
  Scenario s = World();
  SwitchOffInflows(s);
  for (Region& region : s.regions) region.robots = 0;
  const Results results = RunSimulation(s);
  for (int k = 0; k < results.years(); ++k) {
    for (int r = 0; r < results.regions(); ++r) {
      CHECK(At(results, Variable::kRobots, k, r) == 0.0);
      CHECK(At(results, Variable::kDataPhysical, k, r) == 0.0);
    }
  }
}

TEST_CASE("a robot model gains physical_data_elasticity per tenfold robot data over any other region") {
  // In the start year a region's robots change only its robot data (and the
  // world's, which every region is measured against): tenfold robots lift
  // its physical capability over every other region's by e_d exactly.
  const Scenario base = World();
  const int kr = Index(base, "KR");
  for (double elasticity : {0.0, 0.5, 1.0, 2.0}) {
    Scenario a = base;
    a.assumptions.physical_data_elasticity.value = elasticity;
    Scenario b = a;
    b.regions[kr].robots *= 10;
    const Results ra = RunSimulation(a), rb = RunSimulation(b);
    for (int r = 0; r < ra.regions(); ++r) {
      if (r == kr) continue;
      const auto lead = [&](const Results& x) {
        return At(x, Variable::kCapabilityPhysical, 0, kr) - At(x, Variable::kCapabilityPhysical, 0, r);
      };
      INFO("elasticity " << elasticity << " against region " << base.regions[r].code);
      CHECK(lead(rb) == Approx(lead(ra) + elasticity).margin(kLooseTolerance));
    }
  }
}

TEST_CASE("robot data counts against the world's start: more robots everywhere alike change no start capability") {
  const Scenario base = World();
  Scenario more = base;
  for (Region& region : more.regions) region.robots *= 3;
  const Results a = RunSimulation(base), b = RunSimulation(more);
  for (int r = 0; r < a.regions(); ++r) {
    CHECK(At(b, Variable::kCapabilityPhysical, 0, r) ==
          Approx(At(a, Variable::kCapabilityPhysical, 0, r)).epsilon(kTolerance));
  }
}

TEST_CASE("a robot model all base model and no data term is the best generative model a region can build on") {
  // physical_generative_weight 1, elasticity 0: cap_phys = max(cap_gen, the
  // open model), never below the region's generative capability, and equal
  // to it for the generative leader.
  Scenario s = World();
  s.assumptions.physical_generative_weight.value = 1;
  s.assumptions.physical_data_elasticity.value = 0;
  const Results results = RunSimulation(s);
  for (int k = 0; k < results.years(); ++k) {
    for (int r = 0; r < results.regions(); ++r) {
      CHECK(At(results, Variable::kCapabilityPhysical, k, r) >= At(results, Variable::kCapabilityGenerative, k, r));
      if (At(results, Variable::kRankGenerative, k, r) == 1) {
        CHECK(At(results, Variable::kCapabilityPhysical, k, r) == At(results, Variable::kCapabilityGenerative, k, r));
      }
    }
  }
}

TEST_CASE("the largest run is the largest cluster at full use for a training run's length") {
  // run = cluster * flops * utilization * min(days * growth^k, max days) * 86,400,
  // and the cluster is largest_cluster_share of the generative compute a region uses.
  const Scenario s = World();
  const Results results = RunSimulation(s);
  const Assumptions& a = s.assumptions;
  for (int k = 0; k < results.years(); ++k) {
    const double days = std::min(a.training_run_days.value * std::pow(a.training_run_growth.value, k),
                                 a.max_training_run_days.value);
    for (int r = 0; r < results.regions(); ++r) {
      const double cluster = At(results, Variable::kComputeLargestCluster, k, r);
      CHECK(At(results, Variable::kComputeLargestRun, k, r) ==
            Approx(cluster * a.flops_per_h100e.value * a.utilization.value * days * 86400.0)
                .epsilon(kLooseTolerance));
    }
  }
  // world-2025 has no compute alliances, so the cluster is the share of the
  // generative stock the region's power can run.
  REQUIRE(s.alliances.empty());
  const int us = Index(s, "US");
  const double share = a.largest_cluster_share.value;
  const double running = At(results, Variable::kComputeOperational, 0, us) / At(results, Variable::kComputeStock, 0, us);
  CHECK(At(results, Variable::kComputeLargestCluster, 0, us) ==
        Approx(share * running * At(results, Variable::kComputeStockGenerative, 0, us)).epsilon(kTolerance));
}

TEST_CASE("a larger cluster share raises the leader's capability by its logarithm") {
  // The leader's capability is its own run (the diffusion floor lies below
  // it): doubling the share adds log10(2) in the start year.
  Scenario base = World();
  Scenario doubled = base;
  doubled.assumptions.largest_cluster_share.value *= 2;
  const Results a = RunSimulation(base), b = RunSimulation(doubled);
  const int us = Index(base, "US");
  REQUIRE(At(a, Variable::kRankGenerative, 0, us) == 1);
  CHECK(At(b, Variable::kCapabilityGenerative, 0, us) ==
        Approx(At(a, Variable::kCapabilityGenerative, 0, us) + std::log10(2.0)).epsilon(kTolerance));
  CHECK(At(b, Variable::kComputeLargestRun, 0, us) ==
        Approx(2 * At(a, Variable::kComputeLargestRun, 0, us)).epsilon(kTolerance));
}

TEST_CASE("hosted compute trains the user's runs; what stands where, and its power, stay put") {
  // Half of the UAE's compute used by US firms: in the start year (before any
  // feedback) the UAE's cluster halves, the US's grows by the same H100e, and
  // the world's total in largest clusters is unchanged; stock and power
  // demand are counted where the compute stands.
  Scenario base = World();
  Scenario hosted = base;
  const int ae = Index(base, "AE"), us = Index(base, "US");
  hosted.regions[ae].hosted_for = "US";
  hosted.regions[ae].hosted_share = Schedule::Constant(0.5);
  const Results a = RunSimulation(base), b = RunSimulation(hosted);
  const auto cluster = [](const Results& r, int k, int region) {
    return At(r, Variable::kComputeLargestCluster, k, region);
  };
  CHECK(cluster(b, 0, ae) == Approx(0.5 * cluster(a, 0, ae)).epsilon(kTolerance));
  CHECK(cluster(b, 0, us) == Approx(cluster(a, 0, us) + 0.5 * cluster(a, 0, ae)).epsilon(kTolerance));
  double total_a = 0, total_b = 0;
  for (int r = 0; r < a.regions(); ++r) {
    total_a += cluster(a, 0, r);
    total_b += cluster(b, 0, r);
    CHECK(At(b, Variable::kComputeStock, 0, r) == At(a, Variable::kComputeStock, 0, r));
    CHECK(At(b, Variable::kPowerDemand, 0, r) == At(a, Variable::kPowerDemand, 0, r));
  }
  CHECK(total_b == Approx(total_a).epsilon(kTolerance));
  CHECK(At(b, Variable::kComputeLargestRun, 0, us) > At(a, Variable::kComputeLargestRun, 0, us));
  // A share of 0 is no hosting at all, bit for bit.
  hosted.regions[ae].hosted_share = Schedule::Constant(0);
  const Results none = RunSimulation(hosted);
  for (int k = 0; k < a.years(); ++k) CHECK(cluster(none, k, us) == cluster(a, k, us));
}

TEST_CASE("a private boom adds growth that halves every half-life, in every region") {
  // Without reinvestment private investment is its exogenous part, which
  // grows by 1 + private_growth + boom * 0.5^(k / half_life) each year.
  Scenario s = World();
  s.assumptions.reinvestment_rate.value = 0;
  s.assumptions.private_boom.value = 0.4;
  s.assumptions.private_boom_half_life.value = 2;
  const Results results = RunSimulation(s);
  for (int r = 0; r < results.regions(); ++r) {
    for (int k = 0; k + 1 < results.years(); ++k) {
      const double growth = s.regions[r].private_growth.At(s.start_year + k);
      CHECK(At(results, Variable::kInvestmentPrivate, k + 1, r) ==
            Approx(At(results, Variable::kInvestmentPrivate, k, r) * (1 + growth + 0.4 * std::pow(0.5, k / 2.0)))
                .epsilon(kLooseTolerance));
    }
  }
}

// What each region bought during year index k: K(k+1) - (1 - depreciation) K(k).
double Bought(const Scenario& s, const Results& results, int k, int region) {
  return At(results, Variable::kComputeStock, k + 1, region) -
         (1 - s.assumptions.compute_depreciation.value) * At(results, Variable::kComputeStock, k, region);
}

TEST_CASE("cut off from imports, a region buys exactly its domestic chip supply") {
  // China with no imports and more money than its domestic supply costs: each
  // year's new stock, K(t+1) - (1 - depreciation) K(t), is the supply, however
  // short the world's open-market output (domestic supply lies outside it).
  for (double world_output : {8.5e6, 1000.0}) {
    Scenario s = World();
    const int cn = Index(s, "CN");
    s.regions[cn].chip_access = Schedule::Constant(0);
    s.regions[cn].domestic_chip_supply = Schedule::Constant(100000);
    s.regions[cn].domestic_chip_value = 0.6;
    s.assumptions.chip_supply.value = world_output;
    const Results results = RunSimulation(s);
    for (int k = 0; k + 1 < results.years(); ++k) {
      CHECK(Bought(s, results, k, cn) == Approx(100000).epsilon(kLooseTolerance));
    }
  }
}

TEST_CASE("domestic chips worth less than imports change nothing; worth more, they add compute") {
  Scenario base = World();
  const int kr = Index(base, "KR");
  Scenario cheap = base, dear = base;
  cheap.regions[kr].domestic_chip_supply = Schedule::Constant(50000);
  cheap.regions[kr].domestic_chip_value = 0.5;  // below Korea's chip_access of 1: never bought
  const Results a = RunSimulation(base), b = RunSimulation(cheap);
  for (int k = 0; k < a.years(); ++k) {
    for (int r = 0; r < a.regions(); ++r) {
      CHECK(At(b, Variable::kComputeStock, k, r) == At(a, Variable::kComputeStock, k, r));
    }
  }
  // Korea at half access: domestic chips at 0.8 buy more H100e with the same money.
  base.regions[kr].chip_access = Schedule::Constant(0.5);
  dear = base;
  dear.regions[kr].domestic_chip_supply = Schedule::Constant(50000);
  dear.regions[kr].domestic_chip_value = 0.8;
  const Results c = RunSimulation(base), d = RunSimulation(dear);
  CHECK(At(d, Variable::kComputeStock, 1, kr) > At(c, Variable::kComputeStock, 1, kr));
}

TEST_CASE("each chip keeps the kW of its year: a fleet that buys nothing draws less only as it retires") {
  Scenario s = World();
  SwitchOffInflows(s);
  for (Region& r : s.regions) r.power_capacity = 1e6;  // GW: power never binds
  const Results results = RunSimulation(s);
  const double survival = 1 - s.assumptions.compute_depreciation.value;
  for (int r = 0; r < results.regions(); ++r) {
    const double start_kw = s.regions[r].compute_stock * s.assumptions.kw_per_h100e.value;
    CHECK(At(results, Variable::kPowerDemand, 0, r) == Approx(start_kw / 1e6).epsilon(kTolerance));
    for (int k = 0; k + 1 < results.years(); ++k) {
      // Not the newer chips' lower kW: the old ones do not improve.
      CHECK(At(results, Variable::kPowerDemand, k + 1, r) ==
            Approx(survival * At(results, Variable::kPowerDemand, k, r)).epsilon(kLooseTolerance));
    }
  }
}

TEST_CASE("power follows dollars: half the chip access buys half the H100e at the same power") {
  Scenario full = World();
  for (Region& r : full.regions) r.power_capacity = 1e6;  // GW: power never binds
  full.assumptions.chip_supply.value = 1e15;              // nor the world's chip output
  const int kr = Index(full, "KR");
  full.regions[kr].gpu_deliveries = Schedule::Constant(0);
  Scenario half = full;
  full.regions[kr].chip_access = Schedule::Constant(0.5);
  half.regions[kr].chip_access = Schedule::Constant(0.25);
  const Results a = RunSimulation(full), b = RunSimulation(half);
  // The first year, before the smaller fleet feeds back into money and talent.
  const double survival = 1 - full.assumptions.compute_depreciation.value;
  const auto added = [&](const Results& results, Variable v) {
    return At(results, v, 1, kr) - survival * At(results, v, 0, kr);
  };
  CHECK(added(b, Variable::kComputeStock) == Approx(added(a, Variable::kComputeStock) / 2).epsilon(kTolerance));
  CHECK(added(b, Variable::kPowerDemand) == Approx(added(a, Variable::kPowerDemand)).epsilon(kTolerance));
}

TEST_CASE("the world's chip output caps open-market purchases, filling every order alike") {
  Scenario s = World();
  for (Region& r : s.regions) r.domestic_chip_supply = Schedule::Constant(0);
  // A ceiling far above every order is never reached: ten times more output
  // changes nothing, bit for bit.
  Scenario plenty = s, more = s;
  plenty.assumptions.chip_supply.value = 1e14;
  more.assumptions.chip_supply.value = 1e15;
  const Results unbound = RunSimulation(plenty), unbound_too = RunSimulation(more);
  for (int k = 0; k < unbound.years(); ++k) {
    for (int r = 0; r < unbound.regions(); ++r) {
      CHECK(At(unbound, Variable::kComputeStock, k, r) == At(unbound_too, Variable::kComputeStock, k, r));
    }
  }
  // A ceiling below the orders: the world buys exactly the output each year...
  Scenario scarce = s;
  scarce.assumptions.chip_supply.value = 1e5;
  scarce.assumptions.chip_supply_growth.value = 1.5;
  const Results capped = RunSimulation(scarce);
  for (int k = 0; k + 1 < capped.years(); ++k) {
    double world = 0;
    for (int r = 0; r < capped.regions(); ++r) world += Bought(scarce, capped, k, r);
    CHECK(world == Approx(1e5 * std::pow(1.5, k)).epsilon(kLooseTolerance));
  }
  // ... and in the first year, before the shortage feeds back, every
  // region's order (money and deliveries) is filled in the same proportion.
  const double filled = Bought(scarce, capped, 0, 0) / Bought(s, unbound, 0, 0);
  CHECK(filled < 1);
  for (int r = 0; r < capped.regions(); ++r) {
    CHECK(Bought(scarce, capped, 0, r) / Bought(s, unbound, 0, r) == Approx(filled).epsilon(kTolerance));
    for (int k = 0; k < capped.years(); ++k) {
      CHECK(At(capped, Variable::kComputeStock, k, r) <= At(unbound, Variable::kComputeStock, k, r));
    }
  }
}

TEST_CASE("a power delay of d years connects each year's power d years later") {
  // No money for power anywhere in Korea, so its power grows by power_growth
  // alone: with a delay of 2 the capacity path is the undelayed one shifted
  // two years later, flat at the start-year capacity before that; its compute
  // stock is bought as before but runs only as far as the power reaches.
  Scenario base = World();
  const int kr = Index(base, "KR");
  for (Allocation* a : {&base.regions[kr].public_allocation, &base.regions[kr].private_allocation}) {
    a->compute += a->power;
    a->power = 0;
  }
  base.regions[kr].power_growth = Schedule::Constant(0.15);
  Scenario delayed = base;
  delayed.regions[kr].power_delay = 2;
  const Results a = RunSimulation(base), b = RunSimulation(delayed);
  const auto power = [kr](const Results& r, int k) { return At(r, Variable::kPowerCapacity, k, kr); };
  for (int k = 0; k < a.years(); ++k) {
    if (k <= 2) {
      CHECK(power(b, k) == power(a, 0));
    } else {
      CHECK(power(b, k) == Approx(power(a, k - 2)).epsilon(kTolerance));
    }
    CHECK(At(b, Variable::kComputeOperational, k, kr) <= At(b, Variable::kComputeStock, k, kr) * (1 + kTolerance));
  }
  CHECK(At(b, Variable::kComputeOperational, 2, kr) < At(a, Variable::kComputeOperational, 2, kr));
}

TEST_CASE("a region without compute trails the leader's path by the diffusion time") {
  // With no compute of its own, a region's capability is the leader's path
  // open_model_lag + L years ago, so its years behind are exactly that
  // (world-2025's recorded path rises every year, so the time shift is unique).
  Scenario s = World();
  const int ae = Index(s, "AE");
  s.regions[ae].compute_stock = 0;
  s.regions[ae].private_investment = 0;
  s.regions[ae].public_budget = Schedule::Constant(0);
  s.regions[ae].gpu_deliveries = Schedule::Constant(0);
  s.assumptions.reinvestment_rate.value = 0;  // no revenue turns into compute either
  const Results results = RunSimulation(s);
  for (int k = 0; k < results.years(); ++k) {
    CHECK(At(results, Variable::kComputeLargestRun, k, ae) == 0);
    CHECK(At(results, Variable::kYearsBehindGenerative, k, ae) ==
          Approx(s.assumptions.open_model_lag.value + At(results, Variable::kAlgorithmicLag, k, ae))
              .epsilon(kLooseTolerance));
  }
}

TEST_CASE("the leader is 0 years behind and a longer open-model lag never helps a follower") {
  Scenario base = World();
  Scenario slower = base;
  slower.assumptions.open_model_lag.value *= 2;
  const Results a = RunSimulation(base), b = RunSimulation(slower);
  for (int k = 0; k < a.years(); ++k) {
    for (int r = 0; r < a.regions(); ++r) {
      if (At(a, Variable::kRankGenerative, k, r) == 1) {
        CHECK(At(a, Variable::kYearsBehindGenerative, k, r) == 0);
      }
      if (At(a, Variable::kRankPhysical, k, r) == 1) {
        CHECK(At(a, Variable::kYearsBehindPhysical, k, r) == 0);
      }
      if (k == 0) {  // later years feed back through markets and money
        CHECK(At(b, Variable::kCapabilityGenerative, k, r) <= At(a, Variable::kCapabilityGenerative, k, r));
      }
    }
  }
}

}  // namespace sim

namespace sim {

// The loader's field table (sim/scenario/fields.cpp) and the model's per-draw
// rows (DrawAssumptions, kAssumptionFields in sim/model/inputs.cpp) list the
// global assumptions separately; an assumption added to one and not the
// other would be read but never used, or used at a stale value.
TEST_CASE("every assumption the loader reads reaches its own per-draw row of the model") {
  Scenario scenario = LoadScenario("world-2025");
  std::vector<const internal::Field<Assumptions>*> assumptions;
  for (const internal::Field<Assumptions>& field : internal::AssumptionFields()) {
    if (std::holds_alternative<Assumption Assumptions::*>(field.member)) assumptions.push_back(&field);
  }
  // A distinct value each, so that two swapped rows cannot pass unseen.
  for (std::size_t i = 0; i < assumptions.size(); ++i) {
    (scenario.assumptions.*std::get<Assumption Assumptions::*>(assumptions[i]->member)).value = 1000.0 + i;
  }
  ModelInputs inputs = BuildInputs(scenario, 1, scenario.seed);
  std::set<const DrawRow*> rows;
  for (std::size_t i = 0; i < assumptions.size(); ++i) {
    INFO(assumptions[i]->key);
    const DrawRow* row = FindDrawAssumption(inputs.assumptions, assumptions[i]->key);
    REQUIRE(row != nullptr);
    CHECK((*row)(0) == 1000.0 + i);
    rows.insert(row);
  }
  // ... and the model has no row the loader does not fill.
  CHECK(rows.size() == assumptions.size());
  CHECK(sizeof(DrawAssumptions) == assumptions.size() * sizeof(DrawRow));
}

// The levers the year loop reads (kLeverFields) are read from region fields
// the loader knows, each from its own schedule, and each lands in its own
// table: a lever renamed or added on one side only fails here.
TEST_CASE("every lever table is filled from the region field of the same name") {
  Scenario scenario = LoadScenario("world-2025");
  std::set<const RegionTable*> tables;
  const LeverTables probe = BuildLeverTables(scenario);
  double marker = 500.0;
  for (const LeverField& lever : kLeverFields) {
    INFO(lever.name);
    const auto field = std::find_if(internal::RegionFields().begin(), internal::RegionFields().end(),
                                    [&](const auto& f) { return std::string(f.key) == lever.name; });
    REQUIRE(field != internal::RegionFields().end());
    REQUIRE(std::holds_alternative<Schedule Region::*>(field->member));
    CHECK(std::get<Schedule Region::*>(field->member) == lever.schedule);
    tables.insert(&(probe.*lever.table));
    // A distinct value in the schedule shows up in that lever's table alone.
    Region region = scenario.regions[0];
    region.start_delay = 0;
    region.*lever.schedule = Schedule::Constant(marker);
    LeverTables levers = probe;
    FillRegionLevers(scenario, region, 0, levers);
    for (const LeverField& other : kLeverFields) {
      CHECK(((levers.*other.table)(0, 0) == marker) == (other.table == lever.table));
    }
    marker += 1;
  }
  CHECK(tables.size() == sizeof(kLeverFields) / sizeof(LeverField));
}

}  // namespace sim
