// Rate limiting for the explorer server: one token bucket for all clients.
#pragma once

#include <mutex>

namespace sim::explore {

// Holds up to `capacity` tokens and gains `refill_per_second` tokens per
// second; each request takes one. A burst of `capacity` requests passes at
// once, then `refill_per_second` per second. Safe to call from many threads.
class TokenBucket {
 public:
  TokenBucket(double capacity, double refill_per_second);

  // Takes a token at `now_seconds` (any monotonic clock, never decreasing
  // between calls); returns false, taking nothing, when the bucket is empty.
  bool TryTake(double now_seconds);

 private:
  std::mutex mutex_;
  double capacity_, refill_per_second_;
  double tokens_;
  double last_seconds_ = 0;
  bool started_ = false;
};

}  // namespace sim::explore
