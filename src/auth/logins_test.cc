// Customer logins: registration by service address, the emailed link, sign-in and throttling,
// sessions, password reset, several accounts on one login.

#include "auth/logins.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>
#include <vector>

#include "accounts/testing/account_fixtures.h"
#include "auth/totp.h"
#include "core/time.h"
#include "notify/testing/outbox.h"
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
    return notify::testing::emailed_token(db(), to);
  }

  SignedIn registered(const std::string& email) {
    auto done = register_login(db(), settings_,
                               {email, "1204 Elm Street", "97477", "", "en", "10.0.0.1", "", ""});
    EXPECT_TRUE(done.ok()) << (done.ok() ? "" : done.error().message);
    auto signed_in =
        set_first_password(db(), settings_, emailed_token(email), kPassword, "10.0.0.1");
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
  auto done = register_login(
      db(), settings_,
      {" Maria@Example.com ", "1204 elm st.", "97477-1234", "", "es", "10.0.0.1", "", ""});
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
  auto weak = set_first_password(db(), settings_, token, "password2026", "10.0.0.1");
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().field, "password");
  auto signed_in = set_first_password(db(), settings_, token, kPassword, "10.0.0.1");
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
  auto again = set_first_password(db(), settings_, token, kPassword, "10.0.0.1");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().field, "token");
  EXPECT_EQ(attempt("MARIA@example.com", kPassword).kind, SignInOutcome::Kind::signed_in);
}

TEST_F(LoginsTest, AnAddressThatMatchesNothingIsRefusedAndNothingIsWritten) {
  for (const Registration& wrong : {
           Registration{"a@example.com", "1206 Elm St", "97477", "", "en", "10.0.0.1", "", ""},
           Registration{"a@example.com", "1204 Elm St", "97478", "", "en", "10.0.0.1", "", ""},
           Registration{"a@example.com", "1204 Elm St", "97477", "100000025", "en", "10.0.0.1", "",
                        ""},
       }) {
    auto done = register_login(db(), settings_, wrong);
    ASSERT_FALSE(done.ok());
    EXPECT_EQ(done.error().field, "address") << wrong.street << " " << wrong.zip;
  }
  auto bad_zip = register_login(
      db(), settings_, {"a@example.com", "1204 Elm St", "974", "", "en", "10.0.0.1", "", ""});
  ASSERT_FALSE(bad_zip.ok());
  EXPECT_EQ(bad_zip.error().field, "zip");
  auto bad_email =
      register_login(db(), settings_, {"a@", "1204 Elm St", "97477", "", "en", "10.0.0.1", "", ""});
  ASSERT_FALSE(bad_email.ok());
  EXPECT_EQ(bad_email.error().field, "email");
  auto bad_number = register_login(
      db(), settings_,
      {"a@example.com", "1204 Elm St", "97477", "100000018", "en", "10.0.0.1", "", ""});
  ASSERT_FALSE(bad_number.ok());
  EXPECT_EQ(bad_number.error().field, "account_number");
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM users"), 0);
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM email_outbox"), 0);
  // With the right account number it matches.
  EXPECT_TRUE(register_login(db(), settings_,
                             {"a@example.com", "1204 Elm St", "97477", maria_.formatted(), "en",
                              "10.0.0.1", "", ""})
                  .ok());
}

