#include "sim/model/alliances.hpp"

namespace sim {

namespace {

// out = matrix * x, row by row of draws: out_i = sum_k matrix(i, k) x_k in
// the order k = 0, 1, ..., as whole-row multiplications and additions. Not
// an Eigen product: those use fused multiply-adds where the CPU has them,
// and the year loop must give the same bits on every CPU (ActiveYearLoop).
void Multiply(const RegionMatrix& matrix, const RegionDrawArray& x, RegionDrawArray& out) {
  for (Eigen::Index i = 0; i < matrix.rows(); ++i) {
    out.row(i) = matrix(i, 0) * x.row(0);
    for (Eigen::Index k = 1; k < matrix.cols(); ++k) out.row(i) += matrix(i, k) * x.row(k);
  }
}

}  // namespace

// The checks are R x R comparisons, negligible beside the R x R x N product.
const RegionDrawArray& WithPartners(const RegionMatrix& share, const RegionDrawArray& own,
                                    RegionDrawArray& out) {
  if ((share.array() == 0.0).all()) return own;
  Multiply(share, own, out);
  out += own;
  return out;
}

const RegionDrawArray& Couple(const RegionMatrix& matrix, const RegionDrawArray& x,
                              RegionDrawArray& out) {
  if (matrix == RegionMatrix::Identity(matrix.rows(), matrix.cols())) return x;
  Multiply(matrix, x, out);
  return out;
}

}  // namespace sim
