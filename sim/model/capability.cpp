#include "sim/model/capability.hpp"

namespace sim {
namespace {

// log10 of the effective compute of the best run, from usable operational
// compute `usable` (R x N), the share of it the best run uses times the
// region's algorithmic efficiency this year (`best_run_scale`), the per-draw
// FLOP per H100e-year `flop_per_unit` times the algorithmic multiplier
// `multiplier`. Result written to `out`.
void EffectiveComputeLog10(const RegionDrawArray& usable,
                           const Eigen::Ref<const RegionColumn>& best_run_scale,
                           const DrawRow& flop_per_unit, const RegionDrawArray& multiplier,
                           RegionDrawArray& out) {
  out = usable.colwise() * best_run_scale;
  out.rowwise() *= flop_per_unit;
  out = (out * multiplier).max(1.0).log10();
}

}  // namespace

void Capability(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                const State& state, YearOutcome& outcome, Scratch& scratch) {
  RegionDrawArray& multiplier = scratch.a;  // A = g_a^(year - L)
  RegionDrawArray& usable = scratch.b;
  RegionDrawArray& log_compute_physical = scratch.c;
  RegionDrawArray& log_data = scratch.d;
  DrawRow& flop_per_unit = scratch.row_a;  // FLOP one H100e gives the best run in a year
  DrawRow& log_growth = scratch.row_b;
  DrawRow& open_frontier = scratch.row_c;

  flop_per_unit = assumptions.flops_per_h100e * assumptions.utilization *
                  assumptions.training_share * kSecondsPerYear;
  log_growth = assumptions.algorithmic_progress.log();
  multiplier = static_cast<double>(year) - outcome.lag;
  multiplier.rowwise() *= log_growth;
  multiplier = multiplier.exp();

  const AllianceMatrices& alliances = inputs.alliances;
  usable.matrix().noalias() = alliances.compute.lazyProduct(outcome.operational_generative.matrix());
  usable += outcome.operational_generative;
  EffectiveComputeLog10(usable, inputs.trends.best_run_scale.col(year), flop_per_unit, multiplier,
                        outcome.capability_generative);

  usable.matrix().noalias() = alliances.compute.lazyProduct(outcome.operational_physical.matrix());
  usable += outcome.operational_physical;
  EffectiveComputeLog10(usable, inputs.trends.best_run_scale.col(year), flop_per_unit, multiplier,
                        log_compute_physical);

  log_data.matrix().noalias() = alliances.data.lazyProduct(state.physical_data.matrix());
  log_data = (log_data + state.physical_data).max(1.0).log10();

  // The open-weight frontier: the best generative model, as open releases make
  // it available max_lag * (1 - open_weights) years later.
  open_frontier = assumptions.frontier_oom_per_year * assumptions.max_diffusion_lag *
                  (1.0 - assumptions.open_weights);
  open_frontier = outcome.capability_generative.colwise().maxCoeff() - open_frontier;
  RegionDrawArray& generative_access = usable;
  generative_access = outcome.capability_generative.max(open_frontier.replicate(inputs.regions, 1));

  outcome.capability_physical = log_compute_physical.rowwise() * assumptions.physical_compute_weight;
  outcome.capability_physical += log_data.rowwise() * assumptions.physical_data_weight;
  outcome.capability_physical += generative_access.rowwise() * assumptions.physical_generative_weight;
}

}  // namespace sim
