// exp() and log() of whole arrays, with the same bits on every x86-64 CPU.
//
// The year loop evaluates about nine R x N exp/log arrays a year. Eigen's own
// packet exp/log use only the instruction set the binary was compiled for
// (SSE2 in the portable build), and a wider build gives different last bits.
// These functions call SLEEF's deterministic functions (`Sleef_cinz_*`: no
// fused multiply-add, the same algorithm and the same bits on every vector
// width; exp within 1.0 ulp (u10), log within 3.5 ulp (u35, three times
// faster than u10 on AVX-512; relative error ~2.5e-16, far inside the 1e-9
// the NumPy reference and the golden results are compared to)) on the widest
// vector unit the CPU has (or a narrower one measured much faster), chosen
// once per process: so a sweep's shards give identical bytes on any mix of
// machines.
// tests/model/vector_math_test.cpp compares every path bit for bit, and
// tests/sweep/simd_paths_test.sh runs a sweep on every path.
//
// AISIM_SIMD=scalar|sse2|sse4|avx|avx512 in the environment forces a path
// (for tests and benchmarks); an unknown name, or a path this CPU lacks,
// stops the process with a message (exit status 2) at the first call.
#pragma once

#include <string>
#include <vector>

#include "sim/eigen_types.hpp"

namespace sim {

// The implementations, narrowest first. kScalar is SLEEF's portable C
// version, one value at a time (reference, and the remainder of a vector loop);
// in the WebAssembly build (vector_math_portable.cpp) the C library's.
enum class SimdPath { kScalar, kSse2, kSse4, kAvx, kAvx512 };

// The AISIM_SIMD name of a path ("scalar", "sse2", "sse4", "avx", "avx512").
const char* SimdPathName(SimdPath path);

// Whether this CPU can run `path` (__builtin_cpu_supports).
bool SimdPathSupported(SimdPath path);

// Every path this CPU can run, narrowest first.
std::vector<SimdPath> SupportedSimdPaths();

// The vector path of this process: AISIM_SIMD if set, else the widest
// supported (the year loop's arithmetic follows it; exp and log may take a
// narrower path measured faster, see Exp). Chosen at the first call, then
// fixed.
SimdPath ActiveSimdPath();

// out[i] = exp(in[i]) / log(in[i]) for i < count on the given path (tests and
// benchmarks); `in` may equal `out`. The path must be supported.
void ExpOn(SimdPath path, const double* in, double* out, Eigen::Index count);
void LogOn(SimdPath path, const double* in, double* out, Eigen::Index count);

// The same on the active path, or, unless AISIM_SIMD is set, on a narrower
// vector path where that measured over twice as fast at start-up (the same
// bits either way). Special values as C's exp/log: exp(-inf) = 0,
// exp(+inf) = +inf, exp of a large argument overflows to +inf; log(0) = -inf,
// log(x < 0) = NaN, log(+inf) = +inf; NaN stays NaN. Every NaN result is
// the same quiet NaN (+, payload 0), on every path.
void Exp(const double* in, double* out, Eigen::Index count);
void Log(const double* in, double* out, Eigen::Index count);

// In place on a plain Eigen array (R x N state, a 1 x N draw row or an R x 1
// column): values = exp(values), values = log(values), values = log10(values).
// Allocates nothing.
template <typename Array>
void ExpInPlace(Array& values) {
  Exp(values.data(), values.data(), values.size());
}
template <typename Array>
void LogInPlace(Array& values) {
  Log(values.data(), values.data(), values.size());
}

// 1 / ln(10), rounded to double.
inline constexpr double kInverseLn10 = 0.43429448190325182765;

// log10 as log(x) * (1 / ln 10): one rounding more than log (relative
// ~1e-16); log10(1) is still exactly 0.
template <typename Array>
void Log10InPlace(Array& values) {
  LogInPlace(values);
  values *= kInverseLn10;
}

}  // namespace sim
