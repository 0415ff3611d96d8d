#include "sim/model/vector_math.hpp"

#include <immintrin.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

// SLEEF 3.5's header declares the AVX and AVX-512 functions only when the
// including file is compiled for them (__AVX__, __AVX512F__); this file is
// compiled for baseline x86-64 and reaches them from functions with a target
// attribute, so they are declared here, as in sleef.h, each with the target
// its library function was compiled for: that target is part of its calling
// convention (an __m256d travels in a ymm register only with AVX, an __m512d
// in a zmm register only with AVX-512F, else through memory). Clang refuses a
// call whose caller and callee disagree on it ("AVX vector argument of type
// '__m512d' without 'avx512f' enabled changes the ABI"); GCC passes by the
// caller's target, the same one here. The "cinz" functions are the
// deterministic ones (no FMA; the same bits on every vector width); u10 =
// within 1.0 ulp, u35 = within 3.5 ulp (log: 3x faster on AVX-512).
// There is no cinz AVX2 function: AVX2 CPUs run the AVX one.
extern "C" {
double Sleef_cinz_expd1_u10purec(double);
double Sleef_cinz_logd1_u35purec(double);
__m128d Sleef_cinz_expd2_u10sse2(__m128d);
__m128d Sleef_cinz_logd2_u35sse2(__m128d);
__m128d Sleef_cinz_expd2_u10sse4(__m128d);
__m128d Sleef_cinz_logd2_u35sse4(__m128d);
__attribute__((target("avx"))) __m256d Sleef_cinz_expd4_u10avx(__m256d);
__attribute__((target("avx"))) __m256d Sleef_cinz_logd4_u35avx(__m256d);
__attribute__((target("avx512f"))) __m512d Sleef_cinz_expd8_u10avx512fnofma(__m512d);
__attribute__((target("avx512f"))) __m512d Sleef_cinz_logd8_u35avx512fnofma(__m512d);
}

