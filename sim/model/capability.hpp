// Step 6 of docs/MODEL.md: generative and physical capability.
#pragma once

#include "sim/model/inputs.hpp"
#include "sim/model/state.hpp"

namespace sim {

// Seconds in a (Julian) year: 365.25 * 86400.
inline constexpr double kSecondsPerYear = 31557600.0;

// Capability of each region in year index `year` (0 = start year). Needs
// outcome.operational_* and outcome.lag. Writes outcome.capability_*.
//   K_acc,s = K_op,s + compute_alliance * K_op,s          usable compute, H100e
//   A = g_a^(year - L)                                     algorithmic multiplier
//   C_eff,s = concentration * algorithmic_efficiency * K_acc,s * flops * utilization * training_share
//             * seconds_per_year * A                       FLOP of the best run
//   cap_gen = log10(max(C_eff,gen, 1))                    log10 FLOP (2025 algorithms)
//   open    = max_r cap_gen - frontier_oom_per_year * max_lag * (1 - open_weights)
//   gen_access = max(cap_gen, open)
//   D_acc = D_phys + data_alliance * D_phys                robot-years
//   cap_phys = w_c log10(max(C_eff,phys, 1)) + w_d log10(max(D_acc, 1)) + w_g gen_access
// The floors at 1 FLOP and 1 robot-year keep log10 finite for empty regions.
// log10 C_eff is computed as log10(C_eff / A) + (year - L) log10 g_a, which
// needs no exp() for A, and the floor as max(log10 C_eff, 0).
void Capability(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                const State& state, YearOutcome& outcome, Scratch& scratch);

}  // namespace sim
