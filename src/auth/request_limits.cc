#include "auth/request_limits.h"

#include <algorithm>

#include "core/time.h"

namespace rp::auth {

Result<void> count_request(store::Session& session, const std::vector<LimitedSubject>& subjects) {
  const Instant at = now();
  std::chrono::seconds wait{0};
  for (const LimitedSubject& counted : subjects) {
    if (counted.subject.empty()) continue;
    const RequestLimit& limit = *counted.limit;
    RP_TRY(session.query_named("auth/lock_request_limit", {limit.kind, counted.subject}));
    RP_TRY(session.execute_named(
        "auth/forget_old_requests",
        {limit.kind, counted.subject, format_instant(at - std::chrono::hours(24) - limit.window)}));
    auto recent = session.query_named(
        "auth/recent_requests", {limit.kind, counted.subject, format_instant(at - limit.window)});
    RP_TRY(recent);
    if (static_cast<int>(recent->size()) < limit.most) continue;
    auto oldest =
        parse_instant(recent->at(static_cast<std::size_t>(limit.most) - 1).text("at"), "at");
    RP_TRY(oldest);
    wait = std::max(wait, std::chrono::ceil<std::chrono::seconds>(*oldest + limit.window - at));
  }
  if (wait.count() > 0) {
    const long long minutes = (wait.count() + 59) / 60;
    return throttled("too many requests of this kind; try again in " + std::to_string(minutes) +
                         (minutes == 1 ? " minute" : " minutes"),
                     wait.count())
        .coded("too-many-requests");
  }
  for (const LimitedSubject& counted : subjects) {
    if (counted.subject.empty()) continue;
    RP_TRY(session.execute_named("auth/insert_request",
                                 {counted.limit->kind, counted.subject, format_instant(at)}));
  }
  return success();
}

}  // namespace rp::auth
