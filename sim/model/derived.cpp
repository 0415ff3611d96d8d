#include "sim/model/derived.hpp"

namespace sim {

void Rank(const Eigen::Ref<const RegionDrawArray>& capability, Eigen::Ref<RegionDrawArray> out) {
  // One pass over R x n per competitor j, all draws at once.
  const Eigen::Index regions = capability.rows();
  out.setOnes();
  for (Eigen::Index j = 0; j < regions; ++j) {
    out += (capability.row(j).replicate(regions, 1) > capability).cast<double>();
  }
}

}  // namespace sim
