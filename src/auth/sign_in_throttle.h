#pragma once
// Throttling password attempts, for customers' logins and staff users alike (login_attempts).
// After `failures_per_subject` failures for one subject (an email; staff use "staff:<email>")
// within `lockout` (since its last success), attempts for it are refused for `lockout` from the
// oldest of them; after `failures_per_address` from one client address, that address backs off
// (2 s, doubling with each further failure, at most `address_backoff_most` after the latest).
// Each attempt is reserved (written as a failure) before any password is hashed, so guesses sent
// at once count before any is checked; a success marks it succeeded.

#include <chrono>
#include <cstdint>
#include <string>

#include "core/result.h"
#include "store/session.h"

namespace rp::auth {

struct ThrottleRules {
  int failures_per_subject = 5;
  int failures_per_address = 20;
  std::chrono::seconds lockout{15 * 60};
  std::chrono::seconds address_backoff_most{60};
};

struct Reservation {
  std::int64_t attempt_id = 0;     // the attempt, written as a failure; 0 when locked
  std::chrono::seconds locked{0};  // how long until an attempt is taken again
};

// Reserves one attempt for `subject` from `client_address`, inside the caller's write: refused
// (attempt_id 0, with the wait) when the subject is locked or the address must back off.
Result<Reservation> reserve_attempt(store::Session& session, const ThrottleRules& rules,
                                    const std::string& subject, const std::string& client_address);

// The reserved attempt succeeded / did not count (neither failure nor success: a code is needed).
Result<void> mark_attempt_succeeded(store::Session& session, std::int64_t attempt_id);
Result<void> forget_attempt(store::Session& session, std::int64_t attempt_id);

// "45 seconds", "15 minutes": how long to wait, for messages.
std::string wait_text(std::chrono::seconds wait);

}  // namespace rp::auth
