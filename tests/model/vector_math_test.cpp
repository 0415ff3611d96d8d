// exp/log of sim/model/vector_math.hpp: every path this CPU supports gives
// the same bits as the scalar path, on ordinary values, on the special values
// the model can produce, and on array lengths with vector remainders.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "sim/model/vector_math.hpp"

namespace sim {
namespace {

using Function = void (*)(SimdPath, const double*, double*, Eigen::Index);

// SLEEF's exp (u10) is within 1.0 ulp of the exact value, its log (u35)
// within 3.5 ulp, and glibc's exp/log within 1 ulp: so they may differ from
// glibc by 2 and 4 ulp at most.
constexpr std::int64_t kMaxExpUlpsFromLibm = 2;
constexpr std::int64_t kMaxLogUlpsFromLibm = 4;

std::uint64_t Bits(double x) {
  std::uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return bits;
}

// Distance in units in the last place between two finite doubles of the same sign.
std::int64_t UlpDistance(double a, double b) {
  return std::llabs(static_cast<std::int64_t>(Bits(a)) - static_cast<std::int64_t>(Bits(b)));
}

const double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kDenormMin = std::numeric_limits<double>::denorm_min();
const double kMin = std::numeric_limits<double>::min();
const double kMax = std::numeric_limits<double>::max();

// Arguments for exp: what softmax shares (x - max) / temperature, migration
// weights, growth factors k ln g and sovereignty logits can be, and the edges
// of exp's range (overflow above ~709.78, underflow to 0 below ~-745.13).
std::vector<double> ExpArguments() {
  std::vector<double> x = {0.0, -0.0, 1.0, -1.0, 1e-300, -1e-300, kDenormMin, -kDenormMin,
                           709.7, 709.78, 709.79, 710.0, 1e3, kMax, -708.0, -709.0, -744.0,
                           -745.0, -745.2, -746.0, -1e3, -kMax, kInf, -kInf, kNaN, -kNaN,
                           0.5 * std::log(2.0), std::log(2.0), -std::log(2.0)};
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> wide(-750.0, 750.0), narrow(-40.0, 1.0);
  for (int i = 0; i < 20000; ++i) x.push_back(wide(random));
  for (int i = 0; i < 20000; ++i) x.push_back(narrow(random));
  return x;
}

// Arguments for log: ratios floored at 1e-12, stocks from 1 to 1e30, log10
// of values floored at 1 (log(1) = 0 exactly), and the edges: 0, negative,
// subnormal, huge, infinite, NaN.
std::vector<double> LogArguments() {
  std::vector<double> x = {1.0, 0.0, -0.0, -1.0, -1e-300, -kInf, kInf, kNaN, -kNaN, kDenormMin,
                           4.9e-322, kMin, 2.0 * kMin, 1e-12, 1e-300, kMax, 1e308, 2.0, 10.0,
                           std::nextafter(1.0, 0.0), std::nextafter(1.0, 2.0), 0.5};
  std::mt19937_64 random(11);
  std::uniform_real_distribution<double> exponent(-320.0, 308.0), near_one(0.5, 2.0);
  for (int i = 0; i < 20000; ++i) x.push_back(std::pow(10.0, exponent(random)));
  for (int i = 0; i < 20000; ++i) x.push_back(near_one(random));
  return x;
}

std::vector<double> Run(Function function, SimdPath path, const std::vector<double>& x,
                        std::size_t offset, std::size_t count) {
  std::vector<double> out(count);
  function(path, x.data() + offset, out.data(), static_cast<Eigen::Index>(count));
  return out;
}

// Every supported path against the scalar one, bit for bit (NaN payloads
// and signs included), on the whole list and on short slices at every offset
// (lengths 0..17 put values in the vector loop and the remainder).
void CheckPathsAgree(Function function, const std::vector<double>& x) {
  const std::vector<double> scalar = Run(function, SimdPath::kScalar, x, 0, x.size());
  for (SimdPath path : SupportedSimdPaths()) {
    INFO("path " << SimdPathName(path));
    const std::vector<double> mine = Run(function, path, x, 0, x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
      INFO("x = " << x[i] << " scalar " << scalar[i] << " path " << mine[i]);
      REQUIRE(Bits(mine[i]) == Bits(scalar[i]));
    }
    for (std::size_t count = 0; count <= 17; ++count) {
      for (std::size_t offset = 0; offset + count <= 40; ++offset) {
        const std::vector<double> slice = Run(function, path, x, offset, count);
        for (std::size_t i = 0; i < count; ++i) REQUIRE(Bits(slice[i]) == Bits(scalar[offset + i]));
      }
    }
  }
}

}  // namespace

TEST_CASE("every supported exp path gives the scalar path's bits") {
  CHECK(SimdPathSupported(SimdPath::kScalar));
  CHECK(SimdPathSupported(SimdPath::kSse2));  // x86-64 baseline
  CheckPathsAgree(ExpOn, ExpArguments());
}

TEST_CASE("every supported log path gives the scalar path's bits") {
  CheckPathsAgree(LogOn, LogArguments());
}

TEST_CASE("exp is within 2 ulp of libm and has C's special values") {
  const std::vector<double> x = ExpArguments();
  std::vector<double> y(x.size());
  Exp(x.data(), y.data(), static_cast<Eigen::Index>(x.size()));
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double expected = std::exp(x[i]);
    INFO("exp(" << x[i] << ") = " << y[i] << ", libm " << expected);
    if (std::isnan(expected)) {
      REQUIRE(std::isnan(y[i]));
    } else if (std::isinf(expected) || expected == 0.0) {
      REQUIRE(y[i] == expected);
    } else if (expected < kMin) {  // subnormal results: absolute, not relative, accuracy
      REQUIRE(std::abs(y[i] - expected) <= 2 * kDenormMin);
    } else {
      REQUIRE(UlpDistance(y[i], expected) <= kMaxExpUlpsFromLibm);
    }
  }
  double special[] = {-kInf, kInf, 0.0, -0.0, 710.0, -746.0};
  Exp(special, special, 6);
  CHECK(special[0] == 0.0);
  CHECK(special[1] == kInf);
  CHECK(special[2] == 1.0);  // exact: the model's exp(0) for the best region
  CHECK(special[3] == 1.0);
  CHECK(special[4] == kInf);
  CHECK(special[5] == 0.0);
}

