// Taking over an account by knowing its address: refused until possession is proven, and the
// holder is told, with a way to undo it. Sign-in defences against guessing and stale links.

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>
#include <vector>

#include "accounts/testing/account_fixtures.h"
#include "api/testing/api_server.h"
#include "api/testing/customers.h"
#include "notify/testing/outbox.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

using http::testing::ClientResponse;
using store::testing::count;
using testing::as;
using testing::Customer;

class AccountTakeoverTest : public ::testing::Test {
 protected:
  AccountTakeoverTest()
      : maria_(accounts::testing::open_sample_account(test_.database())),
        server_(test_.database()) {}

  std::string base() { return "/api/v1/accounts/" + maria_.digits(); }

  store::testing::TestDatabase test_;
  AccountNumber maria_;
  testing::ApiServer server_;
};

TEST_F(AccountTakeoverTest, KnowingTheStreetAndZipShowsNothingUntilTheMailedCodeIsTyped) {
  Customer maria = testing::sign_up(server_, test_.database(), "maria@example.com", "1204 Elm St");
  Customer intruder =
      testing::sign_up(server_, test_.database(), "intruder@example.com", "1204 Elm Street");
  ClientResponse me = server_.send("GET", "/api/v1/me", as(intruder));
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_TRUE(me.json()["accounts"].empty()) << me.body;
  ASSERT_EQ(me.json()["pending_accounts"].size(), 1u) << me.body;
  EXPECT_EQ(me.body.find("Maria"), std::string::npos) << "the holder's name leaked: " << me.body;
  EXPECT_EQ(me.body.find(maria_.digits()), std::string::npos);
  // Every account route answers as for an account that does not exist.
  for (const char* route :
       {"/summary", "/dashboard", "/preferences", "/usage?resolution=day", "/bills", "/payments",
        "/payment-methods", "/autopay", "/arrangement-offers"}) {
    EXPECT_EQ(server_.send("GET", base() + std::string(route), as(intruder)).status, 404) << route;
  }
  ClientResponse email_change = server_.send("PUT", base() + "/preferences", as(intruder),
                                             R"({"contact_email": "intruder@example.com"})");
  EXPECT_EQ(email_change.status, 404);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM email_outbox WHERE to_address = "
                  "'maria@example.com' AND body LIKE '%/not-me?token=%'"),
            0);

  // The code reaches whoever lives there; typed, it links, and Maria is told (in her account's
  // language, Spanish here) with an undo link.
  testing::claim_with_mailed_code(server_, test_.database(), intruder);
  EXPECT_EQ(server_.send("GET", base() + "/summary", as(intruder)).status, 200);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM email_outbox WHERE to_address = "
                  "'maria@example.com' AND body LIKE '%/not-me?token=%'"),
            1);
  const std::string token =
      notify::testing::emailed_token(test_.database(), "maria@example.com", "/not-me?token=");
  ASSERT_FALSE(token.empty());
  ClientResponse undone = server_.send("POST", "/api/v1/auth/not-me", testing::json_headers(),
                                       R"({"token": ")" + token + R"("})");
  EXPECT_EQ(undone.status, 204) << undone.body;
  // The intruder is signed out everywhere and the account is gone from the login.
  EXPECT_EQ(server_.send("GET", "/api/v1/me", as(intruder)).status, 401);
  EXPECT_EQ(server_
                .send("POST", "/api/v1/auth/not-me", testing::json_headers(),
                      R"({"token": ")" + token + R"("})")
                .status,
            410);
  EXPECT_EQ(server_.send("GET", base() + "/summary", as(maria)).status, 200);
}

