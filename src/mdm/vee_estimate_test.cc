#include "mdm/vee_estimate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mdm/vee.h"
#include "mdm/vee_test_days.h"

namespace rp::mdm {
namespace {

using vee_test::day_of;
using vee_test::kDay;
using vee_test::miss;
using vee_test::set;

const VeeRules kRules;  // electric defaults: interpolate <= 1 h, history fill <= 3 days

std::int64_t value(const VeeResult& result, std::int32_t slot) {
  return result.day.values[static_cast<std::size_t>(slot)];
}
Quality quality(const VeeResult& result, std::int32_t slot) {
  return result.day.quality[static_cast<std::size_t>(slot)];
}

TEST(VeeInterpolate, IsTheRoundedWeightedAverageOfTheTwoReads) {
  // (100 x 2 + 200 x 1) / 3 = 133.33 -> 133; (100 + 200 x 2) / 3 = 166.67 -> 167
  EXPECT_EQ(interpolate(100, 200, 1, 2), 133);
  EXPECT_EQ(interpolate(100, 200, 2, 2), 167);
  // Halves round away from zero: (1 + 2) / 2 = 1.5 -> 2; (-1 - 2) / 2 = -1.5 -> -2
  EXPECT_EQ(interpolate(1, 2, 1, 1), 2);
  EXPECT_EQ(interpolate(-1, -2, 1, 1), -2);
}

TEST(VeeGaps, AShortGapIsInterpolatedBetweenTheReadsAroundIt) {
  IntervalDay day = day_of(kDay, 400);
  miss(day, 40, 42);
  set(day, 43, 95, 800);
  VeeResult result = validate_and_estimate(kRules, day, {});
  // L = 0.400 at slot 39, R = 0.800 at slot 43, n = 3: 400 + 400 x k / 4 = 500, 600, 700
  EXPECT_EQ(value(result, 40), 500);
  EXPECT_EQ(value(result, 41), 600);
  EXPECT_EQ(value(result, 42), 700);
  EXPECT_EQ(quality(result, 41), Quality::estimated);
  EXPECT_EQ(result.estimated_slots, 3);
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].rule, VeeRule::gap_interpolated);
  EXPECT_EQ(result.findings[0].first_slot, 40);
  EXPECT_EQ(result.findings[0].last_slot, 42);
  EXPECT_FALSE(result.findings[0].needs_review);
  EXPECT_EQ(result.findings[0].evidence,
            "3 missing intervals from 2026-11-23T10:00:00Z to 2026-11-23T10:45:00Z interpolated "
            "linearly between 0.400 and 0.800");
}

TEST(VeeGaps, AGapOfExactlyTheInterpolationLimitIsInterpolated) {
  IntervalDay day = day_of(kDay, 100);
  miss(day, 10, 13);  // 4 x 15 min = 60 min, the limit
  set(day, 14, 95, 600);
  VeeResult result = validate_and_estimate(kRules, day, {});
  // L = 100, R = 600, n = 4: 100 + 500 x k / 5 = 200, 300, 400, 500
  EXPECT_EQ(value(result, 10), 200);
  EXPECT_EQ(value(result, 13), 500);
  EXPECT_EQ(result.findings.at(0).rule, VeeRule::gap_interpolated);
}

TEST(VeeGaps, OneSlotOverTheInterpolationLimitNeedsHistory) {
  IntervalDay day = day_of(kDay, 100);
  miss(day, 10, 14);  // 75 min
  VeeResult without = validate_and_estimate(kRules, day, {});
  ASSERT_EQ(without.findings.size(), 1u);
  EXPECT_EQ(without.findings[0].rule, VeeRule::gap_no_history);
  EXPECT_TRUE(without.findings[0].needs_review);
  EXPECT_EQ(quality(without, 12), Quality::missing);
  EXPECT_EQ(without.estimated_slots, 0);

  IntervalDay week1 = day_of(kDay - 7, 100);
  IntervalDay week2 = day_of(kDay - 14, 100);
  set(week1, 10, 14, 300);
  set(week2, 10, 14, 500);
  ChannelContext context;
  context.history = {&week1, &week2};
  VeeResult with = validate_and_estimate(kRules, day, context);
  // Profile 400 in the gap, 100 around it; reads around it are 100: scale 100%.
  EXPECT_EQ(value(with, 12), 400);
  EXPECT_EQ(with.findings.at(0).rule, VeeRule::gap_from_history);
  EXPECT_EQ(with.estimated_slots, 5);
}

