#include "sim/explore/heavy_lane.hpp"

namespace sim::explore {

HeavyLane::HeavyLane(int running, int waiting, std::chrono::milliseconds wait)
    : running_limit_(running), waiting_limit_(waiting), wait_(wait) {}

HeavyLane::Pass::Pass(Pass&& other) noexcept : lane_(other.lane_) { other.lane_ = nullptr; }

HeavyLane::Pass::~Pass() {
  if (lane_ != nullptr) lane_->Leave();
}

HeavyLane::Pass HeavyLane::Enter() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (running_ < running_limit_) {
    ++running_;
    return Pass(this);
  }
  if (waiting_ >= waiting_limit_) return Pass(nullptr);
  ++waiting_;
  const bool started = freed_.wait_for(lock, wait_, [&] { return running_ < running_limit_; });
  --waiting_;
  if (!started) return Pass(nullptr);
  ++running_;
  return Pass(this);
}

void HeavyLane::Leave() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    --running_;
  }
  freed_.notify_one();
}

}  // namespace sim::explore
