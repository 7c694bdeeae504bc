#include "core/time.h"

#include <date/tz.h>

#include <atomic>
#include <climits>
#include <exception>

#include "core/assert.h"

namespace rp {
namespace {

using std::chrono::seconds;

// Reads `count` decimal digits of `text` at `pos` into `*out`; false when any is not a digit or
// the text is too short.
bool read_digits(std::string_view text, size_t pos, size_t count, int* out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  *out = value;
  return true;
}

bool has_char(std::string_view text, size_t pos, char c) {
  return pos < text.size() && text[pos] == c;
}

// Parses "YYYY-MM-DD" at the start of `text` (no check that it is a calendar date).
bool read_date(std::string_view text, LocalDate* date) {
  int y = 0, m = 0, d = 0;
  if (!read_digits(text, 0, 4, &y) || !has_char(text, 4, '-') || !read_digits(text, 5, 2, &m) ||
      !has_char(text, 7, '-') || !read_digits(text, 8, 2, &d)) {
    return false;
  }
  *date =
      date::year(y) / date::month(static_cast<unsigned>(m)) / date::day(static_cast<unsigned>(d));
  return true;
}

// Parses "HH:MM:SS" at `pos`, within range (no leap seconds).
bool read_time_of_day(std::string_view text, size_t pos, seconds* since_midnight) {
  int h = 0, m = 0, s = 0;
  if (!read_digits(text, pos, 2, &h) || !has_char(text, pos + 2, ':') ||
      !read_digits(text, pos + 3, 2, &m) || !has_char(text, pos + 5, ':') ||
      !read_digits(text, pos + 6, 2, &s) || h > 23 || m > 59 || s > 59) {
    return false;
  }
  *since_midnight = std::chrono::hours(h) + std::chrono::minutes(m) + seconds(s);
  return true;
}

// Parses the zone designator that must make up all of `rest`: "Z" or "+hh:mm" / "-hh:mm".
bool read_offset(std::string_view rest, seconds* offset) {
  if (rest == "Z") {
    *offset = seconds(0);
    return true;
  }
  int h = 0, m = 0;
  if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || !read_digits(rest, 1, 2, &h) ||
      !has_char(rest, 3, ':') || !read_digits(rest, 4, 2, &m) || h > 23 || m > 59) {
    return false;
  }
  *offset = std::chrono::hours(h) + std::chrono::minutes(m);
  if (rest[0] == '-') *offset = -*offset;
  return true;
}

// Skips ".digits" fractional seconds at `pos`, returning the position after them.
size_t skip_fraction(std::string_view text, size_t pos) {
  if (!has_char(text, pos, '.')) return pos;
  size_t end = pos + 1;
  while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
  return end == pos + 1 ? pos : end;  // a '.' without digits is left to fail as a bad zone
}

// "+hh:mm", or "+hh:mm:ss" when the offset is not a whole number of minutes.
std::string format_offset(seconds offset) {
  const char sign = offset < seconds(0) ? '-' : '+';
  const auto magnitude = std::chrono::abs(offset);
  const date::hh_mm_ss<seconds> parts(magnitude);
  std::string text = sign + date::format("%H:%M", parts.to_duration());
  if (parts.seconds().count() != 0) text += date::format(":%S", parts.to_duration());
  return text;
}

}  // namespace

Result<UtilityZone> UtilityZone::find(std::string_view iana_name) {
  const std::string name(iana_name);
  try {
    return UtilityZone(date::locate_zone(name), name);
  } catch (const std::exception&) {
    return invalid_input("time_zone", "unknown time zone \"" + name +
                                          "\"; use an IANA zone name such as \"America/New_York\"");
  }
}

Instant UtilityZone::start_of_day(LocalDate date) const {
  const date::local_seconds midnight{date::local_days(date)};
  const date::local_info info = zone_->get_info(midnight);
  if (info.result == date::local_info::nonexistent) {
    return info.first.end;  // the transition: the earliest instant whose local date is `date`
  }
  return Instant(midnight.time_since_epoch() - info.first.offset);
}