TEST(VeeGaps, InterpolationCrossesMidnightFromEitherDay) {
  IntervalDay before = day_of(kDay - 1, 400);
  miss(before, 94, 95);
  IntervalDay day = day_of(kDay, 900);
  miss(day, 0, 1);
  // One 4-slot gap: L = 0.400 at 23:15 on the 22nd, R = 0.900 at 00:30 on the 23rd.
  // k = 1..4: (400 x (5 - k) + 900 x k) / 5 = 500, 600, 700, 800
  ChannelContext with_previous;
  with_previous.history = {&before};
  VeeResult today = validate_and_estimate(kRules, day, with_previous);
  EXPECT_EQ(value(today, 0), 700);
  EXPECT_EQ(value(today, 1), 800);
  EXPECT_EQ(today.findings.at(0).evidence,
            "4 missing intervals from 2026-11-22T23:30:00Z to 2026-11-23T00:30:00Z interpolated "
            "linearly between 0.400 and 0.900");

  ChannelContext with_next;
  with_next.following = {&day};
  VeeResult yesterday = validate_and_estimate(kRules, before, with_next);
  EXPECT_EQ(value(yesterday, 94), 500);
  EXPECT_EQ(value(yesterday, 95), 600);
  EXPECT_EQ(yesterday.findings.at(0).first_slot, 94);
  EXPECT_EQ(yesterday.findings.at(0).last_slot, 95);
}

// The worked example of vee_estimate.h and docs/vee.md.
struct WorkedExample {
  IntervalDay week1 = day_of(kDay - 7, 400);
  IntervalDay week2 = day_of(kDay - 14, 400);
  IntervalDay day = day_of(kDay, 500);
  ChannelContext context;
  WorkedExample() {
    set(week1, 40, 47, 600);
    set(week2, 40, 47, 800);
    set(week1, 41, 41, 333);
    set(week2, 41, 41, 334);
    miss(day, 40, 47);  // 10:00-12:00, 8 slots: too long to interpolate
    context.history = {&week1, &week2};
  }
};

TEST(VeeGaps, ALongerGapIsFilledFromHistoryScaledToTheReadsAroundIt) {
  WorkedExample example;
  VeeResult result = validate_and_estimate(kRules, example.day, example.context);
  // Profiles: gap (600 + 800) / 2 = 700, slot 41 (333 + 334) / 2 = 333.5 -> 334; the 4 slots each
  // side (09:00-10:00, 12:00-13:00) 400. Reads there: 8 x 0.500 = 4.000 against 8 x 0.400 = 3.200.
  // Estimate = profile x 4000 / 3200: 700 -> 875; 334 -> 417.5 -> 418.
  EXPECT_EQ(value(result, 40), 875);
  EXPECT_EQ(value(result, 41), 418);
  EXPECT_EQ(value(result, 47), 875);
  EXPECT_EQ(quality(result, 47), Quality::estimated);
  EXPECT_EQ(value(result, 48), 500);
  EXPECT_EQ(quality(result, 48), Quality::actual);
  EXPECT_EQ(result.estimated_slots, 8);
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].rule, VeeRule::gap_from_history);
  EXPECT_FALSE(result.findings[0].needs_review);
  EXPECT_EQ(result.findings[0].evidence,
            "8 missing intervals from 2026-11-23T10:00:00Z to 2026-11-23T12:00:00Z estimated from "
            "the same weekday and time over the last 4 weeks, scaled to 125.0% by 8 surrounding "
            "reads (4.000 read vs 3.200 in history)");
}

TEST(VeeGaps, HistoryScaleSumsTheWindowOnBothSides) {
  WorkedExample example;
  ChannelTimeline timeline(example.day, example.context);
  std::vector<Gap> gaps = find_gaps(kRules, timeline, kDay);
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].length(), 8);
  HistoryScale scale = history_scale(kRules, timeline, gaps[0]);
  EXPECT_EQ(scale.read_sum, 4000);
  EXPECT_EQ(scale.profile_sum, 3200);
  EXPECT_EQ(scale.reads, 8);
  EXPECT_EQ(history_profile(kRules, timeline, timeline.position(kDay, 41)), 334);
}

