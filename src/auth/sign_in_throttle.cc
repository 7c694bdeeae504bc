#include "auth/sign_in_throttle.h"

#include <algorithm>

#include "core/time.h"

namespace rp::auth {
namespace {

// Seconds until sign-in opens again for a list of failure times (newest first), or 0.
std::chrono::seconds locked_for(const store::Rows& failures, int limit,
                                std::chrono::seconds lockout) {
  if (static_cast<int>(failures.size()) < limit) return std::chrono::seconds(0);
  auto oldest_counted =
      parse_instant(failures.at(static_cast<std::size_t>(limit) - 1).text("at"), "at");
  if (!oldest_counted.ok()) return std::chrono::seconds(0);
  const auto open_at = *oldest_counted + lockout;
  const Instant at = now();
  return open_at > at ? std::chrono::duration_cast<std::chrono::seconds>(open_at - at)
                      : std::chrono::seconds(0);
}

// Seconds an address waits after `failures` (newest first) reach `limit`: 2 s, doubling with
// each further failure, at most `most`, from the newest.
std::chrono::seconds address_backoff(const store::Rows& failures, int limit,
                                     std::chrono::seconds most) {
  if (static_cast<int>(failures.size()) < limit) return std::chrono::seconds(0);
  auto newest = parse_instant(failures.at(0).text("at"), "at");
  if (!newest.ok()) return std::chrono::seconds(0);
  const std::size_t beyond = failures.size() - static_cast<std::size_t>(limit);
  const std::chrono::seconds wait =
      beyond >= 16 ? most : std::min(most, std::chrono::seconds(std::int64_t{2} << beyond));
  const Instant open_at = *newest + wait;
  const Instant at = now();
  return open_at > at ? std::chrono::ceil<std::chrono::seconds>(open_at - at)
                      : std::chrono::seconds(0);
}

}  // namespace

Result<Reservation> reserve_attempt(store::Session& session, const ThrottleRules& rules,
                                    const std::string& email, const std::string& client_address) {
  RP_TRY(session.query_named("auth/lock_attempts_of", {email, client_address}));
  const std::string since = format_instant(now() - rules.lockout);
  auto by_email = session.query_named("auth/recent_failures_by_email", {email, since, email});
  RP_TRY(by_email);
  auto by_address = session.query_named("auth/recent_failures_by_address", {client_address, since});
  RP_TRY(by_address);
  Reservation reservation;
  reservation.locked = std::max(
      locked_for(*by_email, rules.failures_per_subject, rules.lockout),
      address_backoff(*by_address, rules.failures_per_address, rules.address_backoff_most));
  if (reservation.locked.count() > 0) return reservation;
  auto inserted = session.query_named(
      "auth/insert_login_attempt", {email, client_address, std::int64_t{0}, format_instant(now())});
  RP_TRY(inserted);
  reservation.attempt_id = inserted->at(0).integer("id");
  return reservation;
}

std::string wait_text(std::chrono::seconds wait) {
  if (wait.count() < 60) {
    const long long seconds = std::max<long long>(1, wait.count());
    return std::to_string(seconds) + (seconds == 1 ? " second" : " seconds");
  }
  const auto minutes = (wait.count() + 59) / 60;
  return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
}

Result<void> mark_attempt_succeeded(store::Session& session, std::int64_t attempt_id) {
  RP_TRY(session.execute_named("auth/mark_attempt_succeeded", {attempt_id}));
  return success();
}

Result<void> forget_attempt(store::Session& session, std::int64_t attempt_id) {
  RP_TRY(session.execute_named("auth/delete_login_attempt", {attempt_id}));
  return success();
}

}  // namespace rp::auth
