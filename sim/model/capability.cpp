#include "sim/model/capability.hpp"

#include "sim/model/alliances.hpp"
#include "sim/model/vector_math.hpp"

namespace sim {
namespace {

// log10 of the effective compute of a run of `run` FLOP:
// log10(max(run * algorithmic_efficiency, 1)) plus log10 of the region's
// algorithmic multiplier `log_multiplier`. An empty region has
// log10(0) = -inf, floored to 0 (1 FLOP) before the multiplier. The logarithm runs on the whole array (vector_math.hpp).
void EffectiveComputeLog10(const RegionDrawArray& run, const RegionColumn& efficiency,
                           const RegionDrawArray& log_multiplier, RegionDrawArray& out) {
  for (Eigen::Index r = 0; r < out.rows(); ++r) out.row(r) = run.row(r) * efficiency(r);
  LogInPlace(out);
  out = (out * kInverseLn10).max(0.0) + log_multiplier;
}

// The compute each region's firms use in year `year`: what stands there,
// less the share used by another region's firms, plus what its own firms
// use abroad. Returns `standing` itself when no region hosts compute for
// another; otherwise computes into `out` (which must not be `standing`).
const RegionDrawArray& UsedByFirms(const HostingTables& hosting, int year,
                                   const RegionDrawArray& standing, RegionDrawArray& out) {
  if (!hosting.any) return standing;
  out = standing;
  for (Eigen::Index site = 0; site < standing.rows(); ++site) {
    const int user = hosting.user[site];
    if (user < 0) continue;
    const double share = hosting.share(site, year);
    out.row(site) -= standing.row(site) * share;
    out.row(user) += standing.row(site) * share;
  }
  return out;
}

// gain = strength * log10(1 + usage / unit): 0 before any usage, and
// exactly 0 at strength 0 (log10 of at least 1 is finite).
void FlywheelGain(const RegionDrawArray& usage, const RegionDrawArray& unit, const DrawRow& strength,
                  RegionDrawArray& gain) {
  gain = usage / unit + 1.0;
  Log10InPlace(gain);
  gain.rowwise() *= strength;
}

}  // namespace

void TrainingRunSeconds(const DrawAssumptions& assumptions, int year, DrawRow& out) {
  out = assumptions.training_run_growth;
  LogInPlace(out);
  out *= static_cast<double>(year);
  ExpInPlace(out);
  out = (assumptions.training_run_days * out).min(assumptions.max_training_run_days) * kSecondsPerDay;
}

void Capability(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                const State& state, YearOutcome& outcome, FrontierPath& path, Scratch& scratch) {
  const int R = inputs.regions;
  const int row = inputs.history_years + year;  // this year's row of the path
  const auto per_draw = [R](const DrawRow& row_of_draws) { return PerDraw(row_of_draws, R); };
  RegionDrawArray& log_multiplier = scratch.a;  // log10 A = (year - L) log10 g_a
  RegionDrawArray& usable = scratch.b;
  RegionDrawArray& at = scratch.c;      // fractional path rows
  RegionDrawArray& floor = scratch.d;   // capability on the path at those rows
  RegionDrawArray& log_data = scratch.e;
  RegionDrawArray& used = scratch.e;  // before log_data: compute each region's firms use
  DrawRow& flop_per_unit = scratch.row_a;  // FLOP one H100e gives a run this year
  DrawRow& log_growth = scratch.row_b;

  TrainingRunSeconds(assumptions, year, flop_per_unit);
  flop_per_unit *= assumptions.flops_per_h100e * assumptions.utilization;
  log_growth = assumptions.algorithmic_progress;
  Log10InPlace(log_growth);
  log_multiplier = (static_cast<double>(year) - outcome.lag).rowwise() * log_growth;

  const AllianceMatrices& alliances = inputs.alliances;
  const RegionDrawArray& generative = WithPartners(
      alliances.compute, UsedByFirms(inputs.hosting, year, outcome.operational_generative, used), usable);
  outcome.largest_cluster = generative.rowwise() * assumptions.largest_cluster_share;
  outcome.largest_run = outcome.largest_cluster.rowwise() * flop_per_unit;
  RegionDrawArray& own_generative = outcome.capability_generative;
  EffectiveComputeLog10(outcome.largest_run, inputs.region.algorithmic_efficiency, log_multiplier,
                        own_generative);
  // The data flywheel: usage served so far improves the region's own models,
  // data_flywheel orders of magnitude per tenfold usage (0 in the start year).
  const bool flywheel = (assumptions.data_flywheel != 0).any();  // else skipped: the same bits
  if (flywheel) {
    FlywheelGain(state.usage_generative, state.usage_start_generative, assumptions.data_flywheel, at);
    own_generative += at;
  }
  // The robot-training run: the physical fleet's largest cluster, by the
  // same rule as the generative run.
  const RegionDrawArray& physical = WithPartners(
      alliances.compute, UsedByFirms(inputs.hosting, year, outcome.operational_physical, used), usable);
  floor = physical.rowwise() * assumptions.largest_cluster_share;
  floor.rowwise() *= flop_per_unit;
  EffectiveComputeLog10(floor, inputs.region.algorithmic_efficiency, log_multiplier,
                        outcome.capability_physical);

  // The leader's path gains this year's row; followers reach the path as it
  // was open_model_lag + L years ago (open weights, distillation, published
  // methods, slower where talent is thin).
  ExtendFrontierPath(own_generative, row, 0, path.generative);
  if (year == 0) SetBackSlope(row, path);
  at = (static_cast<double>(row) - outcome.lag).rowwise() - assumptions.open_model_lag;
  ValueOnPath(path.generative, 0, row, path.back_slope, at, floor);
  outcome.capability_generative = own_generative.max(floor);

  // A robot model is a generative base model (the region's own, or the best
  // open model: the path open_model_lag years ago) trained further on the
  // physical fleet with the region's real-world robot data: its effective
  // compute is base^w_g * robot run^(1 - w_g), times (data / the world's
  // start-year data)^e_d.
  for (Eigen::Index r = 0; r < R; ++r) at.row(r) = static_cast<double>(row) - assumptions.open_model_lag;
  ValueOnPath(path.generative, 0, row, path.back_slope, at, floor);
  floor = floor.max(outcome.capability_generative);
  // WithPartners may compute into log_data and return it: max() is elementwise.
  log_data = WithPartners(alliances.data, state.physical_data, log_data).max(1.0);
  log_data.rowwise() /= state.physical_data_world_start;
  Log10InPlace(log_data);
  DrawRow& robot_run_weight = scratch.row_c;  // 1 - w_g
  robot_run_weight = 1.0 - assumptions.physical_generative_weight;
  outcome.capability_physical = outcome.capability_physical * per_draw(robot_run_weight) +
                                floor * per_draw(assumptions.physical_generative_weight) +
                                log_data * per_draw(assumptions.physical_data_elasticity);
  if (flywheel) {
    FlywheelGain(state.usage_physical, state.usage_start_physical, assumptions.data_flywheel, at);
    outcome.capability_physical += at;
  }
  ExtendFrontierPath(outcome.capability_physical, row, inputs.history_years, path.physical);
}

}  // namespace sim
