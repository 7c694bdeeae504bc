#pragma once
// Bill cycles: when each cycle's meters are read and billed, and the period a bill covers. Pure:
// calendar arithmetic on local dates in the utility's zone; no database.
//
// A utility reads its meters in `cycle_count` cycles (20 by default), one cycle a business day:
// cycle n is read on the n-th business day of each month (Monday to Friday, not a holiday), so a
// meter reader's route is the same every month and a customer's bill arrives on about the same
// day. A month with fewer business days than cycles reads the remaining cycles on its last
// business day. The bill date is the next business day after the read date.
//
// A bill for cycle n in month m covers [read date in the month before, read date in m): the read
// day itself starts the next period, so consecutive periods meet without a gap or an overlap.
// A service agreement that starts or ends inside a period is billed for the days it covers (the
// proration of fixed charges is the rate engine's, by days: see rating/bill_lines.h).

#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "rating/bill_lines.h"

namespace rp::billing {

inline constexpr int kMaxCycles = 20;

struct CycleCalendar {
  int cycle_count = kMaxCycles;     // 1..20
  std::vector<LocalDate> holidays;  // days with no reading or billing, any order
};

// Errors: invalid_input ("cycle_count") outside 1..20, ("holidays") for a date that is not valid.
Result<void> check_calendar(const CycleCalendar& calendar);

// Whether `date` is a business day of `calendar` (a weekday that is not a holiday).
bool is_business_day(const CycleCalendar& calendar, LocalDate date);

// The first business day after `date`.
LocalDate next_business_day(const CycleCalendar& calendar, LocalDate date);

struct CycleDates {
  LocalDate read_date;
  LocalDate bill_date;
};

// Cycle `cycle`'s dates in the month of `month` (its day is ignored). Requires 1 <= cycle <=
// calendar.cycle_count and a month with at least one business day.
CycleDates cycle_dates(const CycleCalendar& calendar, int cycle, date::year_month month);

// The period of cycle `cycle`'s bill read in `month`: from the read date of the month before to
// the read date of `month`.
rating::BillingPeriod cycle_period(const CycleCalendar& calendar, int cycle,
                                   date::year_month month);

// The part of `period` an agreement covers: from max(period.start, start_date) to
// min(period.end, end_date + 1 day). nullopt when they do not meet. end_date is the agreement's
// last day of service (inclusive), as stored; unset while service continues.
std::optional<rating::BillingPeriod> agreement_period(const rating::BillingPeriod& period,
                                                      LocalDate start_date,
                                                      std::optional<LocalDate> end_date);

// Days in [period.start, period.end).
std::int32_t days_in(const rating::BillingPeriod& period);

}  // namespace rp::billing
