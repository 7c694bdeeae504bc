#pragma once
// Proration: how charges and limits stated "per month" are applied to a bill part that is not a
// whole number of months (move-in, move-out, a rate change in the middle of a period).
//
// The rule. Months are counted from the billing period's first day ("anniversary months"): a
// period starting 2026-01-15 has months [01-15, 02-15), [02-15, 03-15), ... (a start on the 29th,
// 30th or 31st falls back to the last day of shorter months: 01-31, 02-28, 03-31, 04-30). Each
// day of a bill part belongs to one anniversary month of some length (28..31 days), so a part is a
// list of MonthSegments. A segment that is the whole anniversary month counts as one month; a
// partial segment counts as days / month_days of one. So:
//   * a period 2026-01-01 -> 2026-02-01, or 2026-01-15 -> 2026-02-15, is exactly one month;
//   * a move-in 2026-01-10 -> 2026-02-01 is 22 days of a 31-day month (22/31);
//   * a move-out 2026-02-01 -> 2026-02-15 is 14 days of a 28-day month (14/28);
//   * a 29-day meter-read cycle 2026-01-15 -> 2026-02-13 is 29/31 of a month;
//   * 2026-01-01 -> 2026-02-01 split by a rate change on 01-16 is 15/31 + 16/31.
//
// How each kind of per-month value uses the fraction (charges.h, calculator.cc):
//   * per-month fixed charges and the minimum charge: whole months at the monthly amount; each
//     partial segment as `days` x a daily rate = amount / month_days rounded half away from zero
//     to 9 digits (shown on the line, so every line is exactly quantity x rate, rounded once);
//   * monthly tier limits and the sewer winter-average cap: whole months at the full limit; each
//     partial segment adds limit x days / month_days, computed exactly, rounded once to 9 digits.

#include <cstdint>
#include <vector>

#include "core/decimal.h"
#include "core/result.h"
#include "core/time.h"

namespace rp::rating {

// The days of a bill part that fall in one anniversary month of its billing period.
struct MonthSegment {
  int days = 0;        // days of the part in this anniversary month
  int month_days = 0;  // length of the anniversary month (28..31)
  bool whole() const { return days == month_days; }
};

// Days from `from` to `to` (negative when to < from).
int days_between(LocalDate from, LocalDate to);
// `date` plus `days` days.
LocalDate add_days(LocalDate date, int days);
// `start` plus `months` months, on the same day of the month or the last day of a shorter month.
LocalDate add_months(LocalDate start, int months);

// The segments of the part [from, to) of a billing period that starts on `period_start`.
// Requires period_start <= from < to.
std::vector<MonthSegment> month_segments(LocalDate period_start, LocalDate from, LocalDate to);

// value x numerator / denominator computed exactly (128 bits) and rounded once, half away from
// zero, to 9 digits. Requires denominator != 0; overflow when the result does not fit.
Result<Decimal> scale(Decimal value, std::int64_t numerator, std::int64_t denominator);

// a x b rounded once, half away from zero, to 9 digits: Decimal::checked_multiply without the
// error text it builds on every call (rating multiplies on every bill). Overflow when too large.
Result<Decimal> multiply(Decimal a, Decimal b);

// A per-month limit (tier bound, sewer cap) over the segments, by the rule above.
Result<Decimal> prorate_limit(Decimal per_month, const std::vector<MonthSegment>& segments);

// One way of billing a per-month amount over some days: `quantity` months at `rate` (whole
// months) or `quantity` days at `rate` = amount / month_days (a partial segment).
struct ProratedCharge {
  Decimal quantity;
  bool in_days = false;  // false: quantity is months
  Decimal rate;
  int days = 0;        // when in_days: the days charged ...
  int month_days = 0;  // ... of a month this long
};

// Bills the per-month `amount` over the segments: one item for all whole months (when any), then
// one per partial segment, in order. Overflow when a rate or quantity does not fit.
Result<std::vector<ProratedCharge>> prorate_monthly_charge(
    Decimal amount, const std::vector<MonthSegment>& segments);

}  // namespace rp::rating
