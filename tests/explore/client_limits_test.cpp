#include <catch2/catch.hpp>

#include "sim/explore/client_limits.hpp"

using sim::explore::Admission;
using sim::explore::ClientLimits;
using sim::explore::ClientLimitSettings;

TEST_CASE("one client's connections are capped without touching another client's") {
  ClientLimits limits(ClientLimitSettings{2, 10, 100, 3, 1});
  REQUIRE(limits.OpenConnection("10.0.0.1") == Admission::kAdmitted);
  REQUIRE(limits.OpenConnection("10.0.0.1") == Admission::kAdmitted);
  REQUIRE(limits.OpenConnection("10.0.0.1") == Admission::kClientFull);
  REQUIRE(limits.OpenConnection("10.0.0.2") == Admission::kAdmitted);
  limits.CloseConnection("10.0.0.1");
  REQUIRE(limits.OpenConnection("10.0.0.1") == Admission::kAdmitted);
}

TEST_CASE("connections from all clients together are capped, and a refused one is not counted") {
  ClientLimits limits(ClientLimitSettings{2, 3, 100, 3, 1});
  REQUIRE(limits.OpenConnection("a") == Admission::kAdmitted);
  REQUIRE(limits.OpenConnection("a") == Admission::kAdmitted);
  REQUIRE(limits.OpenConnection("a") == Admission::kClientFull);
  REQUIRE(limits.OpenConnection("b") == Admission::kAdmitted);
  REQUIRE(limits.OpenConnection("c") == Admission::kServerFull);
  limits.CloseConnection("b");
  REQUIRE(limits.OpenConnection("c") == Admission::kAdmitted);
  limits.CloseConnection("never-opened");  // ignored, counts nothing down
  REQUIRE(limits.OpenConnection("d") == Admission::kServerFull);
}

TEST_CASE("each client has its own token bucket: one client's flood leaves another's requests") {
  ClientLimits limits(ClientLimitSettings{8, 8, 3, 1, 10});
  for (int i = 0; i < 3; ++i) REQUIRE(limits.TakeRequest("flood", 0.0));
  REQUIRE_FALSE(limits.TakeRequest("flood", 0.0));
  REQUIRE(limits.TakeRequest("polite", 0.0));
  REQUIRE(limits.TakeRequest("flood", 1.0));  // refilled one per second
  REQUIRE_FALSE(limits.TakeRequest("flood", 1.0));
}

TEST_CASE("buckets of idle clients are forgotten; beyond the tracked count new clients share one") {
  // Capacity 2 at 1 per second: a bucket idle for more than 2 s is full again.
  ClientLimits limits(ClientLimitSettings{8, 8, 2, 1, 2});
  REQUIRE(limits.TakeRequest("a", 0.0));
  REQUIRE(limits.TakeRequest("b", 0.0));
  // a and b are recent: c and d share the overflow bucket (2 tokens).
  REQUIRE(limits.TakeRequest("c", 0.5));
  REQUIRE(limits.TakeRequest("d", 0.5));
  REQUIRE_FALSE(limits.TakeRequest("c", 0.5));
  // Later a and b are idle long enough to be forgotten: e gets its own bucket.
  REQUIRE(limits.TakeRequest("e", 3.0));
  REQUIRE(limits.TakeRequest("e", 3.0));
  REQUIRE_FALSE(limits.TakeRequest("e", 3.0));
}
