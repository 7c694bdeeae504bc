#include "mdm/vee_support.h"

#include <chrono>
#include <limits>

#include "core/time.h"

namespace rp::mdm::vee_detail {

__int128 divide_round_half_away(__int128 numerator, __int128 denominator) {
  bool negative = (numerator < 0) != (denominator < 0);
  __int128 n = numerator < 0 ? -numerator : numerator;
  __int128 d = denominator < 0 ? -denominator : denominator;
  __int128 quotient = n / d;
  if ((n % d) * 2 >= d) ++quotient;
  return negative ? -quotient : quotient;
}

bool fits_int64(__int128 value) {
  return value >= std::numeric_limits<std::int64_t>::min() &&
         value <= std::numeric_limits<std::int64_t>::max();
}

std::string format_position(std::int64_t position, std::int32_t interval_minutes) {
  return format_instant(Instant{std::chrono::seconds{position * interval_minutes * 60}});
}

std::string format_minutes(std::int64_t minutes) {
  std::int64_t days = minutes / 1440;
  std::int64_t hours = minutes % 1440 / 60;
  std::int64_t rest = minutes % 60;
  std::string text;
  auto add = [&text](std::int64_t count, const char* unit) {
    if (!text.empty()) text += ' ';
    text += std::to_string(count) + unit;
  };
  if (days > 0) add(days, days == 1 ? " day" : " days");
  if (hours > 0) add(hours, " h");
  if (rest > 0 || text.empty()) add(rest, " min");
  return text;
}

}  // namespace rp::mdm::vee_detail
