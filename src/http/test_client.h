#pragma once
// Test support: a real Server on 127.0.0.1 and an ephemeral port, run in a thread, and a small
// blocking HTTP/1.1 client on a raw socket (so that tests can also send malformed bytes).

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/metrics.h"
#include "http/router.h"
#include "http/server.h"

namespace rp::http::testing {

struct ClientResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;

  std::optional<std::string> header(std::string_view lower_name) const;
  nlohmann::json json() const { return nlohmann::json::parse(body); }
};

class TestClient {
 public:
  // Connects to 127.0.0.1:port; reads time out after 5 s so a broken server fails the test.
  explicit TestClient(std::uint16_t port);
  ~TestClient();
  TestClient(const TestClient&) = delete;
  TestClient& operator=(const TestClient&) = delete;

  void send_raw(std::string_view bytes);
  // Reads one response; `head` when it answers a HEAD request (no body follows). Skips 1xx.
  // status 0 when the connection ended before a response.
  ClientResponse read_response(bool head = false);
  // Sends one request (Host and Content-Length added) and reads its response.
  ClientResponse request(std::string_view method, std::string_view target,
                         std::vector<std::pair<std::string, std::string>> headers = {},
                         std::string_view body = {});
  // Reads raw bytes until what has arrived contains `marker` (an event stream's text); returns
  // everything received so far, or "" when the connection ended or 5 s passed first.
  std::string read_until(std::string_view marker);
  // True when the server closed the connection (read returns end of stream) within 5 s.
  bool closed_by_server();

 private:
  bool fill();  // reads more bytes into buffer_; false at end of stream or error
  int fd_ = -1;
  std::string buffer_;
};

// Starts a Server with `options` on 127.0.0.1:0 and runs it in a thread.
class RunningServer {
 public:
  RunningServer(Router& router, Metrics& metrics, ServerOptions options = {});
  ~RunningServer();  // stops and joins
  std::uint16_t port() const { return server_.port(); }
  Server& server() { return server_; }
  // Stops and waits for run() to return; true when it did within `limit`.
  bool stop_and_wait(std::chrono::milliseconds limit);

 private:
  static ServerOptions for_test(ServerOptions options);
  Server server_;
  std::thread thread_;
  std::atomic<bool> returned_{false};
};

}  // namespace rp::http::testing
