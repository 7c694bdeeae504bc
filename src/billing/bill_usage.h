#pragma once
// The usage a bill is rated on, from what meter data management stored: interval days cut to the
// bill period in the utility's zone, register reads differenced across the dial, and estimates
// when reads are missing. Pure: values in, values out; no database.
//
// Estimation rules (docs/billing.md, "Estimated bills"):
//  * Interval meters: a slot with no stored value (no day row, or quality missing) is filled with
//    the mean of the period's present slots at the same time of UTC day (so the day's shape is
//    kept); with none at that time, the mean of every present slot; with no present slot at all,
//    the agreement's recent usage per day spread evenly. The section is then estimated.
//  * Register meters: with no read near the read date, the end read is estimated as the start
//    read plus the agreement's recent usage per day x days. The estimated end read becomes the next
//    bill's start read, so the first actual read trues the estimate up by itself.
// Means are integer milli-units rounded half away from zero.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "mdm/interval_day.h"
#include "rating/bill_lines.h"
#include "rating/usage.h"

namespace rp::billing {

struct PeriodIntervals {
  rating::IntervalSeries series;  // exactly the period's slots, in units
  std::int64_t usage_milli = 0;   // the sum, estimates included
  std::int64_t slots = 0;
  std::int64_t estimated_slots = 0;  // slots filled here (missing in the store)
};

// Cuts `days` (one channel, any order, any extra days) to the slots of `period` in `zone`.
// `fallback_per_day_milli` is used only when no slot of the period holds a value.
// Errors: invalid_input ("usage") when a day's interval differs from `interval_minutes`, or when
// no slot holds a value and there is no fallback.
Result<PeriodIntervals> period_intervals(const std::vector<mdm::IntervalDay>& days,
                                         std::int32_t interval_minutes,
                                         const rating::BillingPeriod& period,
                                         const UtilityZone& zone,
                                         std::optional<std::int64_t> fallback_per_day_milli);

// Where a dial of `dial_digits` whole-unit digits rolls over: 10^dial_digits units, in
// milli-units. Requires 1 <= dial_digits <= 12.
std::int64_t dial_span_milli(int dial_digits);

// Usage between two dial reads (milli-units). An end read below the start read is a dial that
// rolled over (dial_span_milli). Requires 1 <= dial_digits <= 12.
std::int64_t dial_usage(std::int64_t start_milli, std::int64_t end_milli, int dial_digits);

// One earlier section of the same agreement, for estimates and comparisons.
struct PastUsage {
  std::int64_t usage_milli = 0;
  std::int32_t days = 0;
  bool estimated = false;
};

// Recent usage per day (milli-units, rounded half away from zero) from the newest `max_sections`
// actual sections of `past` (newest first); estimated sections are skipped. nullopt with none.
std::optional<std::int64_t> usage_per_day(const std::vector<PastUsage>& past,
                                          std::size_t max_sections = 3);

}  // namespace rp::billing
