#include "sim/output/time_shift.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>

namespace sim {

double ReachYear(const std::vector<double>& path, int first_year, double level) {
  if (path.empty()) throw std::invalid_argument("ReachYear needs a path of at least one year");
  // The running best: a path that dips has still reached what it once had.
  double best = path[0];
  if (best >= level) return first_year;
  for (std::size_t i = 1; i < path.size(); ++i) {
    if (path[i] >= level) {
      // path[i - 1] <= best < level <= path[i]: the path crosses the level in
      // this year's step, where it is above its earlier best.
      return first_year + static_cast<double>(i - 1) +
             (level - path[i - 1]) / (path[i] - path[i - 1]);
    }
    best = std::max(best, path[i]);
  }
  // Not reached within the path: beyond its last year it is taken to go on
  // at its last year's pace, so that a path still closing in gets a finite
  // time in the run's last years; one no longer rising never gets there.
  const std::size_t last = path.size() - 1;
  const double pace = last > 0 ? path[last] - path[last - 1] : 0.0;
  if (pace <= 0) return std::numeric_limits<double>::infinity();
  return first_year + static_cast<double>(last) + (level - path[last]) / pace;
}

double TimeShift(const std::vector<double>& base, int base_first_year,
                 const std::vector<double>& other, int other_first_year, int year) {
  const long index = static_cast<long>(year) - base_first_year;
  if (index < 0 || index >= static_cast<long>(base.size())) {
    throw std::invalid_argument("TimeShift: year " + std::to_string(year) + " is outside the base path");
  }
  const double level = base[static_cast<std::size_t>(index)];
  return ReachYear(other, other_first_year, level) - ReachYear(base, base_first_year, level);
}

std::string FormatTimeShift(double years) {
  if (std::isinf(years)) return "never (stops rising)";
  char text[48];
  std::snprintf(text, sizeof text, "%+.2f years", years);
  return text;
}

}  // namespace sim
