// aisim explore: serve the explorer page on a local web server. Each request
// goes to sim::explore::Route (sim/explore/api.hpp), which runs the real
// model; this file only binds, limits and answers.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <netinet/tcp.h>

#include <csignal>
#include <chrono>
#include <iostream>
#include <thread>

#include "sim/cli/commands.hpp"
#include "sim/cli/explore_server.hpp"
#include "sim/cli/options.hpp"
#include "sim/error.hpp"
#include "sim/explore/api.hpp"
#include "sim/explore/client_limits.hpp"
#include "sim/explore/heavy_lane.hpp"
#include "sim/explore/what_if.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage = R"(Usage: aisim explore [SCENARIO] [OPTIONS]

Serves the explorer on a local web server and prints its address: sliders for
a region's levers and the main global assumptions, charts of every region over
the years, re-run on the real model at every move. Open the address in a
browser; Ctrl-C stops the server.

Examples:
  aisim explore
  aisim explore my-plan.yaml --port 8080
  aisim explore --set regions.KR.public_budget=12)";

// What each client may use (sim/explore/client_limits.hpp). Requests: a
// burst of 200, then 100 per second, per client address; a slider drag sends
// at most one request per redraw. Connections: a browser opens about 6 to a
// server; 24 per address leaves room for several tabs and for 16 misbehaving
// connections from the user's own address (loopback is one address for
// everyone on this computer) beside the page's own.
constexpr explore::ClientLimitSettings kClientLimits{
    /*connections_per_client=*/24, /*connections_in_total=*/48,
    /*burst_requests=*/200, /*requests_per_second=*/100, /*tracked_clients=*/1024};
// A connection holds a worker thread while it is open (httplib's model), so
// there are more workers than connections may be open in total: the spare
// ones take each new connection and refuse it at once when over a limit.
// An idle worker costs a thread's stack, nothing else.
constexpr int kWorkerThreads = 64;
static_assert(kWorkerThreads > kClientLimits.connections_in_total);
// A whole request (line, headers, body) must arrive within this many seconds
// of its first byte; a page's request on loopback takes well under 1 ms.
constexpr time_t kRequestSeconds = 2;
constexpr time_t kAnswerSeconds = 5;
// An idle connection is closed after this; a slider drag sends far more often.
constexpr time_t kIdleSeconds = 2;
constexpr size_t kRequestsPerConnection = 100;
// Runs of more than kMaxCheapDraws draws: one at a time (the model is single
// threaded; a 2-core machine keeps a core for slider moves), 4 more waiting up
// to 5 s each; the rest are told 503 at once instead of queueing for ever.
constexpr int kHeavyRunning = 1;
constexpr int kHeavyWaiting = 4;
constexpr std::chrono::milliseconds kHeavyWait{5000};

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" ||
         host.compare(0, 4, "127.") == 0;
}

