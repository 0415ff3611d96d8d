// The Sobol and Morris estimators on functions whose indices are known
// analytically (Ishigami; Sobol' G; linear), on aisim's own sampling designs.
#include <catch2/catch.hpp>

#include <cmath>

#include "sim/sweep/sampling.hpp"
#include "sim/sweep/sensitivity.hpp"

namespace {

using sim::SampleDesign;
using sim::SweepMethod;

// Monte Carlo error of Saltelli/Jansen estimators at N = 2^13 base rows is
// about 0.01 for these functions (SALib's docs show the same magnitude), so
// indices are checked to 0.03: tight enough to catch a wrong estimator
// (swapping A/B or first/total moves them by > 0.1), loose enough for any seed.
constexpr double kIndexTolerance = 0.03;
constexpr double kPi = 3.14159265358979323846;

Eigen::ArrayXd Evaluate(const SampleDesign& design, double (*f)(const Eigen::ArrayXd&)) {
  Eigen::ArrayXXd unit;
  design.Fill(0, static_cast<int>(design.Count()), unit);
  Eigen::ArrayXd y(design.Count());
  for (Eigen::Index j = 0; j < unit.cols(); ++j) y(j) = f(unit.col(j));
  return y;
}

double Ishigami(const Eigen::ArrayXd& u) {
  const Eigen::ArrayXd x = -kPi + 2 * kPi * u;
  return std::sin(x(0)) + 7 * std::pow(std::sin(x(1)), 2) + 0.1 * std::pow(x(2), 4) * std::sin(x(0));
}

const double kG[] = {0, 1, 4.5, 9, 99, 99};
double SobolG(const Eigen::ArrayXd& u) {
  double product = 1;
  for (int i = 0; i < 6; ++i) product *= (std::abs(4 * u(i) - 2) + kG[i]) / (1 + kG[i]);
  return product;
}

}  // namespace

TEST_CASE("Sobol indices of the Ishigami function match the analytic values") {
  // a = 7, b = 0.1 (Ishigami & Homma 1990): V = 13.8446.
  const double s1[] = {0.3139, 0.4424, 0.0}, st[] = {0.5576, 0.4424, 0.2437};
  for (std::uint64_t seed : {1u, 2u}) {
    const SampleDesign design(SweepMethod::kSobol, 3, 1 << 13, seed, {}, 4);
    const sim::SobolIndices s = sim::SobolAnalyze(Evaluate(design, Ishigami), 3, 100, 0.95, 7);
    for (int d = 0; d < 3; ++d) {
      CHECK(s.first(d) == Approx(s1[d]).margin(kIndexTolerance));
      CHECK(s.total(d) == Approx(st[d]).margin(kIndexTolerance));
      // The confidence half-widths are honest: small but not zero (x3 alone
      // has S1 = 0 exactly, so its estimate scatters around 0).
      CHECK(s.first_conf(d) > 0.0);
      CHECK(s.first_conf(d) < 0.1);
    }
  }
}

TEST_CASE("Sobol indices of the Sobol' G function match the analytic values") {
  double variance = 1, partial[6];
  for (int i = 0; i < 6; ++i) {
    partial[i] = 1.0 / (3 * (1 + kG[i]) * (1 + kG[i]));
    variance *= 1 + partial[i];
  }
  variance -= 1;
  const SampleDesign design(SweepMethod::kSobol, 6, 1 << 13, 3, {}, 4);
  const sim::SobolIndices s = sim::SobolAnalyze(Evaluate(design, SobolG), 6, 50, 0.95, 7);
  for (int i = 0; i < 6; ++i) {
    double others = 1;
    for (int j = 0; j < 6; ++j) if (j != i) others *= 1 + partial[j];
    CHECK(s.first(i) == Approx(partial[i] / variance).margin(kIndexTolerance));
    CHECK(s.total(i) == Approx(partial[i] * others / variance).margin(kIndexTolerance));
  }
}

