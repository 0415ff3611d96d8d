// How far behind one trajectory is another, in years: the question "does one
// year late mean three years behind?" asks of two runs of the same world.
//
// For a level L, a path's reach time is the first (fractional) year its
// running best reaches L, by linear interpolation between years; a level the
// path already had in its first year counts as reached in that year. The time
// shift of OTHER against BASE in year y is
//
//     reach(OTHER, L) - reach(BASE, L)   with L = BASE's value in year y,
//
// how many years later OTHER gets where BASE stood in y (negative: earlier).
// A pure delay, OTHER(t) = BASE(t - d), gives d wherever the sampled path
// is linear between years or d is whole. A level OTHER has not reached by its
// last year is reached at its last year's pace beyond it (an extrapolation,
// needed in the last years of any run that trails); +infinity when OTHER no
// longer rises in its last year.
#pragma once

#include <string>
#include <vector>

namespace sim {

// The first year in which `path` (values for years first_year,
// first_year + 1, ...) reaches `level`, interpolated linearly; first_year
// when path[0] >= level; beyond the last year at the last year's pace, and
// +infinity when that pace is not positive. `path` is not empty.
double ReachYear(const std::vector<double>& path, int first_year, double level);

// The time shift of `other` against `base` in `year` (which `base` covers),
// in years, as defined above.
double TimeShift(const std::vector<double>& base, int base_first_year,
                 const std::vector<double>& other, int other_first_year, int year);

// "+0.31 years", or "never (stops rising)" for +infinity.
std::string FormatTimeShift(double years);

}  // namespace sim
