#include "sim/sweep/workers.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace sim {
namespace {

std::atomic<bool> g_stop{false};
extern "C" void OnSignal(int) { g_stop = true; }

}  // namespace

BlocksWritten ComputeInOrder(long long start, long long end, int block, int jobs,
                             const std::function<SweepChunk(int thread, long long first, int count)>& compute,
                             const std::function<void(SweepChunk& chunk)>& write, const std::atomic<bool>& stop) {
  const long long blocks = end > start ? (end - start + block - 1) / block : 0;
  jobs = std::max(1, jobs);
  const long long window = 2LL * jobs + 2;
  // Guarded by `mutex`: workers wait on `room` for the window to open,
  // the writer on `ready` for the next block in order.
  std::mutex mutex;
  std::condition_variable ready, room;
  std::map<long long, SweepChunk> finished;
  long long next_block = 0, written = 0;
  bool quit = false;  // the writer has stopped: no more blocks
  std::exception_ptr failure;

  auto worker = [&](int thread) {
    while (true) {
      long long b;
      {
        std::unique_lock<std::mutex> lock(mutex);
        room.wait(lock, [&] { return next_block - written < window || stop || failure || quit; });
        if (next_block >= blocks || stop || failure || quit) return;
        b = next_block++;
      }
      try {
        const long long first = start + b * block;
        const int count = static_cast<int>(std::min<long long>(block, end - first));
        SweepChunk chunk = compute(thread, first, count);
        std::lock_guard<std::mutex> lock(mutex);
        finished.emplace(b, std::move(chunk));
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!failure) failure = std::current_exception();
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (int i = 0; i < jobs; ++i) workers.emplace_back(worker, i);

  while (written < blocks) {
    SweepChunk chunk;
    {
      std::unique_lock<std::mutex> lock(mutex);
      // Timed: a signal sets `stop` but cannot notify.
      ready.wait_for(lock, std::chrono::milliseconds(200),
                     [&] { return finished.count(written) || failure || (stop && next_block == written); });
      if (failure) break;
      auto it = finished.find(written);
      if (it == finished.end()) {
        if (stop && next_block == written) break;
        continue;
      }
      chunk = std::move(it->second);
      finished.erase(it);
    }
    std::exception_ptr write_failure;
    try {
      write(chunk);
    } catch (...) {
      write_failure = std::current_exception();
    }
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (write_failure && !failure) failure = write_failure;
      ++written;
    }
    room.notify_all();
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    quit = true;
  }
  room.notify_all();
  for (std::thread& t : workers) t.join();
  return {written, failure};
}

StopOnSignal::StopOnSignal() {
  g_stop = false;
  old_int_ = std::signal(SIGINT, OnSignal);
  old_term_ = std::signal(SIGTERM, OnSignal);
}

StopOnSignal::~StopOnSignal() {
  std::signal(SIGINT, old_int_);
  std::signal(SIGTERM, old_term_);
}

const std::atomic<bool>& StopOnSignal::flag() const { return g_stop; }

}  // namespace sim
