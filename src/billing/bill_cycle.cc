#include "billing/bill_cycle.h"

#include <algorithm>

namespace rp::billing {

Result<void> check_calendar(const CycleCalendar& calendar) {
  if (calendar.cycle_count < 1 || calendar.cycle_count > kMaxCycles) {
    return invalid_input("cycle_count", "a utility has 1 to 20 bill cycles");
  }
  for (const LocalDate& holiday : calendar.holidays) {
    if (!holiday.ok()) return invalid_input("holidays", "a holiday is not a calendar date");
  }
  return success();
}

bool is_business_day(const CycleCalendar& calendar, LocalDate date) {
  date::weekday weekday{date::sys_days(date)};
  if (weekday == date::Saturday || weekday == date::Sunday) return false;
  return std::find(calendar.holidays.begin(), calendar.holidays.end(), date) ==
         calendar.holidays.end();
}

LocalDate next_business_day(const CycleCalendar& calendar, LocalDate date) {
  date::sys_days day = date::sys_days(date) + date::days(1);
  while (!is_business_day(calendar, LocalDate(day))) day += date::days(1);
  return LocalDate(day);
}

CycleDates cycle_dates(const CycleCalendar& calendar, int cycle, date::year_month month) {
  LocalDate first = month / date::day(1);
  LocalDate last = month / date::last;
  std::optional<LocalDate> read;
  int seen = 0;
  for (date::sys_days day = date::sys_days(first); day <= date::sys_days(last);
       day += date::days(1)) {
    if (!is_business_day(calendar, LocalDate(day))) continue;
    read = LocalDate(day);  // the last business day so far: cycles past the month's count land here
    if (++seen == cycle) break;
  }
  LocalDate read_date = read.value_or(last);
  return {read_date, next_business_day(calendar, read_date)};
}

rating::BillingPeriod cycle_period(const CycleCalendar& calendar, int cycle,
                                   date::year_month month) {
  return {cycle_dates(calendar, cycle, month - date::months(1)).read_date,
          cycle_dates(calendar, cycle, month).read_date};
}

std::optional<rating::BillingPeriod> agreement_period(const rating::BillingPeriod& period,
                                                      LocalDate start_date,
                                                      std::optional<LocalDate> end_date) {
  date::sys_days start = std::max(date::sys_days(period.start), date::sys_days(start_date));
  date::sys_days end = date::sys_days(period.end);
  if (end_date) end = std::min(end, date::sys_days(*end_date) + date::days(1));
  if (end <= start) return std::nullopt;
  return rating::BillingPeriod{LocalDate(start), LocalDate(end)};
}

std::int32_t days_in(const rating::BillingPeriod& period) {
  return static_cast<std::int32_t>(
      (date::sys_days(period.end) - date::sys_days(period.start)).count());
}

}  // namespace rp::billing
