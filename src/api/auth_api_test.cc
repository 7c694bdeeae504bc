// Customer sign-up and sign-in over HTTP, and what a signed-in customer may reach.

#include <gtest/gtest.h>

#include <cctype>

#include "accounts/testing/account_fixtures.h"
#include "api/testing/api_server.h"
#include "api/testing/customers.h"
#include "auth/totp.h"
#include "core/time.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

using Headers = testing::ApiServer::Headers;

constexpr const char* kPassword = testing::kCustomerPassword;

class AuthApiTest : public ::testing::Test {
 protected:
  AuthApiTest()
      : maria_(accounts::testing::open_sample_account(test_.database())),
        ben_(accounts::testing::open_sample_account(
            test_.database(), {"Ben Ortiz", "17 Oak Ave", "97477", "E2000017", false})),
        server_(test_.database()) {}

  static Headers json() { return testing::json_headers(); }
  std::string emailed_token(const std::string& to) {
    return testing::emailed_token(test_.database(), to);
  }
  using Customer = testing::Customer;
  Customer sign_up(const std::string& email, const std::string& street) {
    return testing::sign_up(server_, test_.database(), email, street);
  }
  static Customer customer_of(const http::testing::ClientResponse& response) {
    return testing::customer_of(response);
  }
  static Headers as(const Customer& customer, bool with_csrf = true) {
    return testing::as(customer, with_csrf);
  }

  store::testing::TestDatabase test_;
  AccountNumber maria_;
  AccountNumber ben_;
  testing::ApiServer server_;
};

TEST_F(AuthApiTest, SigningUpSetsASecureHttpOnlyCookieAndMeListsTheAccount) {
  auto registered = server_.send("POST", "/api/v1/auth/register", json(),
                                 R"({"email": "maria@example.com", "street": "1204 Elm Street",
                                     "zip": "97477", "language": "es"})");
  ASSERT_EQ(registered.status, 202) << registered.body;
  EXPECT_EQ(registered.json()["email"], "maria@example.com");
  auto verified = server_.send("POST", "/api/v1/auth/verify", json(),
                               R"({"token": ")" + emailed_token("maria@example.com") +
                                   R"(", "password": ")" + kPassword + R"("})");
  ASSERT_EQ(verified.status, 200) << verified.body;
  const std::string cookie = verified.header("set-cookie").value_or("");
  EXPECT_TRUE(cookie.starts_with("rp_session="));
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("Secure"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  Customer maria = customer_of(verified);
  auto me = server_.send("GET", "/api/v1/me", as(maria, false));
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json()["language"], "es");
  ASSERT_EQ(me.json()["accounts"].size(), 1u);
  EXPECT_EQ(me.json()["accounts"][0]["number"], maria_.digits());
  EXPECT_EQ(me.json()["csrf_token"], maria.csrf);
  EXPECT_EQ(server_.send("GET", "/api/v1/me", json()).status, 401);
}

TEST_F(AuthApiTest, ThePortalPageCarriesWhatMeAnswersWhileTheSessionLives) {
  auto page_data_for = [this](const Headers& headers) {
    http::Request request;
    request.method = "GET";
    request.path = "/usage";
    for (const auto& [name, value] : headers) {  // as the server parses them: names lower-cased
      std::string lower = name;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request.headers.emplace_back(lower, value);
    }
    return portal_page_data(server_.context(), request);
  };
  EXPECT_FALSE(page_data_for({}).has_value()) << "no cookie: nobody is signed in";
  EXPECT_FALSE(page_data_for({{"Cookie", "rp_session=not-a-session"}}).has_value());

  Customer maria = sign_up("maria@example.com", "1204 Elm St");
  auto me = server_.send("GET", "/api/v1/me", as(maria, false));
  ASSERT_EQ(me.status, 200);
  auto data = page_data_for(as(maria, false));
  ASSERT_TRUE(data.has_value());
  EXPECT_EQ(*data, R"({"me":)" + me.body + "}");

  ASSERT_EQ(server_.send("POST", "/api/v1/auth/logout", as(maria)).status, 204);
  EXPECT_FALSE(page_data_for(as(maria, false)).has_value()) << "signed out";
}

