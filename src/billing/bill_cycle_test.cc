#include "billing/bill_cycle.h"

#include <gtest/gtest.h>

namespace rp::billing {
namespace {

using namespace date::literals;

LocalDate on(date::year y, unsigned month, unsigned day) {
  return y / date::month(month) / date::day(day);
}

TEST(BillCycle, CycleNReadsOnTheNthBusinessDayAndBillsTheNext) {
  CycleCalendar calendar;
  // November 2026 starts on a Sunday; Thanksgiving (the 26th) is a holiday.
  calendar.holidays = {on(2026_y, 11, 26)};
  EXPECT_EQ(cycle_dates(calendar, 1, 2026_y / 11).read_date, on(2026_y, 11, 2));
  EXPECT_EQ(cycle_dates(calendar, 1, 2026_y / 11).bill_date, on(2026_y, 11, 3));
  EXPECT_EQ(cycle_dates(calendar, 5, 2026_y / 11).read_date, on(2026_y, 11, 6));
  EXPECT_EQ(cycle_dates(calendar, 5, 2026_y / 11).bill_date,
            on(2026_y, 11, 9));  // Friday -> Monday
  EXPECT_EQ(cycle_dates(calendar, 18, 2026_y / 11).read_date, on(2026_y, 11, 25));
  EXPECT_EQ(cycle_dates(calendar, 18, 2026_y / 11).bill_date,
            on(2026_y, 11, 27));  // skips the 26th
  EXPECT_EQ(cycle_dates(calendar, 19, 2026_y / 11).read_date, on(2026_y, 11, 27));
}

TEST(BillCycle, AShortMonthReadsItsLastCyclesOnItsLastBusinessDay) {
  CycleCalendar calendar;
  calendar.holidays = {on(2026_y, 2, 16)};  // Presidents' Day: February 2026 has 19 business days
  EXPECT_EQ(cycle_dates(calendar, 19, 2026_y / 2).read_date, on(2026_y, 2, 27));
  EXPECT_EQ(cycle_dates(calendar, 20, 2026_y / 2).read_date, on(2026_y, 2, 27));
  EXPECT_EQ(cycle_dates(calendar, 20, 2026_y / 2).bill_date, on(2026_y, 3, 2));
}

TEST(BillCycle, ConsecutivePeriodsMeetWithoutGapOrOverlap) {
  CycleCalendar calendar;
  for (int cycle = 1; cycle <= kMaxCycles; ++cycle) {
    auto month = 2026_y / 1;
    for (int i = 0; i < 24; ++i, month += date::months(1)) {
      auto period = cycle_period(calendar, cycle, month);
      auto next = cycle_period(calendar, cycle, month + date::months(1));
      EXPECT_EQ(period.end, next.start);
      EXPECT_GE(days_in(period), 26) << cycle;
      EXPECT_LE(days_in(period), 35) << cycle;
    }
  }
  EXPECT_EQ(cycle_period(calendar, 1, 2026_y / 12).start, on(2026_y, 11, 2));
  EXPECT_EQ(cycle_period(calendar, 1, 2026_y / 12).end, on(2026_y, 12, 1));
}

TEST(BillCycle, AgreementsAreBilledForTheDaysTheyCover) {
  rating::BillingPeriod period{on(2026_y, 11, 2), on(2026_y, 12, 1)};
  EXPECT_EQ(days_in(period), 29);
  auto whole = agreement_period(period, on(2024_y, 5, 1), std::nullopt);
  ASSERT_TRUE(whole);
  EXPECT_EQ(days_in(*whole), 29);
  // Moved out on the 15th (last day of service): billed the 2nd to the 15th, 14 days.
  auto moved_out = agreement_period(period, on(2024_y, 5, 1), on(2026_y, 11, 15));
  ASSERT_TRUE(moved_out);
  EXPECT_EQ(moved_out->end, on(2026_y, 11, 16));
  EXPECT_EQ(days_in(*moved_out), 14);
  // Moved in on the 20th: the 20th to the 30th, 11 days.
  auto moved_in = agreement_period(period, on(2026_y, 11, 20), std::nullopt);
  EXPECT_EQ(days_in(*moved_in), 11);
  EXPECT_FALSE(agreement_period(period, on(2026_y, 12, 1), std::nullopt));
  EXPECT_FALSE(agreement_period(period, on(2024_y, 1, 1), on(2026_y, 11, 1)));
}

TEST(BillCycle, CalendarsAreChecked) {
  EXPECT_TRUE(check_calendar({}).ok());
  EXPECT_EQ(check_calendar({21, {}}).error().field, "cycle_count");
  EXPECT_EQ(check_calendar({0, {}}).error().field, "cycle_count");
  EXPECT_EQ(check_calendar({20, {on(2026_y, 2, 30)}}).error().field, "holidays");
}

}  // namespace
}  // namespace rp::billing
