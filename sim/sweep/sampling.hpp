// Sampling designs: sample i's point in the unit cube depends only on
// (method, seed, i, sample count, dimensions), never on threads or shards.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/eigen_types.hpp"
#include "sim/sweep/study.hpp"

namespace sim {

class SampleDesign {
 public:
  // `dimensions` varied paths; `base` is the study's `samples` (LHS count,
  // Sobol base size, Morris trajectories); `grid_steps` points per path for
  // grid. Validate first with CheckDesign.
  SampleDesign(SweepMethod method, int dimensions, long long base, std::uint64_t seed,
               std::vector<int> grid_steps, int morris_levels);

  // Total model runs: grid: product of steps; lhs: base; sobol (Saltelli,
  // first and total order): base * (dimensions + 2); morris: base * (dimensions + 1).
  long long Count() const { return count_; }

  // Unit-cube points of samples [first, first + count) as a dimensions x count
  // array (column j = sample first + j). Grid and Morris points lie on
  // k / (levels - 1); LHS and Sobol points lie strictly inside (0, 1).
  void Fill(long long first, int count, Eigen::ArrayXXd& unit) const;

  SweepMethod method() const { return method_; }
  int dimensions() const { return dimensions_; }
  long long base() const { return base_; }
  std::uint64_t seed() const { return seed_; }
  int morris_levels() const { return morris_levels_; }

 private:
  SweepMethod method_;
  int dimensions_;
  long long base_;
  std::uint64_t seed_;
  std::vector<int> grid_steps_;
  int morris_levels_;
  long long count_;
};

// Raises ScenarioError (at `at`) when a design cannot be built: Sobol base not
// a power of two, too few samples, a grid of more than 2^40 points, ...
void CheckDesign(const Study& study, const SourceLocation& at);

// The Morris trajectory layout of sample i: trajectory t = i / (D + 1),
// step k = i % (D + 1); for k > 0 the path changed at step k and the signed
// step in unit space (+-delta). Sensitivity reads this to form elementary effects.
struct MorrisStep {
  int dimension;
  double delta;
};
MorrisStep MorrisStepOf(const SampleDesign& design, long long trajectory, int step);

}  // namespace sim
