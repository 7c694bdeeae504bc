#include "notify/quiet_hours.h"

namespace rp::notify {

Instant after_quiet_hours(const UtilityZone& zone, const QuietHours& quiet, Instant at) {
  if (quiet.start_hour == quiet.end_hour) return at;  // no quiet hours
  const std::chrono::seconds start = std::chrono::hours(quiet.start_hour);
  const std::chrono::seconds end = std::chrono::hours(quiet.end_hour);
  const std::chrono::seconds now = zone.local_time_of_day(at);
  const LocalDate today = zone.local_date(at);
  if (start > end) {  // overnight, e.g. 21:00-08:00
    if (now >= start)
      return zone.at_local_time(LocalDate(date::sys_days(today) + date::days(1)), end);
    if (now < end) return zone.at_local_time(today, end);
    return at;
  }
  if (now >= start && now < end) return zone.at_local_time(today, end);  // e.g. 00:00-06:00
  return at;
}

}  // namespace rp::notify