// The phone on file proves a claim by a texted link; any other phone proves nothing and tells
// nothing. The link works signed out, once.
TEST_F(AccountTakeoverTest, OnlyThePhoneOnFileGetsTheTextedLinkAndTheLinkWorksOnce) {
  auto phone = test_->write_work([&](store::Session& session) -> Result<void> {
    RP_TRY(session.execute("UPDATE persons SET phone = '+15415550134'"));
    return success();
  });
  ASSERT_TRUE(phone.ok());
  Customer maria = testing::sign_up(server_, test_.database(), "maria@example.com", "1204 Elm St");
  Customer intruder =
      testing::sign_up(server_, test_.database(), "intruder@example.com", "1204 Elm Street");
  const std::string add = R"({"street": "1204 Elm St", "zip": "97477", "phone": ")";
  ClientResponse garbage =
      server_.send("POST", "/api/v1/me/accounts", as(intruder), add + R"(call me"})");
  EXPECT_EQ(garbage.status, 422) << garbage.body;
  EXPECT_EQ(garbage.json()["code"], "phone-invalid");
  ClientResponse guessed =
      server_.send("POST", "/api/v1/me/accounts", as(intruder), add + R"(541-555-0199"})");
  ASSERT_EQ(guessed.status, 201) << guessed.body;
  EXPECT_EQ(guessed.json()["pending_accounts"][0]["by"], "letter") << guessed.body;
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM text_outbox"), 0);

  ClientResponse right =
      server_.send("POST", "/api/v1/me/accounts", as(intruder), add + R"((541) 555-0134"})");
  ASSERT_EQ(right.status, 201) << right.body;
  EXPECT_EQ(right.json()["pending_accounts"][0]["by"], "text") << right.body;
  EXPECT_EQ(right.json()["pending_accounts"][0]["phone_ending"], "34") << right.body;
  EXPECT_EQ(server_.send("GET", base() + "/summary", as(intruder)).status, 404);
  auto texted = store::testing::query(test_.database(), "SELECT body FROM text_outbox");
  ASSERT_EQ(texted.size(), 1u);
  const std::string body = texted[0].text("body");
  const auto at = body.find("?token=") + 7;
  const std::string token = body.substr(at, body.find(' ', at) - at);
  const std::string open = R"({"token": ")" + token + R"("})";
  // Whoever holds the phone opens it, signed out.
  ClientResponse linked =
      server_.send("POST", "/api/v1/auth/claim-by-text", testing::json_headers(), open);
  ASSERT_EQ(linked.status, 200) << linked.body;
  EXPECT_EQ(linked.json()["login"], "i•••@example.com");
  EXPECT_EQ(server_.send("GET", base() + "/summary", as(intruder)).status, 200);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM email_outbox WHERE to_address = "
                  "'maria@example.com' AND body LIKE '%/not-me?token=%'"),
            1);
  EXPECT_EQ(
      server_.send("POST", "/api/v1/auth/claim-by-text", testing::json_headers(), open).status,
      410);
  EXPECT_EQ(
      server_
          .send("POST", "/api/v1/auth/claim-by-text", testing::json_headers(), R"({"token": 12})")
          .status,
      422);
  EXPECT_EQ(server_.send("GET", base() + "/summary", as(maria)).status, 200);
}

TEST_F(AccountTakeoverTest, ThirtyGuessesAtOnceGetFivePasswordsChecked) {
  testing::sign_up(server_, test_.database(), "maria@example.com", "1204 Elm St");
  constexpr int kGuesses = 30;
  std::vector<int> statuses(kGuesses);
  std::vector<std::thread> guessers;
  for (int i = 0; i < kGuesses; ++i) {
    guessers.emplace_back([&, i] {
      http::testing::TestClient client(server_.port());  // a connection of its own
      statuses[static_cast<std::size_t>(i)] =
          client
              .request("POST", "/api/v1/auth/login", testing::json_headers(),
                       R"({"email": "maria@example.com", "password": "guess )" + std::to_string(i) +
                           R"("})")
              .status;
    });
  }
  for (std::thread& guesser : guessers) guesser.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 401), 5);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 429), kGuesses - 5);
}

TEST_F(AccountTakeoverTest, PasswordGuessesOnSignedInRoutesAreLockedLikeSignIn) {
  // A stolen session cookie does not give an unthrottled password oracle.
  Customer maria = testing::sign_up(server_, test_.database(), "maria@example.com", "1204 Elm St");
  for (int i = 0; i < 5; ++i) {
    ClientResponse wrong = server_.send("POST", "/api/v1/me/password", as(maria),
                                        R"({"current_password": "guess )" + std::to_string(i) +
                                            R"(", "new_password": "a brand new passphrase"})");
    EXPECT_EQ(wrong.status, 422) << wrong.body;
  }
  ClientResponse locked =
      server_.send("POST", "/api/v1/me/mfa/disable", as(maria),
                   R"({"password": ")" + std::string(testing::kCustomerPassword) + R"("})");
  EXPECT_EQ(locked.status, 429) << locked.body;
  EXPECT_EQ(locked.json()["code"], "password-attempts-locked");
  EXPECT_GT(std::stoi(locked.header("retry-after").value_or("0")), 14 * 60);
}

TEST_F(AccountTakeoverTest, AnUnusedSignUpLinkCannotSignInPastTwoStepSignIn) {
  // Two sign-up links; the newer sets the password; two-step sign-in is turned on.
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(
        server_
            .send("POST", "/api/v1/auth/register", testing::json_headers(),
                  R"({"email": "maria@example.com", "street": "1204 Elm St", "zip": "97477"})")
            .status,
        202);
  }
  auto links = store::testing::query(
      test_.database(),
      "SELECT body FROM email_outbox WHERE to_address = 'maria@example.com' ORDER BY id");
  ASSERT_EQ(links.size(), 2u);
  auto token_of = [](const std::string& body) {
    const auto at = body.find("?token=");
    return body.substr(at + 7, body.find('\n', at) - at - 7);
  };
  ClientResponse verified =
      server_.send("POST", "/api/v1/auth/verify", testing::json_headers(),
                   R"({"token": ")" + token_of(links[1].text(0)) + R"(", "password": ")" +
                       testing::kCustomerPassword + R"("})");
  ASSERT_EQ(verified.status, 200) << verified.body;
  ClientResponse replayed = server_.send("POST", "/api/v1/auth/verify", testing::json_headers(),
                                         R"({"token": ")" + token_of(links[0].text(0)) +
                                             R"(", "password": "an attacker's long passphrase"})");
  EXPECT_EQ(replayed.status, 410) << replayed.body;
  EXPECT_TRUE(replayed.header("set-cookie").value_or("").empty());
}

}  // namespace
}  // namespace rp::api
