#pragma once
// Usage as the portal and billing read it: interval data summed over local hours, days or months
// in the utility's time zone. Pure: works on IntervalDays already loaded.
//
// Local days are bounded in the utility's zone, so a day with a daylight-saving change sums 23 or
// 25 hours of intervals (92 or 100 fifteen-minute values). An interval belongs to the local hour,
// day and month in which it starts.

#include <cstdint>
#include <string>
#include <vector>

#include "core/time.h"
#include "mdm/interval_day.h"

namespace rp::mdm {

// read_period is for register meters only (mdm/read_periods.h): sum_usage never takes it.
enum class Resolution { interval, hour, day, month, read_period };
// "interval", "hour", "day", "month", "read_period"; false for anything else.
bool parse_resolution(std::string_view text, Resolution& resolution);

// The quality of a summed point: the worst of its intervals' (missing > estimated > edited >
// actual), so a day with one estimated interval shows as estimated.
struct UsagePoint {
  Instant start;
  std::int64_t milli_units = 0;  // sum of the non-missing intervals
  Quality quality = Quality::actual;
  std::int32_t intervals = 0;  // how many intervals the point covers (missing ones included)
};

// Sums the slots of `days` (one channel; any order; days may be absent: their intervals count as
// missing) over [start_of_day(from), start_of_day(to)) at `resolution`. Points with no interval
// data at all are still returned (value 0, quality missing) so a chart has no holes.
std::vector<UsagePoint> sum_usage(const std::vector<IntervalDay>& days, const UtilityZone& zone,
                                  LocalDate from, LocalDate to, Resolution resolution,
                                  std::int32_t interval_minutes);

// The UTC days (days since epoch) that hold the intervals of local dates [from, to).
std::pair<std::int32_t, std::int32_t> utc_days_covering(const UtilityZone& zone, LocalDate from,
                                                        LocalDate to);

}  // namespace rp::mdm
