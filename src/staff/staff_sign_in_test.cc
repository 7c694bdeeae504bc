#include "staff/staff_sign_in.h"

#include <gtest/gtest.h>

#include <thread>

#include "auth/totp.h"
#include "staff/roles.h"
#include "staff/staff_users.h"
#include "store/testing/test_database.h"

namespace rp::staff {
namespace {

using store::testing::count;

constexpr const char* kPassword = "copper kettle rain 42";

std::int64_t unix_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
}

class StaffSignInTest : public ::testing::Test {
 protected:
  StaffSignInTest() {
    auto synced =
        test_->write_work([](store::Session& session) { return sync_shipped_roles(session); });
    EXPECT_TRUE(synced.ok());
  }

  AddedStaffUser add(const std::string& email, const std::string& role = "billing_clerk") {
    auto added = test_->write<AddedStaffUser>([&](store::Session& session) {
      return add_staff_user(session, {email, "Ana Ruiz", {role}, "system:cli", ""});
    });
    EXPECT_TRUE(added.ok()) << (added.ok() ? "" : added.error().message);
    return added.ok() ? *added : AddedStaffUser{};
  }

  // The TOTP key stored for the user (hex), as the app holds it after scanning.
  std::string secret_of(std::int64_t id) {
    auto rows = store::testing::query(
        test_.database(), "SELECT mfa_secret FROM staff_users WHERE id = " + std::to_string(id));
    return rows.empty() ? "" : rows[0].text(0);
  }

  // Enrols `email` fully; the app's key and the signed-in session.
  std::pair<std::string, StaffSignedIn> enrolled(const std::string& email,
                                                 const std::string& role = "billing_clerk") {
    const AddedStaffUser added = add(email, role);
    auto begun = begin_enrolment(test_.database(), added.enrol_token, kPassword, "Utility");
    EXPECT_TRUE(begun.ok()) << (begun.ok() ? "" : begun.error().message);
    const std::string secret = secret_of(added.id);
    auto done = finish_enrolment(test_.database(), added.enrol_token,
                                 auth::totp_code(secret, unix_seconds()), "10.0.0.1");
    EXPECT_TRUE(done.ok()) << (done.ok() ? "" : done.error().message);
    return {secret, done.ok() ? *done : StaffSignedIn{}};
  }

  // A code for the next 30-second step (the current one may already be spent).
  static std::string next_code(const std::string& secret) {
    return auth::totp_code(secret, unix_seconds() + auth::kTotpStepSeconds);
  }

  store::testing::TestDatabase test_;
  auth::ThrottleRules rules_;
};

TEST_F(StaffSignInTest, EnrolmentSetsThePasswordAndTheAppThenSignsInWithRecoveryCodes) {
  const AddedStaffUser added = add("Ana.Ruiz@Utility.example");
  auto weak = begin_enrolment(test_.database(), added.enrol_token, "short", "Utility");
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().field, "password");
  auto begun = begin_enrolment(test_.database(), added.enrol_token, kPassword, "Utility");
  ASSERT_TRUE(begun.ok()) << begun.error().message;
  EXPECT_EQ(begun->email, "ana.ruiz@utility.example");
  EXPECT_NE(begun->qr_svg.find("<svg"), std::string::npos);
  EXPECT_TRUE(begun->otpauth_uri.starts_with("otpauth://totp/"));
  const std::string secret = secret_of(added.id);
  auto wrong = finish_enrolment(test_.database(), added.enrol_token, "000000", "10.0.0.1");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, "mfa-code-wrong");
  auto done = finish_enrolment(test_.database(), added.enrol_token,
                               auth::totp_code(secret, unix_seconds()), "10.0.0.1");
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->recovery_codes.size(), 10u);
  EXPECT_EQ(done->me.roles, std::vector<std::string>{"billing_clerk"});
  EXPECT_TRUE(std::binary_search(done->me.permissions.begin(), done->me.permissions.end(),
                                 "adjustments.request"));
  auto session = find_staff_session(test_.database(), done->session_token);
  ASSERT_TRUE(session.ok());
  ASSERT_TRUE(session->has_value());
  EXPECT_EQ((*session)->identity.actor(), "staff:" + std::to_string(added.id));
  EXPECT_TRUE((*session)->identity.may("accounts.read"));
  EXPECT_FALSE((*session)->identity.may("adjustments.approve"));
  // The link is spent.
  auto again = begin_enrolment(test_.database(), added.enrol_token, kPassword, "Utility");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "link-expired");
}