TEST_CASE("log is within 4 ulp of libm and has C's special values") {
  const std::vector<double> x = LogArguments();
  std::vector<double> y(x.size());
  Log(x.data(), y.data(), static_cast<Eigen::Index>(x.size()));
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double expected = std::log(x[i]);
    INFO("log(" << x[i] << ") = " << y[i] << ", libm " << expected);
    if (std::isnan(expected)) {
      REQUIRE(std::isnan(y[i]));
    } else if (std::isinf(expected) || expected == 0.0) {
      REQUIRE(y[i] == expected);
    } else {
      REQUIRE(UlpDistance(y[i], expected) <= kMaxLogUlpsFromLibm);
    }
  }
  double special[] = {0.0, -0.0, -1.0, kInf, 1.0};
  Log(special, special, 5);
  CHECK(special[0] == -kInf);
  CHECK(special[1] == -kInf);
  CHECK(std::isnan(special[2]));
  CHECK(special[3] == kInf);
  CHECK(Bits(special[4]) == Bits(0.0));  // log(1) = +0: log10 of a floor of 1 is exactly 0
}

TEST_CASE("in-place helpers work on state arrays, draw rows and region columns") {
  RegionDrawArray state = RegionDrawArray::Constant(9, 16, 100.0);
  Log10InPlace(state);
  CHECK((state == 100.0 * 0.0 + state(0, 0)).all());
  CHECK(std::abs(state(0, 0) - 2.0) <= 4e-16);
  DrawRow row = DrawRow::Zero(13);
  ExpInPlace(row);
  CHECK((row == 1.0).all());
  RegionColumn column = RegionColumn::Constant(9, std::exp(1.0));
  LogInPlace(column);
  CHECK((column - 1.0).abs().maxCoeff() <= 2e-16);
}

TEST_CASE("the active path is one this CPU supports, and the widest unless AISIM_SIMD says") {
  const SimdPath active = ActiveSimdPath();
  CHECK(SimdPathSupported(active));
  if (std::getenv("AISIM_SIMD") == nullptr) CHECK(active == SupportedSimdPaths().back());
}

}  // namespace sim
