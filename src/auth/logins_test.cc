// Customer logins: registration by service address, the emailed link, sign-in and throttling,
// sessions, password reset, several accounts on one login.

#include "auth/logins.h"

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "auth/totp.h"
#include "core/time.h"
#include "store/testing/test_database.h"

namespace rp::auth {
namespace {

using store::testing::count;
using store::testing::query;

constexpr const char* kPassword = "river lamp oboe forty";

class LoginsTest : public ::testing::Test {
 protected:
  LoginsTest() : maria_(accounts::testing::open_sample_account(test_.database())) {
    settings_.public_url = "https://portal.utility.example/";
  }

  store::Database& db() { return test_.database(); }

  // The token of the newest link emailed to `to` (read from the outbox, before it is sent).
  std::string emailed_token(const std::string& to) {
    auto rows = query(db(), "SELECT body FROM email_outbox WHERE to_address = '" + to +
                                "' ORDER BY id DESC LIMIT 1");
    if (rows.empty()) return "";
    const std::string body = rows[0].text(0);
    const auto at = body.find("?token=");
    if (at == std::string::npos) return "";
    return body.substr(at + 7, body.find('\n', at) - at - 7);
  }

  SignedIn registered(const std::string& email) {
    auto done = register_login(db(), settings_, {email, "1204 Elm Street", "97477", "", "en"});
    EXPECT_TRUE(done.ok()) << (done.ok() ? "" : done.error().message);
    auto signed_in = set_first_password(db(), emailed_token(email), kPassword, "10.0.0.1");
    EXPECT_TRUE(signed_in.ok()) << (signed_in.ok() ? "" : signed_in.error().message);
    return signed_in.ok() ? *signed_in : SignedIn{};
  }

  SignInOutcome attempt(const std::string& email, const std::string& password,
                        const std::string& address = "10.0.0.1") {
    auto outcome = sign_in(db(), settings_, {email, password, "", address});
    EXPECT_TRUE(outcome.ok()) << (outcome.ok() ? "" : outcome.error().message);
    return outcome.ok() ? *outcome : SignInOutcome{};
  }

  store::testing::TestDatabase test_;
  AccountNumber maria_;
  LoginSettings settings_;
};

TEST_F(LoginsTest, RegisteringByAddressEmailsALinkThatSetsThePasswordAndSignsIn) {
  auto done = register_login(db(), settings_,
                             {" Maria@Example.com ", "1204 elm st.", "97477-1234", "", "es"});
  ASSERT_TRUE(done.ok()) << done.error().message;
  auto mail = query(db(), "SELECT to_address, subject, body FROM email_outbox");
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].text(0), "maria@example.com");
  EXPECT_NE(mail[0].text(1).find("Confirme su correo"), std::string::npos);
  EXPECT_NE(mail[0].text(2).find("https://portal.utility.example/verify?token="),
            std::string::npos);
  // Not signed in before the link is used.
  EXPECT_EQ(attempt("maria@example.com", kPassword).kind, SignInOutcome::Kind::wrong_credentials);

  const std::string token = emailed_token("maria@example.com");
  auto weak = set_first_password(db(), token, "password2026", "10.0.0.1");
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().field, "password");
  auto signed_in = set_first_password(db(), token, kPassword, "10.0.0.1");
  ASSERT_TRUE(signed_in.ok()) << signed_in.error().message;
  EXPECT_EQ(signed_in->me.email, "maria@example.com");
  EXPECT_EQ(signed_in->me.language, "es");
  ASSERT_EQ(signed_in->me.accounts.size(), 1u);
  EXPECT_EQ(signed_in->me.accounts[0].number, maria_.digits());
  EXPECT_EQ(signed_in->me.accounts[0].name, "Maria Lopez");
  // The token is stored only as its digest, and works once.
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM user_sessions WHERE token_hash = '" +
                            signed_in->session_token + "'"),
            0);
  auto again = set_first_password(db(), token, kPassword, "10.0.0.1");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().field, "token");
  EXPECT_EQ(attempt("MARIA@example.com", kPassword).kind, SignInOutcome::Kind::signed_in);
}

