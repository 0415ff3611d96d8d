#include "sim/model/derived.hpp"

namespace sim {
namespace {

void GapToLeader(const RegionDrawArray& capability, const DrawRow& oom_per_year, DrawRow& top,
                 RegionDrawArray& years_behind) {
  top = capability.colwise().maxCoeff();
  years_behind = ((-capability).rowwise() + top).rowwise() / oom_per_year;
}

}  // namespace

void YearsBehind(const DrawAssumptions& assumptions, YearOutcome& outcome, Scratch& scratch) {
  GapToLeader(outcome.capability_generative, assumptions.frontier_oom_per_year, scratch.row_a,
              outcome.years_behind_generative);
  GapToLeader(outcome.capability_physical, assumptions.frontier_oom_per_year, scratch.row_a,
              outcome.years_behind_physical);
}

void Rank(const Eigen::Ref<const RegionDrawArray>& capability, Eigen::Ref<RegionDrawArray> out) {
  // One pass over R x n per competitor j, all draws at once.
  const Eigen::Index regions = capability.rows();
  out.setOnes();
  for (Eigen::Index j = 0; j < regions; ++j) {
    out += (capability.row(j).replicate(regions, 1) > capability).cast<double>();
  }
}

}  // namespace sim
