#include <catch2/catch.hpp>

#include "sim/explore/token_bucket.hpp"

using sim::explore::TokenBucket;

TEST_CASE("a token bucket lets a burst of its capacity through, then refuses") {
  TokenBucket bucket(3, 1);
  REQUIRE(bucket.TryTake(10.0));
  REQUIRE(bucket.TryTake(10.0));
  REQUIRE(bucket.TryTake(10.0));
  REQUIRE_FALSE(bucket.TryTake(10.0));
  REQUIRE_FALSE(bucket.TryTake(10.5));  // half a token is not enough
}

TEST_CASE("a token bucket refills at its rate and never beyond its capacity") {
  TokenBucket bucket(2, 4);  // 4 tokens per second
  REQUIRE(bucket.TryTake(0.0));
  REQUIRE(bucket.TryTake(0.0));
  REQUIRE_FALSE(bucket.TryTake(0.0));
  REQUIRE(bucket.TryTake(0.25));  // one token back after a quarter second
  REQUIRE_FALSE(bucket.TryTake(0.25));
  // A long pause refills only up to the capacity.
  REQUIRE(bucket.TryTake(100.0));
  REQUIRE(bucket.TryTake(100.0));
  REQUIRE_FALSE(bucket.TryTake(100.0));
}

TEST_CASE("a token bucket ignores a clock that steps back") {
  TokenBucket bucket(1, 1);
  REQUIRE(bucket.TryTake(50.0));
  REQUIRE_FALSE(bucket.TryTake(40.0));
  REQUIRE_FALSE(bucket.TryTake(50.5));
  REQUIRE(bucket.TryTake(51.0));
}
