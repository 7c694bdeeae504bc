#include "rating/tou_calendar.h"

#include <gtest/gtest.h>

#include "rating/testing/tariff_fixtures.h"

namespace rp::rating {
namespace {

using std::chrono::minutes;
using testing::day;
using testing::zone;

// Lays out the local days [from, to) of a series that starts at local midnight of `from`.
std::vector<DayIntervals> layout(const UtilityZone& tz, LocalDate from, LocalDate to,
                                 minutes interval) {
  const auto count = (tz.start_of_day(to) - tz.start_of_day(from)) / interval;
  auto days = layout_days(tz.start_of_day(from), interval, count, tz, from, to);
  EXPECT_TRUE(days.ok()) << days.error().message;
  return days.ok() ? *days : std::vector<DayIntervals>{};
}

int intervals_in_hour(const DayIntervals& d, int hour) {
  return d.hour_start[static_cast<std::size_t>(hour + 1)] -
         d.hour_start[static_cast<std::size_t>(hour)];
}

TEST(LayoutDays, AnOrdinaryDayHasTwentyFourEqualHours) {
  const UtilityZone la = zone("America/Los_Angeles");
  const auto days = layout(la, day(2026, 1, 5), day(2026, 1, 7), minutes(15));
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].first, 0);
  EXPECT_EQ(days[1].first, 96);
  for (int h = 0; h < 24; ++h) EXPECT_EQ(intervals_in_hour(days[1], h), 4) << h;
}

TEST(LayoutDays, SpringForwardDayHas23HoursAndNoHourTwo) {
  const UtilityZone la = zone("America/Los_Angeles");
  // 2026-03-08: 02:00 PST jumps to 03:00 PDT.
  const auto hourly = layout(la, day(2026, 3, 7), day(2026, 3, 10), minutes(60));
  ASSERT_EQ(hourly.size(), 3u);
  EXPECT_EQ(hourly[1].count(), 23);
  EXPECT_EQ(intervals_in_hour(hourly[1], 1), 1);
  EXPECT_EQ(intervals_in_hour(hourly[1], 2), 0);
  EXPECT_EQ(intervals_in_hour(hourly[1], 3), 1);
  EXPECT_EQ(hourly[2].first, 24 + 23);  // the next day starts right after the short one
  EXPECT_EQ(hourly[2].count(), 24);

  const auto quarter = layout(la, day(2026, 3, 8), day(2026, 3, 9), minutes(15));
  ASSERT_EQ(quarter.size(), 1u);
  EXPECT_EQ(quarter[0].count(), 92);
  EXPECT_EQ(quarter[0].hour_start[2], 8);
  EXPECT_EQ(quarter[0].hour_start[3], 8);
  EXPECT_EQ(intervals_in_hour(quarter[0], 3), 4);
}

TEST(LayoutDays, FallBackDayHas25HoursAndTheRepeatedHourIsHourOne) {
  const UtilityZone la = zone("America/Los_Angeles");
  // 2026-11-01: 02:00 PDT falls back to 01:00 PST; 01:00-02:00 happens twice.
  const auto hourly = layout(la, day(2026, 10, 31), day(2026, 11, 3), minutes(60));
  ASSERT_EQ(hourly.size(), 3u);
  EXPECT_EQ(hourly[1].count(), 25);
  EXPECT_EQ(intervals_in_hour(hourly[1], 0), 1);
  EXPECT_EQ(intervals_in_hour(hourly[1], 1), 2);
  EXPECT_EQ(intervals_in_hour(hourly[1], 2), 1);
  EXPECT_EQ(hourly[2].first, 24 + 25);

  const auto quarter = layout(la, day(2026, 11, 1), day(2026, 11, 2), minutes(15));
  ASSERT_EQ(quarter.size(), 1u);
  EXPECT_EQ(quarter[0].count(), 100);
  EXPECT_EQ(intervals_in_hour(quarter[0], 1), 8);
  EXPECT_EQ(intervals_in_hour(quarter[0], 23), 4);
}

