// How many threads a count asked for means: a positive count as given, and
// 0 (or less) every core this machine has (at least 1). The one rule for
// aisim run's threads, the Monte Carlo CSV's formatting and sweep --jobs.
#pragma once

#include <algorithm>
#include <system_error>
#include <thread>
#include <vector>

namespace sim {

inline int ThreadsOrAllCores(int requested) {
  return requested > 0 ? requested : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

// Runs work() on `threads` threads, this one included, and returns when all
// have finished. `work` must take its tasks from a shared queue (e.g. an
// atomic counter), so that a thread the system cannot start leaves its share
// to the others instead of ending the process.
template <typename Work>
void RunOnThreads(int threads, const Work& work) {
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {
      break;
    }
  }
  work();
  for (std::thread& thread : pool) thread.join();
}

}  // namespace sim
