#pragma once
// Customer logins for the portal. A login is an email address that has proved it receives our
// mail, with a password; it holds one or more accounts.
//
//  * register_login: the customer gives an email, the street (house number and name) and ZIP of
//    a service address, and optionally an account number. The accounts with current service at
//    that address (or the one named, if it ever had service there) are matched; a login is made
//    (or found) for the email and an email with a one-time link (24 h) is queued. An address that
//    matches nothing is refused, naming what to check. An email that already has a working login
//    gets a "you already have a login" email instead and nothing is linked: a second person
//    cannot attach accounts to someone else's login.
//  * set_first_password: the link's token and a new password (password_rules.h) verify the email
//    and sign in.
//  * sign_in: email + password (+ TOTP code once MFA is on). Throttled: after 5 failures for an
//    email within 15 minutes (since its last success) or 20 from one client address, sign-in is
//    refused for 15 minutes from the oldest of them, and the answer says for how long. An unknown
//    email spends the same hashing time as a wrong password.
//  * sessions: a random token (the cookie) stored as its SHA-256; a CSRF token per session.
//    Ended after 30 idle minutes or 12 hours in all, at sign-out, or everywhere at once.
//  * password reset: a one-time link (1 h) by email; using it sets the password and ends every
//    session of the login.
// Every change is one write transaction, and the emails it causes are queued in it (notify/).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/account_number.h"
#include "core/result.h"
#include "core/time.h"
#include "store/database.h"

namespace rp::auth {

struct LoginSettings {
  std::string public_url = "http://localhost:8080";  // where links in emails point
  std::string utility_name = "Ratepayer Demo Utility";
  std::chrono::seconds idle_timeout{30 * 60};
  std::chrono::seconds absolute_timeout{12 * 3600};
  int failures_per_email = 5;
  int failures_per_address = 20;
  std::chrono::seconds lockout{15 * 60};
  std::chrono::seconds verify_link_life{24 * 3600};
  std::chrono::seconds reset_link_life{3600};
};

struct LinkedAccount {
  std::string number;
  std::string name;
  std::string service_address;
};

// The signed-in customer as the portal sees them.
struct Me {
  std::int64_t user_id = 0;
  std::string email;
  std::string language;  // en | es
  bool mfa_enabled = false;
  std::vector<LinkedAccount> accounts;
};

struct SignedIn {
  Me me;
  std::string session_token;  // for the cookie; only its digest is stored
  std::string csrf_token;
};

struct Registration {
  std::string email;
  std::string street;
  std::string zip;
  std::string account_number;  // optional: empty
  std::string language = "en";
};

// Errors: invalid_input for "email", "street", "zip", "account_number", "language", or
// ("address") when nothing matches (the message says what to check).
Result<void> register_login(store::Database& database, const LoginSettings& settings,
                            const Registration& registration);

// Errors: invalid_input ("password"); conflict with field "token" for a link that is unknown,
// used or expired (the message says to ask for a new one).
Result<SignedIn> set_first_password(store::Database& database, const std::string& token,
                                    const std::string& password, const std::string& client_address);

struct SignInAttempt {
  std::string email;
  std::string password;
  std::string code;  // TOTP, when MFA is on
  std::string client_address;
};

struct SignInOutcome {
  enum class Kind { signed_in, wrong_credentials, code_needed, locked };
  Kind kind = Kind::wrong_credentials;
  std::optional<SignedIn> session;
  std::chrono::seconds retry_after{0};  // for locked
  std::string message;                  // for everything but signed_in
};
Result<SignInOutcome> sign_in(store::Database& database, const LoginSettings& settings,
                              const SignInAttempt& attempt);

struct CurrentSession {
  std::int64_t session_id = 0;
  std::int64_t user_id = 0;
  std::string csrf_token;
};
// The live session of the cookie token, or nullopt (unknown, ended, idle or too old). Records
// activity at most once a minute.
Result<std::optional<CurrentSession>> find_session(store::Database& database,
                                                   const LoginSettings& settings,
                                                   const std::string& token);
Result<void> end_session(store::Database& database, std::int64_t session_id);
// Of the sessions with ids in [first, last], those no longer live at `at` (ended, idle or too old),
// for closing the live-update streams opened under them.
Result<std::vector<std::int64_t>> ended_sessions_between(store::Database& database,
                                                         const LoginSettings& settings,
                                                         std::int64_t first, std::int64_t last,
                                                         Instant at);
Result<void> end_every_session(store::Database& database, std::int64_t user_id);

Result<Me> load_me(store::Database& database, std::int64_t user_id);
Result<bool> user_holds_account(store::Database& database, std::int64_t user_id,
                                const AccountNumber& number);

// Always succeeds for a well-formed email (whether or not it has a login, so the answer tells an
// attacker nothing); queues the reset email when it has one.
Result<void> request_password_reset(store::Database& database, const LoginSettings& settings,
                                    const std::string& email);
// Errors as set_first_password.
Result<void> reset_password(store::Database& database, const std::string& token,
                            const std::string& password);

// Adds the accounts matched as at registration. Errors: as register_login for the address.
Result<Me> add_accounts(store::Database& database, std::int64_t user_id, const std::string& street,
                        const std::string& zip, const std::string& account_number);
Result<Me> set_language(store::Database& database, std::int64_t user_id,
                        const std::string& language);
// Errors: invalid_input ("current_password") when it is wrong; ("new_password") by the rules.
// Ends every other session of the login.
Result<void> change_password(store::Database& database, std::int64_t user_id,
                             std::int64_t keep_session_id, const std::string& current_password,
                             const std::string& new_password);

// Two-step sign-in (TOTP, auth/totp.h). start_mfa makes a new key and keeps it pending; the
// customer adds it to an authenticator app (QR code or typed) and confirm_mfa with a current
// code turns it on and returns 10 one-use recovery codes (shown once; stored as digests). From
// then on sign_in needs the password and a code (or a recovery code); each code works once.
struct MfaEnrolment {
  std::string secret;  // base32, to type into the app
  std::string otpauth_uri;
  std::string qr_svg;
};
Result<MfaEnrolment> start_mfa(store::Database& database, const LoginSettings& settings,
                               std::int64_t user_id);
// Errors: invalid_input ("code") when the code is not the app's current one, or conflict when no
// enrolment was started.
Result<std::vector<std::string>> confirm_mfa(store::Database& database, std::int64_t user_id,
                                             const std::string& code);
// Errors: invalid_input ("password") when the password is wrong.
Result<void> turn_off_mfa(store::Database& database, std::int64_t user_id,
                          const std::string& password);

}  // namespace rp::auth
