#include "sim/model/alliances.hpp"

namespace sim {

// The checks are R x R comparisons, negligible beside the R x R x N product.
const RegionDrawArray& WithPartners(const RegionMatrix& share, const RegionDrawArray& own,
                                    RegionDrawArray& out) {
  if ((share.array() == 0.0).all()) return own;
  out.matrix().noalias() = share.lazyProduct(own.matrix());
  out += own;
  return out;
}

const RegionDrawArray& Couple(const RegionMatrix& matrix, const RegionDrawArray& x,
                              RegionDrawArray& out) {
  if (matrix == RegionMatrix::Identity(matrix.rows(), matrix.cols())) return x;
  out.matrix().noalias() = matrix.lazyProduct(x.matrix());
  return out;
}

}  // namespace sim
