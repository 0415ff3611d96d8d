// Property-based tests: thousands of random valid scenarios, drawn across the
// loader's allowed range of every field (extremes included), must keep the
// model's invariants. The ranges come from the loader's own field table, so a
// range widened there is tested here automatically.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <variant>

#include "sim/error.hpp"
#include "sim/model/derived.hpp"
#include "sim/model/model.hpp"
#include "sim/scenario/fields.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim {
namespace {

// Shares are sums of R softmax terms; rounding stays far below this.
constexpr double kShareTolerance = 1e-9;
// Conservation over up to 60 years of migration sums.
constexpr double kConservationTolerance = 1e-9;
// Monotonicity holds in exact arithmetic; when extra money barely changes a
// stock (e.g. no compute allocation), two runs may differ by rounding only.
constexpr double kRoundingTolerance = 1e-12;

// Draws values for fields from their allowed ranges: often an end of the
// range or zero, otherwise log-uniform across wide positive ranges (so that
// every order of magnitude is visited) or uniform across narrow ones.
class RandomValues {
 public:
  explicit RandomValues(std::uint64_t seed) : random_(seed) {}

  double In(const internal::Range& range) {
    // The ends themselves, or just inside an open end.
    const double low = range.min_open ? range.min + 1e-9 * (range.max - range.min) : range.min;
    const double high = range.max_open ? range.max - 1e-9 * (range.max - range.min) : range.max;
    const double u = Uniform();
    if (u < 0.08) return low;
    if (u < 0.16) return high;
    if (u < 0.20 && range.Contains(0.0)) return 0.0;
    if (low >= 0 && high / std::max(low, 1e-300) > 1e3) {
      const double floor = std::max(low, high * 1e-9);
      return std::exp(std::log(floor) + Uniform() * (std::log(high) - std::log(floor)));
    }
    return low + Uniform() * (high - low);
  }

  Schedule ScheduleIn(const internal::Range& range) {
    if (Uniform() < 0.5) return Schedule::Constant(In(range));
    Schedule schedule;
    for (int year : {2025 + Int(0, 3), 2030 + Int(0, 10), 2045 + Int(0, 40)}) {
      schedule.points[year] = In(range);
    }
    return schedule;
  }

  Allocation RandomAllocation() {
    double w[5];
    double sum = 0;
    for (double& x : w) sum += (x = Uniform() < 0.2 ? 0.0 : -std::log(Uniform()));
    if (sum == 0) return {1, 0, 0, 0, 0};
    return {w[0] / sum, w[1] / sum, w[2] / sum, w[3] / sum, 1.0 - (w[0] + w[1] + w[2] + w[3]) / sum};
  }

  double Uniform() { return std::uniform_real_distribution<double>(0.0, 1.0)(random_); }
  int Int(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }

