#include "sim/cli/explore_server.hpp"

#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>
#include <string>

namespace sim::cli {
namespace {

using Clock = std::chrono::steady_clock;

std::chrono::microseconds Duration(time_t seconds, time_t microseconds) {
  return std::chrono::seconds(seconds) + std::chrono::microseconds(microseconds);
}

// Waits until `sock` is ready for `events` (POLLIN or POLLOUT) or `deadline`
// passes; true when ready. A hang-up or error counts as ready: the recv() or
// send() that follows reports it.
bool WaitUntil(socket_t sock, short events, Clock::time_point deadline) {
  for (;;) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd entry{sock, events, 0};
    const int ready = poll(&entry, 1, static_cast<int>(left));
    if (ready >= 0) return ready > 0;
    if (errno != EINTR) return false;
  }
}

// "1.2.3.4" or "::1" and the port of one end of a connection.
void AddressOf(const sockaddr_storage& address, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = "";
  if (address.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
    inet_ntop(AF_INET, &v4.sin_addr, text, sizeof(text));
    port = ntohs(v4.sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
    inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof(text));
    port = ntohs(v6.sin6_port);
  }
  ip = text;
}

// httplib's Stream over one connection, with a deadline for a whole request
// and one for a whole answer (see explore_server.hpp). Unlike httplib's own
// stream it lives as long as the connection, so bytes of a pipelined next
// request stay in its buffer.
class DeadlineStream final : public httplib::Stream {
 public:
  DeadlineStream(socket_t sock, std::chrono::microseconds read_limit, std::chrono::microseconds write_limit)
      : sock_(sock), read_limit_(read_limit), write_limit_(write_limit) {}

  // A request begins (its first byte is here): it must be read by the read
  // limit from now, and its answer written by the write limit from the
  // answer's first byte.
  void StartRequest() {
    read_deadline_ = Clock::now() + read_limit_;
    write_deadline_.reset();
  }

  bool HasBuffered() const { return buffer_start_ < buffer_end_; }

  // A read ran out of time: httplib may still answer (400 for a short body),
  // but the connection is then out of step and must close.
  bool ReadTimedOut() const { return read_timed_out_; }

  bool is_readable() const override { return HasBuffered() || WaitUntil(sock_, POLLIN, read_deadline_); }

  bool is_writable() const override { return WaitUntil(sock_, POLLOUT, WriteDeadline()); }

  ssize_t read(char* data, size_t size) override {
    if (!HasBuffered()) {
      if (!WaitUntil(sock_, POLLIN, read_deadline_)) {
        read_timed_out_ = true;
        return -1;
      }
      const ssize_t received = recv(sock_, buffer_.data(), buffer_.size(), 0);
      if (received <= 0) return received;
      buffer_start_ = 0;
      buffer_end_ = static_cast<size_t>(received);
    }
    const size_t count = std::min(size, buffer_end_ - buffer_start_);
    std::memcpy(data, buffer_.data() + buffer_start_, count);
    buffer_start_ += count;
    return static_cast<ssize_t>(count);
  }

  // Sends what fits now (httplib calls again for the rest) without blocking
  // past the deadline; MSG_NOSIGNAL: a client gone is an error, not SIGPIPE.
  ssize_t write(const char* data, size_t size) override {
    for (;;) {
      if (!WaitUntil(sock_, POLLOUT, WriteDeadline())) return -1;
      const ssize_t sent = send(sock_, data, size, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (sent >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) return sent;
    }
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    if (getpeername(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0) AddressOf(address, ip, port);
  }

  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    if (getsockname(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0) AddressOf(address, ip, port);
  }

  socket_t socket() const override { return sock_; }

 private:
  // The answer's clock starts at its first write (or writability check);
  // httplib asks through const methods, hence mutable.
  Clock::time_point WriteDeadline() const {
    if (!write_deadline_) write_deadline_ = Clock::now() + write_limit_;
    return *write_deadline_;
  }

  socket_t sock_;
  std::chrono::microseconds read_limit_, write_limit_;
  Clock::time_point read_deadline_ = Clock::now();
  mutable std::optional<Clock::time_point> write_deadline_;
  bool read_timed_out_ = false;
  std::array<char, 4096> buffer_{};
  size_t buffer_start_ = 0, buffer_end_ = 0;
};

// The answer to a connection refused before its request is read: sent
// without waiting (a full socket buffer just loses it), then closed.
void Refuse(socket_t sock, explore::Admission why) {
  const bool client_full = why == explore::Admission::kClientFull;
  const std::string body =
      nlohmann::json{{"error", client_full ? "too many connections from your address at once; close some and try again"
                                           : "the server has too many connections open; try again in a moment"}}
          .dump();
  const std::string answer = std::string("HTTP/1.1 ") + (client_full ? "429 Too Many Requests" : "503 Service Unavailable") +
                             "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
                             std::to_string(body.size()) + "\r\nRetry-After: 1\r\nConnection: close\r\n\r\n" + body;
  [[maybe_unused]] const ssize_t sent = send(sock, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

}  // namespace

bool ExploreServer::process_and_close_socket(socket_t sock) {
  std::string address;
  int port = 0;
  sockaddr_storage peer{};
  socklen_t length = sizeof(peer);
  if (getpeername(sock, reinterpret_cast<sockaddr*>(&peer), &length) == 0) AddressOf(peer, address, port);
  bool served = false;
  const explore::Admission admission = limits_.OpenConnection(address);
  if (admission == explore::Admission::kAdmitted) {
    served = ServeConnection(sock);
    limits_.CloseConnection(address);
  } else {
    Refuse(sock, admission);
  }
  shutdown(sock, SHUT_RDWR);
  close(sock);
  return served;
}

bool ExploreServer::ServeConnection(socket_t sock) {
  DeadlineStream stream(sock, Duration(read_timeout_sec_, read_timeout_usec_),
                        Duration(write_timeout_sec_, write_timeout_usec_));
  // Waits for the next request in slices, so that stop() is noticed soon.
  const auto next_request = [&] {
    const auto idle_deadline = Clock::now() + std::chrono::seconds(keep_alive_timeout_sec_);
    while (svr_sock_ != INVALID_SOCKET && Clock::now() < idle_deadline) {
      if (stream.HasBuffered() ||
          WaitUntil(sock, POLLIN, std::min(idle_deadline, Clock::now() + std::chrono::milliseconds(100)))) {
        return true;
      }
    }
    return false;
  };
  bool ok = false;
  for (size_t count = 1; count <= keep_alive_max_count_ && next_request(); ++count) {
    stream.StartRequest();
    bool connection_closed = false;
    ok = process_request(stream, count == keep_alive_max_count_, connection_closed, nullptr);
    if (!ok || connection_closed || stream.ReadTimedOut()) break;
  }
  return ok;
}

}  // namespace sim::cli
