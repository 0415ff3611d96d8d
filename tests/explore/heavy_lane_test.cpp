#include <catch2/catch.hpp>

#include <future>
#include <optional>
#include <thread>

#include "sim/explore/heavy_lane.hpp"

using sim::explore::HeavyLane;
using namespace std::chrono_literals;

TEST_CASE("the heavy lane lets its number of runs through and refuses the rest when no one may wait") {
  HeavyLane lane(2, 0, 0ms);
  auto first = lane.Enter();
  auto second = lane.Enter();
  REQUIRE(first);
  REQUIRE(second);
  REQUIRE_FALSE(lane.Enter());
  {
    auto moved = std::move(first);  // a moved pass is released once, by its new owner
  }
  REQUIRE(lane.Enter());
}

TEST_CASE("a waiting run starts when a place frees up") {
  HeavyLane lane(1, 1, 10s);
  std::optional<HeavyLane::Pass> running(lane.Enter());
  REQUIRE(*running);
  auto waiter = std::async(std::launch::async, [&] { return static_cast<bool>(lane.Enter()); });
  std::this_thread::sleep_for(50ms);
  REQUIRE_FALSE(lane.Enter());  // the line (one place) is taken by the waiter
  running.reset();
  REQUIRE(waiter.get());
}

TEST_CASE("a waiting run gives up after the wait") {
  HeavyLane lane(1, 1, 100ms);
  auto running = lane.Enter();
  const auto started = std::chrono::steady_clock::now();
  REQUIRE_FALSE(lane.Enter());
  REQUIRE(std::chrono::steady_clock::now() - started >= 100ms);
}