TEST_F(LoginsTest, AnAddressThatMatchesNothingIsRefusedAndNothingIsWritten) {
  for (const Registration& wrong : {
           Registration{"a@example.com", "1206 Elm St", "97477", "", "en"},
           Registration{"a@example.com", "1204 Elm St", "97478", "", "en"},
           Registration{"a@example.com", "1204 Elm St", "97477", "100000025", "en"},
       }) {
    auto done = register_login(db(), settings_, wrong);
    ASSERT_FALSE(done.ok());
    EXPECT_EQ(done.error().field, "address") << wrong.street << " " << wrong.zip;
  }
  auto bad_zip = register_login(db(), settings_, {"a@example.com", "1204 Elm St", "974", "", "en"});
  ASSERT_FALSE(bad_zip.ok());
  EXPECT_EQ(bad_zip.error().field, "zip");
  auto bad_email = register_login(db(), settings_, {"a@", "1204 Elm St", "97477", "", "en"});
  ASSERT_FALSE(bad_email.ok());
  EXPECT_EQ(bad_email.error().field, "email");
  auto bad_number =
      register_login(db(), settings_, {"a@example.com", "1204 Elm St", "97477", "100000018", "en"});
  ASSERT_FALSE(bad_number.ok());
  EXPECT_EQ(bad_number.error().field, "account_number");
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM users"), 0);
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM email_outbox"), 0);
  // With the right account number it matches.
  EXPECT_TRUE(register_login(db(), settings_,
                             {"a@example.com", "1204 Elm St", "97477", maria_.formatted(), "en"})
                  .ok());
}

TEST_F(LoginsTest, RegisteringAnEmailThatHasALoginLinksNothingAndSaysSo) {
  registered("maria@example.com");
  auto other = accounts::testing::open_sample_account(
      db(), {"Ben Ortiz", "17 Oak Ave", "97477", "E2000017", false});
  ASSERT_TRUE(
      register_login(db(), settings_, {"maria@example.com", "17 Oak Ave", "97477", "", "en"}).ok());
  auto mail = query(db(), "SELECT subject FROM email_outbox ORDER BY id DESC LIMIT 1");
  EXPECT_NE(mail[0].text(0).find("already have online access"), std::string::npos);
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM user_accounts"), 1);
  (void)other;
}

TEST_F(LoginsTest, FailedSignInsLockTheEmailForFifteenMinutesWithAClearMessage) {
  registered("maria@example.com");
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(attempt("maria@example.com", "wrong password here").kind,
              SignInOutcome::Kind::wrong_credentials);
  }
  SignInOutcome locked = attempt("maria@example.com", kPassword);
  EXPECT_EQ(locked.kind, SignInOutcome::Kind::locked);
  EXPECT_GT(locked.retry_after.count(), 14 * 60);
  EXPECT_LE(locked.retry_after.count(), 15 * 60);
  EXPECT_NE(locked.message.find("15 minutes"), std::string::npos);
  // Attempts while locked are not recorded (they do not extend the lock).
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM login_attempts"), 5);
}

TEST_F(LoginsTest, ManyFailuresFromOneAddressLockThatAddressForEveryEmail) {
  registered("maria@example.com");
  for (int i = 0; i < 20; ++i) {
    attempt("someone" + std::to_string(i) + "@example.com", "guessing password", "203.0.113.9");
  }
  EXPECT_EQ(attempt("maria@example.com", kPassword, "203.0.113.9").kind,
            SignInOutcome::Kind::locked);
  EXPECT_EQ(attempt("maria@example.com", kPassword, "198.51.100.4").kind,
            SignInOutcome::Kind::signed_in);
}

