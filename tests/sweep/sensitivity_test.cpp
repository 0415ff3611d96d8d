// The Sobol and Morris estimators on functions whose indices are known
// analytically (Ishigami; Sobol' G; linear), on aisim's own sampling designs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/sweep/sampling.hpp"
#include "sim/sweep/sensitivity.hpp"

namespace {

using sim::SampleDesign;
using sim::SweepMethod;

// On the Sobol' (quasi-Monte Carlo) design with standardised outputs, the
// Saltelli/Jansen estimators at N = 2^13 base rows err by about 0.001 on
// these functions (measured over seeds), so 0.005 leaves a margin of five
// for other seeds while still seeing an index of 0.01 or a wrong estimator.
constexpr double kIndexTolerance = 0.005;
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

// Ishigami & Homma (1990), a = 7, b = 0.1: V = 13.8446.
const double kIshigamiFirst[] = {0.3139, 0.4424, 0.0}, kIshigamiTotal[] = {0.5576, 0.4424, 0.2437};

double IshigamiPlus1000(const Eigen::ArrayXd& u) { return Ishigami(u) + 1000; }

TEST_CASE("Sobol indices of the Ishigami function match the analytic values") {
  const double* s1 = kIshigamiFirst;
  const double* st = kIshigamiTotal;
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

TEST_CASE("adding a constant to the output leaves the Sobol indices and their intervals unchanged") {
  // A shift cannot change true indices. Without standardising, the S1
  // estimator multiplies f(B) ~ 1000 by a difference, and its intervals grow
  // to +/- 4-6; standardised (as SALib does), only rounding differs.
  constexpr double kRounding = 1e-9;  // y + 1000 loses ~13 bits of each value's mantissa
  const SampleDesign design(SweepMethod::kSobol, 3, 1 << 13, 1, {}, 4);
  const sim::SobolIndices plain = sim::SobolAnalyze(Evaluate(design, Ishigami), 3, 100, 0.95, 7);
  const sim::SobolIndices shifted = sim::SobolAnalyze(Evaluate(design, IshigamiPlus1000), 3, 100, 0.95, 7);
  for (int d = 0; d < 3; ++d) {
    CHECK(shifted.first(d) == Approx(plain.first(d)).margin(kRounding));
    CHECK(shifted.total(d) == Approx(plain.total(d)).margin(kRounding));
    CHECK(shifted.first_conf(d) == Approx(plain.first_conf(d)).margin(kRounding));
    CHECK(shifted.first(d) == Approx(kIshigamiFirst[d]).margin(kIndexTolerance));
  }
}

TEST_CASE("the Sobol design's base points are balanced: one in every 1/N interval of each dimension") {
  // Points 0 .. N-1 of a Sobol' sequence (digitally shifted) are a net: each
  // coordinate takes each of the N intervals [k/N, (k+1)/N) exactly once. A
  // design that skips the origin (points 1 .. N) is not (Owen, "On dropping
  // the first Sobol' point").
  const int D = 3, N = 256;
  const SampleDesign design(SweepMethod::kSobol, D, N, 5, {}, 4);
  Eigen::ArrayXXd unit;
  design.Fill(0, static_cast<int>(design.Count()), unit);
  for (int column = 0; column < 2 * D; ++column) {  // A's D columns, then B's
    std::vector<int> hits(N, 0);
    for (int b = 0; b < N; ++b) {
      const int row = column < D ? b * (D + 2) : b * (D + 2) + D + 1;
      ++hits[static_cast<int>(unit(column % D, row) * N)];
    }
    CHECK(std::count(hits.begin(), hits.end(), 1) == N);
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

TEST_CASE("an output that varies only by rounding has all Sobol indices zero") {
  // One value computed along different floating-point paths: a relative
  // spread of 1e-13, which standardising would blow up into indices.
  const SampleDesign design(SweepMethod::kSobol, 3, 64, 1, {}, 4);
  Eigen::ArrayXd y = Evaluate(design, Ishigami) * 2e-13 + 2.16;
  const sim::SobolIndices s = sim::SobolAnalyze(y, 3, 10, 0.95, 1);
  CHECK((s.first == 0.0).all());
  CHECK((s.total == 0.0).all());
  // A spread well above rounding is a response, however small.
  y = Evaluate(design, Ishigami) * 1e-6 + 2.16;
  CHECK((sim::SobolAnalyze(y, 3, 10, 0.95, 1).total > 0.0).any());
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
