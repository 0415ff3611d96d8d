#include <cassert>
#include <cmath>
#include <iterator>

#include "sim/scenario/scenario.hpp"

namespace sim {

// A constant is stored as one point at year 0. At() is flat outside the given
// years, so the key does not change any value; and since file years lie in
// 2000..2100, year 0 keeps a constant distinguishable from a one-point map
// such as {2030: 5} when the scenario is written back (WriteResolvedYaml).
Schedule Schedule::Constant(double value) {
  Schedule schedule;
  schedule.points.emplace(0, value);
  return schedule;
}

bool Schedule::IsConstant() const { return points.size() == 1 && points.begin()->first == 0; }

double Schedule::At(double year) const {
  assert(!points.empty());
  // The first point after floor(year); the point at or before `year` (if
  // any) precedes it.
  const auto after = points.upper_bound(static_cast<int>(std::floor(year)));
  if (after == points.begin()) return after->second;
  const auto before = std::prev(after);
  if (after == points.end() || year <= before->first) return before->second;
  const double fraction = (year - before->first) / (after->first - before->first);
  return before->second + fraction * (after->second - before->second);
}

}  // namespace sim