TEST(VeeGaps, ASlotSeenInOnlyOneWeekOfHistoryHasNoProfile) {
  WorkedExample example;
  example.context.history = {&example.week1};  // history_min_weeks is 2
  VeeResult result = validate_and_estimate(kRules, example.day, example.context);
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].rule, VeeRule::gap_no_history);
  EXPECT_EQ(result.findings[0].evidence,
            "8 missing intervals from 2026-11-23T10:00:00Z to 2026-11-23T12:00:00Z: too little "
            "history to estimate (reads at the same weekday and time are needed in 2 of the last 4 "
            "weeks): left missing");
  EXPECT_EQ(quality(result, 40), Quality::missing);
}

TEST(VeeGaps, RunningAgainOnItsOwnOutputChangesNothing) {
  WorkedExample example;
  VeeResult first = validate_and_estimate(kRules, example.day, example.context);
  VeeResult second = validate_and_estimate(kRules, first.day, example.context);
  EXPECT_EQ(second.day.values, first.day.values);
  EXPECT_EQ(second.day.quality, first.day.quality);
  ASSERT_EQ(second.findings.size(), 1u);
  EXPECT_EQ(second.findings[0].evidence, first.findings[0].evidence);
}

TEST(VeeGaps, ALateReadInsideAnEstimatedGapReEstimatesAroundIt) {
  IntervalDay day = day_of(kDay, 400);
  miss(day, 40, 42);
  set(day, 43, 95, 800);
  VeeResult first = validate_and_estimate(kRules, day, {});
  set(first.day, 41, 41, 650);  // the head-end delivers 10:15 late
  VeeResult second = validate_and_estimate(kRules, first.day, {});
  // Two 1-slot gaps now: (400 + 650) / 2 = 525; (650 + 800) / 2 = 725
  EXPECT_EQ(second.day.values[40], 525);
  EXPECT_EQ(second.day.values[41], 650);
  EXPECT_EQ(second.day.quality[41], Quality::actual);
  EXPECT_EQ(second.day.values[42], 725);
  EXPECT_EQ(second.findings.size(), 2u);
}

TEST(VeeGaps, EditedValuesAreKeptAndAnchorInterpolation) {
  IntervalDay day = day_of(kDay, 2000);
  set(day, 39, 39, 1000, Quality::edited);
  miss(day, 40, 40);
  VeeResult result = validate_and_estimate(kRules, day, {});
  EXPECT_EQ(result.day.values[39], 1000);
  EXPECT_EQ(result.day.quality[39], Quality::edited);
  EXPECT_EQ(result.day.values[40], 1500);  // (1000 + 2000) / 2
}

// D-15..D-2 read 0.250 in every slot; the gap runs from `gap_start` on D-1 through D and D+1 to
// 12:00 on D+2 (slot 48).
struct ThreeDayGap {
  std::vector<IntervalDay> weeks;
  IntervalDay before = day_of(kDay - 1, 250);
  IntervalDay day = day_of(kDay, 123, Quality::estimated);  // estimated by an earlier run
  IntervalDay after = day_of(kDay + 1, 0, Quality::missing);
  IntervalDay last = day_of(kDay + 2, 250);
  ChannelContext context;
  explicit ThreeDayGap(std::int32_t gap_start) {
    for (std::int32_t d = kDay - 15; d <= kDay - 2; ++d) weeks.push_back(day_of(d, 250));
    miss(before, gap_start, 95);
    miss(last, 0, 47);
    for (const IntervalDay& week : weeks) context.history.push_back(&week);
    context.history.push_back(&before);
    context.following = {&after, &last};
  }
};

TEST(VeeGaps, AGapOfExactlyThreeDaysIsFilledFromHistory) {
  ThreeDayGap gap(48);  // 48 + 96 + 96 + 48 = 288 slots = 3 days, the limit
  VeeResult result = validate_and_estimate(kRules, gap.day, gap.context);
  EXPECT_EQ(result.estimated_slots, 96);
  EXPECT_EQ(result.day.values[0], 250);
  EXPECT_EQ(result.day.values[95], 250);
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].rule, VeeRule::gap_from_history);
  EXPECT_EQ(result.findings[0].first_slot, 0);
  EXPECT_EQ(result.findings[0].last_slot, 95);
  EXPECT_THAT(result.findings[0].evidence,
              testing::StartsWith("288 missing intervals from 2026-11-22T12:00:00Z to "
                                  "2026-11-25T12:00:00Z estimated from the same weekday"));
}

