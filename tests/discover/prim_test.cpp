// PRIM on synthetic data whose answer is known.
#include <catch2/catch.hpp>

#include <random>
#include <stdexcept>

#include "sim/discover/prim.hpp"

namespace sim {
namespace {

// A box edge found from N uniform samples sits within a few peels (5% of
// the box each) of the truth; 0.03 of the unit range is about the width of
// one peel of the remaining box near the end of peeling at N = 20,000.
constexpr double kEdgeTolerance = 0.03;

// `inputs` uniform inputs on [0, 1]; the goal holds exactly where
// x1 > 0.7 and x3 < 0.2 (inputs 0 and 2), flipped with probability `noise`.
DiscoveryData KnownBox(int samples, int inputs, double noise, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  DiscoveryData data;
  data.inputs.assign(inputs, std::vector<double>(samples));
  for (int i = 0; i < inputs; ++i) data.names.push_back("x" + std::to_string(i + 1));
  for (int n = 0; n < samples; ++n) {
    for (int i = 0; i < inputs; ++i) data.inputs[i][n] = uniform(random);
    const bool in_box = data.inputs[0][n] > 0.7 && data.inputs[2][n] < 0.2;
    data.goal.push_back(uniform(random) < noise ? !in_box : in_box);
  }
  return data;
}

}  // namespace

TEST_CASE("PRIM recovers a known box: x1 > 0.7 and x3 < 0.2") {
  const DiscoveryData data = KnownBox(20000, 5, 0.0, 1);
  const PrimResult result = RunPrim(data);
  const Box& box = result.box;
  CHECK(box.limits[0].low == Approx(0.7).margin(kEdgeTolerance));
  CHECK(box.limits[2].high == Approx(0.2).margin(kEdgeTolerance));
  CHECK(box.density >= 0.95);
  CHECK(box.coverage >= 0.90);
  REQUIRE(result.restrictions.size() == 2);
  CHECK(result.restrictions[0].input == 0);
  CHECK(result.restrictions[1].input == 2);
  // x1 is restricted from below only, x3 from above only: one quasi-p each.
  REQUIRE(result.restrictions[0].quasi_p_low.has_value());
  CHECK(*result.restrictions[0].quasi_p_low < 1e-6);
  CHECK_FALSE(result.restrictions[0].quasi_p_high.has_value());
  REQUIRE(result.restrictions[1].quasi_p_high.has_value());
  CHECK(*result.restrictions[1].quasi_p_high < 1e-6);
  CHECK_FALSE(result.restrictions[1].quasi_p_low.has_value());
  CHECK(result.restrictions[0].narrowing == Approx(0.7).margin(kEdgeTolerance));
  CHECK(result.restrictions[1].narrowing == Approx(0.8).margin(kEdgeTolerance));
}

TEST_CASE("PRIM finds the box through 10% label noise") {
  const DiscoveryData data = KnownBox(20000, 5, 0.10, 2);
  const PrimResult result = RunPrim(data);
  CHECK(result.box.limits[0].low == Approx(0.7).margin(2 * kEdgeTolerance));
  CHECK(result.box.limits[2].high == Approx(0.2).margin(2 * kEdgeTolerance));
  // Inside the true box 90% of labels hold; outside, 10% are false positives.
  CHECK(result.box.density >= 0.8);
}

TEST_CASE("the peeling trajectory starts with the full box and trades coverage for density") {
  const PrimResult result = RunPrim(KnownBox(5000, 3, 0.0, 3));
  const Box& first = result.trajectory.front();
  CHECK(first.coverage == 1.0);
  CHECK(first.support == 1.0);
  CHECK(first.restricted == 0);
  CHECK(first.density == Approx(0.3 * 0.2).margin(0.02));
  for (std::size_t b = 1; b < result.trajectory.size(); ++b) {
    CHECK(result.trajectory[b].samples < result.trajectory[b - 1].samples);
    CHECK(result.trajectory[b].coverage <= result.trajectory[b - 1].coverage);
  }
  CHECK(result.trajectory.back().support >= PrimOptions{}.min_support);
}

TEST_CASE("PRIM handles grid inputs with many ties") {
  // A 21 x 21 grid: the goal holds where x1 >= 0.75 and x2 <= 0.25.
  DiscoveryData data;
  data.names = {"x1", "x2"};
  data.inputs.assign(2, {});
  for (int a = 0; a <= 20; ++a) {
    for (int b = 0; b <= 20; ++b) {
      data.inputs[0].push_back(a / 20.0);
      data.inputs[1].push_back(b / 20.0);
      data.goal.push_back(a >= 15 && b <= 5);
    }
  }
  const PrimResult result = RunPrim(data);
  CHECK(result.box.density == 1.0);
  CHECK(result.box.coverage == 1.0);
  CHECK(result.box.limits[0].low == 0.75);
  CHECK(result.box.limits[1].high == 0.25);
}

TEST_CASE("PRIM is deterministic and rejects data it cannot analyse") {
  const DiscoveryData data = KnownBox(3000, 4, 0.05, 4);
  const PrimResult a = RunPrim(data), b = RunPrim(data);
  REQUIRE(a.trajectory.size() == b.trajectory.size());
  CHECK(a.box.limits[0].low == b.box.limits[0].low);
  CHECK(a.box.coverage == b.box.coverage);
  DiscoveryData none = data;
  none.goal.assign(none.goal.size(), false);
  CHECK_THROWS_AS(RunPrim(none), std::invalid_argument);
  CHECK_THROWS_AS(RunPrim(DiscoveryData{}), std::invalid_argument);
}


TEST_CASE("a two-sided restriction reports each limit's quasi-p-value, so a weak side shows") {
  // The goal holds exactly where x1 >= 0.3, except two samples near x1 = 1.
  // A box that must be pure (min_density 1) cuts x1 from below, where 30% of
  // the samples fail, and from above, where only those two do. Relaxing both
  // limits together (the old single value) is as significant as the low
  // limit alone; the high limit on its own rests on two samples and is weak:
  // P(X >= n) for X ~ Binomial(n, 1 - 2 / n_relaxed) is about exp(-2).
  std::mt19937_64 random(5);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  DiscoveryData data;
  data.names = {"x1", "x2", "x3"};
  const int samples = 5000;
  data.inputs.assign(3, std::vector<double>(samples));
  for (int n = 0; n < samples; ++n) {
    for (int i = 0; i < 3; ++i) data.inputs[i][n] = uniform(random);
    data.goal.push_back(data.inputs[0][n] >= 0.3);
  }
  data.inputs[0][0] = 0.99, data.inputs[0][1] = 0.995;
  data.goal[0] = data.goal[1] = false;
  PrimOptions options;
  options.min_density = 1.0;
  const PrimResult result = RunPrim(data, options);
  CHECK(result.box.density == 1.0);
  REQUIRE(result.restrictions.size() == 1);
  const Restriction& x1 = result.restrictions[0];
  CHECK(x1.input == 0);
  CHECK(x1.limits.low == Approx(0.3).margin(kEdgeTolerance));
  CHECK(x1.limits.high < 0.99);
  REQUIRE(x1.quasi_p_low.has_value());
  REQUIRE(x1.quasi_p_high.has_value());
  CHECK(*x1.quasi_p_low < 1e-100);
  CHECK(*x1.quasi_p_high > 0.05);
}

}  // namespace sim
