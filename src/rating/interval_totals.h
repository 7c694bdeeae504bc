#pragma once
// The hot loop of rating: one pass over a bill part's intervals that totals usage per energy
// period and per day and finds the peak per demand period. Everything else in a bill is computed
// from these few numbers, so the cost of rating a month is this pass plus a constant.
//
// How it stays fast (~1 ns per interval): the TOU periods of a day come from tou_calendar.h as a
// handful of hour runs per (month, day type), built once per call, so the loop never looks at a
// time zone or a schedule per interval. It sums raw Decimal values (int64 billionths) with the
// overflow check hoisted: every value must lie in [0, kMaxIntervalValue], which bounds any day's
// sum (at most 300 intervals) well inside int64, and the check runs once per day on the day's
// maximum and the OR of its values' sign bits. Month totals are kept in 128 bits.

#include <cstdint>
#include <span>
#include <vector>

#include "core/decimal.h"
#include "core/result.h"
#include "rating/tariff.h"
#include "rating/tou_calendar.h"
#include "rating/usage.h"

namespace rp::rating {

// The largest single interval value accepted: 9,000,000 units (36 GW for 15-minute kWh).
inline constexpr std::int64_t kMaxIntervalValueRaw = 9'000'000 * Decimal::kScale;

// One bill part's usage, in the series' units (before any therm conversion or sewer cap).
struct IntervalTotals {
  std::vector<Decimal> energy;       // per energy period (one entry when the tariff has none)
  std::vector<Decimal> demand_peak;  // kW per TOU demand period (one entry when it has none)
  Decimal peak;                      // kW, the part's highest interval demand
  std::vector<Decimal> daily;        // per day of `days`, in order
};

// Totals the intervals of `days` (from layout_days over the same series) under `version`'s
// schedules; the version's holidays use the weekend rows. Demand is interval value x 60 /
// interval minutes (kWh per interval -> kW). Requires an interval of 5, 15, 30 or 60 minutes (so
// no day holds more than 300 intervals) and a version that passed check_version (schedules name
// existing periods).
// Errors: invalid_input ("usage") naming the interval when a value is negative or above
// kMaxIntervalValueRaw; overflow when a month's total does not fit in a Decimal.
Result<IntervalTotals> total_intervals(const IntervalSeries& usage,
                                       std::span<const DayIntervals> days,
                                       const TariffVersion& version);

}  // namespace rp::rating
