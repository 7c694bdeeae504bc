#pragma once
// The HTTP/1.1 server: Boost.Beast underneath, none of it visible here.
//
// Threading: `threads` io threads run one io_context. Handlers are synchronous (they call the
// database) and run directly on the io thread that read the request; there is no separate worker
// pool, so a request never pays a thread hop and keep-alive connections stay cheap. The price is
// that a blocking handler occupies its io thread: size `threads` for the expected number of
// concurrently blocking handlers (the app uses 8 per core, at least 24: app/config.h), not for CPU.
//
// Per request the server: reads with a timeout and the body limit (413 "payload-too-large" when
// exceeded, 400 "bad-request" for malformed HTTP, 431 for oversized headers), assigns a request id
// (a sane client X-Request-Id is kept), admits it or refuses it as overloaded (503, admission.h),
// routes, falls back to static files for non-API GETs, turns
// handler exceptions into 500 problems, adds X-Request-Id, X-Content-Type-Options: nosniff and
// Date, records metrics (route "unmatched" for requests no route took) and writes one access log
// line.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "http/admission.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/static_files.h"

namespace rp::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;         // 0: any free port (tests); see Server::port()
  int threads = 2;                   // io threads, which also run the handlers (see above)
  std::size_t body_limit = 1 << 20;  // bytes; larger bodies get 413
  // Requests whose path ends with one of these take a file: they may send up to upload_limit
  // bytes instead (the route checks what it accepts).
  std::vector<std::string> upload_path_suffixes;
  std::size_t upload_limit = 6 << 20;
  std::chrono::seconds read_timeout{30};    // per request, and the keep-alive idle limit
  std::chrono::seconds shutdown_grace{10};  // stop(): how long in-flight requests may take
  std::string static_root;                  // directory of the web build; empty = none
  PageData page_data;                       // written into the portal's page (static_files.h)
  bool access_log = true;                   // one info line per request via spdlog
  // The utility's reverse proxies, by IP address: behind one of them the client's address is
  // read from X-Forwarded-For (dispatch.h client_address); empty: the peer is the client.
  std::vector<std::string> trusted_proxies;
  // Send Strict-Transport-Security (one year) on every answer: set when the portal's public
  // address is https, so browsers never reach it over plain http again.
  bool strict_transport_security = false;
  // Writes refused at once, before anything is done, when the server is past its capacity
  // (http/admission.h). Default: nothing is refused.
  AdmissionOptions admission;
};

class Server {
 public:
  // `router` and `metrics` must outlive the server.
  Server(ServerOptions options, Router& router, Metrics& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. Errors name the address: "cannot listen on 127.0.0.1:8080: Address already
  // in use". Call once, before run().
  Result<void> start();

  // The port actually bound (the chosen one when options.port was 0). Valid after start().
  std::uint16_t port() const;

  // Serves on options.threads threads (the caller's among them) until stop() has drained.
  void run();

  // Graceful stop, callable from any thread (and before run()): stops accepting, closes idle
  // keep-alive connections, lets in-flight requests finish and answer (with Connection: close) for
  // up to shutdown_grace, then makes run() return. Idempotent.
  void stop();

  // Makes SIGINT and SIGTERM call stop(). Call after start(), before run().
  void stop_on_signals();

  // What admission control has admitted and refused so far.
  AdmissionStats admission_stats() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rp::http
