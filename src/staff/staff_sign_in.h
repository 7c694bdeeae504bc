#pragma once
// Staff users sign in with a password (argon2id, the customers' password rules) AND a code from
// an authenticator app (TOTP, RFC 6238; or one of 10 recovery codes, each once): there is no
// staff sign-in without two steps.
//
//  * enrolment: the one-time link from add_staff_user (staff_users.h); begin_enrolment sets the
//    password and a new TOTP key (and may be repeated until confirmed), finish_enrolment checks
//    the first code, spends the link, makes the recovery codes and signs in.
//  * staff_sign_in: email + password + code, throttled as customers' sign-in is
//    (auth/sign_in_throttle.h; attempts counted under "staff:<email>"). A disabled user, an
//    unknown email and a wrong password get the same answer.
//  * sessions: a random token (the console's cookie) stored as its SHA-256, a CSRF token; ended
//    after kStaffIdle without a request or kStaffAbsolute in all, at sign-out, or when the user is
//    disabled. Actions whose permission needs_recent_sign_in (permissions.h) need the password and
//    a code given within kRecentSignIn (reauthenticate).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/sign_in_throttle.h"
#include "core/result.h"
#include "core/time.h"
#include "staff/identity.h"
#include "store/database.h"

namespace rp::staff {

inline constexpr std::chrono::minutes kStaffIdle{15};
inline constexpr std::chrono::hours kStaffAbsolute{10};
inline constexpr std::chrono::minutes kRecentSignIn{5};

struct StaffMe {
  std::int64_t id = 0;
  std::string email;
  std::string name;
  std::vector<std::string> roles;
  std::vector<std::string> permissions;  // sorted
};

struct StaffSignedIn {
  StaffMe me;
  std::string session_token;  // for the cookie; only its digest is stored
  std::string csrf_token;
  std::vector<std::string> recovery_codes;  // at enrolment only: shown once
};

struct Enrolment {
  std::string email;
  std::string name;
  std::string totp_secret;  // base32, for typing into an app
  std::string otpauth_uri;
  std::string qr_svg;
};

// Errors: conflict ("token", coded "link-expired") for a link unknown, used or expired (or a user
// disabled since); invalid_input ("password") by the password rules.
Result<Enrolment> begin_enrolment(store::Database& database, const std::string& token,
                                  const std::string& password, const std::string& issuer);

// Errors: conflict "link-expired" as above, also before begin_enrolment; invalid_input ("code",
// coded "mfa-code-wrong") for a code the app does not show now.
Result<StaffSignedIn> finish_enrolment(store::Database& database, const std::string& token,
                                       const std::string& code, const std::string& client_address);

struct StaffSignInAttempt {
  std::string email;
  std::string password;
  std::string code;  // TOTP or a recovery code
  std::string client_address;
};

struct StaffSignInOutcome {
  enum class Kind { signed_in, code_needed, wrong_credentials, locked };
  Kind kind = Kind::wrong_credentials;
  std::string message;
  std::chrono::seconds retry_after{0};
  StaffSignedIn session;  // when signed_in
};

Result<StaffSignInOutcome> staff_sign_in(store::Database& database,
                                         const auth::ThrottleRules& rules,
                                         const StaffSignInAttempt& attempt);

struct StaffSession {
  std::int64_t session_id = 0;
  std::string csrf_token;
  Instant reauthenticated_at;
  StaffIdentity identity;  // kind staff_user, with the user's permissions now
};

// How long a session found stays known to this process without asking the database again: a
// session ended, or a user disabled or given other roles, in another server process is seen
// within this (in this process, at once: forget_known_staff_sessions).
inline constexpr std::chrono::seconds kSessionCacheLife{2};

// The live session of a cookie token, or nullopt (unknown, ended, idle, too old, or its user
// disabled). Records activity at most once a minute.
Result<std::optional<StaffSession>> find_staff_session(store::Database& database,
                                                       const std::string& token);

// Forgets every session this process knows without asking: called after any change to a
// session, a staff user or a role (sign-out, re-authentication, disabling, ending sessions, role
// changes), and by tests that change them behind the process.
void forget_known_staff_sessions();

Result<void> end_staff_session(store::Database& database, std::int64_t session_id);

// The password and a code again, for actions that need a recent sign-in. Errors as
// staff_sign_in's outcomes: throttled ("sign-in-locked"), invalid_input ("password", "code").
Result<void> reauthenticate(store::Database& database, const auth::ThrottleRules& rules,
                            const StaffSession& session, const std::string& password,
                            const std::string& code, const std::string& client_address);

Result<StaffMe> staff_me(store::Database& database, std::int64_t user_id);

}  // namespace rp::staff
