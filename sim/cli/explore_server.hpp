// The explorer's HTTP server: cpp-httplib's Server with its own way of
// serving a connection, so that a few sockets cannot stall it.
//
// httplib gives each connection a worker thread for as long as it is open,
// and its read timeout counts per recv(): a client sending one byte every few
// seconds, or promising a body it never sends, keeps its worker indefinitely,
// and 8 such clients held all of httplib's default 8 workers. ExploreServer
// keeps httplib's parsing and routing (process_request, the hook httplib's
// own SSLServer uses) and changes only the connection loop around it:
//   - a connection is admitted or refused (429/503) before any byte is read,
//     by ClientLimits: at most so many per client address and in total, fewer
//     than the worker threads, so a worker is always free to take and refuse
//     the next connection;
//   - a whole request (line, headers and body) must arrive within the read
//     timeout, counted from its first byte, and a whole answer leave within
//     the write timeout: a slow sender holds a worker seconds, not for ever;
//   - an idle keep-alive connection is closed after the keep-alive timeout,
//     and after the keep-alive count of requests.
#pragma once

#include <httplib.h>

#include "sim/explore/client_limits.hpp"

namespace sim::cli {

class ExploreServer : public httplib::Server {
 public:
  // `limits` must outlive the server. Timeouts and counts are httplib's own
  // settings (set_read_timeout, set_write_timeout, set_keep_alive_timeout,
  // set_keep_alive_max_count), with the whole-request meaning above.
  explicit ExploreServer(explore::ClientLimits& limits) : limits_(limits) {}

 private:
  bool process_and_close_socket(socket_t sock) override;
  bool ServeConnection(socket_t sock);

  explore::ClientLimits& limits_;
};

}  // namespace sim::cli
