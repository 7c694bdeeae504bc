#pragma once
// A real SMTP server on loopback for tests: runs tests/smtp/capture_smtp.py (Debian's
// python3-aiosmtpd) in a temporary folder and reads back the messages it accepted. The server
// stops when this object is destroyed (its stdin closes).

#include <chrono>
#include <string>
#include <vector>

#include "notify/testing/loopback_server.h"

namespace rp::notify::testing {

class SmtpCapture {
 public:
  SmtpCapture();  // starts the server; throws std::runtime_error if it cannot

  int port() const { return server_.port(); }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port()); }

  // Every message received so far, oldest first, as received (envelope headers on top).
  std::vector<std::string> messages() const { return server_.files("eml"); }
  // Waits until at least `count` messages arrived (or the timeout); returns them all.
  std::vector<std::string> wait_for(std::size_t count,
                                    std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    return server_.wait_for("eml", count, timeout);
  }

 private:
  LoopbackServer server_;
};

// The first https?:// link in a message's text, "" when none.
std::string first_link(const std::string& message);

}  // namespace rp::notify::testing
