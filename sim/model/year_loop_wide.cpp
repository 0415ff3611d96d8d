// The entry point of the wide-vector builds of the year loop,
// libaisim_year_avx.so (-mavx) and libaisim_year_avx512.so (-mavx512f): the
// year loop's sources (year_loop.cpp and the steps it calls) compiled for that
// instruction set, with every symbol hidden (CMakeLists.txt). Their Eigen code
// therefore binds to its own wide instantiations, never to the baseline
// library's, and each library exports this one function. ActiveYearLoop
// (model.cpp) calls it on the matching path.
#include "sim/model/model.hpp"

// Eigen requires FMA with AVX-512 and fuses multiply-adds only inside its
// products and special functions, which the year loop does not use (the
// alliance products are whole-row operations, alliances.cpp; exp/log are
// SLEEF's); the compiler fuses nothing (-ffp-contract=off). The AVX build
// has no FMA at all.
#if defined(__AVX512F__)
#define AISIM_YEAR_LOOP_ENTRY aisim_year_loop_avx512
#elif defined(__AVX__)
#define AISIM_YEAR_LOOP_ENTRY aisim_year_loop_avx
#else
#error "year_loop_wide.cpp must be compiled with -mavx or -mavx512f"
#endif

extern "C" __attribute__((visibility("default"))) void AISIM_YEAR_LOOP_ENTRY(sim::YearLoop* loop) {
  *loop = sim::YearLoop{&sim::InitialiseState, &sim::ComputeYear, &sim::AdvanceYear,
                        &sim::ReadVariable};
}
