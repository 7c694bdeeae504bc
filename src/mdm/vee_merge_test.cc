#include "mdm/vee_merge.h"

#include <gtest/gtest.h>

#include "mdm/vee_test_days.h"

namespace rp::mdm {
namespace {

using vee_test::day_of;
using vee_test::kDay;
using vee_test::set;

MergeResult merge(IntervalDay& day, std::int32_t slot, std::int64_t value, Quality quality) {
  auto result = merge_read(day, slot, value, quality);
  EXPECT_TRUE(result.ok());
  return result.ok() ? *result : MergeResult{};
}

TEST(VeeMerge, AReadFillsAMissingSlot) {
  IntervalDay day = day_of(kDay, 0, Quality::missing);
  EXPECT_EQ(merge(day, 5, 420, Quality::actual).outcome, MergeOutcome::stored);
  EXPECT_EQ(day.values[5], 420);
  EXPECT_EQ(day.quality[5], Quality::actual);
}

TEST(VeeMerge, TheSameReadAgainIsANoOp) {
  IntervalDay day = day_of(kDay, 420);
  MergeResult result = merge(day, 5, 420, Quality::actual);
  EXPECT_EQ(result.outcome, MergeOutcome::unchanged);
  EXPECT_FALSE(result.finding.has_value());
  EXPECT_EQ(day.values[5], 420);
}

TEST(VeeMerge, ADifferentActualKeepsTheFirstAndIsReportedForReview) {
  IntervalDay day = day_of(kDay, 420);
  MergeResult result = merge(day, 41, 510, Quality::actual);
  EXPECT_EQ(result.outcome, MergeOutcome::disagreed);
  EXPECT_EQ(day.values[41], 420);
  ASSERT_TRUE(result.finding.has_value());
  EXPECT_EQ(result.finding->rule, VeeRule::duplicate_disagrees);
  EXPECT_EQ(result.finding->first_slot, 41);
  EXPECT_EQ(result.finding->last_slot, 41);
  EXPECT_TRUE(result.finding->needs_review);
  EXPECT_EQ(result.finding->evidence,
            "interval 2026-11-23T10:15:00Z read twice with different values: 0.420 (actual, kept) "
            "then 0.510 (actual, not stored)");
}

TEST(VeeMerge, AReadReplacesAnEstimate) {
  IntervalDay day = day_of(kDay, 300, Quality::estimated);
  EXPECT_EQ(merge(day, 5, 300, Quality::actual).outcome, MergeOutcome::stored);  // confirmed
  EXPECT_EQ(day.quality[5], Quality::actual);
  EXPECT_EQ(merge(day, 6, 350, Quality::actual).outcome, MergeOutcome::stored);
  EXPECT_EQ(day.values[6], 350);
  EXPECT_EQ(merge(day, 7, 310, Quality::estimated).outcome,
            MergeOutcome::stored);  // newer estimate
  EXPECT_EQ(merge(day, 7, 310, Quality::estimated).outcome, MergeOutcome::unchanged);
}

TEST(VeeMerge, AnEstimateNeverReplacesARead) {
  IntervalDay day = day_of(kDay, 420);
  MergeResult result = merge(day, 5, 999, Quality::estimated);
  EXPECT_EQ(result.outcome, MergeOutcome::kept_existing);
  EXPECT_FALSE(result.finding.has_value());
  EXPECT_EQ(day.values[5], 420);
  EXPECT_EQ(day.quality[5], Quality::actual);
}

TEST(VeeMerge, APersonsEditIsKeptWithoutAFinding) {
  IntervalDay day = day_of(kDay, 420);
  set(day, 5, 5, 400, Quality::edited);
  MergeResult result = merge(day, 5, 420, Quality::actual);  // the meter re-sends its raw value
  EXPECT_EQ(result.outcome, MergeOutcome::kept_existing);
  EXPECT_FALSE(result.finding.has_value());
  EXPECT_EQ(day.values[5], 400);
  EXPECT_EQ(day.quality[5], Quality::edited);
}

TEST(VeeMerge, AMissingReadCarriesNothing) {
  IntervalDay day = day_of(kDay, 420);
  EXPECT_EQ(merge(day, 5, 0, Quality::missing).outcome, MergeOutcome::unchanged);
  EXPECT_EQ(day.values[5], 420);
}

TEST(VeeMerge, ASlotOutsideTheDayIsInvalidInput) {
  IntervalDay day = day_of(kDay, 420);
  auto result = merge_read(day, 96, 1, Quality::actual);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(result.error().field, "slot");
  EXPECT_EQ(result.error().message, "slot 96 is not in the day's 96 intervals");
  EXPECT_FALSE(merge_read(day, -1, 1, Quality::actual).ok());
}

TEST(VeeMerge, OutcomesHaveNames) {
  EXPECT_STREQ(merge_outcome_name(MergeOutcome::disagreed), "disagreed");
  EXPECT_STREQ(merge_outcome_name(MergeOutcome::kept_existing), "kept_existing");
}

}  // namespace
}  // namespace rp::mdm
