// log10 of arrays through Eigen's vectorised natural logarithm.
#pragma once

#include "sim/eigen_types.hpp"

namespace sim {

// 1 / ln(10), rounded to double.
inline constexpr double kInverseLn10 = 0.43429448190325182765;

// log10 of every element of `x`, as log(x) * (1 / ln 10). Eigen 3.4 has no
// packet log10 for double and calls std::log10 element by element, while its
// log() runs on SIMD packets; the year loop takes log10 of R x N arrays every
// year, so this is several times faster. It may differ from std::log10 in the
// last bit or two (relative 1e-16, far inside the 1e-9 the NumPy reference
// and the golden results are compared to); log10(1) is still exactly 0.
template <typename Derived>
auto Log10(const Eigen::ArrayBase<Derived>& x) {
  return x.log() * kInverseLn10;
}

}  // namespace sim
