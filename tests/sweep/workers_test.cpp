// The sweep's worker pool (sim/sweep/workers.hpp) in process, with a fake
// computation: blocks arrive in order whatever the threads, a stop or a
// failure ends it cleanly.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

#include "sim/sweep/workers.hpp"

namespace {

// A block's "CSV": one line per sample number; blocks sleep a little, longer
// for early ones, so that with several threads they finish out of order.
sim::SweepChunk Fake(long long first, int count) {
  std::this_thread::sleep_for(std::chrono::microseconds(first % 7 == 0 ? 300 : 20));
  sim::SweepChunk chunk;
  chunk.count = count;
  for (long long i = first; i < first + count; ++i) chunk.samples += std::to_string(i) + "\n";
  return chunk;
}

std::string Expected(long long start, long long end) {
  std::string text;
  for (long long i = start; i < end; ++i) text += std::to_string(i) + "\n";
  return text;
}

}  // namespace

TEST_CASE("blocks are written in sample order on any number of threads") {
  const std::atomic<bool> stop{false};
  for (const int jobs : {1, 2, 3, 8}) {
    std::string written;
    std::atomic<int> bad_thread{0};
    const sim::BlocksWritten run = sim::ComputeInOrder(
        5, 1000, 16, jobs,
        [&](int thread, long long first, int count) {
          if (thread < 0 || thread >= jobs) ++bad_thread;
          return Fake(first, count);
        },
        [&](sim::SweepChunk& chunk) { written += chunk.samples; }, stop);
    CHECK(run.blocks == 63);  // 995 samples in blocks of 16
    CHECK_FALSE(run.failure);
    CHECK(bad_thread == 0);
    CHECK(written == Expected(5, 1000));
  }
}

TEST_CASE("an empty range computes nothing") {
  const std::atomic<bool> stop{false};
  int calls = 0;
  const sim::BlocksWritten run = sim::ComputeInOrder(
      256, 256, 256, 4, [&](int, long long first, int count) { ++calls; return Fake(first, count); },
      [&](sim::SweepChunk&) { ++calls; }, stop);
  CHECK(run.blocks == 0);
  CHECK(calls == 0);
}

TEST_CASE("a stop writes the blocks already begun and begins no other") {
  std::atomic<bool> stop{false};
  std::string written;
  const sim::BlocksWritten run = sim::ComputeInOrder(
      0, 100000, 10, 3, [&](int, long long first, int count) { return Fake(first, count); },
      [&](sim::SweepChunk& chunk) {
        written += chunk.samples;
        if (chunk.samples.rfind("50\n", 0) == 0) stop = true;
      },
      stop);
  CHECK(run.blocks >= 6);
  CHECK(run.blocks <= 6 + 2 * 3 + 2);  // at most the window was ahead of the writer
  CHECK_FALSE(run.failure);
  CHECK(written == Expected(0, run.blocks * 10));
}

TEST_CASE("a failing block is returned, not thrown, and stops the pool") {
  const std::atomic<bool> stop{false};
  std::string written;
  const sim::BlocksWritten run = sim::ComputeInOrder(
      0, 10000, 10, 4,
      [&](int, long long first, int count) {
        if (first == 200) throw std::runtime_error("block 20 failed");
        return Fake(first, count);
      },
      [&](sim::SweepChunk& chunk) { written += chunk.samples; }, stop);
  REQUIRE(run.failure);
  CHECK_THROWS_WITH(std::rethrow_exception(run.failure), "block 20 failed");
  CHECK(run.blocks <= 20);
  CHECK(written == Expected(0, run.blocks * 10));
}

TEST_CASE("a failing write counts its block, is returned and stops the pool") {
  const std::atomic<bool> stop{false};
  int writes = 0;
  const sim::BlocksWritten run = sim::ComputeInOrder(
      0, 10000, 10, 2, [&](int, long long first, int count) { return Fake(first, count); },
      [&](sim::SweepChunk&) {
        if (++writes == 3) throw std::runtime_error("disk full");
      },
      stop);
  REQUIRE(run.failure);
  CHECK(run.blocks == 3);
  CHECK(writes == 3);
}
