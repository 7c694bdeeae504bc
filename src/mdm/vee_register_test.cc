#include "mdm/vee_register.h"

#include <gtest/gtest.h>

#include "mdm/vee_test_days.h"

namespace rp::mdm {
namespace {

const VeeRules kRules;  // electric: 200 kWh/h, mismatch tolerance 2% or 1 kWh

RegisterRead read(const char* instant, std::int64_t milli_units) {
  return RegisterRead{{"M-100", "kWh"}, vee_test::seconds_of(instant), milli_units, "amr", 0};
}

const RegisterRead kOctober = read("2026-10-01T00:00:00Z", 99'980'000);

RegisterCheck check(const RegisterRead& previous, const RegisterRead& current, int digits = 5,
                    RegisterCheckOptions options = {}) {
  auto result = check_register(kRules, previous, current, digits, options);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? *result : RegisterCheck{};
}

TEST(VeeRegister, ConsumptionIsTheDifference) {
  RegisterCheck result =
      check(read("2026-10-01T00:00:00Z", 12'000'000), read("2026-10-31T00:00:00Z", 12'850'500));
  EXPECT_EQ(result.consumption_milli, 850'500);
  EXPECT_TRUE(result.findings.empty());
}

TEST(VeeRegister, ARolloverIsAcceptedWithAnInformationalFinding) {
  // 99,980 -> 00,015 on a 5-digit dial: 15 + 100,000 - 99,980 = 35 kWh
  RegisterCheck result = check(kOctober, read("2026-10-31T00:00:00Z", 15'000));
  EXPECT_EQ(result.consumption_milli, 35'000);
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].rule, VeeRule::register_rollover);
  EXPECT_FALSE(result.findings[0].needs_review);
  EXPECT_EQ(result.findings[0].first_slot, -1);
  EXPECT_EQ(result.findings[0].evidence,
            "the 5-digit dial rolled over from 99980.000 (2026-10-01T00:00:00Z) to 15.000 "
            "(2026-10-31T00:00:00Z): 35.000 used");
}

TEST(VeeRegister, GoingBackwardsIsAReversalForReview) {
  // 50,000 -> 49,990: as a rollover it would be 99,990 kWh, more than half the dial.
  RegisterCheck result =
      check(read("2026-10-01T00:00:00Z", 50'000'000), read("2026-10-31T00:00:00Z", 49'990'000));
  EXPECT_EQ(result.consumption_milli, std::nullopt);
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].rule, VeeRule::register_reversal);
  EXPECT_TRUE(result.findings[0].needs_review);
  EXPECT_EQ(result.findings[0].evidence,
            "register went backwards from 50000.000 (2026-10-01T00:00:00Z) to 49990.000 "
            "(2026-10-31T00:00:00Z); as a rollover of the 5-digit dial it would mean 99990.000 "
            "used in 30 days, which is implausible");
}

TEST(VeeRegister, AWrapBeyondThePhysicalMaximumIsAReversal) {
  // 4-digit dial, 9,000 -> 3,000 one hour later: a wrap would be 4,000 kWh (under half the dial)
  // but the service delivers at most 200 kWh in an hour.
  RegisterCheck result =
      check(read("2026-10-01T00:00:00Z", 9'000'000), read("2026-10-01T01:00:00Z", 3'000'000), 4);
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].rule, VeeRule::register_reversal);
}

TEST(VeeRegister, MoreThanThePhysicalMaximumForTheElapsedTimeIsReported) {
  // 2 hours at 200 kWh/h allow 400 kWh.
  RegisterCheck within =
      check(read("2026-10-01T00:00:00Z", 1'000'000), read("2026-10-01T02:00:00Z", 1'400'000));
  EXPECT_TRUE(within.findings.empty());
  RegisterCheck over =
      check(read("2026-10-01T00:00:00Z", 1'000'000), read("2026-10-01T02:00:00Z", 1'400'001));
  EXPECT_EQ(over.consumption_milli, 400'001);
  ASSERT_EQ(over.findings.size(), 1u);
  EXPECT_EQ(over.findings[0].rule, VeeRule::spike_physical_max);
  EXPECT_TRUE(over.findings[0].needs_review);
}

RegisterCheck with_intervals(std::int64_t consumption, std::int64_t interval_sum) {
  RegisterCheckOptions options;
  options.interval_sum_milli = interval_sum;
  return check(read("2026-10-01T00:00:00Z", 1'000'000),
               read("2026-10-31T00:00:00Z", 1'000'000 + consumption), 5, options);
}

TEST(VeeRegister, IntervalSumWithinTwoPercentOrOneUnitMatches) {
  EXPECT_TRUE(with_intervals(100'000, 102'000).findings.empty());  // 2.000 = 2% of 100
  EXPECT_TRUE(with_intervals(100'000, 98'000).findings.empty());
  EXPECT_TRUE(with_intervals(10'000, 11'000).findings.empty());  // 1 unit > 2% of 10
}

TEST(VeeRegister, IntervalSumBeyondBothTolerancesIsAMismatch) {
  RegisterCheck percent = with_intervals(100'000, 102'001);
  ASSERT_EQ(percent.findings.size(), 1u);
  EXPECT_EQ(percent.findings[0].rule, VeeRule::interval_register_mismatch);
  EXPECT_TRUE(percent.findings[0].needs_review);
  EXPECT_EQ(percent.findings[0].evidence,
            "intervals sum to 102.001 but the register advanced 100.000; tolerance is the larger "
            "of 200 basis points and 1.000");
  EXPECT_EQ(with_intervals(10'000, 11'001).findings.size(), 1u);
  EXPECT_EQ(with_intervals(10'000, 8'999).findings.size(), 1u);
}

TEST(VeeRegister, BadInputIsNamed) {
  RegisterRead later = read("2026-10-31T00:00:00Z", 15'000);
  EXPECT_EQ(check_register(kRules, kOctober, later, 0).error().field, "dial_digits");
  EXPECT_EQ(check_register(kRules, later, kOctober, 5).error().field, "taken_at");
  EXPECT_EQ(check_register(kRules, kOctober, read("2026-10-31T00:00:00Z", 100'000'000), 5)
                .error()
                .message,
            "read 100000.000 is not on a 5-digit dial (0 to 99999.999)");
  RegisterRead other = later;
  other.key.meter_serial = "M-200";
  EXPECT_EQ(check_register(kRules, kOctober, other, 5).error().field, "key");
}

}  // namespace
}  // namespace rp::mdm
