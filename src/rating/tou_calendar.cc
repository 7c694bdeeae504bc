#include "rating/tou_calendar.h"

#include <date/tz.h>

#include <algorithm>
#include <exception>

namespace rp::rating {
namespace {

constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr std::int64_t kSecondsPerHour = 3'600;

std::int64_t seconds_of(Instant instant) {
  return instant.time_since_epoch().count();
}

// Local midnight of `day` as seconds since the epoch of local time.
std::int64_t local_midnight(date::sys_days day) {
  return day.time_since_epoch().count() * kSecondsPerDay;
}

// The day after `date`, without a round trip through a day count.
LocalDate next_date(LocalDate date) {
  const LocalDate next{date.year(), date.month(), date.day() + date::days(1)};
  if (next.ok()) return next;
  return LocalDate((date.year() / date.month() + date::months(1)) / 1);
}

// a / b rounded up, for b > 0.
std::int64_t ceil_divide(std::int64_t a, std::int64_t b) {
  const std::int64_t quotient = a / b;
  return quotient + ((a % b != 0 && a > 0) ? 1 : 0);
}

// The UTC offset in force at an instant, remembering the span over which it holds so that a month
// needs one or two time-zone lookups, not one per interval.
class OffsetCursor {
 public:
  explicit OffsetCursor(const date::time_zone* zone) : zone_(zone) {}
  OffsetCursor(const OffsetCursor&) = delete;
  OffsetCursor& operator=(const OffsetCursor&) = delete;

  std::int64_t offset_at(std::int64_t utc) {
    if (utc < begin_ || utc >= end_) load(utc);
    return offset_;
  }
  // The end of the span holding the instant last passed to offset_at.
  std::int64_t span_end() const { return end_; }

 private:
  void load(std::int64_t utc) {
    const date::sys_info info = zone_->get_info(date::sys_seconds(std::chrono::seconds(utc)));
    begin_ = seconds_of(info.begin);
    end_ = seconds_of(info.end);
    offset_ = info.offset.count();
  }

