#include "rating/proration.h"

#include <gtest/gtest.h>

#include "rating/testing/tariff_fixtures.h"

namespace rp::rating {
namespace {

using testing::day;
using testing::dec;

std::vector<std::pair<int, int>> segments(LocalDate period_start, LocalDate from, LocalDate to) {
  std::vector<std::pair<int, int>> pairs;
  for (const MonthSegment& s : month_segments(period_start, from, to)) {
    pairs.emplace_back(s.days, s.month_days);
  }
  return pairs;
}

using Pairs = std::vector<std::pair<int, int>>;

TEST(MonthSegments, ACalendarMonthIsOneWholeMonth) {
  EXPECT_EQ(segments(day(2026, 1, 1), day(2026, 1, 1), day(2026, 2, 1)), (Pairs{{31, 31}}));
  EXPECT_EQ(segments(day(2026, 2, 1), day(2026, 2, 1), day(2026, 3, 1)), (Pairs{{28, 28}}));
}

TEST(MonthSegments, AReadCycleFromMidMonthToTheSameDayIsOneWholeMonth) {
  // [01-15, 02-15) is 31 days: January's length, counted from the 15th.
  EXPECT_EQ(segments(day(2026, 1, 15), day(2026, 1, 15), day(2026, 2, 15)), (Pairs{{31, 31}}));
  // [02-15, 03-15) is 28 days.
  EXPECT_EQ(segments(day(2026, 2, 15), day(2026, 2, 15), day(2026, 3, 15)), (Pairs{{28, 28}}));
}

TEST(MonthSegments, MoveInAndMoveOutAreDaysOfTheirMonth) {
  EXPECT_EQ(segments(day(2026, 1, 10), day(2026, 1, 10), day(2026, 2, 1)), (Pairs{{22, 31}}));
  EXPECT_EQ(segments(day(2026, 2, 1), day(2026, 2, 1), day(2026, 2, 15)), (Pairs{{14, 28}}));
  // A 29-day read cycle is 29/31 of the month it starts.
  EXPECT_EQ(segments(day(2026, 1, 15), day(2026, 1, 15), day(2026, 2, 13)), (Pairs{{29, 31}}));
}

TEST(MonthSegments, ALongPeriodIsWholeMonthsThenTheRemainingDays) {
  // 01-15 -> 02-16: one month [01-15, 02-15), then 1 day of [02-15, 03-15), 28 days long.
  EXPECT_EQ(segments(day(2026, 1, 15), day(2026, 1, 15), day(2026, 2, 16)),
            (Pairs{{31, 31}, {1, 28}}));
}

TEST(MonthSegments, AStartOnThe31stFallsBackToTheLastDayOfShorterMonths) {
  // Anniversaries 01-31, 02-28, 03-31: [01-31, 02-28) is 28 days, [02-28, 03-31) is 31.
  EXPECT_EQ(segments(day(2026, 1, 31), day(2026, 1, 31), day(2026, 3, 31)),
            (Pairs{{28, 28}, {31, 31}}));
  EXPECT_EQ(add_months(day(2024, 1, 31), 1), day(2024, 2, 29));
}

TEST(MonthSegments, PartsOfASplitPeriodShareItsMonths) {
  // 2026-01-01 -> 02-01 split on 01-16: 15/31 and 16/31.
  EXPECT_EQ(segments(day(2026, 1, 1), day(2026, 1, 1), day(2026, 1, 16)), (Pairs{{15, 31}}));
  EXPECT_EQ(segments(day(2026, 1, 1), day(2026, 1, 16), day(2026, 2, 1)), (Pairs{{16, 31}}));
  // A part starting in a later month of a long period finds its anniversary month.
  EXPECT_EQ(segments(day(2026, 1, 15), day(2026, 3, 20), day(2026, 4, 15)), (Pairs{{26, 31}}));
}

TEST(Scale, RoundsOnceHalfAwayFromZero) {
  EXPECT_EQ(scale(dec("1"), 1, 2).value(), dec("0.5"));
  EXPECT_EQ(scale(Decimal::from_raw(1), 1, 2)->raw(), 1);          // 0.5 billionth -> 1
  EXPECT_EQ(scale(Decimal::from_raw(-1), 1, 2)->raw(), -1);        // -0.5 billionth -> -1
  EXPECT_EQ(scale(Decimal::from_raw(1), 1, 3)->raw(), 0);          // 0.33 billionth -> 0
  EXPECT_EQ(scale(dec("12"), 1, 31).value(), dec("0.387096774"));  // 0.38709677419...
  EXPECT_EQ(scale(dec("9000000000"), 2, 1).error().kind, ErrorKind::overflow);
}

TEST(ProrateLimit, WholeMonthsAreExactPartialSegmentsScaleByDays) {
  // 500 x 22 / 31 = 354.838709677419... -> 354.838709677
  EXPECT_EQ(prorate_limit(dec("500"), {{22, 31}}).value(), dec("354.838709677"));
  EXPECT_EQ(prorate_limit(dec("500"), {{31, 31}}).value(), dec("500"));
  // 500 + 500 x 1 / 28 = 500 + 17.857142857142... = 517.857142857
  EXPECT_EQ(prorate_limit(dec("500"), {{31, 31}, {1, 28}}).value(), dec("517.857142857"));
}

TEST(ProrateMonthlyCharge, WholeMonthsAtTheMonthlyAmountPartialDaysAtADailyRate) {
  const auto items = prorate_monthly_charge(dec("12.00"), {{31, 31}, {1, 28}}).value();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_FALSE(items[0].in_days);
  EXPECT_EQ(items[0].quantity, dec("1"));
  EXPECT_EQ(items[0].rate, dec("12"));
  EXPECT_TRUE(items[1].in_days);
  EXPECT_EQ(items[1].quantity, dec("1"));
  EXPECT_EQ(items[1].rate, dec("0.428571429"));  // 12 / 28 = 0.428571428571...
  EXPECT_EQ(items[1].month_days, 28);
}

}  // namespace
}  // namespace rp::rating
