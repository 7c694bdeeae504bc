#pragma once
// Customers of the portal in API tests: signed up through the API and the emailed link, as a
// browser would, and the headers their requests carry.

#include <string>

#include <gtest/gtest.h>

#include "api/testing/api_server.h"
#include "notify/testing/outbox.h"
#include "store/testing/test_database.h"

namespace rp::api::testing {

inline constexpr const char* kCustomerPassword = "river lamp oboe forty";

struct Customer {
  std::string cookie;  // "rp_session=..."
  std::string csrf;
};

inline ApiServer::Headers json_headers() {
  return {{"Content-Type", "application/json"}};
}

// The link token in the newest email to `to`, from the outbox; empty when there is none.
using notify::testing::emailed_token;

// The session a sign-in or verify answer set.
inline Customer customer_of(const http::testing::ClientResponse& response) {
  const std::string set_cookie = response.header("set-cookie").value_or("");
  Customer customer{set_cookie.substr(0, set_cookie.find(';')), ""};
  if (response.status == 200) customer.csrf = response.json().value("csrf_token", "");
  return customer;
}

// Registers `email` at `street` in `zip` and follows the emailed link with kCustomerPassword.
inline Customer sign_up(ApiServer& server, store::Database& database, const std::string& email,
                        const std::string& street, const std::string& zip = "97477") {
  auto registered = server.send(
      "POST", "/api/v1/auth/register", json_headers(),
      R"({"email": ")" + email + R"(", "street": ")" + street + R"(", "zip": ")" + zip + R"("})");
  EXPECT_EQ(registered.status, 202) << registered.body;
  auto verified = server.send("POST", "/api/v1/auth/verify", json_headers(),
                              R"({"token": ")" + emailed_token(database, email) +
                                  R"(", "password": ")" + kCustomerPassword + R"("})");
  EXPECT_EQ(verified.status, 200) << verified.body;
  return customer_of(verified);
}

// A signed-in customer's headers: the cookie among others, JSON, and the CSRF token.
inline ApiServer::Headers as(const Customer& customer, bool with_csrf = true) {
  ApiServer::Headers headers{{"Cookie", "theme=dark; " + customer.cookie},
                             {"Content-Type", "application/json"}};
  if (with_csrf) headers.emplace_back("X-CSRF-Token", customer.csrf);
  return headers;
}

// The code in the newest letter queued for the print-and-mail export ("K7QP-M3XD"), or empty.
inline std::string mailed_code(store::Database& database) {
  auto rows = store::testing::query(database, "SELECT body FROM letters ORDER BY id DESC LIMIT 1");
  if (rows.empty()) return "";
  const std::string body = rows[0].text(0);
  const auto at = body.find("\n    ");
  return at == std::string::npos ? "" : body.substr(at + 5, 9);
}

// Links the account the customer claimed with the code the newest letter carries, as a customer
// who received it would.
inline void claim_with_mailed_code(ApiServer& server, store::Database& database,
                                   const Customer& customer) {
  auto claimed = server.send("POST", "/api/v1/me/accounts/claim", as(customer),
                             R"({"code": ")" + mailed_code(database) + R"("})");
  EXPECT_EQ(claimed.status, 200) << claimed.body;
}

}  // namespace rp::api::testing