TEST_F(StaffSignInTest, SignInNeedsThePasswordAndACodeAndEachCodeWorksOnce) {
  auto [secret, first] = enrolled("ana@utility.example");
  auto attempt = [&](const std::string& password, const std::string& code) {
    auto outcome = staff_sign_in(test_.database(), rules_,
                                 {"ana@utility.example", password, code, "10.0.0.2"});
    EXPECT_TRUE(outcome.ok());
    return outcome.ok() ? *outcome : StaffSignInOutcome{};
  };
  using Kind = StaffSignInOutcome::Kind;
  EXPECT_EQ(attempt("wrong password here", next_code(secret)).kind, Kind::wrong_credentials);
  EXPECT_EQ(attempt(kPassword, "").kind, Kind::code_needed);
  EXPECT_EQ(attempt(kPassword, "123456").kind, Kind::code_needed);
  const std::string code = next_code(secret);
  const StaffSignInOutcome in = attempt(kPassword, code);
  ASSERT_EQ(in.kind, Kind::signed_in) << in.message;
  EXPECT_FALSE(in.session.session_token.empty());
  EXPECT_TRUE(in.session.recovery_codes.empty());
  EXPECT_EQ(attempt(kPassword, code).kind, Kind::code_needed);  // a code works once
  // A recovery code works once too.
  const std::string recovery = first.recovery_codes.at(3);
  EXPECT_EQ(attempt(kPassword, recovery).kind, Kind::signed_in);
  EXPECT_EQ(attempt(kPassword, recovery).kind, Kind::code_needed);
}

TEST_F(StaffSignInTest, FiveWrongPasswordsLockTheUserAndAnUnknownEmailIsAnsweredTheSame) {
  auto [secret, ignored] = enrolled("ana@utility.example");
  for (int i = 0; i < 5; ++i) {
    auto wrong =
        staff_sign_in(test_.database(), rules_,
                      {"ana@utility.example", "guess " + std::to_string(i), "", "10.0.0.3"});
    ASSERT_TRUE(wrong.ok());
    EXPECT_EQ(wrong->kind, StaffSignInOutcome::Kind::wrong_credentials);
  }
  auto locked = staff_sign_in(test_.database(), rules_,
                              {"ana@utility.example", kPassword, next_code(secret), "10.0.0.3"});
  ASSERT_TRUE(locked.ok());
  EXPECT_EQ(locked->kind, StaffSignInOutcome::Kind::locked);
  EXPECT_GT(locked->retry_after.count(), 14 * 60);
  auto unknown = staff_sign_in(test_.database(), rules_,
                               {"nobody@utility.example", kPassword, "123456", "10.0.0.4"});
  ASSERT_TRUE(unknown.ok());
  EXPECT_EQ(unknown->kind, StaffSignInOutcome::Kind::wrong_credentials);
  EXPECT_EQ(unknown->message, "that email and password do not match a staff user");
  // A staff user's attempts are counted apart from a customer's with the same email: the five
  // failures (the refused attempt is not even written).
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM login_attempts WHERE email = 'staff:ana@utility.example'"),
            5);
}

TEST_F(StaffSignInTest, DisablingAUserEndsTheirSessionsAtOnceAndRefusesSignIn) {
  auto [secret, signed_in] = enrolled("ana@utility.example");
  const std::int64_t id = signed_in.me.id;
  auto disabled = test_->write_work(
      [&](store::Session& session) { return disable_staff_user(session, id, "staff:1"); });
  ASSERT_TRUE(disabled.ok());
  auto session = find_staff_session(test_.database(), signed_in.session_token);
  ASSERT_TRUE(session.ok());
  EXPECT_FALSE(session->has_value());
  auto refused = staff_sign_in(test_.database(), rules_,
                               {"ana@utility.example", kPassword, next_code(secret), "10.0.0.5"});
  ASSERT_TRUE(refused.ok());
  EXPECT_EQ(refused->kind, StaffSignInOutcome::Kind::wrong_credentials);
}

