#include <catch2/catch.hpp>
#include <cmath>

#include "sim/scenario/scenario.hpp"

namespace sim {
namespace {

// Boost's quantiles are accurate to a few ulps; 1e-12 relative leaves room
// for the cdf/quantile round trip in truncation.
constexpr double kTolerance = 1e-12;
// The normal quantile constants below are quoted to 16 digits.
constexpr double kZ975 = 1.959963984540054;     // Phi^-1(0.975)
constexpr double kZ75 = 0.6744897501960817;     // Phi^-1(0.75)
constexpr double kPhiOf1 = 0.8413447460685429;  // Phi(1)

Distribution Normal(double mean, double sd) {
  Distribution d;
  d.kind = Distribution::Kind::kNormal;
  d.mean = mean;
  d.sd = sd;
  return d;
}

Distribution Lognormal(double median, double sigma) {
  Distribution d;
  d.kind = Distribution::Kind::kLognormal;
  d.median = median;
  d.sigma = sigma;
  return d;
}

TEST_CASE("normal quantiles match the standard normal table") {
  const Distribution d = Normal(1.35, 0.05);
  CHECK(d.Quantile(0.5) == Approx(1.35).epsilon(kTolerance));
  CHECK(d.Quantile(0.975) == Approx(1.35 + kZ975 * 0.05).epsilon(kTolerance));
  CHECK(d.Quantile(0.025) == Approx(1.35 - kZ975 * 0.05).epsilon(kTolerance));
}

TEST_CASE("a normal truncated below at its mean is a half-normal") {
  Distribution d = Normal(0, 1);
  d.truncated_below = true;
  d.lower = 0;
  // Median of the half-normal: Phi^-1(0.5 + 0.5 * 0.5).
  CHECK(d.Quantile(0.5) == Approx(kZ75).epsilon(kTolerance));
  CHECK(d.Quantile(1e-12) >= 0);
}

TEST_CASE("truncated normal quantiles stay inside the bounds") {
  Distribution d = Normal(1.35, 0.05);
  d.truncated_below = d.truncated_above = true;
  d.lower = 1.3;
  d.upper = 1.38;
  double previous = d.lower;
  for (const double p : {1e-15, 1e-9, 0.01, 0.25, 0.5, 0.75, 0.99, 1 - 1e-9, 1 - 1e-15}) {
    const double x = d.Quantile(p);
    CHECK(x >= d.lower);
    CHECK(x <= d.upper);
    CHECK(x >= previous);  // monotone in p
    previous = x;
  }
}

TEST_CASE("symmetric truncation keeps the median of a normal") {
  Distribution d = Normal(2, 0.5);
  d.truncated_below = d.truncated_above = true;
  d.lower = 1;
  d.upper = 3;
  CHECK(d.Quantile(0.5) == Approx(2).epsilon(kTolerance));
}

TEST_CASE("lognormal quantiles are the median times exp(sigma z)") {
  const Distribution d = Lognormal(50000, 0.2);
  CHECK(d.Quantile(0.5) == Approx(50000).epsilon(kTolerance));
  CHECK(d.Quantile(kPhiOf1) == Approx(50000 * std::exp(0.2)).epsilon(1e-9));
  CHECK(d.Quantile(0.975) == Approx(50000 * std::exp(0.2 * kZ975)).epsilon(kTolerance));
}

TEST_CASE("truncated lognormal quantiles stay inside the bounds") {
  Distribution d = Lognormal(2.8, 0.35);
  d.truncated_below = d.truncated_above = true;
  d.lower = 2;
  d.upper = 3;
  for (const double p : {1e-12, 0.1, 0.5, 0.9, 1 - 1e-12}) {
    CHECK(d.Quantile(p) >= 2);
    CHECK(d.Quantile(p) <= 3);
  }
}

TEST_CASE("uniform quantiles are linear between min and max") {
  Distribution d;
  d.kind = Distribution::Kind::kUniform;
  d.min = 0.3;
  d.max = 0.5;
  CHECK(d.Quantile(0.5) == Approx(0.4).epsilon(kTolerance));
  CHECK(d.Quantile(0.25) == Approx(0.35).epsilon(kTolerance));
  CHECK(d.Quantile(1e-12) == Approx(0.3).epsilon(kTolerance));
}

TEST_CASE("triangular quantiles follow the closed form") {
  Distribution d;
  d.kind = Distribution::Kind::kTriangular;
  d.min = 0.2;
  d.mode = 0.5;
  d.max = 0.8;
  // F(mode) = (mode - min) / (max - min); below it x = min + sqrt(p (max - min) (mode - min)).
  CHECK(d.Quantile(0.5) == Approx(0.5).epsilon(kTolerance));
  CHECK(d.Quantile(0.1) == Approx(0.2 + std::sqrt(0.1 * 0.6 * 0.3)).epsilon(kTolerance));
  CHECK(d.Quantile(0.9) == Approx(0.8 - std::sqrt(0.1 * 0.6 * 0.3)).epsilon(kTolerance));
}

TEST_CASE("a triangular distribution with its mode at the minimum is valid") {
  Distribution d;
  d.kind = Distribution::Kind::kTriangular;
  d.min = 1;
  d.mode = 1;
  d.max = 3;
  CHECK(d.Quantile(0.75) == Approx(3 - std::sqrt(0.25 * 2 * 2)).epsilon(kTolerance));
}

}  // namespace
}  // namespace sim
