#include "mdm/read_periods.h"

#include <gtest/gtest.h>

namespace rp::mdm {
namespace {

LocalDate day(const char* text) {
  return *parse_local_date(text, "day");
}

class ReadPeriodsTest : public ::testing::Test {
 protected:
  StoredRegisterRead read(const char* local_day, std::int64_t units, bool estimated = false) {
    return {zone_.start_of_day(day(local_day)) + std::chrono::hours(10), units * 1000, estimated};
  }
  UtilityZone zone_ = *UtilityZone::find("America/Chicago");
};

TEST_F(ReadPeriodsTest, EachPairOfReadsIsAPeriodWithTheDialsDifference) {
  const auto periods = read_periods(
      {read("2026-01-05", 10'000), read("2026-02-04", 10'640), read("2026-03-06", 11'210)}, zone_,
      5);
  ASSERT_EQ(periods.size(), 2u);
  EXPECT_EQ(periods[0].start, day("2026-01-05"));
  EXPECT_EQ(periods[0].end, day("2026-02-04"));
  EXPECT_EQ(periods[0].milli_units, 640'000);
  EXPECT_EQ(periods[1].milli_units, 570'000);
  EXPECT_FALSE(periods[1].estimated);
}

TEST_F(ReadPeriodsTest, ADialThatRolledOverCountsAcrossTheWrap) {
  const auto periods = read_periods({read("2026-01-05", 99'980), read("2026-02-04", 15)}, zone_, 5);
  ASSERT_EQ(periods.size(), 1u);
  EXPECT_EQ(periods[0].milli_units, 35'000);
}

TEST_F(ReadPeriodsTest, AnEstimatedReadMarksBothPeriodsItBounds) {
  const auto periods = read_periods(
      {read("2026-01-05", 100), read("2026-02-04", 700, true), read("2026-03-06", 1'300)}, zone_,
      7);
  ASSERT_EQ(periods.size(), 2u);
  EXPECT_TRUE(periods[0].estimated);
  EXPECT_TRUE(periods[1].estimated);
}

TEST_F(ReadPeriodsTest, ASecondReadTheSameDayEndsThePeriodInstead) {
  StoredRegisterRead later = read("2026-02-04", 660);
  later.taken_at += std::chrono::hours(3);
  const auto periods =
      read_periods({read("2026-01-05", 0), read("2026-02-04", 640), later}, zone_, 5);
  ASSERT_EQ(periods.size(), 1u);
  EXPECT_EQ(periods[0].milli_units, 660'000);
}

TEST_F(ReadPeriodsTest, MonthsShareAPeriodByDayAndAddUpExactly) {
  // January 20 to February 19: 12 days in January, 19 in February; 100 units over 31 days.
  const std::vector<ReadPeriod> periods{{day("2026-01-20"), day("2026-02-20"), 100'000, false},
                                        {day("2026-02-20"), day("2026-03-22"), 90'000, true}};
  const auto months = spread_by_month(periods, day("2026-01-01"), day("2026-04-01"));
  ASSERT_EQ(months.size(), 3u);
  EXPECT_EQ(months[0].month, date::year(2026) / date::January);
  EXPECT_EQ(months[0].milli_units, 100'000 * 12 / 31);
  EXPECT_EQ(months[0].days_covered, 12);
  EXPECT_EQ(months[0].days_in_month, 31);
  EXPECT_FALSE(months[0].estimated);
  EXPECT_EQ(months[1].days_covered, 28);
  EXPECT_TRUE(months[1].estimated);  // draws on the estimated period too
  EXPECT_EQ(months[2].days_covered, 21);
  EXPECT_EQ(months[0].milli_units + months[1].milli_units + months[2].milli_units, 190'000);
}

TEST_F(ReadPeriodsTest, OnlyTheMonthsAskedForAreReturned) {
  const std::vector<ReadPeriod> periods{{day("2026-01-20"), day("2026-02-20"), 100'000, false}};
  const auto months = spread_by_month(periods, day("2026-02-01"), day("2026-03-01"));
  ASSERT_EQ(months.size(), 1u);
  EXPECT_EQ(months[0].month, date::year(2026) / date::February);
  EXPECT_EQ(months[0].milli_units, 100'000 - 100'000 * 12 / 31);
}

}  // namespace
}  // namespace rp::mdm
