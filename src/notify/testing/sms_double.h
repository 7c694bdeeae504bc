#pragma once
// An SMS provider on loopback for tests: runs tests/sms/fake_sms_provider.py, which speaks the
// Messages API notify::SmsGateway sends through (sms_gateway.h), and reads back what it took.
// Stops when this object is destroyed.

#include <chrono>
#include <string>
#include <vector>

#include "notify/sms_gateway.h"
#include "notify/testing/loopback_server.h"

namespace rp::notify::testing {

struct ReceivedText {
  std::string sid;
  std::string to;
  std::string from;
  std::string body;
};

class SmsDouble {
 public:
  static constexpr const char* kAccount = "AC0123456789abcdef0123456789abcdef";
  static constexpr const char* kToken = "test-auth-token";
  static constexpr const char* kFrom = "+15415550100";
  // The number the provider refuses for good (as a number that cannot be texted).
  static constexpr const char* kInvalidNumber = "+15005550001";

  SmsDouble();  // starts the provider; throws std::runtime_error if it cannot

  std::string url() const { return "http://127.0.0.1:" + std::to_string(server_.port()); }
  // Settings that reach this provider with its credentials.
  SmsSettings settings() const { return {url(), kAccount, kToken, kFrom, 5}; }

  std::vector<ReceivedText> texts() const;
  std::vector<ReceivedText> wait_for(std::size_t count,
                                     std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // While unavailable, the provider answers 503 to every message.
  void set_unavailable(bool unavailable);

 private:
  LoopbackServer server_;
};

}  // namespace rp::notify::testing
