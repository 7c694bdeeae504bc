#include "mdm/vee_checks.h"

#include <gtest/gtest.h>

#include "mdm/vee.h"
#include "mdm/vee_test_days.h"

namespace rp::mdm {
namespace {

using vee_test::day_of;
using vee_test::kDay;
using vee_test::set;

const VeeRules kRules;  // electric defaults

std::vector<VeeFinding> findings_of(const IntervalDay& day, const ChannelContext& context) {
  return validate_and_estimate(kRules, day, context).findings;
}

TEST(VeeNegative, NegativeReadsOnADeliveredChannelAreReportedPerRun) {
  IntervalDay day = day_of(kDay, 500);
  set(day, 10, 10, -250);
  set(day, 11, 11, -100);
  set(day, 30, 30, -5);
  auto findings = findings_of(day, {});
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].rule, VeeRule::negative_consumption);
  EXPECT_EQ(findings[0].first_slot, 10);
  EXPECT_EQ(findings[0].last_slot, 11);
  EXPECT_TRUE(findings[0].needs_review);
  EXPECT_EQ(findings[0].evidence,
            "2 reads from 2026-11-23T02:30:00Z to 2026-11-23T03:00:00Z below zero on a delivered "
            "channel; lowest -0.250");
  EXPECT_EQ(findings[1].first_slot, 30);
  // The values are left for staff to decide.
  EXPECT_EQ(validate_and_estimate(kRules, day, {}).day.values[10], -250);
}

TEST(VeeNegative, ANetChannelMayRunBackwards) {
  IntervalDay day = day_of(kDay, -400);
  ChannelContext net;
  net.delivered = false;
  EXPECT_TRUE(findings_of(day, net).empty());
}

