// Step 6 of docs/MODEL.md: the largest training run, and generative and
// physical capability.
#pragma once

#include "sim/model/frontier_path.hpp"
#include "sim/model/inputs.hpp"
#include "sim/model/state.hpp"

namespace sim {

inline constexpr double kSecondsPerDay = 86400.0;

// Length of a frontier training run in year index `year`, in seconds:
// min(training_run_days * training_run_growth^year, max_training_run_days) * 86,400.
void TrainingRunSeconds(const DrawAssumptions& assumptions, int year, DrawRow& out);

// Capability of each region in year index `year` (0 = start year). Needs
// outcome.operational_* and outcome.lag; extends `path` by this year's row.
// Writes outcome.largest_cluster, outcome.largest_run and outcome.capability_*.
//   K_use,s  = (1 - h) K_op,s + sum over sites hosting for it of h_site K_op,s,site
//                                                                 compute its firms use (hosting)
//   K_acc,s  = K_use,s + compute_alliance * K_use,s               usable compute, H100e
//   cluster  = largest_cluster_share * K_acc,gen                  H100e
//   run_s    = largest_cluster_share * K_acc,s * flops * utilization * run_seconds   FLOP
//   own_s    = log10(max(run_s * algorithmic_efficiency, 1)) + (year - L) log10 g_a
//   own_gen += data_flywheel log10(1 + U_gen / u_gen)              usage so far, in units of the
//                                                                  world's start-year revenue
//   F_gen(t) = max(F_gen(t - 1), max_r own_gen)                    the leader's path
//   cap_gen  = max(own_gen, F_gen(t - open_model_lag - L))         diffusion floor
//   gen_access = max(cap_gen, F_gen(t - open_model_lag))           open weights
//   cap_phys = w_g gen_access + (1 - w_g) own_phys + e_d log10(max(D_acc, 1) / D_world,start)
//              + data_flywheel log10(1 + U_phys / u_phys)      a robot model: its base model, its
//                                                              robot-training run, its robot data
//   F_phys(t) = max(F_phys(t - 1), max_r cap_phys)
// own_s and cap_phys are effective compute in start-year algorithms (log10
// FLOP); the floors at 1 FLOP and 1 robot-year keep log10 finite for empty
// regions.
void Capability(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                const State& state, YearOutcome& outcome, FrontierPath& path, Scratch& scratch);

}  // namespace sim