TEST(LayoutDays, AWholeMonthAcrossADaylightSavingChangeHasEveryInterval) {
  const UtilityZone la = zone("America/Los_Angeles");
  const auto march = layout(la, day(2026, 3, 1), day(2026, 4, 1), minutes(15));
  ASSERT_EQ(march.size(), 31u);
  EXPECT_EQ(march.back().first + march.back().count(), 31 * 96 - 4);  // 2,972 intervals
  const auto november = layout(la, day(2026, 11, 1), day(2026, 12, 1), minutes(5));
  EXPECT_EQ(november.back().first + november.back().count(), 30 * 288 + 12);
}

TEST(LayoutDays, IntervalsNotAlignedToLocalHoursGoByTheirStart) {
  // Asia/Kolkata is UTC+05:30; hourly data on UTC hours starts at local xx:30.
  const UtilityZone kolkata = zone("Asia/Kolkata");
  const Instant start = date::sys_days(day(2026, 1, 4)) + std::chrono::hours(18);  // 23:30 local
  const auto days = layout_days(start, minutes(60), 48, kolkata, day(2026, 1, 5), day(2026, 1, 6));
  ASSERT_TRUE(days.ok()) << days.error().message;
  EXPECT_EQ((*days)[0].first, 1);  // 00:30 local
  EXPECT_EQ((*days)[0].count(), 24);
  for (int h = 0; h < 24; ++h) EXPECT_EQ(intervals_in_hour((*days)[0], h), 1) << h;
}

TEST(LayoutDays, RejectsASeriesThatDoesNotCoverTheDays) {
  const UtilityZone la = zone("America/Los_Angeles");
  const Instant late = la.start_of_day(day(2026, 1, 5)) + std::chrono::hours(1);
  const auto starts_late = layout_days(late, minutes(60), 48, la, day(2026, 1, 5), day(2026, 1, 6));
  ASSERT_FALSE(starts_late.ok());
  EXPECT_EQ(starts_late.error().field, "usage");
  EXPECT_NE(starts_late.error().message.find("2026-01-05T01:00:00-08:00"), std::string::npos)
      << starts_late.error().message;

  const auto ends_early = layout_days(la.start_of_day(day(2026, 1, 5)), minutes(60), 30, la,
                                      day(2026, 1, 5), day(2026, 1, 7));
  ASSERT_FALSE(ends_early.ok());
  EXPECT_EQ(ends_early.error().field, "usage");
}

TEST(DayType, SaturdayAndSundayAreWeekendDays) {
  EXPECT_EQ(day_type(day(2026, 3, 7)), DayType::weekend);   // Saturday
  EXPECT_EQ(day_type(day(2026, 3, 8)), DayType::weekend);   // Sunday
  EXPECT_EQ(day_type(day(2026, 3, 9)), DayType::weekday);   // Monday
  EXPECT_EQ(day_type(day(2026, 6, 19)), DayType::weekday);  // Friday
}

TEST(MergeHours, MergesHoursThatShareBothPeriods) {
  std::array<std::uint8_t, 24> energy{};
  std::array<std::uint8_t, 24> demand{};
  for (int h = 16; h < 21; ++h) energy[static_cast<std::size_t>(h)] = 1;
  for (int h = 12; h < 21; ++h) demand[static_cast<std::size_t>(h)] = 1;
  const DayRuns runs = merge_hours(energy, demand);
  ASSERT_EQ(runs.count, 4);
  EXPECT_EQ(runs.runs[0].end_hour, 12);
  EXPECT_EQ(runs.runs[1].begin_hour, 12);  // energy 0, demand 1
  EXPECT_EQ(runs.runs[1].end_hour, 16);
  EXPECT_EQ(runs.runs[2].energy_period, 1);  // 16-21: both on-peak
  EXPECT_EQ(runs.runs[2].end_hour, 21);
  EXPECT_EQ(runs.runs[3].end_hour, 24);
}

}  // namespace
}  // namespace rp::rating