 private:
  std::mt19937_64 random_;
};

// A valid random scenario: world-2025's regions (a random subset) with every
// number redrawn across its allowed range, random alliances, horizon up to 60 years.
Scenario RandomScenario(const Scenario& base, RandomValues& random) {
  Scenario s = base;
  s.draws = 1;
  s.end_year = s.start_year + random.Int(1, 60);
  s.alliances.clear();
  while (s.regions.size() > 1 && random.Uniform() < 0.3) {
    s.regions.erase(s.regions.begin() + random.Int(0, static_cast<int>(s.regions.size()) - 1));
  }
  // Observations of a dropped region would name an unknown region.
  const auto dropped = [&s](const Observation& o) {
    return std::none_of(s.regions.begin(), s.regions.end(),
                        [&o](const Region& region) { return region.code == o.region; });
  };
  s.observations.erase(std::remove_if(s.observations.begin(), s.observations.end(), dropped),
                       s.observations.end());
  for (const auto& field : internal::AssumptionFields()) {
    if (auto* member = std::get_if<Assumption Assumptions::*>(&field.member)) {
      s.assumptions.*(*member) = Assumption{random.In(field.range), {}};
    } else if (auto* schedule = std::get_if<Schedule Assumptions::*>(&field.member)) {
      s.assumptions.*(*schedule) = random.ScheduleIn(field.range);
    }
  }
  // The loader wants the record of 1 to 60 years before the start, up to the
  // year before it, in schedule years (2000 at the earliest).
  s.assumptions.frontier_run_history.points.clear();
  const int first_history_year = std::max(2000, s.start_year - random.Int(1, 60));
  for (int year = first_history_year; year < s.start_year; year += random.Int(1, 20)) {
    s.assumptions.frontier_run_history.points[year] = random.In(internal::Between(1, 1e40));
  }
  s.assumptions.frontier_run_history.points[s.start_year - 1] = random.In(internal::Between(1, 1e40));
  // The loader keeps decay > 0 (the starting data stock divides by it).
  s.assumptions.physical_data_decay.value = std::max(s.assumptions.physical_data_decay.value, 0.01);
  s.assumptions.largest_cluster_share.value = std::max(s.assumptions.largest_cluster_share.value, 1e-6);
  for (Region& region : s.regions) {
    for (const auto& field : internal::RegionFields()) {
      if (auto* number = std::get_if<double Region::*>(&field.member)) {
        region.*(*number) = random.In(field.range);
      } else if (auto* schedule = std::get_if<Schedule Region::*>(&field.member)) {
        region.*(*schedule) = random.ScheduleIn(field.range);
      }
    }
    region.public_allocation = random.RandomAllocation();
    region.private_allocation = random.RandomAllocation();
  }
  // Some regions host compute for another; the others host none (a hosted
  // share needs a hosted_for). Some connect their power years late.
  for (size_t r = 0; r < s.regions.size(); ++r) {
    s.regions[r].power_delay = random.Uniform() < 0.3 ? random.Int(1, 10) : 0;
    if (s.regions.size() >= 2 && random.Uniform() < 0.3) {
      const size_t user = (r + 1 + random.Int(0, static_cast<int>(s.regions.size()) - 2)) % s.regions.size();
      s.regions[r].hosted_for = s.regions[user].code;
    } else {
      s.regions[r].hosted_share = Schedule::Constant(0);
    }
  }
  s.regions[random.Int(0, static_cast<int>(s.regions.size()) - 1)].market_access =
      std::max(0.01, s.regions[0].market_access);  // the loader requires one with access
  if (s.regions.size() >= 2 && random.Uniform() < 0.5) {
    s.alliances.push_back({"random", {s.regions[0].code, s.regions[1].code},
                           random.Uniform(), random.Uniform(), random.Uniform()});
  }
  return s;
}

// Every invariant that must hold for any valid scenario. Returns a
// description of the first violation, or "" when all hold.
std::string FirstViolation(const Results& results) {
  for (const VariableInfo& info : Variables()) {
    for (int k = 0; k < results.years(); ++k) {
      if (!results.At(info.variable, k).isFinite().all()) {
        return std::string(info.name) + " not finite in " + std::to_string(results.start_year() + k);
      }
    }
  }
  for (int k = 0; k < results.years(); ++k) {
    for (Variable v : {Variable::kMarketShareGenerative, Variable::kMarketSharePhysical}) {
      if (std::abs(results.At(v, k).colwise().sum()(0) - 1.0) > kShareTolerance) {
        return std::string(Describe(v).name) + " does not sum to 1";
      }
    }
    for (Variable v : {Variable::kComputeStock, Variable::kResearchers, Variable::kRobots,
                       Variable::kPowerCapacity, Variable::kDataPhysical, Variable::kValue,
                       Variable::kYearsBehindGenerative, Variable::kYearsBehindPhysical}) {
      if (results.At(v, k).minCoeff() < 0) return std::string(Describe(v).name) + " negative";
    }
    const auto& sovereignty = results.At(Variable::kSovereignty, k);
    if (sovereignty.minCoeff() < 0 || sovereignty.maxCoeff() > 1) return "sovereignty outside [0, 1]";
    const auto& rank = results.At(Variable::kRankGenerative, k);
    if (rank.minCoeff() != 1 || rank.maxCoeff() > results.regions()) return "rank out of [1, R]";
  }
  return "";
}

// Saves a failing scenario where a person can run it (`aisim run FILE`) and
// returns the path, for the failure message.
std::string SaveForReplay(const Scenario& s, const std::string& name) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / (name + ".yaml");
  std::ofstream(path) << WriteResolvedYaml(s);
  return path.string();
}

}  // namespace

TEST_CASE("thousands of random valid scenarios keep every invariant") {
  const Scenario base = LoadScenario("world-2025");
  RandomValues random(20261123);
  constexpr int kScenarios = 3000;
  int region_years = 0;
  for (int i = 0; i < kScenarios; ++i) {
    const Scenario s = RandomScenario(base, random);
    const Results results = RunSimulation(s);
    region_years += results.regions() * results.years();
    const std::string violation = FirstViolation(results);
    if (!violation.empty()) {
      FAIL("random scenario " << i << ": " << violation << "; replay with aisim run "
                              << SaveForReplay(s, "aisim-property-" + std::to_string(i)));
    }
  }
  CHECK(region_years > kScenarios * 10);
}

