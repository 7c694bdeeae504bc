#pragma once
// The whole API served over real HTTP on a loopback port against a test database, with a client
// that signs in as staff: what the API's tests talk to.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "api/api.h"
#include "auth/logins.h"
#include "billing/bill_views.h"
#include "http/test_client.h"
#include "payments/testing/payment_processors.h"

namespace rp::api::testing {

inline constexpr const char* kStaffToken = "staff-secret-token";

class ApiServer {
 public:
  using Headers = std::vector<std::pair<std::string, std::string>>;

  // `bill_runs` (may be null) runs the bill runs started over the API; it must outlive this. The
  // server takes payments with test processors of its own (cards, and bank accounts by ACH).
  explicit ApiServer(store::Database& database, BillRunJobs* bill_runs = nullptr)
      : processors_(database),
        context_{database,
                 metrics_,
                 kStaffToken,
                 bill_runs,
                 &processors_.processors(),
                 &processors_.cards(),
                 &processors_.ach(),
                 &logins_} {
    logins_.recent_amounts_due = &billing::recent_amounts_due;
    add_routes(router_, context_);
    http::ServerOptions options;
    options.port = 0;
    server_ = std::make_unique<http::testing::RunningServer>(router_, metrics_, options);
    client_ = std::make_unique<http::testing::TestClient>(server_->port());
  }

  // GET as staff (or with no credentials when `authorized` is false).
  http::testing::ClientResponse get(const std::string& target, bool authorized = true) {
    Headers headers;
    if (authorized) headers.emplace_back("Authorization", std::string("Bearer ") + kStaffToken);
    return client_->request("GET", target, headers);
  }

  // Any method with a JSON body, as staff.
  http::testing::ClientResponse request(const std::string& method, const std::string& target,
                                        const std::string& body) {
    return client_->request(method, target,
                            {{"Authorization", std::string("Bearer ") + kStaffToken},
                             {"Content-Type", "application/json"}},
                            body);
  }

  // Any request with exactly these headers (a customer's cookie and CSRF token, or none).
  http::testing::ClientResponse send(const std::string& method, const std::string& target,
                                     const Headers& headers, const std::string& body = "") {
    return client_->request(method, target, headers, body);
  }

  // The port the server listens on, for clients of a test's own (one per thread: a TestClient
  // is one connection and not thread-safe).
  std::uint16_t port() const { return server_->port(); }

  // The context the routes run with (for calling an api function directly).
  ApiContext& context() { return context_; }

  // DELETE as staff.
  http::testing::ClientResponse remove(const std::string& target) {
    return client_->request("DELETE", target,
                            {{"Authorization", std::string("Bearer ") + kStaffToken}});
  }

  // POST a JSON body as staff, with any further headers.
  http::testing::ClientResponse post(const std::string& target, const std::string& body,
                                     Headers headers = {}) {
    headers.emplace_back("Authorization", std::string("Bearer ") + kStaffToken);
    headers.emplace_back("Content-Type", "application/json");
    return client_->request("POST", target, headers, body);
  }

 private:
  http::Metrics metrics_;
  auth::LoginSettings logins_;
  payments::testing::TestPaymentProcessors processors_;
  ApiContext context_;
  http::Router router_;
  std::unique_ptr<http::testing::RunningServer> server_;
  std::unique_ptr<http::testing::TestClient> client_;
};

}  // namespace rp::api::testing
