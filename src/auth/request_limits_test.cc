// Requests that send email or link accounts are limited per email, account and client address:
// no one can mail-bomb an address or try account after account.

#include "auth/request_limits.h"

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "auth/logins.h"
#include "notify/testing/outbox.h"
#include "store/testing/test_database.h"

namespace rp::auth {
namespace {

using store::testing::count;

class RequestLimitsTest : public ::testing::Test {
 protected:
  RequestLimitsTest() { accounts::testing::open_sample_account(test_.database()); }

  Result<void> sign_up(const std::string& email, const std::string& client) {
    return register_login(test_.database(), settings_,
                          {email, "1204 Elm St", "97477", "", "en", client, "", ""});
  }

  std::int64_t emails_to(const std::string& to) {
    return count(test_.database(),
                 "SELECT COUNT(*) FROM email_outbox WHERE to_address = '" + to + "'");
  }

  store::testing::TestDatabase test_;
  LoginSettings settings_;
};

TEST_F(RequestLimitsTest, TwentyResetsInASecondSendThreeEmails) {
  ASSERT_TRUE(sign_up("maria@example.com", "10.0.0.1").ok());
  const std::string token = notify::testing::emailed_token(test_.database(), "maria@example.com");
  ASSERT_FALSE(token.empty());
  ASSERT_TRUE(
      set_first_password(test_.database(), settings_, token, "river lamp oboe forty", "10.0.0.1")
          .ok());
  int refused = 0;
  for (int i = 0; i < 20; ++i) {
    auto asked = request_password_reset(test_.database(), settings_, "maria@example.com",
                                        "203.0.113." + std::to_string(i));
    if (!asked.ok()) {
      EXPECT_EQ(asked.error().kind, ErrorKind::throttled);
      EXPECT_EQ(asked.error().code, "too-many-requests");
      EXPECT_GT(asked.error().retry_after_seconds, 59 * 60);
      ++refused;
    }
  }
  EXPECT_EQ(refused, 17);
  // The sign-up email and three reset emails, no more.
  EXPECT_EQ(emails_to("maria@example.com"), 4);
  auto unknown = request_password_reset(test_.database(), settings_, "nobody@example.com", "x");
  EXPECT_TRUE(unknown.ok());
}

TEST_F(RequestLimitsTest, SignUpsAreLimitedPerEmailPerAccountAndPerClient) {
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(sign_up("maria@example.com", "10.0.0.1").ok());
  auto fourth = sign_up("maria@example.com", "10.0.0.2");
  ASSERT_FALSE(fourth.ok());
  EXPECT_EQ(fourth.error().kind, ErrorKind::throttled);
  EXPECT_EQ(emails_to("maria@example.com"), 3);
  // Five sign-ups a day may name one account, whatever the emails.
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(sign_up("other" + std::to_string(i) + "@example.com", "10.0.0.3").ok());
  }
  auto sixth = sign_up("other9@example.com", "10.0.0.4");
  ASSERT_FALSE(sixth.ok());
  EXPECT_EQ(sixth.error().kind, ErrorKind::throttled);
  EXPECT_EQ(emails_to("other9@example.com"), 0);
}

TEST_F(RequestLimitsTest, ARefusedRequestCountsNothing) {
  auto counted = [&](const std::string& subject) {
    return test_->write_work([&](store::Session& session) {
      return count_request(session, {{&kResetPerEmail, subject}, {&kResetPerClient, "10.9.9.9"}});
    });
  };
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(counted("a@example.com").ok());
  EXPECT_FALSE(counted("a@example.com").ok());
  // The refused one did not count against the client either: 3 of its 20.
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM request_limits WHERE subject = '10.9.9.9'"), 3);
}

}  // namespace
}  // namespace rp::auth
