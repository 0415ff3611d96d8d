// How many threads a count asked for means: a positive count as given, and
// 0 (or less) every core this machine has (at least 1). The one rule for
// aisim run's threads, the Monte Carlo CSV's formatting and sweep --jobs.
#pragma once

#include <algorithm>
#include <thread>

namespace sim {

inline int ThreadsOrAllCores(int requested) {
  return requested > 0 ? requested : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace sim
