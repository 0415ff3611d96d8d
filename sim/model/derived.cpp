#include "sim/model/derived.hpp"

namespace sim {

void YearsBehind(const RegionDrawArray& capability, const DrawRow& frontier_oom_per_year,
                 DrawRow& top, RegionDrawArray& years_behind) {
  MaxOverRegions(capability, top);
  years_behind = ((-capability).rowwise() + top).rowwise() / frontier_oom_per_year;
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
