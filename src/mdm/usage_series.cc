#include "mdm/usage_series.h"

#include <algorithm>
#include <unordered_map>

#include "core/assert.h"

namespace rp::mdm {
namespace {

using std::chrono::seconds;

constexpr std::int64_t kSecondsPerDay = 86400;

Quality worse(Quality a, Quality b) {
  auto rank = [](Quality q) {
    switch (q) {
      case Quality::actual:
        return 0;
      case Quality::edited:
        return 1;
      case Quality::estimated:
        return 2;
      case Quality::missing:
        return 3;
    }
    return 3;
  };
  return rank(a) >= rank(b) ? a : b;
}

// The value and quality of the interval starting at `at`, missing when no day row holds it.
std::pair<std::int64_t, Quality> interval_at(
    const std::unordered_map<std::int32_t, const IntervalDay*>& by_day, Instant at,
    std::int32_t interval_minutes) {
  std::int64_t epoch = at.time_since_epoch().count();
  auto found = by_day.find(static_cast<std::int32_t>(epoch / kSecondsPerDay));
  if (found == by_day.end() || found->second->interval_minutes != interval_minutes) {
    return {0, Quality::missing};
  }
  auto slot = static_cast<std::size_t>((epoch % kSecondsPerDay) / (interval_minutes * 60));
  return {found->second->values[slot], found->second->quality[slot]};
}

void add_to(std::vector<UsagePoint>& points, Instant bucket, std::int64_t value, Quality quality) {
  if (points.empty() || points.back().start != bucket) {
    points.push_back({bucket, 0, Quality::actual, 0});
  }
  UsagePoint& point = points.back();
  if (quality != Quality::missing) point.milli_units += value;
  point.quality = point.intervals == 0 ? quality : worse(point.quality, quality);
  ++point.intervals;
}

}  // namespace

bool parse_resolution(std::string_view text, Resolution& resolution) {
  if (text == "interval")
    resolution = Resolution::interval;
  else if (text == "hour")
    resolution = Resolution::hour;
  else if (text == "day")
    resolution = Resolution::day;
  else if (text == "month")
    resolution = Resolution::month;
  else if (text == "read_period")
    resolution = Resolution::read_period;
  else
    return false;
  return true;
}

std::pair<std::int32_t, std::int32_t> utc_days_covering(const UtilityZone& zone, LocalDate from,
                                                        LocalDate to) {
  auto first = zone.start_of_day(from).time_since_epoch().count();
  auto last = (zone.start_of_day(to) - seconds(1)).time_since_epoch().count();
  return {static_cast<std::int32_t>(first / kSecondsPerDay),
          static_cast<std::int32_t>(last / kSecondsPerDay)};
}

std::vector<UsagePoint> sum_usage(const std::vector<IntervalDay>& days, const UtilityZone& zone,
                                  LocalDate from, LocalDate to, Resolution resolution,
                                  std::int32_t interval_minutes) {
  RP_ASSERT(resolution != Resolution::read_period, "interval data has no read periods");
  std::unordered_map<std::int32_t, const IntervalDay*> by_day;
  for (const IntervalDay& day : days) by_day[day.utc_day] = &day;
  const auto step = std::chrono::minutes(interval_minutes);
  std::vector<UsagePoint> points;
  // Walk local days so that zone lookups happen once per day, not once per interval. Within a
  // day, local hours are whole hours since local midnight (true wherever clocks shift by whole
  // hours, as in every US zone); on a 25-hour day the repeated hour is its own point.
  for (date::sys_days day = from; day < date::sys_days(to); day += date::days(1)) {
    LocalDate date = day;
    const Instant day_start = zone.start_of_day(date);
    const Instant day_end = zone.end_of_day(date);
    const Instant month_start = zone.start_of_day(date.year() / date.month() / 1);
    for (Instant at = day_start; at < day_end; at += step) {
      Instant bucket = at;
      if (resolution == Resolution::hour) {
        bucket = day_start + std::chrono::floor<std::chrono::hours>(at - day_start);
      } else if (resolution == Resolution::day) {
        bucket = day_start;
      } else if (resolution == Resolution::month) {
        bucket = month_start;
      }
      auto [value, quality] = interval_at(by_day, at, interval_minutes);
      add_to(points, bucket, value, quality);
    }
  }
  return points;
}

}  // namespace rp::mdm