  const date::time_zone* zone_;
  std::int64_t begin_ = 0;
  std::int64_t end_ = 0;  // empty span: the first call loads
  std::int64_t offset_ = 0;
};

// The series as seconds, for integer arithmetic.
struct SeriesClock {
  std::int64_t start;
  std::int64_t step;
  std::int64_t end;
  // The index of the first interval starting at or after `utc`.
  std::int64_t index_at(std::int64_t utc) const { return ceil_divide(utc - start, step); }
};

// The start of local day `next` when the previous day began at `day_start`: local midnight at the
// offset in force, unless the offset changes before then (the UtilityZone decides those days).
std::int64_t next_day_start(OffsetCursor& cursor, const UtilityZone& zone, std::int64_t day_start,
                            date::sys_days next_day, LocalDate next) {
  const std::int64_t candidate = local_midnight(next_day) - cursor.offset_at(day_start);
  if (candidate < cursor.span_end()) return candidate;
  return seconds_of(zone.start_of_day(next));
}

// Fills hour_start for a day whose offset may change or whose intervals are not aligned to local
// hours: each interval's local start hour, never running backwards (tou_calendar.h).
void layout_irregular_day(OffsetCursor& cursor, const SeriesClock& clock, std::int64_t day_start,
                          std::int64_t day_end, DayIntervals& day) {
  std::array<std::int32_t, 24> per_hour{};
  const std::int64_t midnight = local_midnight(day.epoch_day);
  const std::int64_t last = clock.index_at(day_end);
  std::int64_t hour = 0;
  for (std::int64_t i = clock.index_at(day_start); i < last; ++i) {
    const std::int64_t utc = clock.start + i * clock.step;
    const std::int64_t since_midnight = utc + cursor.offset_at(utc) - midnight;
    const std::int64_t local_hour =
        std::clamp<std::int64_t>(since_midnight / kSecondsPerHour, 0, 23);
    hour = std::max(hour, since_midnight < 0 ? 0 : local_hour);
    ++per_hour[static_cast<std::size_t>(hour)];
  }
  day.hour_start[0] = 0;
  for (std::size_t h = 0; h < 24; ++h) day.hour_start[h + 1] = day.hour_start[h] + per_hour[h];
}

Error not_covered(const UtilityZone& zone, std::int64_t utc, const char* what) {
  return invalid_input("usage", std::string("the interval data ") + what + " " +
                                    zone.format_local(Instant(std::chrono::seconds(utc))) +
                                    "; supply intervals covering the whole billing period");
}

}  // namespace

Result<std::vector<DayIntervals>> layout_days(Instant start, std::chrono::minutes interval,
                                              std::int64_t count, const UtilityZone& zone,
                                              LocalDate from, LocalDate to) {
  const date::time_zone* tz = nullptr;
  try {
    tz = date::locate_zone(zone.name());
  } catch (const std::exception& e) {
    return internal_error("time zone " + zone.name() + " vanished: " + e.what());
  }
  const std::int64_t step = std::chrono::seconds(interval).count();
  const SeriesClock clock{seconds_of(start), step, seconds_of(start) + count * step};
  OffsetCursor cursor(tz);

  std::vector<DayIntervals> days;
  days.reserve(static_cast<std::size_t>(
      std::max(0, static_cast<int>((date::sys_days(to) - date::sys_days(from)).count()))));
  std::int64_t day_start = seconds_of(zone.start_of_day(from));
  if (day_start < clock.start) return not_covered(zone, clock.start, "starts only at");
  std::array<std::int32_t, 25> ordinary_hours{};
  const auto per_hour = static_cast<std::int32_t>(kSecondsPerHour / step);
  for (std::int32_t h = 0; h <= 24; ++h) ordinary_hours[static_cast<std::size_t>(h)] = h * per_hour;

  LocalDate date = from;
  for (date::sys_days epoch_day{from}; epoch_day < date::sys_days(to); ++epoch_day) {
    const LocalDate next = next_date(date);
    const std::int64_t day_end =
        next_day_start(cursor, zone, day_start, epoch_day + date::days(1), next);
    if (day_end > clock.end) return not_covered(zone, clock.end, "ends at");
    DayIntervals& day = days.emplace_back();
    day.date = date;
    day.epoch_day = epoch_day;
    day.first = clock.index_at(day_start);
    const bool ordinary = day_end - day_start == kSecondsPerDay && day_end <= cursor.span_end() &&
                          (day_start - clock.start) % step == 0 && kSecondsPerHour % step == 0;
    if (ordinary) {
      day.hour_start = ordinary_hours;
    } else {
      layout_irregular_day(cursor, clock, day_start, day_end, day);
    }
    day_start = day_end;
    date = next;
  }
  return days;
}

DayType day_type(date::sys_days day) {
  const date::weekday weekday{day};
  return (weekday == date::Saturday || weekday == date::Sunday) ? DayType::weekend
                                                                : DayType::weekday;
}

DayType day_type(LocalDate date) {
  return day_type(date::sys_days(date));
}

DayRuns merge_hours(const std::array<std::uint8_t, 24>& energy_row,
                    const std::array<std::uint8_t, 24>& demand_row) {
  DayRuns day;
  for (std::uint8_t h = 0; h < 24; ++h) {
    if (day.count > 0) {
      HourRun& last = day.runs[static_cast<std::size_t>(day.count - 1)];
      if (last.energy_period == energy_row[h] && last.demand_period == demand_row[h]) {
        last.end_hour = static_cast<std::uint8_t>(h + 1);
        continue;
      }
    }
    day.runs[static_cast<std::size_t>(day.count++)] = {h, static_cast<std::uint8_t>(h + 1),
                                                       energy_row[h], demand_row[h]};
  }
  return day;
}

}  // namespace rp::rating
