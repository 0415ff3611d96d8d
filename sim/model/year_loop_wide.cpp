// The entry point of the wide-vector build of the year loop,
// libaisim_year_avx512.so (-mavx512f): the year loop's sources (year_loop.cpp
// and the steps it calls) compiled for AVX-512, with every symbol hidden
// (CMakeLists.txt). Its Eigen code therefore binds to its own wide
// instantiations, never to the baseline library's, and the library exports
// this one function. ActiveYearLoop (model.cpp) calls it on the avx512 path.
#include "sim/model/model.hpp"

// Eigen requires FMA with AVX-512 and fuses multiply-adds only inside its
// products and special functions, which the year loop does not use (the
// alliance products are whole-row operations, alliances.cpp; exp/log are
// SLEEF's); the compiler fuses nothing (-ffp-contract=off).
#if !defined(__AVX512F__)
#error "year_loop_wide.cpp must be compiled with -mavx512f"
#endif

extern "C" __attribute__((visibility("default"))) void aisim_year_loop_avx512(sim::YearLoop* loop) {
  *loop = sim::YearLoop{&sim::InitialiseState, &sim::ComputeYear, &sim::AdvanceYear,
                        &sim::ReadVariable};
}
