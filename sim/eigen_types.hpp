// Eigen type aliases used across the model. One place, so that the shape
// convention (one row per region, one column per Monte Carlo draw) is stated once.
#pragma once

#include <Eigen/Dense>

namespace sim {

// State of every region in every draw: rows = regions (R), columns = draws (N).
// Row-major: a region's draws are contiguous, so that the year loop's many
// per-draw operations (a global assumption broadcast down the regions with
// .rowwise(), sums and maxima over regions) run on SIMD packets along a
// row, and a sum over regions adds whole rows in region order, whatever the
// packet width. A per-region constant is applied row by row (a .colwise()
// broadcast in a row-major array is evaluated element by element).
using RegionDrawArray = Eigen::Array<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Region x year tables (R x T), and the per-draw tables of sweeps, R x (T * N)
// with year k's draws in columns k * N .. k * N + N - 1 (inputs.hpp):
// row-major like the state, so a year's block of draws is contiguous per region.
using RegionTable = Eigen::Array<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// One value per draw (a global assumption sampled per draw): 1 x N.
using DrawRow = Eigen::Array<double, 1, Eigen::Dynamic>;

// One value per region (a lever or a starting value): R x 1.
using RegionColumn = Eigen::ArrayXd;

// `row` repeated down `regions` rows (R x N), for a per-draw value inside a
// larger expression. The column factor is 1 at compile time, so Eigen reads
// the row with SIMD packets and no index arithmetic (row.replicate(R, 1)
// computes a modulo per element and is not vectorised).
inline Eigen::Replicate<DrawRow, Eigen::Dynamic, 1> PerDraw(const DrawRow& row, Eigen::Index regions) {
  return Eigen::Replicate<DrawRow, Eigen::Dynamic, 1>(row, regions, 1);
}

// The maximum and the sum over regions of every draw (R x N -> 1 x N), one
// whole row at a time in region order 0, 1, ..., R - 1: the order of the
// additions never depends on the SIMD width (bit-identical on any CPU).
template <typename Derived>
void MaxOverRegions(const Eigen::ArrayBase<Derived>& x, DrawRow& out) {
  out = x.row(0);
  for (Eigen::Index r = 1; r < x.rows(); ++r) out = out.max(x.row(r));
}
template <typename Derived>
void SumOverRegions(const Eigen::ArrayBase<Derived>& x, DrawRow& out) {
  out = x.row(0);
  for (Eigen::Index r = 1; r < x.rows(); ++r) out += x.row(r);
}

// Cross-region coupling (alliances, talent affinity): R x R, applied to all
// draws at once as whole-row multiply-adds in region order (alliances.cpp),
// not an Eigen product, so that the bits do not depend on the CPU.
using RegionMatrix = Eigen::MatrixXd;

}  // namespace sim
