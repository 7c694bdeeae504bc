#include "staff/staff_sign_in.h"

#include <functional>
#include <mutex>
#include <unordered_map>

#include "auth/credentials.h"
#include "auth/password_rules.h"
#include "auth/totp.h"
#include "core/email_address.h"

namespace rp::staff {
namespace {

using store::Row;
using store::Session;

constexpr int kRecoveryCodes = 10;
constexpr auto kTouchEvery = std::chrono::minutes(1);

struct StaffUserRow {
  std::int64_t id = 0;
  std::string email;
  std::string name;
  bool active = false;
  std::string password_hash;
  std::string mfa_secret;
  bool mfa_confirmed = false;
};

StaffUserRow user_of(const Row& row) {
  return {row.integer("id"),
          row.text("email"),
          row.text("name"),
          row.text("status") == "active",
          row.text("password_hash"),
          row.text("mfa_secret"),
          !row.is_null("mfa_confirmed_at")};
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
}

std::string recovery_digest(std::string_view typed) {
  return auth::typed_code_digest("staff-recovery", typed);
}

Error link_expired() {
  Error gone = conflict(
                   "this link has expired or was already used; ask an administrator for a "
                   "new one")
                   .coded("link-expired");
  gone.field = "token";
  return gone;
}

Result<StaffMe> me_in(Session& session, std::int64_t user_id) {
  auto rows = session.query_named("staff/staff_user_by_id", {user_id});
  RP_TRY(rows);
  if (rows->empty()) return not_found("staff user " + std::to_string(user_id) + " does not exist");
  StaffMe me{user_id, rows->at(0).text("email"), rows->at(0).text("name"), {}, {}};
  auto roles = session.query_named("staff/roles_of_user", {user_id});
  RP_TRY(roles);
  for (const Row& row : *roles) me.roles.push_back(row.text("role"));
  auto permissions = session.query_named("staff/permissions_of_user", {user_id});
  RP_TRY(permissions);
  for (const Row& row : *permissions) me.permissions.push_back(row.text("permission"));
  return me;
}

Result<StaffSignedIn> open_session(Session& session, std::int64_t user_id,
                                   const std::string& client_address) {
  StaffSignedIn signed_in;
  signed_in.session_token = auth::new_secret_token();
  signed_in.csrf_token = auth::new_secret_token();
  const std::string at = format_instant(now());
  RP_TRY(session.query_named("staff/insert_staff_session",
                             {user_id, auth::token_digest(signed_in.session_token),
                              signed_in.csrf_token, at, at, at, client_address}));
  auto me = me_in(session, user_id);
  RP_TRY(me);
  signed_in.me = std::move(*me);
  return signed_in;
}

// The enrolment link's user, when the link is live. Errors: link_expired().
Result<std::pair<std::int64_t, StaffUserRow>> enrolment_of(Session& session,
                                                           const std::string& token) {
  auto rows = session.query_named("staff/staff_token_by_hash", {auth::token_digest(token)});
  RP_TRY(rows);
  if (rows->empty() || !rows->at(0).is_null("used_at") || rows->at(0).text("purpose") != "enrol" ||
      rows->at(0).text("expires_at") <= format_instant(now())) {
    return link_expired();
  }
  auto user = session.query_named("staff/staff_user_by_id", {rows->at(0).integer("user_id")});
  RP_TRY(user);
  if (user->empty()) return link_expired();
  StaffUserRow row = user_of(user->at(0));
  if (!row.active || row.mfa_confirmed) return link_expired();
  return std::pair{rows->at(0).integer("id"), row};
}

// Whether `code` is the user's TOTP code now (spending its step) or an unused recovery code
// (spending it), inside the caller's write.
Result<bool> spend_code(Session& session, const StaffUserRow& user, const std::string& code) {
  if (code.empty()) return false;
  const auto step = auth::totp_step_of(user.mfa_secret, code, unix_now());
  if (step) {
    auto used = session.execute_named("staff/use_staff_mfa_step", {*step, user.id, *step});
    RP_TRY(used);
    return *used == 1;
  }
  auto used = session.execute_named("staff/use_staff_recovery_code",
                                    {format_instant(now()), user.id, recovery_digest(code)});
  RP_TRY(used);
  return *used == 1;
}

}  // namespace

Result<Enrolment> begin_enrolment(store::Database& database, const std::string& token,
                                  const std::string& password, const std::string& issuer) {
  auto user = database.read<StaffUserRow>([&](Session& session) -> Result<StaffUserRow> {
    auto found = enrolment_of(session, token);
    RP_TRY(found);
    return found->second;
  });
  RP_TRY(user);
  RP_TRY(auth::check_new_password(password, user->email));
  auto hash = auth::hash_password(password);
  RP_TRY(hash);
  const std::string secret = auth::new_totp_secret();
  auto stored = database.write_work([&](Session& session) -> Result<void> {
    auto found = enrolment_of(session, token);  // still live: not used meanwhile
    RP_TRY(found);
    RP_TRY(session.execute_named("staff/set_staff_enrolment", {*hash, secret, user->id}));
    return success();
  });
  RP_TRY(stored);
  const std::string uri = auth::otpauth_uri(issuer, user->email, secret);
  return Enrolment{user->email, user->name, auth::totp_base32(secret), uri,
                   auth::qr_svg(uri, "Two-step sign-in for " + user->email)};
}

Result<StaffSignedIn> finish_enrolment(store::Database& database, const std::string& token,
                                       const std::string& code, const std::string& client_address) {
  return database.write<StaffSignedIn>([&](Session& session) -> Result<StaffSignedIn> {
    auto found = enrolment_of(session, token);
    RP_TRY(found);
    const auto& [token_id, user] = *found;
    if (user.mfa_secret.empty() || user.password_hash.empty()) {
      return invalid_input("password", "choose a password first");
    }
    const auto step = auth::totp_step_of(user.mfa_secret, code, unix_now());
    if (!step) {
      return invalid_input("code",
                           "that is not the code the app shows now; check the app was set up "
                           "with this page's key and that the phone's clock is right")
          .coded("mfa-code-wrong");
    }
    const std::string at = format_instant(now());
    RP_TRY(session.execute_named("staff/confirm_staff_mfa", {at, *step, user.id}));
    auto used = session.execute_named("staff/use_staff_token", {at, token_id});
    RP_TRY(used);
    if (*used != 1) return link_expired();
    RP_TRY(session.execute_named("staff/delete_staff_recovery_codes", {user.id}));
    std::vector<std::string> codes;
    for (int i = 0; i < kRecoveryCodes; ++i) {
      codes.push_back(auth::new_typed_code("abcdefghjkmnpqrstuvwxyz23456789"));
      RP_TRY(session.execute_named("staff/insert_staff_recovery_code",
                                   {user.id, recovery_digest(codes.back())}));
    }
    auto signed_in = open_session(session, user.id, client_address);
    RP_TRY(signed_in);
    signed_in->recovery_codes = std::move(codes);
    return signed_in;
  });
}

namespace {

// What to do, in the same transaction, once the password and the code are right.
using OnSignedIn = std::function<Result<void>(Session&, std::int64_t user_id, StaffSignInOutcome&)>;

// Checks an attempt (throttled, password, then code) and runs `on_signed_in` when all is right.
Result<StaffSignInOutcome> check_attempt(store::Database& database,
                                         const auth::ThrottleRules& rules,
                                         const StaffSignInAttempt& attempt,
                                         const OnSignedIn& on_signed_in) {
  StaffSignInOutcome outcome;
  auto email = normalize_email(attempt.email);
  if (!email.ok()) {
    outcome.message = "that email and password do not match a staff user";
    return outcome;
  }
  struct Known {
    std::optional<StaffUserRow> user;
    auth::Reservation reservation;
  };
  auto known = database.write<Known>([&](Session& session) -> Result<Known> {
    Known out;
    auto rows = session.query_named("staff/staff_user_for_sign_in", {*email});
    RP_TRY(rows);
    if (!rows->empty()) out.user = user_of(rows->at(0));
    auto reservation =
        auth::reserve_attempt(session, rules, "staff:" + *email, attempt.client_address);
    RP_TRY(reservation);
    out.reservation = *reservation;
    return out;
  });
  RP_TRY(known);
  if (known->reservation.attempt_id == 0) {
    outcome.kind = StaffSignInOutcome::Kind::locked;
    outcome.retry_after = known->reservation.locked;
    outcome.message = "too many failed sign-ins; try again in " +
                      auth::wait_text(known->reservation.locked) + ", or ask an administrator";
    return outcome;
  }
  const std::int64_t attempt_id = known->reservation.attempt_id;
  const bool usable = known->user && known->user->active && known->user->mfa_confirmed &&
                      !known->user->password_hash.empty();
  bool good = false;
  if (usable) {
    good = auth::password_matches(known->user->password_hash, attempt.password);
  } else {
    auth::spend_password_check_time(attempt.password);
  }
  if (!good) {
    outcome.message = "that email and password do not match a staff user";
    return outcome;  // the reserved attempt stays a failure
  }
  if (attempt.code.empty()) {
    RP_TRY(database.write_work(
        [&](Session& session) { return auth::forget_attempt(session, attempt_id); }));
    outcome.kind = StaffSignInOutcome::Kind::code_needed;
    outcome.message = "enter the 6-digit code from your authenticator app, or a recovery code";
    return outcome;
  }
  return database.write<StaffSignInOutcome>([&](Session& session) -> Result<StaffSignInOutcome> {
    auto spent = spend_code(session, *known->user, attempt.code);
    RP_TRY(spent);
    if (!*spent) {
      outcome.kind = StaffSignInOutcome::Kind::code_needed;
      outcome.message =
          "that code is not right or was already used; enter the code your authenticator app "
          "shows now, or a recovery code";
      return outcome;  // the reserved attempt stays a failure
    }
    RP_TRY(auth::mark_attempt_succeeded(session, attempt_id));
    outcome.kind = StaffSignInOutcome::Kind::signed_in;
    RP_TRY(on_signed_in(session, known->user->id, outcome));
    return outcome;
  });
}

}  // namespace

Result<StaffSignInOutcome> staff_sign_in(store::Database& database,
                                         const auth::ThrottleRules& rules,
                                         const StaffSignInAttempt& attempt) {
  return check_attempt(
      database, rules, attempt,
      [&](Session& session, std::int64_t user_id, StaffSignInOutcome& outcome) -> Result<void> {
        auto signed_in = open_session(session, user_id, attempt.client_address);
        RP_TRY(signed_in);
        outcome.session = std::move(*signed_in);
        return success();
      });
}

namespace {

// Sessions found in the last kSessionCacheLife, so a console's requests mostly cost no query.
// Every change to a session, its user or their roles in this process forgets them all at once
// (forget_known_staff_sessions); a fill that began before such a change is not kept (the
// generation moved on); another server process sees the change within kSessionCacheLife.
struct CachedSession {
  StaffSession session;
  Instant created;
  Instant seen;
  Instant fetched;
};

class SessionCache {
 public:
  std::optional<CachedSession> find(const std::string& digest, Instant at) {
    std::lock_guard lock(mutex_);
    auto found = sessions_.find(digest);
    if (found == sessions_.end()) return std::nullopt;
    if (at - found->second.fetched > kSessionCacheLife) {
      sessions_.erase(found);
      return std::nullopt;
    }
    return found->second;
  }
  std::uint64_t generation() {
    std::lock_guard lock(mutex_);
    return generation_;
  }
  void keep(const std::string& digest, CachedSession session, std::uint64_t generation) {
    std::lock_guard lock(mutex_);
    if (generation != generation_) return;
    if (sessions_.size() > 10000) sessions_.clear();
    sessions_[digest] = std::move(session);
  }
  void forget_all() {
    std::lock_guard lock(mutex_);
    ++generation_;
    sessions_.clear();
  }