TEST_F(LoginsTest, ASessionEndsAtSignOutEverywhereOrWhenIdle) {
  SignedIn first = registered("maria@example.com");
  SignInOutcome second = attempt("maria@example.com", kPassword);
  ASSERT_TRUE(second.session);
  auto found = find_session(db(), settings_, first.session_token);
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(*found);
  EXPECT_EQ((*found)->csrf_token, first.csrf_token);
  auto unknown = find_session(db(), settings_, "not-a-session");
  ASSERT_TRUE(unknown.ok());
  EXPECT_FALSE(*unknown);

  ASSERT_TRUE(end_session(db(), (*found)->session_id).ok());
  EXPECT_FALSE(*find_session(db(), settings_, first.session_token));
  EXPECT_TRUE(*find_session(db(), settings_, second.session->session_token));
  ASSERT_TRUE(end_every_session(db(), (*found)->user_id).ok());
  EXPECT_FALSE(*find_session(db(), settings_, second.session->session_token));

  SignInOutcome third = attempt("maria@example.com", kPassword);
  ASSERT_TRUE(db().write_work([](store::Session& session) -> Result<void> {
                    auto aged = session.execute(
                        "UPDATE user_sessions SET last_seen_at = '2026-01-01T00:00:00Z'");
                    if (!aged.ok()) return aged.error();
                    return success();
                  })
                  .ok());
  EXPECT_FALSE(*find_session(db(), settings_, third.session->session_token));
}

TEST_F(LoginsTest, APasswordResetLinkSetsANewPasswordAndEndsEverySession) {
  SignedIn before = registered("maria@example.com");
  ASSERT_TRUE(request_password_reset(db(), settings_, "maria@example.com").ok());
  // An email without a login gets the same answer and no mail.
  ASSERT_TRUE(request_password_reset(db(), settings_, "nobody@example.com").ok());
  EXPECT_EQ(
      count(db(), "SELECT COUNT(*) FROM email_outbox WHERE to_address = 'nobody@example.com'"), 0);
  const std::string token = emailed_token("maria@example.com");
  ASSERT_FALSE(token.empty());
  ASSERT_TRUE(reset_password(db(), token, "a brand new passphrase").ok());
  EXPECT_FALSE(*find_session(db(), settings_, before.session_token));
  EXPECT_EQ(attempt("maria@example.com", kPassword).kind, SignInOutcome::Kind::wrong_credentials);
  EXPECT_EQ(attempt("maria@example.com", "a brand new passphrase").kind,
            SignInOutcome::Kind::signed_in);
  auto reused = reset_password(db(), token, "another new passphrase");
  ASSERT_FALSE(reused.ok());
  EXPECT_EQ(reused.error().field, "token");
}

TEST_F(LoginsTest, ALoginHoldsAnotherAccountAddedByItsAddressAndSeesOnlyItsOwn) {
  SignedIn maria = registered("maria@example.com");
  auto ben = accounts::testing::open_sample_account(
      db(), {"Ben Ortiz", "17 Oak Ave", "97477", "E2000017", false});
  auto holds_ben = user_holds_account(db(), maria.me.user_id, ben);
  ASSERT_TRUE(holds_ben.ok());
  EXPECT_FALSE(*holds_ben);
  EXPECT_TRUE(*user_holds_account(db(), maria.me.user_id, maria_));
  auto added = add_accounts(db(), maria.me.user_id, "17 Oak Avenue", "97477", "");
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_EQ(added->accounts.size(), 2u);
  EXPECT_TRUE(*user_holds_account(db(), maria.me.user_id, ben));
  // Adding the same one again changes nothing.
  ASSERT_TRUE(add_accounts(db(), maria.me.user_id, "17 Oak Avenue", "97477", "").ok());
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM user_accounts"), 2);
}

