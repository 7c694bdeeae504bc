#pragma once
// Small exact helpers shared by the VEE files (vee_*.cc); not part of the module's API.

#include <cstdint>
#include <string>

#include "mdm/reading.h"

namespace rp::mdm::vee_detail {

// numerator / denominator rounded half away from zero (7/2 -> 4, -7/2 -> -4, 5/3 -> 2).
// Requires denominator != 0.
__int128 divide_round_half_away(__int128 numerator, __int128 denominator);
bool fits_int64(__int128 value);

// A slot holds a read VEE may rely on: actual, or edited by a person.
inline bool is_read(Quality quality) {
  return quality == Quality::actual || quality == Quality::edited;
}
// A slot VEE may (re)fill: missing, or estimated by an earlier VEE run.
inline bool is_gap(Quality quality) {
  return quality == Quality::missing || quality == Quality::estimated;
}

// 1440 / interval_minutes.
inline std::int32_t slots_per_day(std::int32_t interval_minutes) {
  return 1440 / interval_minutes;
}

// The UTC start of slot `position` (utc_day x slots per day + slot): "2026-11-23T14:00:00Z".
std::string format_position(std::int64_t position, std::int32_t interval_minutes);
// A duration for people: "45 min", "2 h", "3 days 1 h 15 min".
std::string format_minutes(std::int64_t minutes);

}  // namespace rp::mdm::vee_detail
