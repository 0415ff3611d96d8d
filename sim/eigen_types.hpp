// Eigen type aliases used across the model. One place, so that the shape
// convention (one row per region, one column per Monte Carlo draw) is stated once.
#pragma once

#include <Eigen/Dense>

namespace sim {

// State of every region in every draw: rows = regions (R), columns = draws (N).
using RegionDrawArray = Eigen::ArrayXXd;

// One value per draw (a global assumption sampled per draw): 1 x N.
using DrawRow = Eigen::Array<double, 1, Eigen::Dynamic>;

// One value per region (a lever or a starting value): R x 1.
using RegionColumn = Eigen::ArrayXd;

// Cross-region coupling (alliances, talent affinity): R x R, applied to all
// draws at once as `matrix * state` (state viewed as an R x N matrix).
using RegionMatrix = Eigen::MatrixXd;

}  // namespace sim