TEST(VeeGaps, AGapOneSlotOverThreeDaysIsLeftMissingForReview) {
  ThreeDayGap gap(47);  // 289 slots
  VeeResult result = validate_and_estimate(kRules, gap.day, gap.context);
  EXPECT_EQ(result.estimated_slots, 0);
  EXPECT_EQ(result.day.values[10], 0);  // the earlier run's estimate is withdrawn
  EXPECT_EQ(result.day.quality[10], Quality::missing);
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].rule, VeeRule::gap_too_long);
  EXPECT_TRUE(result.findings[0].needs_review);
  EXPECT_EQ(result.findings[0].first_slot, 0);
  EXPECT_EQ(result.findings[0].last_slot, 95);
  EXPECT_EQ(result.findings[0].evidence,
            "more than 3 days without reads (at least 2026-11-22T11:45:00Z to "
            "2026-11-25T12:00:00Z); gaps longer than 3 days are not estimated: left missing");
}

TEST(VeeGaps, ATrailingGapIsOpenUntilReadsAreExpected) {
  IntervalDay day = day_of(kDay, 300);
  miss(day, 32, 95);  // reads received up to 08:00 so far
  VeeResult open = validate_and_estimate(kRules, day, {});
  EXPECT_TRUE(open.findings.empty());
  EXPECT_EQ(open.day.quality, day.quality);

  IntervalDay week1 = day_of(kDay - 7, 200);
  IntervalDay week2 = day_of(kDay - 14, 200);
  ChannelContext context;
  context.history = {&week1, &week2};
  context.reads_expected_until = vee_test::seconds_of("2026-11-23T10:10:00Z");
  VeeResult closed = validate_and_estimate(kRules, day, context);
  // Slots 32..40 (08:00-10:15; slot 40 starts before 10:10) are a gap closed by the bound, with a
  // read on the left only: history 0.200, scaled by 4 x 0.300 / 4 x 0.200 = 150% -> 0.300.
  ASSERT_EQ(closed.findings.size(), 1u);
  EXPECT_EQ(closed.findings[0].rule, VeeRule::gap_from_history);
  EXPECT_EQ(closed.findings[0].first_slot, 32);
  EXPECT_EQ(closed.findings[0].last_slot, 40);
  EXPECT_EQ(closed.day.values[40], 300);
  EXPECT_EQ(closed.day.quality[41], Quality::missing);  // not expected yet: no finding
  EXPECT_EQ(closed.estimated_slots, 9);
}

TEST(VeeGaps, SlotsBeforeTheMeterWasInstalledAreNotGaps) {
  IntervalDay day = day_of(kDay, 100);
  miss(day, 0, 40);
  ChannelContext installed;
  installed.reads_expected_from = vee_test::seconds_of("2026-11-23T10:07:00Z");  // slot 41 on
  EXPECT_TRUE(validate_and_estimate(kRules, day, installed).findings.empty());
  // Without the installation time and with no earlier day loaded, the gap is open.
  EXPECT_TRUE(validate_and_estimate(kRules, day, {}).findings.empty());
  // With the previous day loaded it is a real 41-slot gap.
  IntervalDay before = day_of(kDay - 1, 100);
  ChannelContext with_previous;
  with_previous.history = {&before};
  VeeResult result = validate_and_estimate(kRules, day, with_previous);
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].rule, VeeRule::gap_no_history);
}

TEST(VeeGaps, ADayNotLoadedInsideTheLoadedSpanCountsAsMissing) {
  IntervalDay two_before = day_of(kDay - 2, 100);
  IntervalDay day = day_of(kDay, 100);
  miss(day, 0, 3);
  ChannelContext context;
  context.history = {&two_before};  // D-1 has no row: nothing was read that day
  VeeResult result = validate_and_estimate(kRules, day, context);
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].rule, VeeRule::gap_no_history);
  EXPECT_THAT(result.findings[0].evidence,
              testing::StartsWith("100 missing intervals from 2026-11-22T00:00:00Z to "
                                  "2026-11-23T01:00:00Z: too little history"));
}

TEST(VeeGaps, SixtyMinuteDataInterpolatesOneSlot) {
  IntervalDay day = day_of(kDay, 1000, Quality::actual, 60);
  miss(day, 5, 5);
  set(day, 6, 23, 3000);
  VeeResult result = validate_and_estimate(kRules, day, {});
  EXPECT_EQ(result.day.values[5], 2000);
  IntervalDay longer = day_of(kDay, 1000, Quality::actual, 60);
  miss(longer, 5, 6);  // 2 h > 1 h
  EXPECT_EQ(validate_and_estimate(kRules, longer, {}).findings.at(0).rule, VeeRule::gap_no_history);
}

}  // namespace
}  // namespace rp::mdm
