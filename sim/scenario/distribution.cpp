#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/triangular.hpp>
#include <boost/math/distributions/uniform.hpp>
#include <cassert>
#include <cmath>
#include <limits>

#include "sim/scenario/scenario.hpp"

namespace sim {
namespace {

// Inverse CDF of `dist` truncated to [lower, upper]: p is mapped linearly into
// [F(lower), F(upper)] and inverted there, so the result follows the
// conditional distribution given lower <= X <= upper. The clamp only guards
// against the last-bit rounding of quantile(cdf(bound)).
template <class Dist>
double TruncatedQuantile(const Dist& dist, const Distribution& d, double p) {
  const double low_probability = d.truncated_below ? boost::math::cdf(dist, d.lower) : 0.0;
  const double high_probability = d.truncated_above ? boost::math::cdf(dist, d.upper) : 1.0;
  double x =
      boost::math::quantile(dist, low_probability + p * (high_probability - low_probability));
  if (d.truncated_below && x < d.lower) x = d.lower;
  if (d.truncated_above && x > d.upper) x = d.upper;
  return x;
}

}  // namespace

double Distribution::Quantile(double p) const {
  assert(p > 0 && p < 1);
  switch (kind) {
    case Kind::kNormal:
      return TruncatedQuantile(boost::math::normal_distribution<double>(mean, sd), *this, p);
    case Kind::kLognormal:
      // Boost parameterises by the mean and sd of log X; the median is exp(mean).
      return TruncatedQuantile(boost::math::lognormal_distribution<double>(std::log(median), sigma),
                               *this, p);
    case Kind::kUniform:
      return boost::math::quantile(boost::math::uniform_distribution<double>(min, max), p);
    case Kind::kTriangular:
      return boost::math::quantile(boost::math::triangular_distribution<double>(min, mode, max), p);
    case Kind::kNone:
      break;
  }
  assert(false && "Quantile() of an assumption without a distribution");
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace sim
