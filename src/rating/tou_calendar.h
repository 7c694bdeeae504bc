#pragma once
// The time-of-use calendar: which local day and local hour each interval of a usage series falls
// in, in the utility's zone, and which TOU periods the hours of a day map to. Rating decides TOU by
// LOCAL wall-clock time (tariff.h), so this is where daylight saving is handled, once per day
// rather than once per interval.
//
// The rule: an interval belongs to the local day and the local hour in which it STARTS.
//  * A spring-forward day (2026-03-08 in America/Los_Angeles) has 23 hours: 02:00-03:00 does not
//    exist, so hour 2 holds no intervals (92 fifteen-minute intervals in the day).
//  * A fall-back day (2026-11-01) has 25 hours: 01:00-02:00 happens twice (PDT, then PST) and both
//    belong to hour 1 (8 fifteen-minute intervals in hour 1; 100 in the day).
//  * Local hours never run backwards within a day: an interval whose local start reads earlier
//    than its predecessor's (a fall-back that is not on the hour, or one back across midnight)
//    stays in its predecessor's hour. No US zone does this; it keeps every hour contiguous.
//  * A day begins at UtilityZone::start_of_day (so a zone that springs forward at midnight starts
//    that day at the transition), and an interval starting exactly there is the day's first.

#include <array>
#include <chrono>
#include <cstdint>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace rp::rating {

// The intervals of one local day: a contiguous run of series indices, cut by local hour.
struct DayIntervals {
  LocalDate date;
  date::sys_days epoch_day;  // the same day as a day count, for cheap weekday arithmetic
  std::int64_t first = 0;    // index in the series of the day's first interval
  // hour_start[h]: offset from `first` of the first interval in local hour h (0..23);
  // hour_start[24] is the number of intervals in the day. Hour h is [hour_start[h],
  // hour_start[h+1]).
  std::array<std::int32_t, 25> hour_start{};
  std::int32_t count() const { return hour_start[24]; }
};

// Lays out the local days [from, to) of a series of `count` intervals of length `interval` whose
// first starts at `start`. Requires from < to and an interval of 1..60 minutes.
// Errors: invalid_input ("usage") when the series does not cover every instant of those days.
// Cost: a time-zone lookup only when the UTC offset changes; an ordinary day is integer arithmetic.
Result<std::vector<DayIntervals>> layout_days(Instant start, std::chrono::minutes interval,
                                              std::int64_t count, const UtilityZone& zone,
                                              LocalDate from, LocalDate to);

enum class DayType : std::uint8_t { weekday = 0, weekend = 1 };

// Saturday and Sunday are weekend days; callers treat holidays as weekend days too.
DayType day_type(LocalDate date);
DayType day_type(date::sys_days day);

// Consecutive local hours [begin_hour, end_hour) that share an energy and a demand period.
struct HourRun {
  std::uint8_t begin_hour = 0;
  std::uint8_t end_hour = 0;
  std::uint8_t energy_period = 0;
  std::uint8_t demand_period = 0;
};

// The hours of one day type in one month, merged into as few runs as the schedules allow (a
// typical TOU day has 3-5). Runs cover hours 0..24 in order.
struct DayRuns {
  std::array<HourRun, 24> runs{};
  int count = 0;
};

// Merges the 24 hours of a day given the energy and demand schedule rows (period per hour).
DayRuns merge_hours(const std::array<std::uint8_t, 24>& energy_row,
                    const std::array<std::uint8_t, 24>& demand_row);

}  // namespace rp::rating
