#include "auth/logins.h"

#include <algorithm>
#include <cctype>

#include "auth/account_claims.h"
#include "auth/credentials.h"
#include "auth/login_emails.h"
#include "auth/password_rules.h"
#include "auth/request_limits.h"
#include "auth/sign_in_throttle.h"
#include "auth/totp.h"
#include "core/email_address.h"
#include "core/time.h"
#include "notify/email.h"
#include "store/utility_settings.h"

namespace rp::auth {
namespace {

using store::Session;

struct UserRow {
  std::int64_t id = 0;
  std::string email;
  std::string password_hash;  // empty until set
  std::string language;
  bool verified = false;
  bool mfa = false;
  std::string mfa_secret;  // hex, when mfa
  std::int64_t mfa_last_step = 0;
};

UserRow user_of(const store::Row& row) {
  UserRow user;
  user.id = row.integer("id");
  user.email = row.text("email");
  user.password_hash = row.is_null("password_hash") ? "" : row.text("password_hash");
  user.language = row.text("language");
  user.verified = !row.is_null("verified_at");
  user.mfa = !row.is_null("mfa_secret");
  user.mfa_secret = row.is_null("mfa_secret") ? "" : row.text("mfa_secret");
  user.mfa_last_step = row.integer("mfa_last_step");
  return user;
}

// "a1b2-c3d4", typed in any case.
std::string new_recovery_code() {
  return new_typed_code("abcdefghjkmnpqrstuvwxyz23456789");
}

std::string recovery_digest(std::string_view typed) {
  return typed_code_digest("recovery", typed);
}

Result<std::optional<UserRow>> find_user(Session& session, const std::string& email) {
  auto rows = session.query_named("auth/user_by_email", {email});
  RP_TRY(rows);
  if (rows->empty()) return std::optional<UserRow>{};
  return std::optional<UserRow>{user_of(rows->at(0))};
}

Result<std::string> checked_language(const std::string& language) {
  if (language == "en" || language == "es") return language;
  return invalid_input("language", "language must be 'en' or 'es'");
}

Result<std::string> issue_token(Session& session, std::int64_t user_id, const char* purpose,
                                std::chrono::seconds life) {
  const std::string token = new_secret_token();
  const Instant at = now();
  RP_TRY(session.execute_named("auth/insert_token",
                               {user_id, std::string(purpose), token_digest(token),
                                format_instant(at + life), format_instant(at)}));
  return token;
}

std::string link(const LoginSettings& settings, const char* path, const std::string& token) {
  std::string base = settings.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + path + (token.empty() ? "" : "?token=" + token);
}

// Uses a one-time link token of `purpose`; the user's id. Errors: conflict ("token").
// The answer for a link that is unknown, already used or out of date.
Error link_gone() {
  Error gone = conflict("this link has expired or was already used; ask for a new one")
                   .coded("link-expired");
  gone.field = "token";
  return gone;
}

Result<std::int64_t> use_token(Session& session, const std::string& token, const char* purpose) {
  auto rows = session.query_named("auth/token_by_hash", {token_digest(token)});
  RP_TRY(rows);
  const Error gone = link_gone();
  if (rows->empty() || rows->at(0).text("purpose") != purpose || !rows->at(0).is_null("used_at")) {
    return gone;
  }
  auto expires = parse_instant(rows->at(0).text("expires_at"), "expires_at");
  RP_TRY(expires);
  if (*expires <= now()) return gone;
  auto used =
      session.execute_named("auth/use_token", {format_instant(now()), rows->at(0).integer("id")});
  RP_TRY(used);
  if (*used != 1) return gone;
  return rows->at(0).integer("user_id");
}

Result<SignedIn> open_session(Session& session, std::int64_t user_id,
                              const std::string& client_address) {
  SignedIn signed_in;
  signed_in.session_token = new_secret_token();
  signed_in.csrf_token = new_secret_token();
  const std::string at = format_instant(now());
  RP_TRY(
      session.query_named("auth/insert_session", {user_id, token_digest(signed_in.session_token),
                                                  signed_in.csrf_token, at, at, client_address}));
  return signed_in;
}

ThrottleRules throttle_rules(const LoginSettings& settings) {
  return {settings.failures_per_email, settings.failures_per_address, settings.lockout,
          settings.address_backoff_most};
}

Result<Me> me_in(Session& session, std::int64_t user_id) {
  auto rows = session.query_named("auth/user_by_id", {user_id});
  RP_TRY(rows);
  if (rows->empty()) return not_found("login " + std::to_string(user_id) + " does not exist");
  const UserRow user = user_of(rows->at(0));
  Me me{user.id, user.email, user.language, user.mfa, {}, {}};
  auto accounts = session.query_named("auth/accounts_of_user", {user_id});
  RP_TRY(accounts);
  for (const store::Row& row : *accounts) {
    std::string address = row.is_null("line1") ? "" : row.text("line1");
    if (!row.text("line2").empty()) address += ", " + row.text("line2");  // the unit: "Unit 107"
    if (!row.is_null("city")) address += ", " + row.text("city") + " " + row.text("zip");
    me.accounts.push_back({row.text("number"), row.text("customer_name"), address});
  }
  auto pending = pending_accounts(session, user_id);
  RP_TRY(pending);
  me.pending_accounts = std::move(*pending);
  return me;
}

// The login `user_id`, when `password` is its password; else invalid_input naming `field`.
// Counts as a sign-in attempt for the login's email from `client_address` (reserve_attempt):
// conflict "password-attempts-locked" when it is locked.
Result<UserRow> user_with_password(store::Database& database, const LoginSettings& settings,
                                   std::int64_t user_id, const std::string& password,
                                   const std::string& client_address, const char* field,
                                   const char* wrong) {
  struct Reserved {
    UserRow user;
    Reservation reservation;
  };
  auto reserved = database.write<Reserved>([&](Session& session) -> Result<Reserved> {
    auto rows = session.query_named("auth/user_by_id", {user_id});
    RP_TRY(rows);
    if (rows->empty()) return not_found("login does not exist");
    Reserved out{user_of(rows->at(0)), {}};
    auto reservation =
        reserve_attempt(session, throttle_rules(settings), out.user.email, client_address);
    RP_TRY(reservation);
    out.reservation = *reservation;
    return out;
  });
  RP_TRY(reserved);
  if (reserved->reservation.attempt_id == 0) {
    return throttled("too many wrong passwords; try again in " +
                         wait_text(reserved->reservation.locked) + ", or reset your password",
                     reserved->reservation.locked.count())
        .coded("password-attempts-locked");
  }
  const UserRow& user = reserved->user;
  if (user.password_hash.empty() || !password_matches(user.password_hash, password)) {
    return invalid_input(field, wrong).coded("password-wrong");
  }
  RP_TRY(database.write_work([&](Session& session) -> Result<void> {
    RP_TRY(
        session.execute_named("auth/mark_attempt_succeeded", {reserved->reservation.attempt_id}));
    return success();
  }));
  return user;
}

// For a one-time link: checks the new password against the rules (which need the login's email,
// so it is read first) and hashes it outside the write. Errors: as set_first_password.
Result<std::string> checked_new_password_hash(store::Database& database, const std::string& token,
                                              const std::string& password) {
  auto owner = database.read<std::string>([&](Session& session) -> Result<std::string> {
    auto rows = session.query_named("auth/token_by_hash", {token_digest(token)});
    RP_TRY(rows);
    if (rows->empty()) {
      return link_gone();
    }
    auto user = session.query_named("auth/user_by_id", {rows->at(0).integer("user_id")});
    RP_TRY(user);
    return user->at(0).text("email");
  });
  RP_TRY(owner);
  RP_TRY(check_new_password(password, *owner));
  return hash_password(password);
}

}  // namespace

Result<void> register_login(store::Database& database, const LoginSettings& settings,
                            const Registration& registration) {
  auto email = normalize_email(registration.email);
  RP_TRY(email);
  auto language = checked_language(registration.language);
  RP_TRY(language);
  return database.write_work([&](Session& session) -> Result<void> {
    const ClaimRequest claimed{registration.street, registration.zip, registration.account_number,
                               registration.bill_amount, registration.phone};
    auto accounts = match_claimable_accounts(session, claimed);
    RP_TRY(accounts);
    std::vector<LimitedSubject> counted{{&kSignUpPerEmail, *email},
                                        {&kSignUpPerClient, registration.client_address}};
    for (std::int64_t account : *accounts) {
      counted.push_back({&kSignUpPerAccount, std::to_string(account)});
    }
    RP_TRY(count_request(session, counted));
    auto existing = find_user(session, *email);
    RP_TRY(existing);
    const std::string at = format_instant(now());
    auto utility = store::utility_name(session);
    RP_TRY(utility);
    if (*existing && !(*existing)->password_hash.empty()) {
      auto sent = notify::queue_email(
          session, already_registered_email((*existing)->language, *email,
                                            link(settings, "/sign-in", ""), *utility));
      RP_TRY(sent);
      return success();
    }
    std::int64_t user_id = 0;
    if (*existing) {
      user_id = (*existing)->id;
    } else {
      auto inserted = session.query_named("auth/insert_user", {*email, *language, at});
      RP_TRY(inserted);
      user_id = inserted->at(0).integer("id");
    }
    RP_TRY(record_claims(session, settings, user_id, *email, *accounts, claimed));
    auto token = issue_token(session, user_id, "verify", settings.verify_link_life);
    RP_TRY(token);
    auto sent = notify::queue_email(
        session,
        verification_email(*language, *email, link(settings, "/verify", *token), *utility));
    RP_TRY(sent);
    return success();
  });
}

Result<SignedIn> set_first_password(store::Database& database, const LoginSettings& settings,
                                    const std::string& token, const std::string& password,
                                    const std::string& client_address) {
  auto hash = checked_new_password_hash(database, token, password);
  RP_TRY(hash);
  return database.write<SignedIn>([&](Session& session) -> Result<SignedIn> {
    auto user_id = use_token(session, token, "verify");
    RP_TRY(user_id);
    const std::string at = format_instant(now());
    RP_TRY(session.execute_named("auth/set_password", {*hash, at, *user_id}));
    RP_TRY(session.execute_named("auth/void_tokens_of_user", {at, *user_id}));
    RP_TRY(settle_claims(session, settings, *user_id));  // the email is proved now
    auto signed_in = open_session(session, *user_id, client_address);
    RP_TRY(signed_in);
    auto me = me_in(session, *user_id);
    RP_TRY(me);
    signed_in->me = std::move(*me);
    return signed_in;
  });
}

Result<SignInOutcome> sign_in(store::Database& database, const LoginSettings& settings,
                              const SignInAttempt& attempt) {
  auto email = normalize_email(attempt.email);
  RP_TRY(email);
  struct Known {
    std::optional<UserRow> user;
    Reservation reservation;
  };
  // First the attempt is reserved (or refused): nothing is hashed for a locked email or address.
  auto known = database.write<Known>([&](Session& session) -> Result<Known> {
    Known out;
    auto user = find_user(session, *email);
    RP_TRY(user);
    out.user = *user;
    auto reservation =
        reserve_attempt(session, throttle_rules(settings), *email, attempt.client_address);
    RP_TRY(reservation);
    out.reservation = *reservation;
    return out;
  });
  RP_TRY(known);
  SignInOutcome outcome;
  if (known->reservation.attempt_id == 0) {
    outcome.kind = SignInOutcome::Kind::locked;
    outcome.retry_after = known->reservation.locked;
    outcome.message = "too many failed sign-ins; try again in " +
                      wait_text(known->reservation.locked) + ", or reset your password";
    return outcome;
  }
  const std::int64_t attempt_id = known->reservation.attempt_id;
  bool good = false;
  if (known->user && !known->user->password_hash.empty()) {
    good = password_matches(known->user->password_hash, attempt.password);
  } else {
    spend_password_check_time(attempt.password);
  }
  const bool needs_code = good && known->user->mfa;
  if (needs_code && attempt.code.empty()) {
    // Neither a failure nor a success yet: the reservation is given back.
    RP_TRY(database.write_work([&](Session& session) -> Result<void> {
      RP_TRY(session.execute_named("auth/delete_login_attempt", {attempt_id}));
      return success();
    }));
    outcome.kind = SignInOutcome::Kind::code_needed;
    outcome.message = "enter the 6-digit code from your authenticator app, or a recovery code";
    return outcome;
  }
  if (!good) {
    outcome.kind = SignInOutcome::Kind::wrong_credentials;
    outcome.message = "that email and password do not match a login";
    return outcome;  // the reserved attempt stays a failure
  }
  const std::int64_t unix_now =
      std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
  const std::optional<std::int64_t> step =
      needs_code ? totp_step_of(known->user->mfa_secret, attempt.code, unix_now) : std::nullopt;
  const std::string at = format_instant(now());
  return database.write<SignInOutcome>([&](Session& session) -> Result<SignInOutcome> {
    bool code_ok = !needs_code;
    if (needs_code && step) {
      auto used = session.execute_named("auth/use_mfa_step", {*step, known->user->id, *step});
      RP_TRY(used);
      code_ok = *used == 1;
    } else if (needs_code) {
      auto used = session.execute_named("auth/use_recovery_code",
                                        {at, known->user->id, recovery_digest(attempt.code)});
      RP_TRY(used);
      code_ok = *used == 1;
    }
    if (!code_ok) {
      outcome.kind = SignInOutcome::Kind::code_needed;
      outcome.message =
          "that code is not right or was already used; enter the code your authenticator app "
          "shows now, or a recovery code";
      return outcome;  // the reserved attempt stays a failure
    }
    RP_TRY(session.execute_named("auth/mark_attempt_succeeded", {attempt_id}));
    auto signed_in = open_session(session, known->user->id, attempt.client_address);
    RP_TRY(signed_in);
    auto me = me_in(session, known->user->id);
    RP_TRY(me);
    signed_in->me = std::move(*me);
    outcome.kind = SignInOutcome::Kind::signed_in;
    outcome.session = std::move(*signed_in);
    return outcome;
  });
}

Result<std::optional<CurrentSession>> find_session(store::Database& database,
                                                   const LoginSettings& settings,
                                                   const std::string& token) {
  using Found = std::optional<CurrentSession>;
  if (token.empty()) return Found{};
  struct Seen {
    Found session;
    bool touch = false;
  };
  auto seen = database.read<Seen>([&](Session& session) -> Result<Seen> {
    auto rows = session.query_named("auth/session_by_hash", {token_digest(token)});
    RP_TRY(rows);
    if (rows->empty() || !rows->at(0).is_null("ended_at")) return Seen{};
    const store::Row& row = rows->at(0);
    auto created = parse_instant(row.text("created_at"), "created_at");
    auto last_seen = parse_instant(row.text("last_seen_at"), "last_seen_at");
    RP_TRY(created);
    RP_TRY(last_seen);
    const Instant at = now();
    if (at - *created > settings.absolute_timeout || at - *last_seen > settings.idle_timeout) {
      return Seen{};
    }
    return Seen{CurrentSession{row.integer("id"), row.integer("user_id"), row.text("csrf_token")},
                at - *last_seen >= std::chrono::seconds(60)};
  });
  RP_TRY(seen);
  if (seen->touch) {
    RP_TRY(database.write_work([&](Session& session) -> Result<void> {
      RP_TRY(session.execute_named("auth/touch_session",
                                   {format_instant(now()), seen->session->session_id}));
      return success();
    }));
  }
  return seen->session;
}

Result<void> end_session(store::Database& database, std::int64_t session_id) {
  return database.write_work([&](Session& session) -> Result<void> {
    RP_TRY(session.execute_named("auth/end_session", {format_instant(now()), session_id}));
    return success();
  });
}

Result<std::vector<std::int64_t>> ended_sessions_between(store::Database& database,
                                                         const LoginSettings& settings,
                                                         std::int64_t first, std::int64_t last,
                                                         Instant at) {
  using Ids = std::vector<std::int64_t>;
  return database.read<Ids>([&](Session& session) -> Result<Ids> {
    auto rows = session.query_named("auth/ended_sessions_between",
                                    {first, last, format_instant(at - settings.idle_timeout),
                                     format_instant(at - settings.absolute_timeout)});
    RP_TRY(rows);
    Ids ended;
    for (const store::Row& row : *rows) ended.push_back(row.integer("id"));
    return ended;
  });
}

Result<void> end_every_session(store::Database& database, std::int64_t user_id) {
  return database.write_work([&](Session& session) -> Result<void> {
    RP_TRY(session.execute_named("auth/end_sessions_of_user", {format_instant(now()), user_id}));
    return success();
  });
}

Result<Me> load_me(store::Database& database, std::int64_t user_id) {
  return database.read<Me>([&](Session& session) { return me_in(session, user_id); });
}

Result<bool> user_holds_account(store::Database& database, std::int64_t user_id,
                                const AccountNumber& number) {
  return database.read<bool>([&](Session& session) -> Result<bool> {
    auto rows = session.query_named("auth/user_holds_account", {user_id, number.digits()});
    RP_TRY(rows);
    return !rows->empty();
  });
}

Result<void> request_password_reset(store::Database& database, const LoginSettings& settings,
                                    const std::string& email, const std::string& client_address) {
  auto address = normalize_email(email);
  RP_TRY(address);
  return database.write_work([&](Session& session) -> Result<void> {
    RP_TRY(
        count_request(session, {{&kResetPerEmail, *address}, {&kResetPerClient, client_address}}));
    auto user = find_user(session, *address);
    RP_TRY(user);
    if (!*user || !(*user)->verified) return success();
    auto token = issue_token(session, (*user)->id, "reset", settings.reset_link_life);
    RP_TRY(token);
    auto utility = store::utility_name(session);
    RP_TRY(utility);
    auto sent = notify::queue_email(
        session, password_reset_email((*user)->language, *address,
                                      link(settings, "/reset-password", *token), *utility));
    RP_TRY(sent);
    return success();
  });
}

Result<void> reset_password(store::Database& database, const std::string& token,
                            const std::string& password) {
  auto hash = checked_new_password_hash(database, token, password);
  RP_TRY(hash);
  return database.write_work([&](Session& session) -> Result<void> {
    auto user_id = use_token(session, token, "reset");
    RP_TRY(user_id);
    const std::string at = format_instant(now());
    RP_TRY(session.execute_named("auth/set_password", {*hash, at, *user_id}));
    RP_TRY(session.execute_named("auth/void_tokens_of_user", {at, *user_id}));
    RP_TRY(session.execute_named("auth/end_sessions_of_user", {at, *user_id}));
    return success();
  });
}

Result<Me> add_accounts(store::Database& database, const LoginSettings& settings,
                        std::int64_t user_id, const AccountRequest& request,
                        const std::string& client_address) {
  const ClaimRequest claimed{request.street, request.zip, request.account_number,
                             request.bill_amount, request.phone};
  return database.write<Me>([&](Session& session) -> Result<Me> {
    auto accounts = match_claimable_accounts(session, claimed);
    RP_TRY(accounts);
    std::vector<LimitedSubject> counted{{&kAddAccountPerLogin, std::to_string(user_id)},
                                        {&kAddAccountPerClient, client_address}};
    for (std::int64_t account : *accounts) {
      counted.push_back({&kAddAccountPerAccount, std::to_string(account)});
    }
    RP_TRY(count_request(session, counted));
    auto user = session.query_named("auth/user_by_id", {user_id});
    RP_TRY(user);
    if (user->empty()) return not_found("login does not exist");
    RP_TRY(
        record_claims(session, settings, user_id, user->at(0).text("email"), *accounts, claimed));
    RP_TRY(settle_claims(session, settings, user_id));
    return me_in(session, user_id);
  });
}

Result<Me> set_language(store::Database& database, std::int64_t user_id,
                        const std::string& language) {
  auto checked = checked_language(language);
  RP_TRY(checked);
  return database.write<Me>([&](Session& session) -> Result<Me> {
    RP_TRY(session.execute_named("auth/set_language", {*checked, user_id}));
    return me_in(session, user_id);
  });
}

Result<void> change_password(store::Database& database, const LoginSettings& settings,
                             std::int64_t user_id, std::int64_t keep_session_id,
                             const std::string& current_password, const std::string& new_password,
                             const std::string& client_address) {
  auto user = user_with_password(database, settings, user_id, current_password, client_address,
                                 "current_password", "the current password is not right");
  RP_TRY(user);
  if (auto rules = check_new_password(new_password, user->email); !rules.ok()) {
    return invalid_input("new_password", rules.error().message).coded(rules.error().code);
  }
  auto hash = hash_password(new_password);
  RP_TRY(hash);
  return database.write_work([&](Session& session) -> Result<void> {
    const std::string at = format_instant(now());
    RP_TRY(session.execute_named("auth/set_password", {*hash, at, user_id}));
    RP_TRY(session.execute_named("auth/void_tokens_of_user", {at, user_id}));
    RP_TRY(session.execute_named("auth/end_other_sessions", {at, user_id, keep_session_id}));
    return success();
  });
}

Result<MfaEnrolment> start_mfa(store::Database& database, std::int64_t user_id) {
  const std::string secret = new_totp_secret();
  using EmailAndIssuer = std::pair<std::string, std::string>;
  auto email = database.write<EmailAndIssuer>([&](Session& session) -> Result<EmailAndIssuer> {
    auto rows = session.query_named("auth/user_by_id", {user_id});
    RP_TRY(rows);
    if (rows->empty()) return not_found("login does not exist");
    if (!rows->at(0).is_null("mfa_secret")) {
      return conflict("two-step sign-in is already on; turn it off first to use another app")
          .coded("mfa-already-on");
    }
    RP_TRY(session.execute_named("auth/set_mfa_pending", {secret, user_id}));
    auto utility = store::utility_name(session);
    RP_TRY(utility);
    return EmailAndIssuer{rows->at(0).text("email"), *utility};
  });
  RP_TRY(email);
  const std::string uri = otpauth_uri(email->second, email->first, secret);
  return MfaEnrolment{totp_base32(secret), uri, qr_svg(uri, "QR code for your authenticator app")};
}

// Emails the login that its two-step sign-in changed, in the same transaction as the change.
Result<void> tell_two_step_changed(Session& session, std::int64_t user_id, bool turned_on) {
  auto rows = session.query_named("auth/user_by_id", {user_id});
  RP_TRY(rows);
  if (rows->empty()) return not_found("login " + std::to_string(user_id) + " does not exist");
  const UserRow user = user_of(rows->at(0));
  auto utility = store::utility_name(session);
  RP_TRY(utility);
  auto queued = notify::queue_email(
      session, two_step_changed_email(user.language, user.email, turned_on, *utility));
  RP_TRY(queued);
  return success();
}

Result<std::vector<std::string>> confirm_mfa(store::Database& database, std::int64_t user_id,
                                             const std::string& code) {
  std::vector<std::string> codes;
  for (int i = 0; i < 10; ++i) codes.push_back(new_recovery_code());
  const std::int64_t unix_now =
      std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
  RP_TRY(database.write_work([&](Session& session) -> Result<void> {
    auto pending = session.query_named("auth/mfa_pending", {user_id});
    RP_TRY(pending);
    if (pending->empty() || pending->at(0).is_null("mfa_pending_secret")) {
      return conflict("start setting up two-step sign-in first").coded("mfa-not-started");
    }
    auto step = totp_step_of(pending->at(0).text("mfa_pending_secret"), code, unix_now);
    if (!step) {
      return invalid_input("code",
                           "that code is not the one your authenticator app shows now; check the "
                           "app and the time on your phone")
          .coded("mfa-code-wrong");
    }
    RP_TRY(session.execute_named("auth/confirm_mfa", {*step, user_id}));
    RP_TRY(session.execute_named("auth/delete_recovery_codes", {user_id}));
    for (const std::string& recovery : codes) {
      RP_TRY(
          session.execute_named("auth/insert_recovery_code", {user_id, recovery_digest(recovery)}));
    }
    return tell_two_step_changed(session, user_id, true);
  }));
  return codes;
}

Result<void> turn_off_mfa(store::Database& database, const LoginSettings& settings,
                          std::int64_t user_id, const std::string& password,
                          const std::string& client_address) {
  auto user = user_with_password(database, settings, user_id, password, client_address, "password",
                                 "the password is not right");
  RP_TRY(user);
  return database.write_work([&](Session& session) -> Result<void> {
    RP_TRY(session.execute_named("auth/turn_off_mfa", {user_id}));
    RP_TRY(session.execute_named("auth/delete_recovery_codes", {user_id}));
    return tell_two_step_changed(session, user_id, false);
  });
}

}  // namespace rp::auth
