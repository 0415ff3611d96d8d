// How many threads a count asked for means: a positive count as given, and
// 0 (or less) every core this machine has (at least 1). The one rule for
// aisim run's threads and sweep --jobs.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
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

// Runs task(i) for every i in [0, count) on up to `threads` threads (this
// one included). When tasks throw, the others still run to the end, and the
// exception of the lowest i is rethrown here: the same error whatever the
// thread count.
template <typename Task>
void ForEachTask(int threads, std::size_t count, const Task& task) {
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> failures(count);
  const std::size_t wanted = static_cast<std::size_t>(std::max(1, threads));
  RunOnThreads(static_cast<int>(std::max<std::size_t>(1, std::min(wanted, count))), [&] {
    for (std::size_t i; (i = next++) < count;) {
      try {
        task(i);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  });
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
}

}  // namespace sim
