// The leader's path: the best capability reached so far in each year, per
// sector and draw. Followers catch up on it (diffusion), and a region's gap
// is read on it as time ("years behind"), the same rule for every sector.
#pragma once

#include "sim/model/inputs.hpp"

namespace sim {

// Rows are years (row i is calendar year start_year - history_years + i,
// ModelInputs::history_years), columns are draws. Generative rows before
// the start come from the record (frontier_run_history); physical AI has no
// recorded frontier, so its rows start at the start year.
struct FrontierPath {
  RegionDrawArray generative, physical;  // capability units (log10), never falling
  // Capability units per year with which a path is extended back in time
  // before its first row: the recorded generative frontier's mean rate from
  // its first year to the start year (set in the start year).
  DrawRow back_slope;

  void Resize(int path_years, int draws);
};

// Rows 0 .. history_years - 1 of path.generative: the recorded largest runs,
// log10 FLOP in start-year algorithms, log10(run) + (year - start) log10 g_a.
void StartFrontierPath(const ModelInputs& inputs, const DrawAssumptions& assumptions,
                       FrontierPath& path);

// Row `row` of `path`: max(row - 1, best capability over regions this year);
// the first row of a sector is the best capability itself.
void ExtendFrontierPath(const RegionDrawArray& capability, int row, int first_row,
                        RegionDrawArray& path);

// Sets path.back_slope from the generative path's rows 0 .. row (the start
// year's row): (P(row) - P(0)) / row, at least kMinBackSlope.
void SetBackSlope(int row, FrontierPath& path);
inline constexpr double kMinBackSlope = 1e-3;

// The path's value at fractional rows `at` (R x N): linear between rows,
// P(last) at or after the last row, and before the first row extended back
// at `back_slope`. Written to `out`, which may not alias `at`.
void ValueOnPath(const RegionDrawArray& path, int first_row, int last_row, const DrawRow& back_slope,
                 const RegionDrawArray& at, RegionDrawArray& out);

// Years behind: last_row - the latest (fractional) row at which the path was
// no higher than `capability` (R x N); 0 at or above P(last). Below the first
// row, the path is extended back at `back_slope`. Written to `out`.
void TimeBehind(const RegionDrawArray& path, int first_row, int last_row, const DrawRow& back_slope,
                const RegionDrawArray& capability, RegionDrawArray& out);

}  // namespace sim
