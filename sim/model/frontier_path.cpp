#include "sim/model/frontier_path.hpp"

#include <cmath>

#include "sim/model/vector_math.hpp"

namespace sim {

void FrontierPath::Resize(int path_years, int draws) {
  generative.resize(path_years, draws);
  physical.resize(path_years, draws);
  back_slope.resize(draws);
}

void StartFrontierPath(const ModelInputs& inputs, const DrawAssumptions& assumptions,
                       FrontierPath& path) {
  DrawRow& log_growth = path.back_slope;  // set properly in the start year (SetBackSlope)
  log_growth = assumptions.algorithmic_progress;
  Log10InPlace(log_growth);
  for (int i = 0; i < inputs.history_years; ++i) {
    const double years_before_start = inputs.history_years - i;
    path.generative.row(i) = inputs.frontier_history_log10(i) - years_before_start * log_growth;
    if (i > 0) path.generative.row(i) = path.generative.row(i).max(path.generative.row(i - 1));
  }
}

void ExtendFrontierPath(const RegionDrawArray& capability, int row, int first_row,
                        RegionDrawArray& path) {
  path.row(row) = capability.row(0);
  for (Eigen::Index r = 1; r < capability.rows(); ++r) {
    path.row(row) = path.row(row).max(capability.row(r));
  }
  if (row > first_row) path.row(row) = path.row(row).max(path.row(row - 1));
}

void SetBackSlope(int row, FrontierPath& path) {
  path.back_slope = ((path.generative.row(row) - path.generative.row(0)) / static_cast<double>(row))
                        .max(kMinBackSlope);
}

// Both functions below go over the path row by row for every region: the
// last matching row wins, so no per-element search is needed, and each
// step is elementwise (the same bits on every vector width).
void ValueOnPath(const RegionDrawArray& path, int first_row, int last_row, const DrawRow& back_slope,
                 const RegionDrawArray& at, RegionDrawArray& out) {
  for (Eigen::Index r = 0; r < at.rows(); ++r) {
    out.row(r) = path.row(first_row) - (static_cast<double>(first_row) - at.row(r)) * back_slope;
    for (int j = first_row; j < last_row; ++j) {
      out.row(r) = (at.row(r) >= static_cast<double>(j))
                       .select(path.row(j) + (at.row(r) - static_cast<double>(j)) *
                                                 (path.row(j + 1) - path.row(j)),
                               out.row(r));
    }
    out.row(r) = (at.row(r) >= static_cast<double>(last_row)).select(path.row(last_row), out.row(r));
  }
}

void TimeBehind(const RegionDrawArray& path, int first_row, int last_row, const DrawRow& back_slope,
                const RegionDrawArray& capability, RegionDrawArray& out) {
  for (Eigen::Index r = 0; r < capability.rows(); ++r) {
    // `out` holds the row at which the path had this capability.
    out.row(r) = static_cast<double>(first_row) - (path.row(first_row) - capability.row(r)) / back_slope;
    for (int j = first_row; j < last_row; ++j) {
      // Where P(j) <= c < P(j + 1) the quotient is in [0, 1); where the path
      // is flat, P(j + 1) <= c too and row j + 1 (or the last) overrides it.
      out.row(r) = (path.row(j) <= capability.row(r))
                       .select(static_cast<double>(j) + (capability.row(r) - path.row(j)) /
                                                            (path.row(j + 1) - path.row(j)),
                               out.row(r));
    }
    out.row(r) = (path.row(last_row) <= capability.row(r))
                     .select(static_cast<double>(last_row), out.row(r));
    out.row(r) = static_cast<double>(last_row) - out.row(r);
  }
}

}  // namespace sim
