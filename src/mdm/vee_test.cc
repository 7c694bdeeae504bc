#include "mdm/vee.h"

#include <random>

#include <gtest/gtest.h>

#include "mdm/vee_test_days.h"

namespace rp::mdm {
namespace {

using vee_test::day_of;
using vee_test::kDay;
using vee_test::miss;
using vee_test::set;

const VeeRules kRules;

TEST(Vee, ADayWithSeveralProblemsGetsEachFindingInSlotOrder) {
  IntervalDay week1 = day_of(kDay - 7, 400);
  IntervalDay week2 = day_of(kDay - 14, 400);
  IntervalDay day = day_of(kDay, 400);
  miss(day, 8, 9);           // 02:00-02:30: interpolated
  set(day, 30, 30, -20);     // negative
  set(day, 50, 50, 70'000);  // above 50.000 per 15 minutes
  miss(day, 60, 67);         // 15:00-17:00: from history
  ChannelContext context;
  context.history = {&week1, &week2};
  context.recent_percentile_milli = 400;
  VeeResult result = validate_and_estimate(kRules, day, context);
  ASSERT_EQ(result.findings.size(), 4u);
  EXPECT_EQ(result.findings[0].rule, VeeRule::gap_interpolated);
  EXPECT_EQ(result.findings[1].rule, VeeRule::negative_consumption);
  EXPECT_EQ(result.findings[2].rule, VeeRule::spike_physical_max);
  EXPECT_EQ(result.findings[3].rule, VeeRule::gap_from_history);
  EXPECT_EQ(result.estimated_slots, 10);
  EXPECT_EQ(result.day.values[9], 400);
  EXPECT_EQ(result.day.values[63], 400);
  EXPECT_EQ(result.day.values[50], 70'000);  // left for review, not replaced
  EXPECT_EQ(result.day.version, day.version);
}

TEST(Vee, ContextDaysOfAnotherIntervalOrTheSameDayAreIgnored) {
  IntervalDay hourly = day_of(kDay - 1, 9'000, Quality::actual, 60);
  IntervalDay stale_copy = day_of(kDay, 100);
  IntervalDay day = day_of(kDay, 900);
  miss(day, 0, 1);
  ChannelContext context;
  context.history = {&hourly, &stale_copy};
  // D-1 is not usable, so the gap at midnight is open: left alone.
  VeeResult result = validate_and_estimate(kRules, day, context);
  EXPECT_TRUE(result.findings.empty());
  EXPECT_EQ(result.day.quality[0], Quality::missing);
}

// Property: on arbitrary days, reads are never changed, only gaps are, and a second run on the
// output is a no-op.
TEST(Vee, ReadsAreNeverChangedAndASecondRunIsANoOp) {
  std::mt19937 random(20261123);
  std::uniform_int_distribution<int> kind(0, 9);
  std::uniform_int_distribution<std::int64_t> amount(0, 3'000);
  auto random_day = [&](std::int32_t utc_day) {
    IntervalDay day = day_of(utc_day, 0);
    for (std::int32_t slot = 0; slot < 96; ++slot) {
      int k = kind(random);
      Quality quality = k < 6   ? Quality::actual
                        : k < 8 ? Quality::missing
                        : k < 9 ? Quality::estimated
                                : Quality::edited;
      set(day, slot, slot, quality == Quality::missing ? 0 : amount(random), quality);
    }
    return day;
  };
  for (int round = 0; round < 50; ++round) {
    std::vector<IntervalDay> history;
    for (std::int32_t d = kDay - 30; d < kDay; ++d) history.push_back(random_day(d));
    IntervalDay next = random_day(kDay + 1);
    IntervalDay day = random_day(kDay);
    ChannelContext context;
    for (const IntervalDay& h : history) context.history.push_back(&h);
    context.following = {&next};
    VeeResult first = validate_and_estimate(kRules, day, context);
    for (std::size_t slot = 0; slot < 96; ++slot) {
      if (day.quality[slot] == Quality::actual || day.quality[slot] == Quality::edited) {
        ASSERT_EQ(first.day.values[slot], day.values[slot]);
        ASSERT_EQ(first.day.quality[slot], day.quality[slot]);
      }
    }
    VeeResult second = validate_and_estimate(kRules, first.day, context);
    ASSERT_EQ(second.day.values, first.day.values);
    ASSERT_EQ(second.day.quality, first.day.quality);
    ASSERT_EQ(second.findings.size(), first.findings.size());
  }
}

}  // namespace
}  // namespace rp::mdm