TEST_F(StaffSignInTest, AFoundSessionIsKeptBrieflyAndForgottenAtOnceWhenAskedTo) {
  auto [secret, signed_in] = enrolled("ana@utility.example");
  ASSERT_TRUE(find_staff_session(test_.database(), signed_in.session_token)->has_value());
  // Ended behind the process: still known for at most kSessionCacheLife...
  auto ended = test_->write_work([](store::Session& session) -> Result<void> {
    RP_TRY(session.execute("UPDATE staff_sessions SET ended_at = '2026-01-01T00:00:00Z'"));
    return success();
  });
  ASSERT_TRUE(ended.ok());
  auto cached = find_staff_session(test_.database(), signed_in.session_token);
  ASSERT_TRUE(cached.ok());
  EXPECT_TRUE(cached->has_value()) << "the second request within 2 s asks the database again";
  // ...and gone once this process is told.
  forget_known_staff_sessions();
  auto gone = find_staff_session(test_.database(), signed_in.session_token);
  ASSERT_TRUE(gone.ok());
  EXPECT_FALSE(gone->has_value());
}

TEST_F(StaffSignInTest, AnIdleSessionEndsAfterFifteenMinutesAndAnyAfterTenHours) {
  auto [secret, signed_in] = enrolled("ana@utility.example");
  auto age = [&](const std::string& column, std::chrono::seconds by) {
    auto changed = test_->write_work([&](store::Session& session) -> Result<void> {
      RP_TRY(session.execute("UPDATE staff_sessions SET " + column + " = :at",
                             {format_instant(now() - by)}));
      return success();
    });
    ASSERT_TRUE(changed.ok());
    forget_known_staff_sessions();  // changed behind the process
  };
  age("last_seen_at", std::chrono::minutes(14));
  auto alive = find_staff_session(test_.database(), signed_in.session_token);
  ASSERT_TRUE(alive.ok());
  EXPECT_TRUE(alive->has_value());
  age("created_at", std::chrono::hours(10) + std::chrono::seconds(1));
  auto old = find_staff_session(test_.database(), signed_in.session_token);
  ASSERT_TRUE(old.ok());
  EXPECT_FALSE(old->has_value());
  age("created_at", std::chrono::hours(1));
  age("last_seen_at", std::chrono::minutes(16));
  auto idle = find_staff_session(test_.database(), signed_in.session_token);
  ASSERT_TRUE(idle.ok());
  EXPECT_FALSE(idle->has_value());
}

TEST_F(StaffSignInTest, ReauthenticationNeedsThePasswordAndAFreshCode) {
  auto [secret, signed_in] = enrolled("ana@utility.example");
  auto session = find_staff_session(test_.database(), signed_in.session_token);
  ASSERT_TRUE(session.ok() && session->has_value());
  auto wrong = reauthenticate(test_.database(), rules_, **session, "not it at all",
                              next_code(secret), "10.0.0.6");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().field, "password");
  auto right =
      reauthenticate(test_.database(), rules_, **session, kPassword, next_code(secret), "10.0.0.6");
  ASSERT_TRUE(right.ok()) << right.error().message;
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM staff_sessions WHERE ended_at IS NULL"),
            1);  // no second session was opened
}

TEST_F(StaffSignInTest, AddingAUserChecksEveryFieldAndWritesNothingWhenOneIsWrong) {
  for (const NewStaffUser& bad :
       {NewStaffUser{"not an email", "Ana", {"cashier"}, "system:cli", ""},
        NewStaffUser{"ana@utility.example", "", {"cashier"}, "system:cli", ""},
        NewStaffUser{"ana@utility.example", "Ana", {}, "system:cli", ""},
        NewStaffUser{"ana@utility.example", "Ana", {"boss"}, "system:cli", ""}}) {
    auto refused = test_->write<AddedStaffUser>(
        [&](store::Session& session) { return add_staff_user(session, bad); });
    ASSERT_FALSE(refused.ok());
  }
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM staff_users"), 0);
  add("ana@utility.example");
  auto twice = test_->write<AddedStaffUser>([&](store::Session& session) {
    return add_staff_user(session, {"ANA@utility.example", "Ana", {"cashier"}, "system:cli", ""});
  });
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().field, "email");
}

}  // namespace
}  // namespace rp::staff
