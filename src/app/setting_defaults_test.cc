// What the settings screen says applies while a setting is not set (store/setting_rules.h
// when_unset) is what the code reading the setting does: each reader's default, checked here.

#include <gtest/gtest.h>

#include <string>

#include "app/scheduled_jobs.h"
#include "billing/bill_run.h"
#include "ledger/adjustments.h"
#include "ledger/arrangement_rules.h"
#include "ledger/late_fee.h"
#include "notify/usage_rules.h"
#include "orders/orders.h"
#include "store/setting_rules.h"
#include "store/testing/test_database.h"
#include "store/utility_settings.h"

namespace rp::app {
namespace {

std::string when_unset(std::string_view key) {
  const store::SettingRule* rule = store::find_setting_rule(key);
  EXPECT_NE(rule, nullptr) << key;
  return rule == nullptr ? "?" : std::string(rule->when_unset);
}

TEST(SettingDefaults, WhatTheRulesSayIsWhatTheReadersDo) {
  const ledger::LateFeeRule late_fee;
  EXPECT_EQ(when_unset("late_fee_grace_days"), std::to_string(late_fee.grace_days));
  EXPECT_EQ(when_unset("late_fee_percent_bp"), std::to_string(late_fee.percent_bp));
  EXPECT_EQ(when_unset("late_fee_flat_cents"), std::to_string(late_fee.flat.cents()));
  EXPECT_FALSE(late_fee.maximum.has_value());
  EXPECT_EQ(when_unset("late_fee_maximum_cents"), "");
  EXPECT_EQ(when_unset("late_fee_minimum_past_due_cents"),
            std::to_string(late_fee.minimum_past_due.cents()));
  EXPECT_EQ(when_unset("late_fees_after_final_bill"), late_fee.after_final_bill ? "1" : "0");

  const ledger::ArrangementPolicy arrangements;
  EXPECT_EQ(when_unset("arrangement_down_payment_bp"),
            std::to_string(arrangements.down_payment_bp));
  EXPECT_EQ(when_unset("arrangement_fewest_installments"),
            std::to_string(arrangements.fewest_installments));
  EXPECT_EQ(when_unset("arrangement_most_installments"),
            std::to_string(arrangements.most_installments));
  EXPECT_EQ(when_unset("arrangement_smallest_past_due_cents"),
            std::to_string(arrangements.smallest_past_due.cents()));

  EXPECT_EQ(when_unset("adjustment_approval_cents"), std::to_string(ledger::kDefaultApprovalCents));
  EXPECT_EQ(when_unset("daily_jobs_hour"), std::to_string(kDefaultDailyJobsHour));
  EXPECT_EQ(when_unset("usage_alerts_hour"), std::to_string(kDefaultUsageAlertsHour));
  store::testing::TestDatabase empty;
  EXPECT_EQ(when_unset("orders_need_approval"),
            *orders::approval_required(empty.database()) ? "1" : "0");
  const notify::LeakSettings leaks;
  EXPECT_EQ(when_unset("leak_water_least_flow_milli"),
            std::to_string(leaks.water_least_flow_milli));
  EXPECT_EQ(when_unset("leak_gas_least_flow_milli"), std::to_string(leaks.gas_least_flow_milli));
  EXPECT_EQ(when_unset("leak_burst_percent"), std::to_string(leaks.burst_percent));
  EXPECT_EQ(when_unset("leak_read_percent"), std::to_string(leaks.read_percent));
  EXPECT_EQ(when_unset("name"), store::kDefaultUtilityName);
  EXPECT_EQ(when_unset("time_zone"), store::kDefaultTimeZone);
}

TEST(SettingDefaults, AnEmptyUtilityBillsWithTheDueDaysTheRuleSays) {
  store::testing::TestDatabase test;
  auto settings = billing::load_billing_settings(test.database());
  ASSERT_TRUE(settings.ok()) << settings.error().message;
  EXPECT_EQ(when_unset("bill_due_days"), std::to_string(settings->due_days));
  EXPECT_TRUE(settings->calendar.holidays.empty());
  EXPECT_EQ(when_unset("bill_holidays"), "");
}

}  // namespace
}  // namespace rp::app