TEST_F(LoginsTest, ChangingThePasswordNeedsTheCurrentOneAndEndsOtherSessions) {
  SignedIn here = registered("maria@example.com");
  SignInOutcome elsewhere = attempt("maria@example.com", kPassword);
  auto here_session = find_session(db(), settings_, here.session_token);
  ASSERT_TRUE(here_session.ok() && *here_session);
  auto wrong = change_password(db(), here.me.user_id, (*here_session)->session_id,
                               "not my password", "a brand new passphrase");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().field, "current_password");
  auto weak =
      change_password(db(), here.me.user_id, (*here_session)->session_id, kPassword, "short");
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().field, "new_password");
  ASSERT_TRUE(change_password(db(), here.me.user_id, (*here_session)->session_id, kPassword,
                              "a brand new passphrase")
                  .ok());
  EXPECT_TRUE(*find_session(db(), settings_, here.session_token));
  EXPECT_FALSE(*find_session(db(), settings_, elsewhere.session->session_token));
  auto spanish = set_language(db(), here.me.user_id, "es");
  ASSERT_TRUE(spanish.ok());
  EXPECT_EQ(spanish->language, "es");
  EXPECT_FALSE(set_language(db(), here.me.user_id, "fr").ok());
}

TEST_F(LoginsTest, TwoStepSignInNeedsACurrentCodeOnceOrARecoveryCodeOnce) {
  SignedIn maria = registered("maria@example.com");
  auto enrolment = start_mfa(db(), settings_, maria.me.user_id);
  ASSERT_TRUE(enrolment.ok()) << enrolment.error().message;
  EXPECT_NE(enrolment->otpauth_uri.find(enrolment->secret), std::string::npos);
  EXPECT_EQ(enrolment->qr_svg.rfind("<svg", 0), 0u);
  const std::string secret = query(db(), "SELECT mfa_pending_secret FROM users")[0].text(0);
  const std::int64_t unix_now =
      std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
  auto wrong = confirm_mfa(db(), maria.me.user_id,
                           "000000" == totp_code(secret, unix_now) ? "111111" : "000000");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().field, "code");
  auto codes = confirm_mfa(db(), maria.me.user_id, totp_code(secret, unix_now));
  ASSERT_TRUE(codes.ok()) << codes.error().message;
  ASSERT_EQ(codes->size(), 10u);
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM recovery_codes"), 10);

  auto no_code = sign_in(db(), settings_, {"maria@example.com", kPassword, "", "10.0.0.1"});
  ASSERT_TRUE(no_code.ok());
  EXPECT_EQ(no_code->kind, SignInOutcome::Kind::code_needed);
  // The code used to confirm was used: the next step's code signs in, once.
  const std::string next = totp_code(secret, unix_now + 30);
  auto with_code = sign_in(db(), settings_, {"maria@example.com", kPassword, next, "10.0.0.1"});
  ASSERT_TRUE(with_code.ok());
  EXPECT_EQ(with_code->kind, SignInOutcome::Kind::signed_in);
  auto replayed = sign_in(db(), settings_, {"maria@example.com", kPassword, next, "10.0.0.1"});
  EXPECT_EQ(replayed->kind, SignInOutcome::Kind::code_needed);
  // A recovery code works once, typed in any case.
  std::string recovery = codes->front();
  for (char& c : recovery) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(sign_in(db(), settings_, {"maria@example.com", kPassword, recovery, "10.0.0.2"})->kind,
            SignInOutcome::Kind::signed_in);
  EXPECT_EQ(sign_in(db(), settings_, {"maria@example.com", kPassword, recovery, "10.0.0.2"})->kind,
            SignInOutcome::Kind::code_needed);
  // A wrong password with a good code is still a wrong password.
  EXPECT_EQ(
      sign_in(db(), settings_, {"maria@example.com", "wrong password!", codes->at(1), "10.0.0.3"})
          ->kind,
      SignInOutcome::Kind::wrong_credentials);
  // Turning it off needs the password.
  EXPECT_FALSE(turn_off_mfa(db(), maria.me.user_id, "wrong password!").ok());
  ASSERT_TRUE(turn_off_mfa(db(), maria.me.user_id, kPassword).ok());
  EXPECT_EQ(attempt("maria@example.com", kPassword).kind, SignInOutcome::Kind::signed_in);
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM recovery_codes"), 0);
}

}  // namespace
}  // namespace rp::auth
