#include "sim/model/derived.hpp"

namespace sim {
namespace {

void GapAndRank(int regions, const RegionDrawArray& capability, const DrawRow& oom_per_year,
                RegionDrawArray& years_behind, RegionDrawArray& rank, DrawRow& top) {
  top = capability.colwise().maxCoeff();
  years_behind = (-capability).rowwise() + top;
  years_behind.rowwise() /= oom_per_year;
  // R passes over R x N arrays: one per competitor j, all draws at once.
  rank.setOnes();
  for (int j = 0; j < regions; ++j) {
    rank += (capability.row(j).replicate(regions, 1) > capability).cast<double>();
  }
}

}  // namespace

void YearsBehindAndRank(const ModelInputs& inputs, const DrawAssumptions& assumptions,
                        YearOutcome& outcome, Scratch& scratch) {
  GapAndRank(inputs.regions, outcome.capability_generative, assumptions.frontier_oom_per_year,
             outcome.years_behind_generative, outcome.rank_generative, scratch.row_a);
  GapAndRank(inputs.regions, outcome.capability_physical, assumptions.frontier_oom_per_year,
             outcome.years_behind_physical, outcome.rank_physical, scratch.row_a);
}

}  // namespace sim
