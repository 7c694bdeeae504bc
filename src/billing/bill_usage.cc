#include "billing/bill_usage.h"

#include <string>

namespace rp::billing {
namespace {

constexpr std::int64_t kDaySeconds = 86'400;
constexpr std::int64_t kRawPerMilli = Decimal::kScale / 1000;

// a / b rounded half away from zero; b > 0.
std::int64_t rounded_mean(std::int64_t sum, std::int64_t count) {
  std::int64_t half = count / 2;
  return sum >= 0 ? (sum + half) / count : -((-sum + half) / count);
}

std::int64_t seconds_of(Instant instant) {
  return instant.time_since_epoch().count();
}

}  // namespace

Result<PeriodIntervals> period_intervals(const std::vector<mdm::IntervalDay>& days,
                                         std::int32_t interval_minutes,
                                         const rating::BillingPeriod& period,
                                         const UtilityZone& zone,
                                         std::optional<std::int64_t> fallback_per_day_milli) {
  const std::int64_t interval = std::int64_t{interval_minutes} * 60;
  const std::int64_t start = seconds_of(zone.start_of_day(period.start));
  const std::int64_t end = seconds_of(zone.start_of_day(period.end));
  if (interval <= 0 || start % interval != 0 || end <= start) {
    return invalid_input("usage", "the period's local midnights in " + zone.name() +
                                      " do not fall on " + std::to_string(interval_minutes) +
                                      "-minute interval boundaries");
  }
  const std::int64_t slot_count = (end - start) / interval;
  const std::int64_t slots_per_day = kDaySeconds / interval;
  std::vector<std::int64_t> values(static_cast<std::size_t>(slot_count), 0);
  std::vector<bool> present(static_cast<std::size_t>(slot_count), false);
  std::vector<std::int64_t> sum_at(static_cast<std::size_t>(slots_per_day), 0);
  std::vector<std::int64_t> count_at(static_cast<std::size_t>(slots_per_day), 0);
  std::int64_t present_sum = 0;
  std::int64_t present_count = 0;

  for (const mdm::IntervalDay& day : days) {
    const std::int64_t day_start = std::int64_t{day.utc_day} * kDaySeconds;
    if (day_start + kDaySeconds <= start || day_start >= end) continue;
    if (day.interval_minutes != interval_minutes) {
      return invalid_input(
          "usage", "channel " + std::to_string(day.channel_id) + " stores " +
                       std::to_string(day.interval_minutes) + "-minute intervals on UTC day " +
                       std::to_string(day.utc_day) + ", not " + std::to_string(interval_minutes));
    }
    for (std::size_t slot = 0; slot < day.slots(); ++slot) {
      const std::int64_t at = day_start + static_cast<std::int64_t>(slot) * interval;
      if (at < start || at >= end || day.quality[slot] == mdm::Quality::missing) continue;
      const auto index = static_cast<std::size_t>((at - start) / interval);
      if (present[index]) continue;  // a day listed twice counts once
      present[index] = true;
      values[index] = day.values[slot];
      sum_at[slot] += day.values[slot];
      ++count_at[slot];
      present_sum += day.values[slot];
      ++present_count;
    }
  }

  PeriodIntervals result;
  result.slots = slot_count;
  std::optional<std::int64_t> overall;
  if (present_count > 0) {
    overall = rounded_mean(present_sum, present_count);
  } else if (fallback_per_day_milli) {
    overall = rounded_mean(*fallback_per_day_milli, slots_per_day);
  }
  for (std::int64_t index = 0; index < slot_count; ++index) {
    if (present[static_cast<std::size_t>(index)]) continue;
    if (!overall) {
      return invalid_input("usage",
                           "no interval values in the period and no earlier bills to "
                           "estimate from");
    }
    const auto slot_of_day =
        static_cast<std::size_t>(((start + index * interval) % kDaySeconds) / interval);
    values[static_cast<std::size_t>(index)] =
        count_at[slot_of_day] > 0 ? rounded_mean(sum_at[slot_of_day], count_at[slot_of_day])
                                  : *overall;
    ++result.estimated_slots;
  }

  result.series.start = Instant(std::chrono::seconds(start));
  result.series.interval = std::chrono::minutes(interval_minutes);
  result.series.values.reserve(values.size());
  for (std::int64_t value : values) {
    result.usage_milli += value;
    result.series.values.push_back(Decimal::from_raw(value * kRawPerMilli));
  }
  return result;
}

std::int64_t dial_span_milli(int dial_digits) {
  std::int64_t span = 1000;
  for (int digit = 0; digit < dial_digits; ++digit) span *= 10;
  return span;
}

std::int64_t dial_usage(std::int64_t start_milli, std::int64_t end_milli, int dial_digits) {
  if (end_milli >= start_milli) return end_milli - start_milli;
  return end_milli + dial_span_milli(dial_digits) - start_milli;
}

std::optional<std::int64_t> usage_per_day(const std::vector<PastUsage>& past,
                                          std::size_t max_sections) {
  std::int64_t usage = 0;
  std::int64_t days = 0;
  std::size_t used = 0;
  for (const PastUsage& section : past) {
    if (used == max_sections) break;
    if (section.estimated || section.days <= 0) continue;
    usage += section.usage_milli;
    days += section.days;
    ++used;
  }
  if (days == 0) return std::nullopt;
  return rounded_mean(usage, days);
}

}  // namespace rp::billing
