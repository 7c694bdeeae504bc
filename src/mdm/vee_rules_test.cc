#include "mdm/vee_rules.h"

#include <gtest/gtest.h>

namespace rp::mdm {
namespace {

TEST(VeeRules, ElectricDefaults) {
  VeeRules rules = *default_vee_rules("electric");
  EXPECT_EQ(rules.max_interpolation_minutes, 60);
  EXPECT_EQ(rules.max_history_fill_minutes, 3 * 1440);
  EXPECT_EQ(rules.history_weeks, 4);
  EXPECT_EQ(rules.spike_factor_percent, 1000);
  EXPECT_EQ(rules.default_physical_max_milli_per_hour, 200'000);
  EXPECT_EQ(rules.zero_consumption_days, 3);
  EXPECT_EQ(rules.register_mismatch_tolerance_bp, 200);
  EXPECT_TRUE(check_vee_rules(rules).ok());
}

TEST(VeeRules, WaterAndGasHaveTheirOwnLimits) {
  VeeRules water = *default_vee_rules("water");
  EXPECT_EQ(water.default_physical_max_milli_per_hour, 1'200'000);  // 20 gal/min
  EXPECT_EQ(water.zero_consumption_days, 7);
  EXPECT_EQ(default_vee_rules("sewer")->zero_consumption_days, 7);
  VeeRules gas = *default_vee_rules("gas");
  EXPECT_EQ(gas.default_physical_max_milli_per_hour, 2'500);  // 250 ft3/h
  EXPECT_EQ(gas.zero_consumption_days, 30);
  EXPECT_TRUE(check_vee_rules(water).ok());
  EXPECT_TRUE(check_vee_rules(gas).ok());
}

TEST(VeeRules, AnUnknownCommodityIsNamed) {
  auto rules = default_vee_rules("steam");
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.error().field, "commodity");
  EXPECT_EQ(rules.error().message,
            "unknown commodity 'steam': expected electric, water, gas or sewer");
}

TEST(VeeRules, OutOfRangeRulesNameTheField) {
  VeeRules rules;
  rules.max_history_fill_minutes = 30;  // shorter than interpolation
  EXPECT_EQ(check_vee_rules(rules).error().field, "max_history_fill_minutes");
  rules = VeeRules{};
  rules.history_min_weeks = 5;
  EXPECT_EQ(check_vee_rules(rules).error().field, "history_weeks");
  rules = VeeRules{};
  rules.spike_percentile = 101;
  EXPECT_EQ(check_vee_rules(rules).error().field, "spike_percentile");
}

TEST(VeeRules, TheContextToLoadCoversHistoryAndTheLongestGap) {
  VeeRules electric;
  // 4 weeks + the 3-day gap and its 1-hour scaling window spanning 4 days = 32 days back.
  EXPECT_EQ(history_days_needed(electric), 32);
  EXPECT_EQ(following_days_needed(electric), 4);
  VeeRules gas = *default_vee_rules("gas");
  EXPECT_EQ(following_days_needed(gas), 29);  // the 30-day zero run, found from its first day
}

TEST(VeeRules, RuleNamesRoundTrip) {
  for (VeeRule rule : {VeeRule::gap_interpolated, VeeRule::gap_too_long, VeeRule::gap_no_history,
                       VeeRule::spike_history, VeeRule::consumption_on_inactive_service,
                       VeeRule::interval_register_mismatch}) {
    VeeRule parsed = VeeRule::gap_from_history;
    ASSERT_TRUE(parse_vee_rule(vee_rule_name(rule), parsed));
    EXPECT_EQ(parsed, rule);
  }
  EXPECT_STREQ(vee_rule_name(VeeRule::duplicate_disagrees), "duplicate_disagrees");
  VeeRule unused;
  EXPECT_FALSE(parse_vee_rule("spike", unused));
}

}  // namespace
}  // namespace rp::mdm