TEST(VeePhysicalMax, AReadAboveWhatTheServiceCanDeliverIsReported) {
  IntervalDay day = day_of(kDay, 500);
  set(day, 20, 20, 50'000);  // 200 kWh/h x 15 min = 50.000: allowed
  set(day, 40, 40, 50'001);
  set(day, 41, 41, 60'000);
  auto findings = findings_of(day, {});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, VeeRule::spike_physical_max);
  EXPECT_EQ(findings[0].first_slot, 40);
  EXPECT_EQ(findings[0].last_slot, 41);
  EXPECT_EQ(findings[0].evidence,
            "2 reads from 2026-11-23T10:00:00Z to 2026-11-23T10:30:00Z above the physical maximum "
            "of 50.000 per interval (200.000 per hour); largest 60.000");
}

TEST(VeePhysicalMax, TheChannelsOwnMaximumOverridesTheRules) {
  IntervalDay day = day_of(kDay, 500);
  set(day, 20, 20, 25'000);  // 100 kWh/h x 15 min = 25.000
  set(day, 22, 22, 25'001);
  ChannelContext small_service;
  small_service.physical_max_milli_per_hour = 100'000;
  auto findings = findings_of(day, small_service);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].first_slot, 22);
}

TEST(VeeSpikeHistory, TenTimesTheRecentPercentileIsAllowedAndOneMilliMoreIsNot) {
  IntervalDay day = day_of(kDay, 500);
  set(day, 20, 20, 8'000);  // 1000% of 0.800 = 8.000: allowed
  set(day, 21, 21, 8'001);
  ChannelContext context;
  context.recent_percentile_milli = 800;
  auto findings = findings_of(day, context);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, VeeRule::spike_history);
  EXPECT_EQ(findings[0].first_slot, 21);
  EXPECT_TRUE(findings[0].needs_review);
  EXPECT_EQ(findings[0].evidence,
            "1 read from 2026-11-23T05:15:00Z to 2026-11-23T05:30:00Z above 1000% of the recent "
            "95th percentile 0.800 (threshold 8.000) and above the floor of 2.500 per interval; "
            "largest 8.001");
}

TEST(VeeSpikeHistory, ASpikeMustAlsoBeAboveTheFloor) {
  IntervalDay day = day_of(kDay, 50);
  set(day, 20, 20, 2'500);  // > 10 x 0.100, but 10 kWh/h x 15 min = 2.500 is the floor
  set(day, 30, 30, 2'501);
  ChannelContext context;
  context.recent_percentile_milli = 100;
  auto findings = findings_of(day, context);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].first_slot, 30);
}

TEST(VeeSpikeHistory, AReadAboveThePhysicalMaximumIsReportedOnceAsSuch) {
  IntervalDay day = day_of(kDay, 500);
  set(day, 20, 20, 60'000);
  ChannelContext context;
  context.recent_percentile_milli = 800;
  auto findings = findings_of(day, context);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, VeeRule::spike_physical_max);
}

// Seven days in which slot i reads 10 x i: 672 values, each of 0, 10, ..., 950 seven times.
std::vector<IntervalDay> week_of_ramps() {
  std::vector<IntervalDay> days;
  for (std::int32_t d = kDay - 7; d < kDay; ++d) {
    IntervalDay day = day_of(d, 0);
    for (std::int32_t slot = 0; slot < 96; ++slot) set(day, slot, slot, 10 * slot);
    days.push_back(day);
  }
  return days;
}

std::vector<const IntervalDay*> pointers(const std::vector<IntervalDay>& days) {
  std::vector<const IntervalDay*> result;
  for (const IntervalDay& day : days) result.push_back(&day);
  return result;
}

TEST(VeeSpikeHistory, ThePercentileIsTheNearestRankOfTheRecentReads) {
  auto days = week_of_ramps();
  // rank = ceil(95 x 672 / 100) = ceil(638.4) = 639; values 0..900 fill ranks 1..637, so rank 639
  // is 0.910.
  EXPECT_EQ(recent_percentile(kRules, kDay, 15, pointers(days)), 910);
  // Estimated and missing values do not count; six days (144 h) are less than the week required.
  set(days[0], 0, 95, 99'999, Quality::estimated);
  EXPECT_EQ(recent_percentile(kRules, kDay, 15, pointers(days)), std::nullopt);
  // Days outside the 28-day window, or of another interval length, do not count either.
  days[0] = day_of(kDay - 29, 10);
  EXPECT_EQ(recent_percentile(kRules, kDay, 15, pointers(days)), std::nullopt);
}

TEST(VeeSpikeHistory, WithoutAPrecomputedPercentileItIsComputedFromHistory) {
  auto days = week_of_ramps();
  IntervalDay day = day_of(kDay, 500);
  set(day, 5, 5, 9'100);  // 1000% of 0.910
  set(day, 7, 7, 9'101);
  ChannelContext context;
  context.history = pointers(days);
  auto findings = findings_of(day, context);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, VeeRule::spike_history);
  EXPECT_EQ(findings[0].first_slot, 7);
}

struct ZeroDays {
  IntervalDay two_before = day_of(kDay - 2, 0);
  IntervalDay before = day_of(kDay - 1, 0);
  IntervalDay day = day_of(kDay, 0);
  ChannelContext context;
  ZeroDays() { context.history = {&two_before, &before}; }
};

TEST(VeeZeroConsumption, ThreeZeroDaysOnAnActiveServiceAreReported) {
  ZeroDays zero;
  auto findings = findings_of(zero.day, zero.context);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, VeeRule::zero_consumption);
  EXPECT_EQ(findings[0].first_slot, 0);
  EXPECT_EQ(findings[0].last_slot, 95);
  EXPECT_EQ(findings[0].evidence,
            "no consumption on 3 consecutive days (2026-11-21 to 2026-11-23) on an active service; "
            "reported from 3 days");
}

TEST(VeeZeroConsumption, TwoZeroDaysAreNot) {
  ZeroDays zero;
  set(zero.two_before, 50, 50, 1);  // 1 Wh breaks the run
  EXPECT_TRUE(findings_of(zero.day, zero.context).empty());
}

TEST(VeeZeroConsumption, TheRunIsFoundWhicheverOfItsDaysArrivesLast) {
  ZeroDays zero;
  ChannelContext later_days;
  later_days.following = {&zero.before, &zero.day};
  auto findings = findings_of(zero.two_before, later_days);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, VeeRule::zero_consumption);
}

TEST(VeeZeroConsumption, AnInactiveServiceOrADayWithoutReadsIsNotAZeroDay) {
  ZeroDays zero;
  zero.context.service_active = false;
  EXPECT_TRUE(findings_of(zero.day, zero.context).empty());
  ZeroDays unread;
  unread.before = day_of(kDay - 1, 0, Quality::missing);
  auto findings = findings_of(unread.day, unread.context);
  for (const VeeFinding& finding : findings) EXPECT_NE(finding.rule, VeeRule::zero_consumption);
}

TEST(VeeInactiveService, ConsumptionAboveTheDailyAllowanceIsReported) {
  IntervalDay day = day_of(kDay, 0);
  set(day, 40, 43, 250);                        // 4 x 0.250 = 1.000, the allowance
  set(day, 60, 60, 9'000, Quality::estimated);  // estimates are not consumption
  ChannelContext vacant;
  vacant.service_active = false;
  auto within = findings_of(day, vacant);  // the estimate is re-interpolated: (0 + 0) / 2
  ASSERT_EQ(within.size(), 1u);
  EXPECT_EQ(within[0].rule, VeeRule::gap_interpolated);
  set(day, 44, 44, 1);  // 1.001
  auto findings = findings_of(day, vacant);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].rule, VeeRule::consumption_on_inactive_service);
  EXPECT_EQ(findings[0].first_slot, 40);
  EXPECT_EQ(findings[0].last_slot, 44);
  EXPECT_TRUE(findings[0].needs_review);
  EXPECT_EQ(findings[0].evidence,
            "1.001 used on 2026-11-23 with no active service agreement (allowance 1.000 per day)");
}

TEST(VeeInactiveService, AnActiveServiceIsNotChecked) {
  IntervalDay day = day_of(kDay, 500);
  EXPECT_TRUE(findings_of(day, {}).empty());
}

}  // namespace
}  // namespace rp::mdm
