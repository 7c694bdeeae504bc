#pragma once
// The whole API served over real HTTP on a loopback port against a test database, with a client
// that calls as staff (an API key with every permission, made when the server starts): what the
// API's tests talk to.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "api/api.h"
#include "api/message_handlers.h"
#include "api/testing/staff_keys.h"
#include "auth/logins.h"
#include "billing/bill_views.h"
#include "http/test_client.h"
#include "outages/status_board.h"
#include "payments/testing/payment_processors.h"

namespace rp::api::testing {

class ApiServer {
 public:
  using Headers = std::vector<std::pair<std::string, std::string>>;

  // `bill_runs` (may be null) runs the bill runs started over the API; it must outlive this. The
  // server takes payments with test processors of its own (cards, and bank accounts by ACH).
  explicit ApiServer(store::Database& database, BillRunJobs* bill_runs = nullptr)
      : processors_(database), context_{database,
                                        metrics_,
                                        bill_runs,
                                        &processors_.processors(),
                                        &processors_.cards(),
                                        &processors_.ach(),
                                        &logins_} {
    logins_.recent_amounts_due = &billing::recent_amounts_due;
    context_.outage_status = &outage_status_;
    staff_key_ = make_key("test staff", {"administrator"});
    add_routes(router_, context_);
    http::ServerOptions options;
    options.port = 0;
    options.upload_path_suffixes = upload_path_suffixes();
    server_ = std::make_unique<http::testing::RunningServer>(router_, metrics_, options);
    client_ = std::make_unique<http::testing::TestClient>(server_->port());
  }

  // GET as staff (or with no credentials when `authorized` is false).
  http::testing::ClientResponse get(const std::string& target, bool authorized = true) {
    Headers headers;
    if (authorized) headers.emplace_back("Authorization", "Bearer " + staff_key_);
    return client_->request("GET", target, headers);
  }

  // Any method with a JSON body, as staff.
  http::testing::ClientResponse request(const std::string& method, const std::string& target,
                                        const std::string& body) {
    return client_->request(
        method, target,
        {{"Authorization", "Bearer " + staff_key_}, {"Content-Type", "application/json"}}, body);
  }

  // Any request with exactly these headers (a customer's cookie and CSRF token, or none).
  http::testing::ClientResponse send(const std::string& method, const std::string& target,
                                     const Headers& headers, const std::string& body = "") {
    return client_->request(method, target, headers, body);
  }

  // The port the server listens on, for clients of a test's own (one per thread: a TestClient
  // is one connection and not thread-safe).
  std::uint16_t port() const { return server_->port(); }

  // A new API key named `name` with the permissions of `roles` (shipped roles, staff/permissions.h)
  // and `permissions`: another staff identity, for tests of who may do what.
  std::string make_key(const std::string& name, const std::vector<std::string>& roles,
                       const std::vector<std::string>& permissions = {}) {
    return make_staff_key(context_.database, name, roles, permissions);
  }

  // The key the staff requests above carry, and headers that carry another key.
  const std::string& staff_key() const { return staff_key_; }
  static Headers as_key(const std::string& key) {
    return {{"Authorization", "Bearer " + key}, {"Content-Type", "application/json"}};
  }

  // The routes as registered, with the permission each declares.
  const http::Router& router() const { return router_; }

  // The context the routes run with (for calling an api function directly).
  ApiContext& context() { return context_; }
  // Takes the snapshot customers' outage lookups read (the server's outage watch does it every
  // 2 s).
  Result<void> refresh_outage_status() { return outage_status_.refresh(context_.database); }

  // DELETE as staff.
  http::testing::ClientResponse remove(const std::string& target) {
    return client_->request("DELETE", target, {{"Authorization", "Bearer " + staff_key_}});
  }

  // POST a JSON body as staff, with any further headers.
  http::testing::ClientResponse post(const std::string& target, const std::string& body,
                                     Headers headers = {}) {
    headers.emplace_back("Authorization", "Bearer " + staff_key_);
    headers.emplace_back("Content-Type", "application/json");
    return client_->request("POST", target, headers, body);
  }

 private:
  http::Metrics metrics_;
  auth::LoginSettings logins_;
  payments::testing::TestPaymentProcessors processors_;
  outages::StatusBoard outage_status_;
  ApiContext context_;
  std::string staff_key_;
  http::Router router_;
  std::unique_ptr<http::testing::RunningServer> server_;
  std::unique_ptr<http::testing::TestClient> client_;
};

}  // namespace rp::api::testing