TEST_CASE("random scenarios stay valid through the loader's round trip") {
  // The generator must only produce what the loader accepts, or the
  // invariants above would be tested on inputs no user can write.
  const Scenario base = LoadScenario("world-2025");
  RandomValues random(7);
  for (int i = 0; i < 200; ++i) {
    const Scenario s = RandomScenario(base, random);
    try {
      LoadScenarioFromString(WriteResolvedYaml(s), "random.yaml");
    } catch (const ScenarioError& error) {
      FAIL(error.what() << "\nsaved as " << SaveForReplay(s, "aisim-property-load"));
    }
  }
}

TEST_CASE("in random scenarios more public budget never lowers a region's own compute") {
  const Scenario base = LoadScenario("world-2025");
  RandomValues random(99);
  for (int i = 0; i < 500; ++i) {
    // Money buys compute directly; revenue reinvested is a second channel
    // that runs through relative capability and talent migration, which with
    // full mobility can oscillate so that more budget moves revenue (and the
    // stock, by ~1e-10) either way. Capital that follows share is a third,
    // through the same relative standing: private money then moves between
    // regions as their shares of world revenue move. This property is the
    // direct channel.
    Scenario low = RandomScenario(base, random);
    low.assumptions.reinvestment_rate.value = 0;
    low.assumptions.capital_follows_share.value = 0;
    Scenario high = low;
    const int r = random.Int(0, static_cast<int>(low.regions.size()) - 1);
    Schedule& budget = high.regions[r].public_budget;
    for (auto& [year, value] : budget.points) value = std::min(1e5, value * 2 + 1);
    const Results a = RunSimulation(low), b = RunSimulation(high);
    for (int k = 0; k < a.years(); ++k) {
      if (b.At(Variable::kComputeStock, k)(r, 0) <
          a.At(Variable::kComputeStock, k)(r, 0) * (1 - kRoundingTolerance)) {
        FAIL("scenario " << i << ": doubling " << low.regions[r].code << "'s budget lowers its "
                         << "compute in " << a.start_year() + k << "; replay with aisim run "
                         << SaveForReplay(low, "aisim-property-budget"));
      }
    }
  }
}

TEST_CASE("in random scenarios without training, migration conserves researchers") {
  const Scenario base = LoadScenario("world-2025");
  RandomValues random(3);
  for (int i = 0; i < 500; ++i) {
    Scenario s = RandomScenario(base, random);
    s.assumptions.researcher_growth.value = 0;
    for (Region& region : s.regions) {
      region.public_allocation = {1, 0, 0, 0, 0};
      region.private_allocation = {1, 0, 0, 0, 0};
    }
    const Results results = RunSimulation(s);
    const double start = results.At(Variable::kResearchers, 0).sum();
    for (int k = 1; k < results.years(); ++k) {
      INFO("scenario " << i << " year " << results.start_year() + k);
      REQUIRE(results.At(Variable::kResearchers, k).sum() ==
              Approx(start).epsilon(kConservationTolerance).margin(1e-300));
    }
  }
}

}  // namespace sim

namespace sim {

// Ranks are 1 + the number of regions strictly ahead, whichever way they are
// computed (pairwise for a few regions, by sorting for many), ties included.
TEST_CASE("ranks count the regions strictly ahead, for few and for many regions, ties shared") {
  std::mt19937_64 random(7);
  std::uniform_int_distribution<int> level(0, 20);  // few distinct values: many ties
  for (const Eigen::Index regions : {1, 5, 32, 33, 200}) {
    INFO(regions << " regions");
    RegionDrawArray capability(regions, 13), rank(regions, 13);
    for (Eigen::Index r = 0; r < regions; ++r) {
      for (Eigen::Index d = 0; d < 13; ++d) capability(r, d) = 25 + 0.25 * level(random);
    }
    Rank(capability, rank);
    for (Eigen::Index d = 0; d < 13; ++d) {
      for (Eigen::Index r = 0; r < regions; ++r) {
        double ahead = 0;
        for (Eigen::Index j = 0; j < regions; ++j) ahead += capability(j, d) > capability(r, d);
        REQUIRE(rank(r, d) == 1 + ahead);
      }
    }
  }
}

}  // namespace sim