TEST_F(AuthApiTest, ACustomerReachesOnlyTheirOwnAccountsAndChangesNeedTheCsrfToken) {
  Customer maria = sign_up("maria@example.com", "1204 Elm St");
  const std::string mine = "/api/v1/accounts/" + maria_.digits();
  const std::string bens = "/api/v1/accounts/" + ben_.digits();
  EXPECT_EQ(server_.send("GET", mine + "/summary", as(maria)).status, 200);
  EXPECT_EQ(server_.send("GET", mine + "/bills", as(maria)).status, 200);
  // Another customer's account answers exactly as one that does not exist.
  auto other = server_.send("GET", bens + "/summary", as(maria));
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(server_.send("GET", bens + "/payments", as(maria)).status, 404);
  // No session: 401.
  EXPECT_EQ(server_.send("GET", mine + "/summary", json()).status, 401);
  // A change without the CSRF token is refused and changes nothing.
  const std::string body = R"({"days_before_due": 3, "payment_method": {"token": "tok_x"}})";
  auto forged = server_.send("PUT", mine + "/autopay", as(maria, false), body);
  EXPECT_EQ(forged.status, 403) << forged.body;
  EXPECT_EQ(store::testing::count(test_.database(), "SELECT COUNT(*) FROM autopay_enrolments"), 0);
  // The staff token still reaches every account.
  EXPECT_EQ(server_.get(bens + "/summary").status, 200);
}

TEST_F(AuthApiTest, SignInFailuresAreNamedThenLockedWithRetryAfter) {
  sign_up("maria@example.com", "1204 Elm St");
  const std::string wrong = R"({"email": "maria@example.com", "password": "not the password"})";
  for (int i = 0; i < 5; ++i) {
    auto failed = server_.send("POST", "/api/v1/auth/login", json(), wrong);
    EXPECT_EQ(failed.status, 401);
    EXPECT_EQ(failed.json()["type"], "https://ratepayer.dev/problems/sign-in-failed");
  }
  auto locked = server_.send(
      "POST", "/api/v1/auth/login", json(),
      R"({"email": "maria@example.com", "password": ")" + std::string(kPassword) + R"("})");
  EXPECT_EQ(locked.status, 429);
  EXPECT_TRUE(locked.header("retry-after").has_value());
  EXPECT_NE(locked.json()["detail"].get<std::string>().find("minutes"), std::string::npos);
}

TEST_F(AuthApiTest, SigningOutEndsTheSessionAndAnExpiredLinkIsGone) {
  Customer maria = sign_up("maria@example.com", "1204 Elm St");
  auto used_again = server_.send(
      "POST", "/api/v1/auth/verify", json(),
      R"({"token": "no-such-token", "password": ")" + std::string(kPassword) + R"("})");
  EXPECT_EQ(used_again.status, 410);
  EXPECT_EQ(server_.send("POST", "/api/v1/auth/logout", as(maria, false)).status, 403);
  auto out = server_.send("POST", "/api/v1/auth/logout", as(maria));
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.header("set-cookie").value_or("").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(server_.send("GET", "/api/v1/me", as(maria)).status, 401);
  EXPECT_EQ(
      server_.send("GET", "/api/v1/accounts/" + maria_.digits() + "/summary", as(maria)).status,
      401);
}

TEST_F(AuthApiTest, AnotherAccountIsClaimedByAddressLinkedByItsCodeAndTheLanguageIsKept) {
  Customer maria = sign_up("maria@example.com", "1204 Elm St");
  auto wrong = server_.send("POST", "/api/v1/me/accounts", as(maria),
                            R"({"street": "18 Oak Ave", "zip": "97477"})");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(wrong.json()["field"], "address");
  // Ben's account (Ben's email on file): claimed, a code is mailed to his address.
  auto claimed = server_.send("POST", "/api/v1/me/accounts", as(maria),
                              R"({"street": "17 Oak Avenue", "zip": "97477"})");
  ASSERT_EQ(claimed.status, 201) << claimed.body;
  EXPECT_EQ(claimed.json()["accounts"].size(), 1u);
  ASSERT_EQ(claimed.json()["pending_accounts"].size(), 1u);
  EXPECT_EQ(claimed.json()["pending_accounts"][0]["street"], "17 Oak Ave");
  EXPECT_EQ(server_.send("GET", "/api/v1/accounts/" + ben_.digits() + "/summary", as(maria)).status,
            404);
  auto bad_code =
      server_.send("POST", "/api/v1/me/accounts/claim", as(maria), R"({"code": "AAAA-AAAA"})");
  EXPECT_EQ(bad_code.status, 422);
  EXPECT_EQ(bad_code.json()["code"], "claim-code-wrong");
  auto added = server_.send("POST", "/api/v1/me/accounts/claim", as(maria),
                            R"({"code": ")" + testing::mailed_code(test_.database()) + R"("})");
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(added.json()["accounts"].size(), 2u);
  EXPECT_TRUE(added.json()["pending_accounts"].empty());
  EXPECT_EQ(server_.send("GET", "/api/v1/accounts/" + ben_.digits() + "/summary", as(maria)).status,
            200);
  auto spanish = server_.send("PUT", "/api/v1/me/language", as(maria), R"({"language": "es"})");
  ASSERT_EQ(spanish.status, 200);
  EXPECT_EQ(spanish.json()["language"], "es");
  auto bad = server_.send("PUT", "/api/v1/me/language", as(maria), R"({"language": "fr"})");
  EXPECT_EQ(bad.status, 422);
}

