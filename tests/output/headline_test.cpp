// The one-sentence answer of a run (sim/output/headline.hpp), on hand-made
// results: the sentence says the numbers it summarises, and changes with them.
#include <catch2/catch.hpp>

#include <string>

#include "sim/model/draw_summary.hpp"
#include "sim/output/headline.hpp"

namespace sim {
namespace {

// Two regions over 2025-2035, one draw: KR behind, US leading.
Results TwoRegions(double kr_generative_behind, double kr_physical_behind, int kr_rank) {
  Results results("plan", {"US", "KR"}, {"United States", "South Korea"}, 2025, 11, 1);
  const int end = 10;
  results.At(Variable::kYearsBehindGenerative, end)(1, 0) = kr_generative_behind;
  results.At(Variable::kYearsBehindPhysical, end)(1, 0) = kr_physical_behind;
  results.At(Variable::kRankGenerative, end)(1, 0) = kr_rank;
  results.At(Variable::kRankPhysical, end)(1, 0) = 2;
  results.At(Variable::kRankGenerative, end)(0, 0) = 1;
  results.At(Variable::kRankPhysical, end)(0, 0) = 1;
  results.At(Variable::kComputeStock, end)(1, 0) = 21.46e6;
  results.At(Variable::kComputeStock, end)(0, 0) = 672e6;
  results.At(Variable::kCapabilityGenerative, end)(0, 0) = 33.5;
  results.At(Variable::kCapabilityGenerative, end)(1, 0) = 32.3;
  Summarise(results, 1);
  return results;
}

}  // namespace

TEST_CASE("a run's headline states years behind, rank and compute of the region asked about") {
  const Results results = TwoRegions(1.954, 2.291, 2);
  CHECK(RegionHeadline(results, "KR") ==
        "South Korea (KR) in 2035: 1.95 years behind the leader in generative AI (2nd of 2) and "
        "2.29 years behind in physical AI (2nd of 2); compute stock 21.5 M H100e.");
  CHECK(RegionHeadline(results, "US") == "United States (US) in 2035: leads generative and physical AI; "
                                         "compute stock 672 M H100e.");
  CHECK(GenerativeLeader(results) == "US");
  CHECK_THROWS_AS(RegionHeadline(results, "JP"), std::invalid_argument);
}

TEST_CASE("the headline follows the numbers: other numbers, another sentence") {
  const std::string before = RegionHeadline(TwoRegions(1.954, 2.291, 2), "KR");
  const std::string after = RegionHeadline(TwoRegions(0.5, 2.291, 2), "KR");
  CHECK(before != after);
  CHECK(after.find("0.50 years behind the leader in generative AI") != std::string::npos);
  // Leading one sector only.
  const std::string leads = RegionHeadline(TwoRegions(0, 2.291, 1), "KR");
  CHECK(leads == "South Korea (KR) in 2035: leads generative AI and is 2.29 years behind the leader in "
                 "physical AI (2nd of 2); compute stock 21.5 M H100e.");
}

TEST_CASE("with draws the headline gives medians and the p5-p95 range") {
  Results results("plan", {"US", "KR"}, {"United States", "South Korea"}, 2025, 2, 5);
  for (int i = 0; i < 5; ++i) {
    results.At(Variable::kYearsBehindGenerative, 1)(1, i) = 1.0 + i;  // 1..5: median 3
    results.At(Variable::kYearsBehindPhysical, 1)(1, i) = 2.0;
    results.At(Variable::kRankGenerative, 1)(1, i) = 2;
    results.At(Variable::kRankPhysical, 1)(1, i) = 2;
    results.At(Variable::kComputeStock, 1)(1, i) = 1500.0 * (i + 1);  // median 4,500
  }
  Summarise(results, 1);
  CHECK(RegionHeadline(results, "KR") ==
        "South Korea (KR) in 2026: 3.00 years behind the leader in generative AI (p5-p95 1.20-4.80; "
        "median rank 2nd of 2) and 2.00 years behind in physical AI (p5-p95 2.00-2.00; median rank 2nd "
        "of 2); compute stock 4500 H100e (median).");
}

}  // namespace sim

namespace sim {
namespace {

// A comparison of "plan" with "base" in 2035 for KR and US: KR's years
// behind change by `generative` and `physical` years, its capability is
// reached `shift` years later in both sectors; the US does not move.
Comparison KoreaComparison(double generative, double physical, double shift) {
  Comparison comparison;
  comparison.year = 2035;
  for (const char* region : {"US", "KR"}) {
    const bool kr = std::string(region) == "KR";
    ComparisonRow row{"plan", "base", region, Variable::kYearsBehindGenerative, 2035};
    row.difference = kr ? generative : 0;
    comparison.rows.push_back(row);
    row.variable = Variable::kYearsBehindPhysical;
    row.difference = kr ? physical : 0;
    comparison.rows.push_back(row);
    for (Variable v : {Variable::kCapabilityGenerative, Variable::kCapabilityPhysical}) {
      TimeShiftRow t{"plan", "base", region, v, 2035};
      t.shift = kr ? shift : 0;
      comparison.time_shifts.push_back(t);
    }
  }
  return comparison;
}

}  // namespace

TEST_CASE("a comparison's headline says how far the plan moves the region, in readable time") {
  const Results base = TwoRegions(1.954, 2.291, 2);
  CHECK(ComparisonHeadline(KoreaComparison(-0.025, 0.16, 0.5), base, "plan", {"KR"}) ==
        "In short: plan against base, South Korea (KR) in 2035: 9 days closer to the leader in "
        "generative AI and 1.9 months further behind in physical AI; it reaches base's 2035 "
        "capability 6.0 months later in generative AI and 6.0 months later in physical AI (the time "
        "shift between the two paths; time_shift.csv has every region and year).");
  // Other numbers, another sentence; no region named: the one that moves most.
  const std::string moved = ComparisonHeadline(KoreaComparison(0, 2, 3), base, "plan", {});
  CHECK(moved.find("South Korea (KR) in 2035: the same distance behind the leader in generative AI and "
                   "2.00 years further behind in physical AI; it reaches base's 2035 capability 3.00 years "
                   "later") != std::string::npos);
  CHECK(moved.find("the region whose generative capability moves most") != std::string::npos);
  // One sentence per region asked about.
  const std::string both = ComparisonHeadline(KoreaComparison(1, 1, 1), base, "plan", {"KR", "US"});
  CHECK(both.find("\nUnited States (US) in 2035") == std::string::npos);
  CHECK(both.find("\nplan against base, United States (US) in 2035: the same distance behind") != std::string::npos);
}

}  // namespace sim
