// The sweep's worker pool: threads compute blocks of samples in any order,
// and the calling thread receives them in block order, so the files are
// written in sample order whatever the number of threads. Knows nothing of
// the model or of files: the runner passes what to compute and how to write.
#pragma once

#include <atomic>
#include <exception>
#include <functional>
#include <string>

namespace sim {

// The CSV lines of one block of samples, as the data files receive them.
struct SweepChunk {
  std::string samples, outcomes, timeseries;
  int count = 0;  // samples in the block
};

// How a run of ComputeInOrder ended.
struct BlocksWritten {
  long long blocks = 0;        // blocks passed to `write`, a prefix of all of them
  std::exception_ptr failure;  // what `compute` or `write` threw first; null if nothing
};

// Computes the samples [start, end) in blocks of `block` samples (the last
// may be shorter) on `jobs` threads (at least one): `compute(thread, first,
// count)` runs on worker `thread` in [0, jobs), so per-thread buffers can be
// indexed by it. `write(chunk)` runs on the calling thread, once per block in
// block order; a block counts as written even when `write` throws. At most
// 2 jobs + 2 blocks wait to be written. When `stop` becomes true (polled
// every 200 ms), the blocks already started are written and no others begun.
// After the first exception no block is begun or written; it is returned,
// not thrown, so the caller can record the progress first. All threads have
// ended when this returns.
BlocksWritten ComputeInOrder(long long start, long long end, int block, int jobs,
                             const std::function<SweepChunk(int thread, long long first, int count)>& compute,
                             const std::function<void(SweepChunk& chunk)>& write, const std::atomic<bool>& stop);

// While it lives, SIGINT and SIGTERM set flag() instead of ending the
// process (a sweep then stops at a block boundary and can be resumed); the
// previous handlers are restored when it is destroyed. One at a time.
class StopOnSignal {
 public:
  StopOnSignal();
  ~StopOnSignal();
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;

  const std::atomic<bool>& flag() const;

 private:
  void (*old_int_)(int);
  void (*old_term_)(int);
};

}  // namespace sim