TEST_F(AuthApiTest, TwoStepSignInAsksForTheCodeAfterThePassword) {
  Customer maria = sign_up("maria@example.com", "1204 Elm St");
  auto started = server_.send("POST", "/api/v1/me/mfa", as(maria));
  ASSERT_EQ(started.status, 201) << started.body;
  EXPECT_NE(started.json()["qr_svg"].get<std::string>().find("<svg"), std::string::npos);
  const std::string secret =
      store::testing::query(test_.database(), "SELECT mfa_pending_secret FROM users")[0].text(0);
  const std::int64_t unix_now =
      std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
  auto confirmed = server_.send("POST", "/api/v1/me/mfa/confirm", as(maria),
                                R"({"code": ")" + auth::totp_code(secret, unix_now) + R"("})");
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.json()["recovery_codes"].size(), 10u);
  const std::string login =
      R"({"email": "maria@example.com", "password": ")" + std::string(kPassword) + R"(")";
  auto asked = server_.send("POST", "/api/v1/auth/login", json(), login + "}");
  EXPECT_EQ(asked.status, 401);
  EXPECT_EQ(asked.json()["type"], "https://ratepayer.dev/problems/mfa-required");
  auto in =
      server_.send("POST", "/api/v1/auth/login", json(),
                   login + R"(, "code": ")" + auth::totp_code(secret, unix_now + 30) + R"("})");
  EXPECT_EQ(in.status, 200) << in.body;
  EXPECT_TRUE(in.json()["mfa_enabled"].get<bool>());
}

TEST_F(AuthApiTest, ACustomerSetsPaperlessBillsAndContactDetailsOnTheirOwnAccountOnly) {
  Customer maria = sign_up("maria@example.com", "1204 Elm St");
  const std::string mine = "/api/v1/accounts/" + maria_.digits();
  auto changed = server_.send("PUT", mine + "/preferences", as(maria),
                              R"({"paperless": true, "email": "maria@example.com",
                                  "phone": "(541) 555-0134"})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_TRUE(changed.json()["paperless"].get<bool>());
  EXPECT_EQ(changed.json()["phone"], "5415550134");
  EXPECT_TRUE(changed.json()["budget"].is_null());
  auto bad = server_.send("PUT", mine + "/preferences", as(maria), R"({"phone": "555"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["field"], "phone");
  auto not_bool = server_.send("PUT", mine + "/preferences", as(maria), R"({"paperless": "yes"})");
  EXPECT_EQ(not_bool.status, 422);
  EXPECT_EQ(not_bool.json()["field"], "paperless");
  EXPECT_EQ(server_.send("PUT", mine + "/preferences", as(maria, false), R"({"paperless": false})")
                .status,
            403);
  EXPECT_EQ(
      server_.send("GET", "/api/v1/accounts/" + ben_.digits() + "/preferences", as(maria)).status,
      404);
  // Budget billing needs a bill history: a new account is told so.
  auto budget = server_.send("POST", mine + "/budget-billing", as(maria), "{}");
  EXPECT_EQ(budget.status, 422) << budget.body;
  EXPECT_EQ(budget.json()["field"], "history");
  auto now = server_.send("GET", mine + "/preferences", as(maria));
  EXPECT_TRUE(now.json()["paperless"].get<bool>());
}

TEST_F(AuthApiTest, LiveUpdatesNeedASignedInCustomerAndAServerThatPushesThem) {
  EXPECT_EQ(server_.send("GET", "/api/v1/me/events", json()).status, 401);
  Customer maria = sign_up("maria@example.com", "1204 Elm St");
  // This test server runs no account feed: the route says so rather than hanging.
  auto off = server_.send("GET", "/api/v1/me/events", as(maria, false));
  EXPECT_EQ(off.status, 503);
  EXPECT_EQ(off.json()["type"], "https://ratepayer.dev/problems/live-updates-not-configured");
}

}  // namespace
}  // namespace rp::api
