#include "sim/explore/token_bucket.hpp"

#include <algorithm>

namespace sim::explore {

TokenBucket::TokenBucket(double capacity, double refill_per_second)
    : capacity_(capacity), refill_per_second_(refill_per_second), tokens_(capacity) {}

bool TokenBucket::TryTake(double now_seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (started_) {
    // A clock that steps back adds nothing (max with 0), never removes tokens.
    tokens_ = std::min(capacity_, tokens_ + std::max(0.0, now_seconds - last_seconds_) * refill_per_second_);
  }
  started_ = true;
  last_seconds_ = std::max(last_seconds_, now_seconds);
  if (tokens_ < 1) return false;
  tokens_ -= 1;
  return true;
}

}  // namespace sim::explore