 private:
  std::mutex mutex_;
  std::uint64_t generation_ = 0;
  std::unordered_map<std::string, CachedSession> sessions_;
};

SessionCache& session_cache() {
  static SessionCache cache;
  return cache;
}

}  // namespace

void forget_known_staff_sessions() {
  session_cache().forget_all();
}

Result<std::optional<StaffSession>> find_staff_session(store::Database& database,
                                                       const std::string& token) {
  using Found = std::optional<StaffSession>;
  if (token.empty()) return Found{};
  const Instant at = now();
  const std::string digest = auth::token_digest(token);
  if (auto cached = session_cache().find(digest, at)) {
    if (at - cached->created > kStaffAbsolute || at - cached->seen > kStaffIdle) return Found{};
    if (at - cached->seen > kTouchEvery) {
      RP_TRY(database.write_work([&](Session& session) -> Result<void> {
        RP_TRY(session.execute_named("staff/touch_staff_session",
                                     {format_instant(at), cached->session.session_id}));
        return success();
      }));
      cached->seen = at;
      session_cache().keep(digest, *cached, session_cache().generation());
    }
    return Found{cached->session};
  }
  const std::uint64_t generation = session_cache().generation();
  struct Read {
    Found session;
    bool touch = false;
  };
  Instant created_at;
  Instant seen_at;
  auto read = database.read<Read>([&](Session& session) -> Result<Read> {
    auto rows = session.query_named("staff/staff_session_by_hash", {digest});
    RP_TRY(rows);
    if (rows->empty()) return Read{};
    const Row& row = rows->at(0);
    if (!row.is_null("ended_at") || row.text("status") != "active") return Read{};
    auto created = parse_instant(row.text("created_at"), "created_at");
    RP_TRY(created);
    auto seen = parse_instant(row.text("last_seen_at"), "last_seen_at");
    RP_TRY(seen);
    auto reauthenticated = parse_instant(row.text("reauthenticated_at"), "reauthenticated_at");
    RP_TRY(reauthenticated);
    if (at - *created > kStaffAbsolute || at - *seen > kStaffIdle) return Read{};
    const std::int64_t user_id = row.integer("user_id");
    auto permissions = session.query_named("staff/permissions_of_user", {user_id});
    RP_TRY(permissions);
    StaffSession found{
        row.integer("id"),
        row.text("csrf_token"),
        *reauthenticated,
        {StaffIdentity::Kind::staff_user, user_id, row.text("name"), {}, row.text("home_account")}};
    for (const Row& permission : *permissions) {
      found.identity.permissions.push_back(permission.text("permission"));
    }
    created_at = *created;
    seen_at = *seen;
    return Read{found, at - *seen > kTouchEvery};
  });
  RP_TRY(read);
  if (!read->session) return Found{};
  if (read->touch) {
    RP_TRY(database.write_work([&](Session& session) -> Result<void> {
      RP_TRY(session.execute_named("staff/touch_staff_session",
                                   {format_instant(at), read->session->session_id}));
      return success();
    }));
    seen_at = at;
  }
  session_cache().keep(digest, {*read->session, created_at, seen_at, at}, generation);
  return read->session;
}

Result<void> end_staff_session(store::Database& database, std::int64_t session_id) {
  RP_TRY(database.write_work([&](Session& session) -> Result<void> {
    RP_TRY(session.execute_named("staff/end_staff_session", {format_instant(now()), session_id}));
    return success();
  }));
  forget_known_staff_sessions();
  return success();
}

Result<void> reauthenticate(store::Database& database, const auth::ThrottleRules& rules,
                            const StaffSession& current, const std::string& password,
                            const std::string& code, const std::string& client_address) {
  auto me = staff_me(database, current.identity.id);
  RP_TRY(me);
  auto outcome = check_attempt(
      database, rules, {me->email, password, code, client_address},
      [&](Session& session, std::int64_t user_id, StaffSignInOutcome&) -> Result<void> {
        if (user_id != current.identity.id) return internal_error("another user's credentials");
        const std::string at = format_instant(now());
        RP_TRY(session.execute_named("staff/reauthenticate_staff_session",
                                     {at, at, current.session_id}));
        return success();
      });
  RP_TRY(outcome);
  using Kind = StaffSignInOutcome::Kind;
  switch (outcome->kind) {
    case Kind::locked:
      return throttled(outcome->message, outcome->retry_after.count()).coded("sign-in-locked");
    case Kind::wrong_credentials:
      return invalid_input("password", "that is not your password").coded("password-wrong");
    case Kind::code_needed:
      return invalid_input("code", outcome->message).coded("mfa-code-wrong");
    case Kind::signed_in:
      break;
  }
  forget_known_staff_sessions();  // the session's new re-authentication time
  return success();
}

Result<StaffMe> staff_me(store::Database& database, std::int64_t user_id) {
  return database.read<StaffMe>([&](Session& session) { return me_in(session, user_id); });
}

}  // namespace rp::staff