TEST_F(LoginsTest, RegisteringAnEmailThatHasALoginLinksNothingAndSaysSo) {
  registered("maria@example.com");
  auto other = accounts::testing::open_sample_account(
      db(), {"Ben Ortiz", "17 Oak Ave", "97477", "E2000017", false});
  ASSERT_TRUE(
      register_login(db(), settings_,
                     {"maria@example.com", "17 Oak Ave", "97477", "", "en", "10.0.0.1", "", ""})
          .ok());
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

TEST_F(LoginsTest, ManyFailuresFromOneAddressMakeThatAddressBackOffNotLockOut) {
  registered("maria@example.com");
  for (int i = 0; i < 20; ++i) {
    attempt("someone" + std::to_string(i) + "@example.com", "guessing password", "203.0.113.9");
  }
  // The 21st attempt from that address waits two seconds (doubling with each failure beyond),
  // not fifteen minutes: a neighbour behind the same address is slowed, never locked out.
  SignInOutcome waiting = attempt("maria@example.com", kPassword, "203.0.113.9");
  EXPECT_EQ(waiting.kind, SignInOutcome::Kind::locked);
  EXPECT_GE(waiting.retry_after.count(), 1);
  EXPECT_LE(waiting.retry_after.count(), 2);
  EXPECT_NE(waiting.message.find(" second"), std::string::npos) << waiting.message;
  EXPECT_EQ(attempt("maria@example.com", kPassword, "198.51.100.4").kind,
            SignInOutcome::Kind::signed_in);
  // Twenty-five failures: 64 s, held to a minute; more never exceed it.
  auto add_failures = [&](int failures) {
    ASSERT_TRUE(test_
                    ->write_work([&](store::Session& session) -> Result<void> {
                      for (int i = 0; i < failures; ++i) {
                        RP_TRY(session.query_named(
                            "auth/insert_login_attempt",
                            {std::string("x@example.com"), std::string("203.0.113.9"),
                             std::int64_t{0}, format_instant(now())}));
                      }
                      return success();
                    })
                    .ok());
  };
  add_failures(5);
  EXPECT_GT(attempt("maria@example.com", kPassword, "203.0.113.9").retry_after.count(), 30);
  add_failures(30);
  EXPECT_LE(attempt("maria@example.com", kPassword, "203.0.113.9").retry_after.count(), 60);
}

TEST_F(LoginsTest, GuessesSentAtOnceAllCountBeforeAnyIsChecked) {
  registered("maria@example.com");
  constexpr int kGuesses = 30;
  std::vector<SignInOutcome::Kind> kinds(kGuesses);
  std::vector<std::thread> guessers;
  for (int i = 0; i < kGuesses; ++i) {
    guessers.emplace_back([&, i] {
      auto outcome = sign_in(db(), settings_,
                             {"maria@example.com", "guess number " + std::to_string(i), "",
                              "198.51.100." + std::to_string(i)});
      kinds[static_cast<std::size_t>(i)] =
          outcome.ok() ? outcome->kind : SignInOutcome::Kind::signed_in;
    });
  }
  for (std::thread& guesser : guessers) guesser.join();
  const auto checked =
      std::count(kinds.begin(), kinds.end(), SignInOutcome::Kind::wrong_credentials);
  const auto refused = std::count(kinds.begin(), kinds.end(), SignInOutcome::Kind::locked);
  EXPECT_EQ(checked, settings_.failures_per_email);  // five passwords hashed, no more
  EXPECT_EQ(refused, kGuesses - settings_.failures_per_email);
}

TEST_F(LoginsTest, SettingAPasswordEndsEveryOtherLinkOfTheLogin) {
  // Two sign-up links (the customer registered twice); the second sets the password.
  ASSERT_TRUE(
      register_login(db(), settings_,
                     {"maria@example.com", "1204 Elm St", "97477", "", "en", "10.0.0.1", "", ""})
          .ok());
  const std::string first = emailed_token("maria@example.com");
  ASSERT_TRUE(
      register_login(db(), settings_,
                     {"maria@example.com", "1204 Elm St", "97477", "", "en", "10.0.0.1", "", ""})
          .ok());
  const std::string second = emailed_token("maria@example.com");
  ASSERT_NE(first, second);
  auto signed_in = set_first_password(db(), settings_, second, kPassword, "10.0.0.1");
  ASSERT_TRUE(signed_in.ok()) << signed_in.error().message;
  // With two-step sign-in on, the old sign-up link must not sign in past it.
  auto enrolment = start_mfa(db(), signed_in->me.user_id);
  ASSERT_TRUE(enrolment.ok());
  const std::string secret = query(db(), "SELECT mfa_pending_secret FROM users")[0].text(0);
  const std::int64_t unix_now =
      std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
  ASSERT_TRUE(confirm_mfa(db(), signed_in->me.user_id, totp_code(secret, unix_now)).ok());
  auto bypass = set_first_password(db(), settings_, first, "another long passphrase", "10.0.0.9");
  ASSERT_FALSE(bypass.ok());
  EXPECT_EQ(bypass.error().code, "link-expired");

  // An older reset link dies when a newer one is used.
  ASSERT_TRUE(request_password_reset(db(), settings_, "maria@example.com", "10.0.0.1").ok());
  const std::string older = emailed_token("maria@example.com");
  ASSERT_TRUE(request_password_reset(db(), settings_, "maria@example.com", "10.0.0.1").ok());
  const std::string newer = emailed_token("maria@example.com");
  ASSERT_TRUE(reset_password(db(), newer, "a newer long passphrase").ok());
  auto stale = reset_password(db(), older, "an attacker's passphrase");
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, "link-expired");
}

TEST_F(LoginsTest, PasswordChecksOnSignedInRoutesCountAsSignInAttempts) {
  SignedIn maria = registered("maria@example.com");
  auto session = find_session(db(), settings_, maria.session_token);
  ASSERT_TRUE(session.ok() && *session);
  for (int i = 0; i < 5; ++i) {
    auto wrong =
        change_password(db(), settings_, maria.me.user_id, (*session)->session_id,
                        "guess " + std::to_string(i), "a brand new passphrase", "10.0.0.1");
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().field, "current_password");
  }
  // The sixth is not even checked, on either route, and sign-in is locked too.
  auto locked = turn_off_mfa(db(), settings_, maria.me.user_id, kPassword, "10.0.0.1");
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().kind, ErrorKind::throttled);
  EXPECT_EQ(locked.error().code, "password-attempts-locked");
  EXPECT_GT(locked.error().retry_after_seconds, 14 * 60);
  EXPECT_EQ(attempt("maria@example.com", kPassword).kind, SignInOutcome::Kind::locked);
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
  ASSERT_TRUE(request_password_reset(db(), settings_, "maria@example.com", "10.0.0.1").ok());
  // An email without a login gets the same answer and no mail.
  ASSERT_TRUE(request_password_reset(db(), settings_, "nobody@example.com", "10.0.0.1").ok());
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