double SecondsNow() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// The message may quote request bytes that are not UTF-8: replaced, so that
// dump() cannot throw.
void SendJsonError(httplib::Response& response, int status, const std::string& message) {
  response.status = status;
  response.set_content(nlohmann::json{{"error", message}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       "application/json; charset=utf-8");
}

// A page on another site can make a browser POST here (a form, or fetch in
// no-cors mode), but only as text/plain, a form or multipart, and with that
// site's Origin. So a POST must be application/json, which such a page cannot
// send without a CORS preflight that this server never grants, and an Origin,
// when the browser sends one, must be this server's own (the Host header,
// itself checked to be loopback when serving on loopback). Returns the
// refusal's status, or 0 to go on.
int CrossSiteRefusal(const httplib::Request& request, std::string& message) {
  if (request.method != "POST") return 0;
  const std::string origin = request.get_header_value("Origin");
  if (!origin.empty() && origin != "http://" + request.get_header_value("Host")) {
    message = "a POST from another site (Origin " + origin + ") is refused";
    return 403;
  }
  const std::string type = request.get_header_value("Content-Type");
  const std::string json = "application/json";
  if (type.compare(0, json.size(), json) != 0 || (type.size() > json.size() && type[json.size()] != ';')) {
    message = "a POST must have Content-Type: application/json";
    return 415;
  }
  return 0;
}

int Explore(const po::variables_map& values) {
  const Scenario base = LoadScenario(values["scenario"].as<std::string>(),
                                     values["set"].as<std::vector<std::string>>());
  const std::string host = values["host"].as<std::string>();
  const int port = values["port"].as<int>();
  if (port < 0 || port > 65535) {
    throw ScenarioError({"--port", 0, 0}, "port " + std::to_string(port) + " is not in [0, 65535]",
                        "leave --port out to let aisim choose a free port");
  }
  const bool loopback = IsLoopback(host);
  if (!loopback) {
    std::cerr << "aisim: warning: serving on " << host
              << ", not only this computer: anyone who can reach it can run the model here\n";
  }

  explore::ClientLimits limits(kClientLimits);
  explore::HeavyLane heavy_lane(kHeavyRunning, kHeavyWaiting, kHeavyWait);
  ExploreServer server(limits);
  server.new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
  // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which would
  // let a second server share a port that is already in use. TCP_NODELAY
  // (inherited by accepted connections on Linux): without it Nagle's
  // algorithm and delayed ACKs hold every answer back ~40 ms.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<void*>(&yes), sizeof(yes));
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, reinterpret_cast<void*>(&yes), sizeof(yes));
  });
  server.set_payload_max_length(explore::kMaxBodyBytes);
  server.set_read_timeout(kRequestSeconds, 0);
  server.set_write_timeout(kAnswerSeconds, 0);
  server.set_keep_alive_timeout(kIdleSeconds);
  server.set_keep_alive_max_count(kRequestsPerConnection);
  server.set_tcp_nodelay(true);
  int bound_port = 0;

  server.set_pre_routing_handler([&](const httplib::Request& request, httplib::Response& response) {
    // On loopback, accept only requests addressed to loopback, so that a web
    // page elsewhere cannot reach the server through a DNS name (rebinding).
    if (loopback) {
      const std::string host_header = request.get_header_value("Host");
      const std::string port_text = ":" + std::to_string(bound_port);
      const std::string own = (host.find(':') != std::string::npos ? "[" + host + "]" : host) + port_text;
      if (host_header != own && host_header != "127.0.0.1" + port_text &&
          host_header != "localhost" + port_text && host_header != "[::1]" + port_text) {
        SendJsonError(response, 403, "requests must be addressed to " + own);
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    std::string refusal;
    if (const int status = CrossSiteRefusal(request, refusal)) {
      SendJsonError(response, status, refusal);
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!limits.TakeRequest(request.remote_addr, SecondsNow())) {
      SendJsonError(response, 429, "too many requests from your address: at most " +
                                       std::to_string(static_cast<int>(kClientLimits.requests_per_second)) +
                                       " per second; try again in a moment");
      response.set_header("Retry-After", "1");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  const auto handle = [&](const httplib::Request& request, httplib::Response& response) {
    const auto started = std::chrono::steady_clock::now();
    const explore::Answer answer = explore::Route(base, heavy_lane, request.method, request.path, request.body);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    response.status = answer.status;
    response.set_content(answer.body, answer.content_type.c_str());
    if (!answer.filename.empty()) {
      response.set_header("Content-Disposition", "attachment; filename=\"" + answer.filename + "\"");
    }
    response.set_header("Server-Timing", "model;dur=" + std::to_string(ms));
    if (answer.status == 503) response.set_header("Retry-After", "1");
    response.set_header("Cache-Control", "no-store");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Content-Security-Policy",
                        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:");
  };
  server.Get(R"(/.*)", handle);
  server.Post(R"(/.*)", handle);
  // What httplib answers by itself (an oversized body: 413; other methods:
  // 400/405) gets a message too.
  server.set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (!response.body.empty()) return;
    std::string message = "request refused (HTTP " + std::to_string(response.status) + ")";
    if (response.status == 413) {
      message = "request body is over the " + std::to_string(explore::kMaxBodyBytes) + "-byte limit";
    }
    SendJsonError(response, response.status, message);
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
    std::string message = "internal error";
    try {
      if (error) std::rethrow_exception(error);
    } catch (const std::exception& e) {
      message += std::string(": ") + e.what();
    } catch (...) {
    }
    SendJsonError(response, 500, message);
  });

  bound_port = port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  if (bound_port <= 0) {
    std::cerr << "aisim: error: cannot listen on " << host << ":" << port << "\n"
              << "hint: the port may be in use; leave --port out to let aisim choose a free one\n";
    return kExitFailure;
  }

  // Ctrl-C and SIGTERM stop the server cleanly: a thread waits for them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    server.stop();
  });

  const std::string shown_host = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  std::cout << "aisim explore: " << base.name << " at http://" << shown_host << ":" << bound_port
            << "/  (Ctrl-C to stop)" << std::endl;
  const bool ok = server.listen_after_bind();
  if (stopper.joinable()) {
    pthread_kill(stopper.native_handle(), SIGTERM);  // wakes it if listen ended otherwise
    stopper.join();
  }
  return ok ? kExitOk : kExitFailure;
}

}  // namespace

int ExploreCommand(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("scenario", po::value<std::string>()->default_value("world-2025"), "scenario file or shipped name")
      ("set,s", po::value<std::vector<std::string>>()->composing()->default_value({}, ""),
       "start from an override, e.g. --set regions.KR.physical_focus=0.8 (repeatable)")
      ("port,p", po::value<int>()->default_value(0), "port, e.g. 8080; 0 = a free port of aisim's choosing")
      ("host", po::value<std::string>()->default_value("127.0.0.1"),
       "address to listen on, e.g. 0.0.0.0 (anything but loopback prints a warning)");
  po::positional_options_description positional;
  positional.add("scenario", 1);
  return ParseAndRun(args, kUsage, options, positional, Explore);
}

}  // namespace sim::cli
