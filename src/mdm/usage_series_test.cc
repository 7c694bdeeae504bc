#include "mdm/usage_series.h"

#include <gtest/gtest.h>

namespace rp::mdm {
namespace {

const UtilityZone kLosAngeles = *UtilityZone::find("America/Los_Angeles");

std::int32_t utc_day_of(const std::string& instant) {
  return static_cast<std::int32_t>(parse_instant(instant, "t")->time_since_epoch().count() / 86400);
}

// Every 15-minute slot of the UTC days covering [from, to) local, each worth 1 Wh (1 milli-kWh x
// 1000).
std::vector<IntervalDay> constant_days(LocalDate from, LocalDate to, std::int64_t value) {
  auto [first, last] = utc_days_covering(kLosAngeles, from, to);
  std::vector<IntervalDay> days;
  for (std::int32_t d = first; d <= last; ++d) {
    IntervalDay day = IntervalDay::empty(7, d, 15);
    std::fill(day.values.begin(), day.values.end(), value);
    std::fill(day.quality.begin(), day.quality.end(), Quality::actual);
    days.push_back(day);
  }
  return days;
}

LocalDate on(const char* text) {
  return *parse_local_date(text, "d");
}

TEST(UsageSeries, TheSpringForwardDayHas23HoursAnd92Intervals) {
  auto days = constant_days(on("2026-03-07"), on("2026-03-10"), 1000);
  auto points =
      sum_usage(days, kLosAngeles, on("2026-03-07"), on("2026-03-10"), Resolution::day, 15);
  ASSERT_EQ(points.size(), 3u);
  EXPECT_EQ(points[0].intervals, 96);
  EXPECT_EQ(points[1].intervals, 92);  // March 8: 2:00-3:00 does not exist
  EXPECT_EQ(points[1].milli_units, 92'000);
  EXPECT_EQ(format_instant(points[1].start), "2026-03-08T08:00:00Z");
  EXPECT_EQ(points[2].intervals, 96);
}

TEST(UsageSeries, TheFallBackDayHas25HourlyPointsWithTheRepeatedHourTwice) {
  auto days = constant_days(on("2026-11-01"), on("2026-11-02"), 250);
  auto hours =
      sum_usage(days, kLosAngeles, on("2026-11-01"), on("2026-11-02"), Resolution::hour, 15);
  ASSERT_EQ(hours.size(), 25u);
  EXPECT_EQ(kLosAngeles.format_local(hours[1].start), "2026-11-01T01:00:00-07:00");
  EXPECT_EQ(kLosAngeles.format_local(hours[2].start), "2026-11-01T01:00:00-08:00");
  for (const auto& hour : hours) EXPECT_EQ(hour.milli_units, 1000);
  auto day = sum_usage(days, kLosAngeles, on("2026-11-01"), on("2026-11-02"), Resolution::day, 15);
  ASSERT_EQ(day.size(), 1u);
  EXPECT_EQ(day[0].intervals, 100);
  EXPECT_EQ(day[0].milli_units, 25'000);
}

TEST(UsageSeries, MonthsSumLocalCalendarMonths) {
  auto days = constant_days(on("2026-10-01"), on("2026-12-01"), 1);
  auto months =
      sum_usage(days, kLosAngeles, on("2026-10-01"), on("2026-12-01"), Resolution::month, 15);
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[0].intervals, 31 * 96);
  EXPECT_EQ(months[1].intervals, 30 * 96 + 4);  // November has the 25-hour day
  EXPECT_EQ(kLosAngeles.format_local(months[1].start), "2026-11-01T00:00:00-07:00");
}

TEST(UsageSeries, MissingAndEstimatedIntervalsShowInThePointQuality) {
  auto days = constant_days(on("2026-06-01"), on("2026-06-03"), 100);
  days[0].quality[40] = Quality::estimated;
  auto points =
      sum_usage(days, kLosAngeles, on("2026-06-01"), on("2026-06-03"), Resolution::day, 15);
  // Without the UTC day holding the end of June 2 the evening is missing.
  std::vector<IntervalDay> partial(days.begin(), days.end() - 1);
  auto gappy =
      sum_usage(partial, kLosAngeles, on("2026-06-01"), on("2026-06-03"), Resolution::day, 15);
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[0].quality, Quality::estimated);
  EXPECT_EQ(points[1].quality, Quality::actual);
  EXPECT_EQ(gappy[1].quality, Quality::missing);
  EXPECT_LT(gappy[1].milli_units, points[1].milli_units);
  EXPECT_EQ(utc_day_of("2026-06-02T07:00:00Z"), days[1].utc_day);
}

}  // namespace
}  // namespace rp::mdm
