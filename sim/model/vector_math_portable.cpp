// exp() and log() for builds without x86-64 vector units: the WebAssembly
// build of the static site (sim/site/). The interface is vector_math.hpp's;
// there is one path, kScalar, and it calls the C library's exp and log
// (Emscripten's musl), not SLEEF's. Debian ships SLEEF only as x86-64 and
// other native binaries, and its build needs native helper programs, so the
// WebAssembly model differs from the native one in the last bits of an
// exp/log (musl's are within 1 ulp, SLEEF's exp 1 ulp and log 3.5 ulp), so
// the same-bits promise of vector_math.hpp holds across native CPUs only;
// tests/site/site_numbers_test.mjs measures the WebAssembly results against
// `aisim run` for every shipped scenario (largest difference 2e-14).
#include <cmath>
#include <cstdint>
#include <cstring>

#include "sim/model/vector_math.hpp"

namespace sim {
namespace {

// Every NaN result is this one NaN, as on the native paths.
double Canonical(double y) {
  if (y == y) return y;
  constexpr std::uint64_t kCanonicalNaNBits = 0x7ff8000000000000ULL;
  double nan;
  std::memcpy(&nan, &kCanonicalNaNBits, sizeof nan);
  return nan;
}

}  // namespace

const char* SimdPathName(SimdPath path) { return path == SimdPath::kScalar ? "scalar" : "unsupported"; }

bool SimdPathSupported(SimdPath path) { return path == SimdPath::kScalar; }

std::vector<SimdPath> SupportedSimdPaths() { return {SimdPath::kScalar}; }

SimdPath ActiveSimdPath() { return SimdPath::kScalar; }

void ExpOn(SimdPath, const double* in, double* out, Eigen::Index count) {
  for (Eigen::Index i = 0; i < count; ++i) out[i] = Canonical(std::exp(in[i]));
}
void LogOn(SimdPath, const double* in, double* out, Eigen::Index count) {
  for (Eigen::Index i = 0; i < count; ++i) out[i] = Canonical(std::log(in[i]));
}

void Exp(const double* in, double* out, Eigen::Index count) { ExpOn(SimdPath::kScalar, in, out, count); }
void Log(const double* in, double* out, Eigen::Index count) { LogOn(SimdPath::kScalar, in, out, count); }

}  // namespace sim
