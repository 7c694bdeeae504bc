#pragma once
// Hand-made interval days for the VEE tests.

#include <cstdint>
#include <string>

#include "core/time.h"
#include "mdm/interval_day.h"

namespace rp::mdm::vee_test {

// 2026-11-23 (a Monday), days since 1970-01-01.
inline constexpr std::int32_t kDay = 20780;

// A day of `interval_minutes` with every slot holding `value` at `quality`.
inline IntervalDay day_of(std::int32_t utc_day, std::int64_t value,
                          Quality quality = Quality::actual, std::int32_t interval_minutes = 15) {
  IntervalDay day;
  day.channel_id = 7;
  day.utc_day = utc_day;
  day.interval_minutes = interval_minutes;
  day.values.assign(static_cast<std::size_t>(1440 / interval_minutes), value);
  day.quality.assign(day.values.size(), quality);
  return day;
}

// Sets slots [first, last] to `value` at `quality`.
inline void set(IntervalDay& day, std::int32_t first, std::int32_t last, std::int64_t value,
                Quality quality = Quality::actual) {
  for (std::int32_t slot = first; slot <= last; ++slot) {
    day.values[static_cast<std::size_t>(slot)] = value;
    day.quality[static_cast<std::size_t>(slot)] = quality;
  }
}

// Slots [first, last] missing (value 0).
inline void miss(IntervalDay& day, std::int32_t first, std::int32_t last) {
  set(day, first, last, 0, Quality::missing);
}

inline std::int64_t seconds_of(const char* instant) {
  return parse_instant(instant, "t")->time_since_epoch().count();
}

}  // namespace rp::mdm::vee_test