namespace sim {
namespace {

using Kernel = void (*)(const double*, double*, Eigen::Index);

// Results that are NaN become this one NaN: SLEEF's paths agree on every
// number but not on the sign and payload of a NaN (its AVX-512 log of a
// negative number gives -NaN, the others +NaN), and a NaN's bits reach the
// output files ("nan" or "-nan").
constexpr std::uint64_t kCanonicalNaNBits = 0x7ff8000000000000ULL;
double CanonicalNaN() {
  double nan;
  std::memcpy(&nan, &kCanonicalNaNBits, sizeof nan);
  return nan;
}

// Each kernel runs whole vectors, then the remainder with the scalar
// function, which gives the same bits as every vector width.
void ExpScalar(const double* in, double* out, Eigen::Index count) {
  for (Eigen::Index i = 0; i < count; ++i) {
    const double y = Sleef_cinz_expd1_u10purec(in[i]);
    out[i] = y != y ? CanonicalNaN() : y;
  }
}
void LogScalar(const double* in, double* out, Eigen::Index count) {
  for (Eigen::Index i = 0; i < count; ++i) {
    const double y = Sleef_cinz_logd1_u35purec(in[i]);
    out[i] = y != y ? CanonicalNaN() : y;
  }
}

#define AISIM_SSE_KERNEL(NAME, FUNCTION, SCALAR)                                  \
  void NAME(const double* in, double* out, Eigen::Index count) {                  \
    const __m128d nan = _mm_set1_pd(CanonicalNaN());                              \
    Eigen::Index i = 0;                                                            \
    for (; i + 2 <= count; i += 2) {                                               \
      const __m128d y = FUNCTION(_mm_loadu_pd(in + i));                           \
      const __m128d is_nan = _mm_cmpunord_pd(y, y);                               \
      _mm_storeu_pd(out + i, _mm_or_pd(_mm_andnot_pd(is_nan, y), _mm_and_pd(is_nan, nan))); \
    }                                                                              \
    SCALAR(in + i, out + i, count - i);                                            \
  }
AISIM_SSE_KERNEL(ExpSse2, Sleef_cinz_expd2_u10sse2, ExpScalar)
AISIM_SSE_KERNEL(LogSse2, Sleef_cinz_logd2_u35sse2, LogScalar)
AISIM_SSE_KERNEL(ExpSse4, Sleef_cinz_expd2_u10sse4, ExpScalar)
AISIM_SSE_KERNEL(LogSse4, Sleef_cinz_logd2_u35sse4, LogScalar)
#undef AISIM_SSE_KERNEL

#define AISIM_AVX_KERNEL(NAME, FUNCTION, SCALAR)                                  \
  __attribute__((target("avx"))) void NAME(const double* in, double* out, Eigen::Index count) { \
    const __m256d nan = _mm256_set1_pd(CanonicalNaN());                           \
    Eigen::Index i = 0;                                                            \
    for (; i + 4 <= count; i += 4) {                                               \
      const __m256d y = FUNCTION(_mm256_loadu_pd(in + i));                        \
      _mm256_storeu_pd(out + i, _mm256_blendv_pd(y, nan, _mm256_cmp_pd(y, y, _CMP_UNORD_Q))); \
    }                                                                              \
    SCALAR(in + i, out + i, count - i);                                            \
  }
AISIM_AVX_KERNEL(ExpAvx, Sleef_cinz_expd4_u10avx, ExpScalar)
AISIM_AVX_KERNEL(LogAvx, Sleef_cinz_logd4_u35avx, LogScalar)
#undef AISIM_AVX_KERNEL

#define AISIM_AVX512_KERNEL(NAME, FUNCTION, SCALAR)                               \
  __attribute__((target("avx512f"))) void NAME(const double* in, double* out, Eigen::Index count) { \
    const __m512d nan = _mm512_set1_pd(CanonicalNaN());                           \
    Eigen::Index i = 0;                                                            \
    for (; i + 8 <= count; i += 8) {                                               \
      const __m512d y = FUNCTION(_mm512_loadu_pd(in + i));                        \
      _mm512_storeu_pd(out + i, _mm512_mask_mov_pd(y, _mm512_cmp_pd_mask(y, y, _CMP_UNORD_Q), nan)); \
    }                                                                              \
    SCALAR(in + i, out + i, count - i);                                            \
  }
AISIM_AVX512_KERNEL(ExpAvx512, Sleef_cinz_expd8_u10avx512fnofma, ExpScalar)
AISIM_AVX512_KERNEL(LogAvx512, Sleef_cinz_logd8_u35avx512fnofma, LogScalar)
#undef AISIM_AVX512_KERNEL

struct PathKernels {
  SimdPath path;
  const char* name;
  Kernel exp, log;
};
const PathKernels kPaths[] = {
    {SimdPath::kScalar, "scalar", ExpScalar, LogScalar},
    {SimdPath::kSse2, "sse2", ExpSse2, LogSse2},
    {SimdPath::kSse4, "sse4", ExpSse4, LogSse4},
    {SimdPath::kAvx, "avx", ExpAvx, LogAvx},
    {SimdPath::kAvx512, "avx512", ExpAvx512, LogAvx512},
};

const PathKernels& KernelsOf(SimdPath path) { return kPaths[static_cast<int>(path)]; }

// The fastest of `kernels` on `in` (time for the whole array, the
// least of three tries after one untimed), unless the first, the widest, is within a factor 2
// of it: the paths give the same bits, so only speed is at stake, and a
// close call is left to the widest rather than to timing noise.
Kernel Fastest(const std::vector<Kernel>& kernels, const std::vector<double>& in) {
  std::vector<double> out(in.size());
  std::vector<double> nanoseconds;
  for (const Kernel kernel : kernels) {
    kernel(in.data(), out.data(), static_cast<Eigen::Index>(in.size()));  // warm: code, data, vector unit
    double best = 1e300;
    for (int attempt = 0; attempt < 3; ++attempt) {
      const auto start = std::chrono::steady_clock::now();
      kernel(in.data(), out.data(), static_cast<Eigen::Index>(in.size()));
      best = std::min(best, std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count());
    }
    nanoseconds.push_back(best);
  }
  const auto fastest = std::min_element(nanoseconds.begin(), nanoseconds.end()) - nanoseconds.begin();
  return nanoseconds[0] <= 2 * nanoseconds[fastest] ? kernels[0] : kernels[fastest];
}

// The widest path, with exp and log each taken from a narrower vector path
// when that measures over twice as fast here: an outside measurement found
// SLEEF 3.5's AVX-512 log taking 22-23 ns a value in most processes on one
// machine (0.5-0.7 ns in the others; issue #21), which this guards against at
// a cost of about 0.05 ms at start-up. The year loop's arithmetic stays on
// the widest path (ActiveSimdPath).
PathKernels MeasuredKernels() {
  const std::vector<SimdPath> supported = SupportedSimdPaths();
  PathKernels chosen = KernelsOf(supported.back());
  std::vector<Kernel> exps, logs;
  for (auto path = supported.rbegin(); path != supported.rend() && *path > SimdPath::kSse2; ++path) {
    exps.push_back(KernelsOf(*path).exp);
    logs.push_back(KernelsOf(*path).log);
  }
  if (exps.size() < 2) return chosen;
  // The year loop's exponents, and its positive quantities over 12 orders
  // of magnitude.
  std::vector<double> exp_in(1024), log_in(1024);
  double quantity = 1e-3;
  for (std::size_t i = 0; i < exp_in.size(); ++i, quantity *= 1.0274) {
    exp_in[i] = -20 + 40 * static_cast<double>(i) / static_cast<double>(exp_in.size());
    log_in[i] = quantity;
  }
  chosen.exp = Fastest(exps, exp_in);
  chosen.log = Fastest(logs, log_in);
  return chosen;
}

// AISIM_SIMD, or the measured choice; exits with a message on a bad value
// (this runs once, at the first exp/log, before any result exists).
PathKernels ChooseKernels() {
  const char* forced = std::getenv("AISIM_SIMD");
  if (forced == nullptr || *forced == '\0') return MeasuredKernels();
  std::string supported;
  for (SimdPath path : SupportedSimdPaths()) supported += std::string(" ") + SimdPathName(path);
  for (const PathKernels& kernels : kPaths) {
    if (std::strcmp(forced, kernels.name) != 0) continue;
    if (SimdPathSupported(kernels.path)) return kernels;
    std::fprintf(stderr, "aisim: error: AISIM_SIMD=%s: this CPU does not support it\nhint: supported here:%s\n",
                 forced, supported.c_str());
    std::exit(2);
  }
  std::fprintf(stderr, "aisim: error: AISIM_SIMD=%s: unknown vector path\nhint: one of scalar, sse2, sse4, avx, avx512 (supported here:%s), or unset\n",
               forced, supported.c_str());
  std::exit(2);
}

const PathKernels& Active() {
  static const PathKernels kernels = ChooseKernels();
  return kernels;
}

}  // namespace

const char* SimdPathName(SimdPath path) { return KernelsOf(path).name; }

bool SimdPathSupported(SimdPath path) {
  switch (path) {
    case SimdPath::kScalar: return true;
    case SimdPath::kSse2: return __builtin_cpu_supports("sse2");
    case SimdPath::kSse4: return __builtin_cpu_supports("sse4.1");
    case SimdPath::kAvx: return __builtin_cpu_supports("avx");
    // The year loop's AVX-512 build (model.hpp) also needs FMA.
    case SimdPath::kAvx512: return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma");
  }
  return false;
}

std::vector<SimdPath> SupportedSimdPaths() {
  std::vector<SimdPath> paths;
  for (const PathKernels& kernels : kPaths) {
    if (SimdPathSupported(kernels.path)) paths.push_back(kernels.path);
  }
  return paths;
}

SimdPath ActiveSimdPath() { return Active().path; }

void ExpOn(SimdPath path, const double* in, double* out, Eigen::Index count) {
  KernelsOf(path).exp(in, out, count);
}
void LogOn(SimdPath path, const double* in, double* out, Eigen::Index count) {
  KernelsOf(path).log(in, out, count);
}

void Exp(const double* in, double* out, Eigen::Index count) { Active().exp(in, out, count); }
void Log(const double* in, double* out, Eigen::Index count) { Active().log(in, out, count); }

}  // namespace sim
