#pragma once
// Customer logins for the portal. A login is an email address that has proved it receives our
// mail, with a password; it holds one or more accounts.
//
//  * register_login: the customer gives an email, the street (house number and name) and ZIP of
//    a service address, and optionally an account number and the amount due of one of its last
//    two bills. The accounts with current service at that address (or the one named, if it ever
//    had service there) are matched and claimed (account_claims.h: nothing is linked before the
//    customer proves they hold the account); a login is made (or found) for the email and an
//    email with a one-time link (24 h) is queued. An address that matches nothing is refused,
//    naming what to check. An email that already has a working login gets a "you already have a
//    login" email instead and nothing is claimed: a second person cannot attach accounts to
//    someone else's login.
//  * set_first_password: the link's token and a new password (password_rules.h) verify the email
//    and sign in; the claims that email or a bill proved are linked then, and a code is mailed
//    for the others.
//  * sign_in: email + password (+ TOTP code once MFA is on). Throttled: after 5 failures for an
//    email within 15 minutes (since its last success) sign-in to it is refused for 15 minutes
//    from the oldest of them; after 20 from one client address, that address backs off (2 s,
//    doubling with each further failure, at most 60 s after the latest), so one attacker behind a
//    shared address slows its neighbours without locking them out. The answer says how long to
//    wait. Each attempt is reserved (written as a failure) before the password is hashed, so
//    guesses sent at once count before any is checked. An unknown email spends the same hashing
//    time as a wrong password. Password checks on signed-in routes (changing the password,
//    turning off two-step sign-in) count against the same limits.
//  * sessions: a random token (the cookie) stored as its SHA-256; a CSRF token per session.
//    Ended after 30 idle minutes or 12 hours in all, at sign-out, or everywhere at once.
//  * password reset: a one-time link (1 h) by email; using it sets the password and ends every
//    session of the login.
//  * setting a password in any way (first password, reset, change) ends every other one-time link
//    of the login: an older sign-up or reset link can never set it again.
// Every change is one write transaction, and the emails it causes are queued in it (notify/).

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/account_number.h"
#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "store/database.h"

namespace rp::auth {

// The amounts due of an account's last `count` sent bills, newest first (billing/bill_views.h
// recent_amounts_due): a fact only its bills print, which a customer may give to prove they hold
// the account (account_claims.h).
using RecentAmountsDue = std::function<Result<std::vector<Money>>(
    store::Session& session, const AccountNumber& account, std::size_t count)>;

struct LoginSettings {
  std::string public_url = "http://localhost:8080";  // where links in emails point
  // (The utility's name in emails is its setting 'name': store/utility_settings.h.)
  std::chrono::seconds idle_timeout{30 * 60};
  std::chrono::seconds absolute_timeout{12 * 3600};
  int failures_per_email = 5;
  int failures_per_address = 20;
  std::chrono::seconds lockout{15 * 60};
  std::chrono::seconds address_backoff_most{60};
  std::chrono::seconds verify_link_life{24 * 3600};
  std::chrono::seconds reset_link_life{3600};
  // Empty: no bill can prove a claim (the customer gets a mailed code instead).
  RecentAmountsDue recent_amounts_due;
};

struct LinkedAccount {
  std::string number;
  std::string name;
  std::string service_address;
};

// An account the login claimed that waits for the code mailed to its service address
// (account_claims.h).
struct PendingAccount {
  std::string street;           // the service address's first line, as the customer named it
  std::string code_expires_at;  // when the mailed code (or texted link) stops working; empty
                                // until it is sent
  std::string by = "letter";    // how the proof was sent: "letter" or "text"
  std::string phone_ending;     // by text: the last two digits of the phone it went to
};

// The signed-in customer as the portal sees them.
struct Me {
  std::int64_t user_id = 0;
  std::string email;
  std::string language;  // en | es
  bool mfa_enabled = false;
  std::vector<LinkedAccount> accounts;
  std::vector<PendingAccount> pending_accounts;
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
  std::string client_address;  // for the request limits
  std::string bill_amount;     // optional: the amount due of one of the account's last two bills
  std::string phone;           // optional: the mobile phone on file for the account
};

// Errors: invalid_input for "email", "street", "zip", "account_number", "phone", "language", or
// ("address") when nothing matches (the message says what to check); throttled
// "too-many-requests" past the sign-up limits (request_limits.h: per email, account, client).
Result<void> register_login(store::Database& database, const LoginSettings& settings,
                            const Registration& registration);

// Errors: invalid_input ("password"); conflict with field "token" for a link that is unknown,
// used or expired (the message says to ask for a new one).
Result<SignedIn> set_first_password(store::Database& database, const LoginSettings& settings,
                                    const std::string& token, const std::string& password,
                                    const std::string& client_address);

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
// attacker nothing); queues the reset email when it has one. Errors: throttled
// "too-many-requests" past the reset limits (per email and per client, whether or not it has one).
Result<void> request_password_reset(store::Database& database, const LoginSettings& settings,
                                    const std::string& email, const std::string& client_address);
// Errors as set_first_password.
Result<void> reset_password(store::Database& database, const std::string& token,
                            const std::string& password);

// Claims the accounts matched as at registration, with the login's own (verified) email as proof
// where it is the one on file: those proved are linked at once, a code is mailed for the others
// (Me::pending_accounts). Errors: as register_login for the address and the bill amount;
// throttled "too-many-requests" past the limits per login, account and client.
struct AccountRequest {
  std::string street;
  std::string zip;
  std::string account_number;  // optional
  std::string bill_amount;     // optional
  std::string phone;           // optional: the mobile phone on file for the account
};
Result<Me> add_accounts(store::Database& database, const LoginSettings& settings,
                        std::int64_t user_id, const AccountRequest& request,
                        const std::string& client_address);
Result<Me> set_language(store::Database& database, std::int64_t user_id,
                        const std::string& language);
// Errors: invalid_input ("current_password") when it is wrong; ("new_password") by the rules;
// throttled "password-attempts-locked" when sign-in to the login is locked (see sign_in).
// Ends every other session of the login and every one-time link.
Result<void> change_password(store::Database& database, const LoginSettings& settings,
                             std::int64_t user_id, std::int64_t keep_session_id,
                             const std::string& current_password, const std::string& new_password,
                             const std::string& client_address);

// Two-step sign-in (TOTP, auth/totp.h). start_mfa makes a new key and keeps it pending; the
// customer adds it to an authenticator app (QR code or typed) and confirm_mfa with a current
// code turns it on and returns 10 one-use recovery codes (shown once; stored as digests). From
// then on sign_in needs the password and a code (or a recovery code); each code works once.
struct MfaEnrolment {
  std::string secret;  // base32, to type into the app
  std::string otpauth_uri;
  std::string qr_svg;
};
Result<MfaEnrolment> start_mfa(store::Database& database, std::int64_t user_id);
// Errors: invalid_input ("code") when the code is not the app's current one, or conflict when no
// enrolment was started.
Result<std::vector<std::string>> confirm_mfa(store::Database& database, std::int64_t user_id,
                                             const std::string& code);
// Errors: invalid_input ("password") when the password is wrong; throttled
// "password-attempts-locked" as change_password.
Result<void> turn_off_mfa(store::Database& database, const LoginSettings& settings,
                          std::int64_t user_id, const std::string& password,
                          const std::string& client_address);

}  // namespace rp::auth
