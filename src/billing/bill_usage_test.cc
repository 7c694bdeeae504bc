#include "billing/bill_usage.h"

#include <gtest/gtest.h>

namespace rp::billing {
namespace {

const UtilityZone& los_angeles() {
  static const UtilityZone zone = *UtilityZone::find("America/Los_Angeles");
  return zone;
}

LocalDate day(int year, unsigned month, unsigned d) {
  return date::year{year} / date::month{month} / date::day{d};
}

std::int32_t utc_day(LocalDate date) {
  return static_cast<std::int32_t>(date::sys_days(date).time_since_epoch().count());
}

mdm::IntervalDay full_day(std::int32_t utc, std::int64_t value) {
  mdm::IntervalDay stored = mdm::IntervalDay::empty(7, utc, 15);
  for (std::size_t slot = 0; slot < stored.slots(); ++slot) {
    stored.values[slot] = value;
    stored.quality[slot] = mdm::Quality::actual;
  }
  return stored;
}

std::vector<mdm::IntervalDay> days_from(LocalDate first, int count, std::int64_t value) {
  std::vector<mdm::IntervalDay> days;
  for (int i = 0; i < count; ++i) days.push_back(full_day(utc_day(first) + i, value));
  return days;
}

TEST(PeriodIntervals, CutsThePeriodsLocalDaysIncludingThe25HourDay) {
  // 2026-10-30 to 2026-11-03 in Los Angeles: 4 local days, one of them 25 hours (Nov 1).
  auto days = days_from(day(2026, 10, 29), 7, 500);
  auto cut = period_intervals(days, 15, {day(2026, 10, 30), day(2026, 11, 3)}, los_angeles(),
                              std::nullopt);
  ASSERT_TRUE(cut.ok()) << cut.error().message;
  EXPECT_EQ(cut->slots, 388);  // (24 + 24 + 25 + 24) hours x 4
  EXPECT_EQ(cut->usage_milli, 388 * 500);
  EXPECT_EQ(cut->estimated_slots, 0);
  EXPECT_EQ(cut->series.start, los_angeles().start_of_day(day(2026, 10, 30)));
  EXPECT_EQ(cut->series.values.size(), 388u);
  EXPECT_EQ(cut->series.values.front().to_string(), "0.5");
}

TEST(PeriodIntervals, FillsMissingSlotsFromTheSameTimeOfDayAndFlagsThem) {
  auto days = days_from(day(2026, 10, 5), 4, 0);
  for (auto& stored : days) {
    for (std::size_t slot = 0; slot < stored.slots(); ++slot) {
      stored.values[slot] = static_cast<std::int64_t>(slot) * 10;  // a shape through the day
    }
  }
  days[1].quality[40] = mdm::Quality::missing;  // one slot of the second UTC day
  days[1].values[40] = 0;
  days.erase(days.begin() + 2);  // and the whole third UTC day
  auto cut =
      period_intervals(days, 15, {day(2026, 10, 5), day(2026, 10, 7)}, los_angeles(), std::nullopt);
  ASSERT_TRUE(cut.ok()) << cut.error().message;
  // The period is [Oct 5 07:00Z, Oct 7 07:00Z): 192 slots, of which slot 40 of Oct 6 and the
  // 28 slots of Oct 7 before 07:00Z were missing.
  EXPECT_EQ(cut->slots, 192);
  EXPECT_EQ(cut->estimated_slots, 29);
  // Every slot, filled or not, holds slot-of-day x 10: the shape is kept.
  std::int64_t expected = 0;
  for (int i = 0; i < 192; ++i) expected += ((28 + i) % 96) * 10;
  EXPECT_EQ(cut->usage_milli, expected);
}

TEST(PeriodIntervals, WithNoValuesUsesTheFallbackOrSaysWhy) {
  const rating::BillingPeriod period{day(2026, 10, 5), day(2026, 10, 7)};
  auto cut = period_intervals({}, 15, period, los_angeles(), 9'600);
  ASSERT_TRUE(cut.ok()) << cut.error().message;
  EXPECT_EQ(cut->usage_milli, 192 * 100);
  EXPECT_EQ(cut->estimated_slots, 192);
  auto none = period_intervals({}, 15, period, los_angeles(), std::nullopt);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().message.find("no interval values"), std::string::npos);
}

TEST(PeriodIntervals, RefusesDaysOfAnotherIntervalLength) {
  std::vector<mdm::IntervalDay> days{mdm::IntervalDay::empty(7, utc_day(day(2026, 10, 5)), 60)};
  auto cut =
      period_intervals(days, 15, {day(2026, 10, 5), day(2026, 10, 6)}, los_angeles(), std::nullopt);
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.error().field, "usage");
}

TEST(DialUsage, RollsOverAtTheDialsEnd) {
  EXPECT_EQ(dial_usage(10'000'000, 16'400'000, 5), 6'400'000);
  // A 5-digit kWh dial at 99,900 reading 150 a month later used 250 kWh.
  EXPECT_EQ(dial_usage(99'900'000, 150'000, 5), 250'000);
  EXPECT_EQ(dial_span_milli(7), 10'000'000'000);
}

TEST(UsagePerDay, AveragesTheRecentActualSectionsOnly) {
  std::vector<PastUsage> past{{9'000'000, 30, true},  // estimated: skipped
                              {6'000'000, 30, false},
                              {6'400'000, 32, false},
                              {5'800'000, 29, false},
                              {99'000'000, 30, false}};  // beyond the three newest actual
  EXPECT_EQ(usage_per_day(past), 200'000);
  EXPECT_EQ(usage_per_day({}), std::nullopt);
}

}  // namespace
}  // namespace rp::billing