TEST_CASE("a constant output has all Sobol indices zero, not NaN") {
  const SampleDesign design(SweepMethod::kSobol, 2, 64, 1, {}, 4);
  const sim::SobolIndices s = sim::SobolAnalyze(Eigen::ArrayXd::Constant(design.Count(), 3.0), 2, 10, 0.95, 1);
  CHECK((s.first == 0.0).all());
  CHECK((s.total == 0.0).all());
}

TEST_CASE("Morris elementary effects of a linear function are its coefficients") {
  // f = 3 x1 - 2 x2 + 0 x3 in unit space: every elementary effect is exact.
  const SampleDesign design(SweepMethod::kMorris, 3, 30, 5, {}, 4);
  const sim::MorrisIndices m = sim::MorrisAnalyze(
      Evaluate(design, [](const Eigen::ArrayXd& u) { return 3 * u(0) - 2 * u(1) + 0 * u(2) + 5; }), design,
      50, 0.95, 1);
  constexpr double kRounding = 1e-12;  // (y1 - y0) / delta in doubles
  CHECK(m.mu(0) == Approx(3).margin(kRounding));
  CHECK(m.mu(1) == Approx(-2).margin(kRounding));
  CHECK(m.mu_star(1) == Approx(2).margin(kRounding));
  CHECK(m.mu_star(2) == Approx(0).margin(kRounding));
  CHECK(m.sigma(0) == Approx(0).margin(kRounding));
}

TEST_CASE("Morris sigma detects an interaction") {
  const SampleDesign design(SweepMethod::kMorris, 3, 40, 5, {}, 4);
  const sim::MorrisIndices m = sim::MorrisAnalyze(
      Evaluate(design, [](const Eigen::ArrayXd& u) { return u(0) * u(1) + u(2); }), design, 50, 0.95, 1);
  CHECK(m.sigma(0) > 0.1);
  CHECK(m.sigma(2) == Approx(0).margin(1e-12));
  CHECK(m.mu_star(2) == Approx(1).margin(1e-12));
}

TEST_CASE("LHS puts exactly one sample in each stratum of every dimension") {
  const int n = 1000;
  const SampleDesign design(SweepMethod::kLhs, 4, n, 9, {}, 4);
  Eigen::ArrayXXd unit;
  design.Fill(0, n, unit);
  for (int d = 0; d < 4; ++d) {
    std::vector<int> hits(n, 0);
    for (int j = 0; j < n; ++j) {
      REQUIRE(unit(d, j) > 0.0);
      REQUIRE(unit(d, j) < 1.0);
      ++hits[static_cast<int>(unit(d, j) * n)];
    }
    CHECK(std::count(hits.begin(), hits.end(), 1) == n);
  }
}

TEST_CASE("a sample's point depends only on its index, not on the block it is drawn in") {
  for (SweepMethod method : {SweepMethod::kLhs, SweepMethod::kSobol, SweepMethod::kMorris, SweepMethod::kGrid}) {
    const SampleDesign design(method, 3, 64, 11, {4, 3, 5}, 4);
    Eigen::ArrayXXd all, one;
    design.Fill(0, static_cast<int>(design.Count()), all);
    for (int i : {0, 1, 17, 40, 59}) {
      design.Fill(i, 1, one);
      CHECK((one.col(0) == all.col(i)).all());
    }
  }
}

TEST_CASE("Sobol design rows follow SALib's A, AB_1 .. AB_D, B order") {
  const SampleDesign design(SweepMethod::kSobol, 3, 8, 1, {}, 4);
  Eigen::ArrayXXd unit;
  design.Fill(0, 5, unit);  // A, AB1, AB2, AB3, B of base row 0
  for (int d = 0; d < 3; ++d) {
    CHECK(unit(d, 1 + d) == unit(d, 4));  // AB_d takes column d from B
    for (int k = 0; k < 3; ++k) if (k != d) CHECK(unit(k, 1 + d) == unit(k, 0));
  }
}
