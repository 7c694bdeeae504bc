// What every answer carries, and what garbage gets: a clear 4xx that names the field, never a
// 500, never a database's own words.

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "api/testing/api_server.h"
#include "api/testing/customers.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

using http::testing::ClientResponse;

TEST(HostileInput, EveryAnswerCarriesTheSecurityHeaders) {
  store::testing::TestDatabase test;
  accounts::testing::open_sample_account(test.database());
  testing::ApiServer server(test.database());
  testing::Customer maria =
      testing::sign_up(server, test.database(), "maria@example.com", "1204 Elm St");
  for (const ClientResponse& answer :
       {server.get("/healthz", false), server.get("/api/v1/nothing", false),
        server.send("GET", "/api/v1/me", testing::as(maria)),
        server.send("POST", "/api/v1/auth/login", testing::json_headers(), "{")}) {
    const std::string policy = answer.header("content-security-policy").value_or("");
    EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << answer.body;
    EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos);
    EXPECT_EQ(answer.header("x-content-type-options").value_or(""), "nosniff");
    EXPECT_EQ(answer.header("referrer-policy").value_or(""), "no-referrer");
  }
  ClientResponse me = server.send("GET", "/api/v1/me", testing::as(maria));
  EXPECT_EQ(me.header("cache-control").value_or(""), "no-store");
}

TEST(HostileInput, NumbersTooLargeAndControlCharactersAreNamedBeforeSignIn) {
  store::testing::TestDatabase test;
  accounts::testing::open_sample_account(test.database());
  testing::ApiServer server(test.database());
  ClientResponse huge = server.send("POST", "/api/v1/auth/login", testing::json_headers(),
                                    R"({"email": "a@example.com", "password": 1e400})");
  EXPECT_EQ(huge.status, 422) << huge.body;
  ClientResponse wrapped =
      server.send("POST", "/api/v1/auth/register", testing::json_headers(),
                  R"({"email": "a@example.com", "street": 18446744073709551615, "zip": "97477"})");
  EXPECT_EQ(wrapped.status, 422) << wrapped.body;
  for (const std::string& email :
       {std::string("maria\\u0000@example.com"), std::string("\\u202emoc.elpmaxe@airam")}) {
    ClientResponse refused =
        server.send("POST", "/api/v1/auth/register", testing::json_headers(),
                    R"({"email": ")" + email + R"(", "street": "1204 Elm St", "zip": "97477"})");
    EXPECT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(refused.json()["field"], "email");
  }
  EXPECT_EQ(store::testing::count(test.database(), "SELECT COUNT(*) FROM email_outbox"), 0);
}

TEST(HostileInput, MetricsAndTestTokensNeedACredential) {
  store::testing::TestDatabase test;
  testing::ApiServer server(test.database());
  EXPECT_EQ(server.get("/metrics", false).status, 401);
  ClientResponse anonymous = server.send(
      "POST", "/api/v1/payment-methods/test-tokens", testing::json_headers(),
      R"({"card": {"number": "4242424242424242", "exp_month": 12, "exp_year": 2035, "cvc": "1"}})");
  EXPECT_EQ(anonymous.status, 401);
  ClientResponse bank =
      server.send("POST", "/api/v1/bank-accounts", testing::json_headers(),
                  R"({"routing_number": "021000021", "account_number": "000123456789"})");
  EXPECT_EQ(bank.status, 401);
}

}  // namespace
}  // namespace rp::api
