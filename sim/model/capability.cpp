#include "sim/model/capability.hpp"

#include "sim/model/alliances.hpp"
#include "sim/model/vector_math.hpp"

namespace sim {
namespace {

// log10 of the effective compute of the best run, floored at 0 (1 FLOP),
// from usable operational compute `usable` (R x N), the share of it the best
// run uses this year times the region's algorithmic efficiency
// (`best_run_scale`), the per-draw FLOP per H100e-year `flop_per_unit` and
// log10 of the algorithmic multiplier `log_multiplier`. Result written to
// `out`. An empty region has log10(0) = -inf, floored to 0. The logarithm
// runs on the whole array (vector_math.hpp).
void EffectiveComputeLog10(const RegionDrawArray& usable, const RegionTable& best_run_scale,
                           int year, const DrawRow& flop_per_unit,
                           const RegionDrawArray& log_multiplier, RegionDrawArray& out) {
  for (Eigen::Index r = 0; r < out.rows(); ++r) {
    out.row(r) = (usable.row(r) * best_run_scale(r, year)) * flop_per_unit;
  }
  LogInPlace(out);
  out = (out * kInverseLn10 + log_multiplier).max(0.0);
}

}  // namespace

void Capability(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                const State& state, YearOutcome& outcome, Scratch& scratch) {
  const int R = inputs.regions;
  const auto per_draw = [R](const DrawRow& row) { return PerDraw(row, R); };
  RegionDrawArray& log_multiplier = scratch.a;  // log10 A = (year - L) log10 g_a
  RegionDrawArray& usable = scratch.b;
  RegionDrawArray& log_data = scratch.c;
  DrawRow& flop_per_unit = scratch.row_a;  // FLOP one H100e gives the best run in a year
  DrawRow& log_growth = scratch.row_b;
  DrawRow& open_frontier = scratch.row_c;

  flop_per_unit = assumptions.flops_per_h100e * assumptions.utilization *
                  assumptions.training_share * kSecondsPerYear;
  log_growth = assumptions.algorithmic_progress;
  Log10InPlace(log_growth);
  log_multiplier = (static_cast<double>(year) - outcome.lag).rowwise() * log_growth;

  const AllianceMatrices& alliances = inputs.alliances;
  EffectiveComputeLog10(WithPartners(alliances.compute, outcome.operational_generative, usable),
                        inputs.trends.best_run_scale, year, flop_per_unit, log_multiplier,
                        outcome.capability_generative);
  // Physical capability starts as log10 of its effective compute.
  EffectiveComputeLog10(WithPartners(alliances.compute, outcome.operational_physical, usable),
                        inputs.trends.best_run_scale, year, flop_per_unit, log_multiplier,
                        outcome.capability_physical);
  // WithPartners may compute into log_data and return it: max() is elementwise.
  log_data = WithPartners(alliances.data, state.physical_data, log_data).max(1.0);
  Log10InPlace(log_data);

  // The open-weight frontier: the best generative model, as open releases make
  // it available max_lag * (1 - open_weights) years later; every region has
  // at least that generative access.
  open_frontier = assumptions.frontier_oom_per_year * assumptions.max_diffusion_lag *
                  (1.0 - assumptions.open_weights);
  DrawRow& best_generative = scratch.row_a;  // flop_per_unit is no longer needed
  MaxOverRegions(outcome.capability_generative, best_generative);
  open_frontier = best_generative - open_frontier;
  outcome.capability_physical =
      outcome.capability_physical * per_draw(assumptions.physical_compute_weight) +
      log_data * per_draw(assumptions.physical_data_weight) +
      outcome.capability_generative.max(per_draw(open_frontier)) *
          per_draw(assumptions.physical_generative_weight);
}

}  // namespace sim
