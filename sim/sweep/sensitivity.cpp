#include "sim/sweep/sensitivity.hpp"

#include <boost/math/distributions/normal.hpp>

#include <cmath>
#include <random>
#include <vector>

namespace sim {
namespace {

// Standard deviation with ddof 1 (NumPy's std(ddof=1)); 0 for fewer than 2 values.
double SampleStd(const std::vector<double>& v) {
  if (v.size() < 2) return 0;
  double mean = 0;
  for (double x : v) mean += x;
  mean /= static_cast<double>(v.size());
  double sum = 0;
  for (double x : v) sum += (x - mean) * (x - mean);
  return std::sqrt(sum / static_cast<double>(v.size() - 1));
}

double Z(double confidence) {
  return boost::math::quantile(boost::math::normal(), 0.5 + confidence / 2);
}

std::uint64_t Below(std::mt19937_64& engine, std::uint64_t n) {
  const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0}) % n;
  std::uint64_t x;
  do x = engine(); while (x >= limit);
  return x % n;
}

// S1 and ST of path d over the base rows `rows` (indices into 0..N-1).
void SobolEstimate(const Eigen::ArrayXd& y, int D, int d, const std::vector<long long>& rows,
                   double* first, double* total) {
  const long long group = D + 2;
  double mean = 0;
  for (long long b : rows) mean += y(b * group) + y(b * group + D + 1);
  const double n = static_cast<double>(rows.size());
  mean /= 2 * n;
  double variance = 0, s1 = 0, st = 0;
  for (long long b : rows) {
    const double a = y(b * group), bb = y(b * group + D + 1), ab = y(b * group + 1 + d);
    variance += (a - mean) * (a - mean) + (bb - mean) * (bb - mean);
    s1 += bb * (ab - a);
    st += (a - ab) * (a - ab);
  }
  variance /= 2 * n;
  if (!(variance > 0)) {
    *first = *total = 0;
    return;
  }
  *first = s1 / n / variance;
  *total = 0.5 * st / n / variance;
}

}  // namespace

SobolIndices SobolAnalyze(const Eigen::ArrayXd& outputs, int D, int resamples, double confidence,
                          std::uint64_t seed) {
  const long long N = outputs.size() / (D + 2);
  // Standardise first, as SALib does: the estimator of S1 multiplies f(B) by
  // a difference, so an output whose mean is large against its spread makes
  // the products large and the estimate noisy (an offset of 1000 on Ishigami
  // spreads S1 by +/- 5); with mean 0 that noise is gone. ST and the
  // variance only change by rounding (they are shift and scale invariant).
  //
  // An output whose spread is below kRoundingSpread of its size does not
  // respond to the parameters: it is one value computed along different
  // paths of floating-point arithmetic (Korea's years behind on the
  // diffusion floor vary by 5e-13 around 2.16), and standardising that
  // rounding noise gave S1 = 2.1 against ST = 0.97. It has no variance to
  // share out, so every index is 0, as for an exact constant.
  // 1e-9: millions of times the rounding of a chain of double operations
  // (~1e-16 each), and far below any response a sweep is run to find.
  constexpr double kRoundingSpread = 1e-9;
  const double mean = outputs.mean();
  const double spread = std::sqrt((outputs - mean).square().mean());  // ddof 0, as NumPy's std()
  const bool varies = spread > kRoundingSpread * outputs.abs().maxCoeff();
  const Eigen::ArrayXd y = varies ? Eigen::ArrayXd((outputs - mean) / spread)
                                  : Eigen::ArrayXd::Zero(outputs.size());
  SobolIndices s;
  s.first.resize(D), s.first_conf.resize(D), s.total.resize(D), s.total_conf.resize(D);
  std::vector<long long> all(N);
  for (long long b = 0; b < N; ++b) all[b] = b;
  for (int d = 0; d < D; ++d) SobolEstimate(y, D, d, all, &s.first(d), &s.total(d));
  std::mt19937_64 engine(seed);
  std::vector<std::vector<double>> first(D), total(D);
  std::vector<long long> rows(N);
  for (int r = 0; r < resamples; ++r) {
    for (long long& b : rows) b = static_cast<long long>(Below(engine, N));
    for (int d = 0; d < D; ++d) {
      double f, t;
      SobolEstimate(y, D, d, rows, &f, &t);
      first[d].push_back(f), total[d].push_back(t);
    }
  }
  const double z = Z(confidence);
  for (int d = 0; d < D; ++d) {
    s.first_conf(d) = z * SampleStd(first[d]);
    s.total_conf(d) = z * SampleStd(total[d]);
  }
  return s;
}

MorrisIndices MorrisAnalyze(const Eigen::ArrayXd& y, const SampleDesign& design, int resamples,
                            double confidence, std::uint64_t seed) {
  const int D = design.dimensions();
  const long long r = y.size() / (D + 1);
  Eigen::ArrayXXd effects(D, r);
  for (long long t = 0; t < r; ++t) {
    for (int k = 1; k <= D; ++k) {
      const MorrisStep step = MorrisStepOf(design, t, k);
      effects(step.dimension, t) = (y(t * (D + 1) + k) - y(t * (D + 1) + k - 1)) / step.delta;
    }
  }
  MorrisIndices m;
  m.mu = effects.rowwise().mean();
  m.mu_star = effects.abs().rowwise().mean();
  m.sigma.resize(D), m.mu_star_conf.resize(D);
  std::mt19937_64 engine(seed);
  std::vector<std::vector<double>> boot(D);
  for (int b = 0; b < resamples; ++b) {
    Eigen::ArrayXd sum = Eigen::ArrayXd::Zero(D);
    for (long long i = 0; i < r; ++i) sum += effects.col(static_cast<Eigen::Index>(Below(engine, r))).abs();
    for (int d = 0; d < D; ++d) boot[d].push_back(sum(d) / static_cast<double>(r));
  }
  const double z = Z(confidence);
  for (int d = 0; d < D; ++d) {
    std::vector<double> row;
    for (long long t = 0; t < r; ++t) row.push_back(effects(d, t));
    m.sigma(d) = SampleStd(row);
    m.mu_star_conf(d) = z * SampleStd(boot[d]);
  }
  return m;
}

}  // namespace sim
