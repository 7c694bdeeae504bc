#pragma once
// Test support: staff users signed in to the console over the real HTTP routes (added as
// `ratepayer staff add` adds them, enrolled with a password and an authenticator code).

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "api/testing/api_server.h"
#include "auth/totp.h"
#include "core/time.h"
#include "staff/staff_users.h"
#include "store/testing/test_database.h"

namespace rp::api::testing {

inline constexpr const char* kStaffPassword = "copper kettle rain 42";

// One signed-in console: its cookie, CSRF token and authenticator key.
struct Console {
  std::string cookie;  // "rp_staff=..."
  std::string csrf;
  std::string secret;  // the app's key (hex)
  ApiServer::Headers reading() const { return {{"Cookie", cookie}}; }
  ApiServer::Headers writing() const {
    return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}, {"Content-Type", "application/json"}};
  }
};

inline std::int64_t unix_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
}

class StaffConsoles {
 public:
  StaffConsoles(store::testing::TestDatabase& test, ApiServer& api) : test_(test), api_(api) {}

  // A new staff user with `role`; their one-time enrolment token.
  std::string add(const std::string& email, const std::string& role,
                  const std::string& name = "Ana Ruiz") {
    auto added = test_->write<staff::AddedStaffUser>([&](store::Session& session) {
      return staff::add_staff_user(session, {email, name, {role}, "system:cli", ""});
    });
    EXPECT_TRUE(added.ok());
    return added.ok() ? added->enrol_token : "";
  }

  http::testing::ClientResponse post(const std::string& target, const std::string& body,
                                     const ApiServer::Headers& headers = {
                                         {"Content-Type", "application/json"}}) {
    return api_.send("POST", target, headers, body);
  }

  // Adds and enrols a staff user: signed in.
  Console enrol(const std::string& email, const std::string& role,
                const std::string& name = "Ana Ruiz") {
    return enrol_with(add(email, role, name), email);
  }

  Console enrol_with(const std::string& token, const std::string& email) {
    http::testing::ClientResponse begun =
        post("/api/v1/staff/auth/enrol",
             R"({"token": ")" + token + R"(", "password": ")" + kStaffPassword + R"("})");
    EXPECT_EQ(begun.status, 200) << begun.body;
    auto rows = store::testing::query(
        test_.database(), "SELECT mfa_secret FROM staff_users WHERE email = '" + email + "'");
    const std::string secret = rows.at(0).text(0);
    http::testing::ClientResponse done = post(
        "/api/v1/staff/auth/enrol/confirm", R"({"token": ")" + token + R"(", "code": ")" +
                                                auth::totp_code(secret, unix_seconds()) + R"("})");
    EXPECT_EQ(done.status, 200) << done.body;
    return console_of(done, secret);
  }

  static Console console_of(const http::testing::ClientResponse& answer,
                            const std::string& secret) {
    const std::string set_cookie = answer.header("set-cookie").value_or("");
    return {set_cookie.substr(0, set_cookie.find(';')), answer.json()["csrf_token"], secret};
  }

 private:
  store::testing::TestDatabase& test_;
  ApiServer& api_;
};

}  // namespace rp::api::testing
