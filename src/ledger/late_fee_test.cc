#include "ledger/late_fee.h"

#include <gtest/gtest.h>

namespace rp::ledger {
namespace {

using namespace date::literals;

LateFeeFacts unpaid(std::int64_t cents) {
  return {2026_y / 11 / 20, Money::from_cents(cents), false, "", 2026_y / 11 / 26, std::nullopt};
}

TEST(LateFee, AClosedAccountIsChargedNoneAfterItsFinalBillsGracePeriodUnlessTheUtilitySays) {
  LateFeeRule rule;  // 5 grace days
  LateFeeFacts facts = unpaid(100'00);
  facts.closed_account_final_due = 2026_y / 11 / 10;  // grace ends 2026-11-15
  facts.assessed_on = 2026_y / 11 / 15;
  EXPECT_TRUE(late_fee(rule, facts).fee) << "within the final bill's grace period";
  facts.assessed_on = 2026_y / 11 / 26;
  LateFeeDecision closed = late_fee(rule, facts);
  EXPECT_FALSE(closed.fee);
  EXPECT_EQ(closed.reason,
            "the account is closed: no late fee after its final bill's grace period ended on "
            "2026-11-15");
  rule.after_final_bill = true;
  EXPECT_TRUE(late_fee(rule, facts).fee);
  facts.closed_account_final_due = std::nullopt;  // an open account
  rule.after_final_bill = false;
  EXPECT_TRUE(late_fee(rule, facts).fee);
}

TEST(LateFee, GraceEndsTheDayAfterDuePlusGraceDays) {
  LateFeeRule rule;  // 5 grace days
  EXPECT_FALSE(grace_ended(rule, 2026_y / 11 / 20, 2026_y / 11 / 25));
  EXPECT_TRUE(grace_ended(rule, 2026_y / 11 / 20, 2026_y / 11 / 26));
}

TEST(LateFee, APercentOfTheUnpaidPartRoundedToTheCentWithAFloor) {
  LateFeeRule rule;
  auto fee = late_fee(rule, unpaid(1234'57));
  ASSERT_TRUE(fee.fee);
  EXPECT_EQ(*fee.fee, Money::from_cents(18'52));  // 1.5% of 1234.57 = 18.51855
  EXPECT_EQ(fee.reason, "1.50% of $1234.57 unpaid 5 days after the due date 2026-11-20");
  auto small = late_fee(rule, unpaid(40'00));  // 0.60 -> the floor
  EXPECT_EQ(*small.fee, Money::from_cents(5'00));
  EXPECT_NE(small.reason.find("at least $5.00"), std::string::npos);
  // Half a cent rounds away from zero: 1.5% of $1.00 x 3 = 4.5 cents -> 5 (floor off).
  rule.flat = Money{};
  rule.minimum_past_due = Money{};
  EXPECT_EQ(*late_fee(rule, unpaid(3'00)).fee, Money::from_cents(5));
}

TEST(LateFee, NothingWithinTheAllowanceOrForExemptAccountsAndACapWhenSet) {
  LateFeeRule rule;
  EXPECT_FALSE(late_fee(rule, unpaid(10'00)).fee);
  EXPECT_TRUE(late_fee(rule, unpaid(10'01)).fee);
  auto exempt = late_fee(
      rule, {2026_y / 11 / 20, Money::from_cents(500'00), true, "medical certificate on file"});
  EXPECT_FALSE(exempt.fee);
  EXPECT_EQ(exempt.reason, "exempt: medical certificate on file");
  rule.maximum = Money::from_cents(25'00);
  EXPECT_EQ(*late_fee(rule, unpaid(5000'00)).fee, Money::from_cents(25'00));
}

}  // namespace
}  // namespace rp::ledger