Instant UtilityZone::end_of_day(LocalDate date) const {
  return start_of_day(LocalDate(date::sys_days(date) + date::days(1)));
}

std::chrono::seconds UtilityZone::day_length(LocalDate date) const {
  return end_of_day(date) - start_of_day(date);
}

std::chrono::hours UtilityZone::hours_in_day(LocalDate date) const {
  return std::chrono::duration_cast<std::chrono::hours>(day_length(date));
}

LocalDate UtilityZone::local_date(Instant instant) const {
  return LocalDate(date::floor<date::days>(zone_->to_local(instant)));
}

std::chrono::seconds UtilityZone::local_time_of_day(Instant instant) const {
  const date::local_seconds local = date::floor<seconds>(zone_->to_local(instant));
  return local - date::floor<date::days>(local);
}

Instant UtilityZone::at_local_time(LocalDate date, std::chrono::seconds time_of_day) const {
  const date::local_seconds local{date::local_days(date) + time_of_day};
  const date::local_info info = zone_->get_info(local);
  if (info.result == date::local_info::nonexistent) return info.first.end;
  return Instant(local.time_since_epoch() - info.first.offset);
}

std::string UtilityZone::format_local(Instant instant) const {
  const seconds offset = zone_->get_info(instant).offset;
  const date::local_seconds local{instant.time_since_epoch() + offset};
  return date::format("%FT%T", local) + format_offset(offset);
}

Result<LocalDate> parse_local_date(std::string_view text, std::string field) {
  LocalDate date;
  if (text.size() != 10 || !read_date(text, &date)) {
    std::string message = field + " \"" + std::string(text) +
                          "\" is not a date; write it as YYYY-MM-DD, like \"2026-11-23\"";
    return invalid_input(std::move(field), std::move(message));
  }
  if (!date.ok()) {
    std::string message = field + " \"" + std::string(text) + "\" is not a day on the calendar";
    return invalid_input(std::move(field), std::move(message));
  }
  return date;
}

std::string format_local_date(LocalDate date) {
  return date::format("%F", date::sys_days(date));
}

Result<Instant> parse_instant(std::string_view text, std::string field) {
  LocalDate date;
  seconds time_of_day{};
  seconds offset{};
  const bool well_formed =
      read_date(text, &date) && has_char(text, 10, 'T') &&
      read_time_of_day(text, 11, &time_of_day) &&
      read_offset(text.substr(std::min(text.size(), skip_fraction(text, 19))), &offset);
  if (!well_formed || !date.ok()) {
    std::string message = field + " \"" + std::string(text) +
                          "\" is not an ISO 8601 instant; write it like "
                          "\"2026-11-23T14:05:00Z\" or \"2026-11-23T09:05:00-05:00\"";
    return invalid_input(std::move(field), std::move(message));
  }
  return Instant(date::sys_days(date)) + time_of_day - offset;
}

std::string format_instant(Instant instant) {
  return date::format("%FT%TZ", instant);
}

namespace {

// Seconds since the epoch of the history clock's instant, or kNoHistory.
constexpr std::int64_t kNoHistory = INT64_MIN;
std::atomic<std::int64_t> history_seconds{kNoHistory};

}  // namespace

Instant now() {
  const std::int64_t history = history_seconds.load(std::memory_order_acquire);
  if (history != kNoHistory) return Instant(seconds(history));
  return std::chrono::floor<seconds>(std::chrono::system_clock::now());
}

HistoryClock::HistoryClock(Instant at) {
  std::int64_t expected = kNoHistory;
  const bool set = history_seconds.compare_exchange_strong(
      expected, std::chrono::floor<seconds>(at.time_since_epoch()).count());
  RP_ASSERT(set, "one history clock at a time");
}

HistoryClock::~HistoryClock() {
  history_seconds.store(kNoHistory, std::memory_order_release);
}

}  // namespace rp
