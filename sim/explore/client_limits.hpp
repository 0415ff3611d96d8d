// What one client of the explorer may use, so that one client's flood cannot
// lock the others out: open connections per client address and in total, and
// a request rate (a token bucket) per client address.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <string>

#include "sim/explore/token_bucket.hpp"

namespace sim::explore {

struct ClientLimitSettings {
  std::size_t connections_per_client;  // open at once from one address
  std::size_t connections_in_total;    // open at once from all addresses
  double burst_requests;               // a client's token bucket capacity
  double requests_per_second;          // and its refill rate
  std::size_t tracked_clients;         // token buckets kept at most (memory bound)
};

// Why a new connection is refused, or kAdmitted.
enum class Admission { kAdmitted, kClientFull, kServerFull };

class ClientLimits {
 public:
  explicit ClientLimits(const ClientLimitSettings& settings);

  // A connection from `address` opens: kAdmitted counts it (the caller must
  // call CloseConnection with the same address when it ends); otherwise it is
  // not counted and the caller closes it at once.
  Admission OpenConnection(const std::string& address);
  void CloseConnection(const std::string& address);

  // A request from `address` at `now_seconds` (monotonic): takes a token from
  // that client's bucket; false when it is empty. Buckets of clients idle long
  // enough to be full again are forgotten (forgetting a full bucket changes
  // nothing); while `tracked_clients` active buckets exist, new clients share
  // one overflow bucket. Safe to call from many threads.
  bool TakeRequest(const std::string& address, double now_seconds);

 private:
  struct Client {
    Client(double capacity, double refill) : bucket(capacity, refill) {}
    TokenBucket bucket;
    double last_request_seconds = 0;
  };
  void ForgetIdleClients(double now_seconds);

  const ClientLimitSettings settings_;
  std::mutex mutex_;
  std::map<std::string, std::size_t> open_connections_;
  std::size_t open_in_total_ = 0;
  std::map<std::string, Client> clients_;
  TokenBucket overflow_;
};

}  // namespace sim::explore
