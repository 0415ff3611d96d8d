// Runs with many draws go through their own lane: at most `running` of them
// at once, at most `waiting` more in line, each waiting at most
// `wait_seconds`; the rest are refused at once. Cheap requests never enter
// the lane, so a flood of large runs costs the server at most `running` cores
// and a bounded queue, and a one-draw slider move is answered meanwhile.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace sim::explore {

class HeavyLane {
 public:
  HeavyLane(int running, int waiting, std::chrono::milliseconds wait);

  // A place in the lane, held for as long as this object lives. False (and
  // holding nothing) when the line was full or the wait ran out.
  class Pass {
   public:
    Pass(Pass&& other) noexcept;
    Pass& operator=(Pass&&) = delete;
    ~Pass();
    explicit operator bool() const { return lane_ != nullptr; }

   private:
    friend class HeavyLane;
    explicit Pass(HeavyLane* lane) : lane_(lane) {}
    HeavyLane* lane_;
  };

  // Blocks until a run may start (then a true Pass), or answers a false Pass
  // at once when `waiting` requests already wait, or after the wait. Safe to
  // call from many threads; the lane must outlive its passes.
  Pass Enter();

 private:
  void Leave();

  const int running_limit_, waiting_limit_;
  const std::chrono::milliseconds wait_;
  std::mutex mutex_;
  std::condition_variable freed_;
  int running_ = 0, waiting_ = 0;
};

}  // namespace sim::explore
