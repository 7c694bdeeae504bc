#pragma once
// Time is explicit (docs/design.md, "Time is explicit"): instants are stored in UTC; every
// utility has an IANA time zone and calendar logic (bill periods, TOU periods, due dates, "today")
// runs in that zone, including 23- and 25-hour daylight-saving days. Built on Howard Hinnant's
// date/tz over the system tzdata.

#include <chrono>
#include <string>
#include <string_view>

#include <date/date.h>

#include "core/result.h"

namespace date {
class time_zone;
}

namespace rp {

// A point in time, UTC, to the second.
using Instant = std::chrono::sys_seconds;
// A calendar date with no zone attached; it names a day only together with a UtilityZone.
using LocalDate = date::year_month_day;

// A utility's IANA time zone. Cheap to copy; refers to the process-wide tz database.
class UtilityZone {
 public:
  // Looks up an IANA zone name ("America/New_York"). An unknown name is invalid_input with field
  // "time_zone" and a message naming it.
  static Result<UtilityZone> find(std::string_view iana_name);

  // The name as given to find().
  const std::string& name() const { return name_; }

  // The first instant of `date` in this zone. When local midnight does not exist (zones that
  // spring forward at 00:00, e.g. America/Santiago), the day starts at the earliest instant that
  // is on that date: the moment of the transition. When midnight occurs twice, the earlier one.
  Instant start_of_day(LocalDate date) const;
  // The first instant after `date`: start_of_day of the next day. A day is [start, end).
  Instant end_of_day(LocalDate date) const;
  // end_of_day - start_of_day in whole hours: 24, or 23/25 on daylight-saving days. Truncates for
  // zones with half-hour shifts (Australia/Lord_Howe); use day_length() where that matters.
  std::chrono::hours hours_in_day(LocalDate date) const;
  std::chrono::seconds day_length(LocalDate date) const;

  // The local calendar date containing `instant`.
  LocalDate local_date(Instant instant) const;
  // The time of day on the local clock at `instant` (0 to just under 24 hours).
  std::chrono::seconds local_time_of_day(Instant instant) const;
  // The instant the local clock shows `time_of_day` on `date`. A time skipped by a spring-forward
  // change is the moment of the change; a time shown twice (fall back) is the earlier.
  Instant at_local_time(LocalDate date, std::chrono::seconds time_of_day) const;
  // ISO 8601 local time with the offset in force: "2026-03-08T03:00:00-04:00". Historical offsets
  // that are not whole minutes (local mean time before ~1900) append seconds ("-04:56:02").
  std::string format_local(Instant instant) const;

  friend bool operator==(const UtilityZone& a, const UtilityZone& b) { return a.name_ == b.name_; }

 private:
  UtilityZone(const date::time_zone* zone, std::string name)
      : zone_(zone), name_(std::move(name)) {}
  const date::time_zone* zone_;
  std::string name_;
};

// Parses exactly "YYYY-MM-DD" ("2026-11-23"). A malformed text or a date that is not on the
// calendar ("2026-02-30") is invalid_input naming `field`.
Result<LocalDate> parse_local_date(std::string_view text, std::string field);
// "2026-11-23".
std::string format_local_date(LocalDate date);

// The calendar date `days` after `date` (before it when negative).
inline LocalDate plus_days(LocalDate date, int days) {
  return LocalDate(date::sys_days(date) + date::days(days));
}

// Parses ISO 8601 / RFC 3339 "YYYY-MM-DDTHH:MM:SS" followed by "Z" or an offset "+hh:mm" /
// "-hh:mm", optionally with fractional seconds before the zone ("...T14:05:00.000Z", as browsers
// send), which are dropped (the instant is floored to the second). Anything else, including a
// missing zone designator, a leap second (:60) or an impossible date, is invalid_input naming
// `field`.
Result<Instant> parse_instant(std::string_view text, std::string field);
// UTC with a "Z": "2026-11-23T14:05:00Z".
std::string format_instant(Instant instant);

// The current instant, floored to the second; while a HistoryClock is alive, its instant.
Instant now();

// For `ratepayer generate` only, which writes a utility's past through the real code: while one
// of these lives, now() answers `at` in every thread, so what the bill runs and jobs write (bills,
// entries, events) is dated when it would have happened. Never used by a serving process. Not
// nestable: at most one at a time (asserted).
class HistoryClock {
 public:
  explicit HistoryClock(Instant at);
  ~HistoryClock();
  HistoryClock(const HistoryClock&) = delete;
  HistoryClock& operator=(const HistoryClock&) = delete;
};

}  // namespace rp
