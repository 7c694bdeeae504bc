#pragma once
// Limits on requests that send email or link accounts: sign-up, password reset, adding an
// account. Each is counted per subject (the email it mails, the account it names, the client
// address it came from) over a sliding window, in the request's own write transaction: a request
// over a limit is refused, counts nothing and sends nothing. Requests sent at once count each
// other (a lock per subject on PostgreSQL; SQLite writes one at a time).

#include <chrono>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/session.h"

namespace rp::auth {

struct RequestLimit {
  std::string kind;  // names the request and the subject: "sign-up per email"
  int most = 0;      // requests allowed within `window`
  std::chrono::seconds window{3600};
};

// The limits each request is held to (documented in docs/portal.md).
inline const RequestLimit kSignUpPerEmail{"sign-up per email", 3, std::chrono::hours(1)};
inline const RequestLimit kSignUpPerAccount{"sign-up per account", 5, std::chrono::hours(24)};
inline const RequestLimit kSignUpPerClient{"sign-up per client", 20, std::chrono::hours(1)};
inline const RequestLimit kResetPerEmail{"password reset per email", 3, std::chrono::hours(1)};
inline const RequestLimit kResetPerClient{"password reset per client", 20, std::chrono::hours(1)};
inline const RequestLimit kAddAccountPerLogin{"add account per login", 10, std::chrono::hours(1)};
inline const RequestLimit kAddAccountPerAccount{"add account per account", 5,
                                                std::chrono::hours(24)};
inline const RequestLimit kAddAccountPerClient{"add account per client", 20, std::chrono::hours(1)};

struct LimitedSubject {
  const RequestLimit* limit = nullptr;
  std::string subject;  // empty: not counted (e.g. no account was named)
};

// Counts one request against every subject's limit, or refuses it when any is reached: throttled
// ("too-many-requests"), with the seconds until the oldest counted request leaves the window,
// and nothing counted. Requires: a write transaction.
Result<void> count_request(store::Session& session, const std::vector<LimitedSubject>& subjects);

}  // namespace rp::auth
