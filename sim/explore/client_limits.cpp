#include "sim/explore/client_limits.hpp"

namespace sim::explore {

ClientLimits::ClientLimits(const ClientLimitSettings& settings)
    : settings_(settings), overflow_(settings.burst_requests, settings.requests_per_second) {}

Admission ClientLimits::OpenConnection(const std::string& address) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (open_in_total_ >= settings_.connections_in_total) return Admission::kServerFull;
  std::size_t& open = open_connections_[address];
  if (open >= settings_.connections_per_client) return Admission::kClientFull;
  ++open;
  ++open_in_total_;
  return Admission::kAdmitted;
}

void ClientLimits::CloseConnection(const std::string& address) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto found = open_connections_.find(address);
  if (found == open_connections_.end() || found->second == 0) return;
  --open_in_total_;
  if (--found->second == 0) open_connections_.erase(found);
}

void ClientLimits::ForgetIdleClients(double now_seconds) {
  // After capacity / rate seconds without a request a bucket is full again.
  const double refill_seconds = settings_.burst_requests / settings_.requests_per_second;
  for (auto client = clients_.begin(); client != clients_.end();) {
    if (now_seconds - client->second.last_request_seconds > refill_seconds) {
      client = clients_.erase(client);
    } else {
      ++client;
    }
  }
}

bool ClientLimits::TakeRequest(const std::string& address, double now_seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = clients_.find(address);
  if (found == clients_.end() && clients_.size() >= settings_.tracked_clients) {
    ForgetIdleClients(now_seconds);
  }
  if (found == clients_.end() && clients_.size() < settings_.tracked_clients) {
    found = clients_.try_emplace(address, settings_.burst_requests, settings_.requests_per_second).first;
  }
  if (found == clients_.end()) return overflow_.TryTake(now_seconds);
  found->second.last_request_seconds = now_seconds;
  return found->second.bucket.TryTake(now_seconds);
}

}  // namespace sim::explore
