#include "sim/model/sovereignty.hpp"

#include <limits>

#include "sim/model/log10.hpp"

namespace sim {

void Sovereignty(const ModelInputs& inputs, const DrawAssumptions& assumptions,
                 const State& state, YearOutcome& outcome, Scratch& scratch) {
  constexpr double kFloor = 1e-12;  // same floor as log10_generative_data
  const double minus_infinity = -std::numeric_limits<double>::infinity();
  const RegionDrawArray& capability = outcome.capability_generative;
  RegionDrawArray& is_top = scratch.a;  // 1 where a region holds the column max
  RegionDrawArray& foreign = scratch.b;
  RegionDrawArray& logit = scratch.c;
  DrawRow& top = scratch.row_a;
  DrawRow& second = scratch.row_b;
  DrawRow& top_count = scratch.row_c;

  // Best foreign capability without an R x R loop: the column max, except for
  // a sole leader, whose best foreign model is the runner-up.
  top = capability.colwise().maxCoeff();
  is_top = (capability == top.replicate(inputs.regions, 1)).cast<double>();
  top_count = is_top.colwise().sum();
  second = (is_top > 0.0).select(minus_infinity, capability).colwise().maxCoeff();
  top_count = (top_count == 1.0).cast<double>();  // now: 1 where the leader is alone
  is_top.rowwise() *= top_count;
  foreign = (is_top > 0.0).select(second.replicate(inputs.regions, 1),
                                  top.replicate(inputs.regions, 1));

  logit = capability - foreign;
  logit.rowwise() /= assumptions.sovereignty_scale;
  logit.colwise() += inputs.region.home_advantage;
  foreign = Log10(state.generative_data.max(kFloor));  // reused: data growth term
  foreign.colwise() -= inputs.region.log10_generative_data;
  foreign.rowwise() *= assumptions.sovereignty_data_weight;
  logit += foreign;
  // A lone region has foreign = -inf and logit = +inf: exp(-inf) = 0, share 1.
  outcome.sovereignty = 1.0 / (1.0 + (-logit).exp());
}

}  // namespace sim