TEST_F(LoginsTest, ALoginAddsItsOwnAccountAtOnceAndAnotherOnlyWithTheMailedCode) {
  SignedIn maria = registered("maria@example.com");
  // A second property of Maria's (her email is on file there): linked at once.
  auto cabin = accounts::testing::open_sample_account(
      db(), {"Maria Lopez", "9 Fir St", "97477", "E3000017", false});
  auto added = add_accounts(db(), settings_, maria.me.user_id,
                            {"9 Fir Street", "97477", "", "", ""}, "10.0.0.1");
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_EQ(added->accounts.size(), 2u);
  EXPECT_TRUE(*user_holds_account(db(), maria.me.user_id, cabin));
  // Ben's account (his email is on file): a code goes to Ben's address; nothing is linked.
  auto ben = accounts::testing::open_sample_account(
      db(), {"Ben Ortiz", "17 Oak Ave", "97477", "E2000017", false});
  auto claimed = add_accounts(db(), settings_, maria.me.user_id,
                              {"17 Oak Avenue", "97477", "", "", ""}, "10.0.0.1");
  ASSERT_TRUE(claimed.ok()) << claimed.error().message;
  EXPECT_EQ(claimed->accounts.size(), 2u);
  ASSERT_EQ(claimed->pending_accounts.size(), 1u);
  EXPECT_EQ(claimed->pending_accounts[0].street, "17 Oak Ave");
  EXPECT_FALSE(*user_holds_account(db(), maria.me.user_id, ben));
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM letters"), 1);
  // Adding her own again changes nothing.
  ASSERT_TRUE(add_accounts(db(), settings_, maria.me.user_id, {"9 Fir Street", "97477", "", "", ""},
                           "10.0.0.1")
                  .ok());
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM user_accounts"), 2);
}

TEST_F(LoginsTest, ChangingThePasswordNeedsTheCurrentOneAndEndsOtherSessions) {
  SignedIn here = registered("maria@example.com");
  SignInOutcome elsewhere = attempt("maria@example.com", kPassword);
  auto here_session = find_session(db(), settings_, here.session_token);
  ASSERT_TRUE(here_session.ok() && *here_session);
  auto wrong = change_password(db(), settings_, here.me.user_id, (*here_session)->session_id,
                               "not my password", "a brand new passphrase", "10.0.0.1");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().field, "current_password");
  auto weak = change_password(db(), settings_, here.me.user_id, (*here_session)->session_id,
                              kPassword, "short", "10.0.0.1");
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().field, "new_password");
  ASSERT_TRUE(change_password(db(), settings_, here.me.user_id, (*here_session)->session_id,
                              kPassword, "a brand new passphrase", "10.0.0.1")
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
  auto enrolment = start_mfa(db(), maria.me.user_id);
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
  const auto told = [&](const char* subject) {
    return count(db(), std::string("SELECT COUNT(*) FROM email_outbox WHERE to_address = "
                                   "'maria@example.com' AND subject LIKE '") +
                           subject + "%'");
  };
  EXPECT_EQ(told("Two-step sign-in was turned on"), 0);  // not for a wrong code
  auto codes = confirm_mfa(db(), maria.me.user_id, totp_code(secret, unix_now));
  ASSERT_TRUE(codes.ok()) << codes.error().message;
  ASSERT_EQ(codes->size(), 10u);
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM recovery_codes"), 10);
  EXPECT_EQ(told("Two-step sign-in was turned on"), 1);  // the owner is told at once

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
  EXPECT_FALSE(turn_off_mfa(db(), settings_, maria.me.user_id, "wrong password!", "10.0.0.4").ok());
  EXPECT_EQ(told("Two-step sign-in was turned off"), 0);
  ASSERT_TRUE(turn_off_mfa(db(), settings_, maria.me.user_id, kPassword, "10.0.0.4").ok());
  EXPECT_EQ(attempt("maria@example.com", kPassword).kind, SignInOutcome::Kind::signed_in);
  EXPECT_EQ(count(db(), "SELECT COUNT(*) FROM recovery_codes"), 0);
  EXPECT_EQ(told("Two-step sign-in was turned off"), 1);
}

}  // namespace
}  // namespace rp::auth
