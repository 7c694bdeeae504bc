#include "ledger/arrangement_rules.h"

#include <gtest/gtest.h>

namespace rp::ledger {
namespace {

LocalDate on(const char* text) {
  return *parse_local_date(text, "day");
}

TEST(ArrangementPlans, EachPlanAddsUpToThePastDueBalanceExactly) {
  ArrangementPolicy policy;
  const auto plans = arrangement_plans(policy, Money::from_cents(1000'01));
  ASSERT_EQ(plans.size(), 5u);  // 2 to 6 installments
  EXPECT_EQ(plans[0].installments, 2);
  EXPECT_EQ(plans[0].down_payment, Money::from_cents(250'01));  // 25% rounded up
  for (const ArrangementPlan& plan : plans) {
    Money sum = plan.down_payment;
    for (Money amount : installment_amounts(plan)) sum += amount;
    EXPECT_EQ(sum, Money::from_cents(1000'01)) << plan.installments;
    EXPECT_EQ(installment_amounts(plan).size(), static_cast<std::size_t>(plan.installments));
  }
  // 750.00 over 6: 125.00 each.
  EXPECT_EQ(plans[4].installment, Money::from_cents(125'00));
  EXPECT_EQ(plans[4].last_installment, Money::from_cents(125'00));
  const auto odd = arrangement_plans(policy, Money::from_cents(100'00));
  EXPECT_EQ(odd[1].installment, Money::from_cents(25'00));  // 75.00 / 3
  const auto uneven = arrangement_plans(policy, Money::from_cents(100'01));
  EXPECT_EQ(uneven[1].down_payment, Money::from_cents(25'01));
  EXPECT_EQ(uneven[1].installment, Money::from_cents(25'00));
  EXPECT_EQ(uneven[1].last_installment, Money::from_cents(25'00));
  EXPECT_TRUE(arrangement_plans(policy, Money()).empty());
}

TEST(ArrangementEligibility, FollowsThePolicyAndTheAccountsHistory) {
  ArrangementPolicy policy;
  ArrangementHistory history;
  const LocalDate today = on("2026-11-23");
  EXPECT_TRUE(arrangement_eligibility(policy, Money::from_cents(80'00), history, today).eligible);
  EXPECT_EQ(arrangement_eligibility(policy, Money::from_cents(24'99), history, today).reason,
            "the past-due balance is less than $25.00");
  EXPECT_EQ(arrangement_eligibility(policy, Money(), history, today).reason, "nothing is past due");
  history.broken_on = {on("2025-11-24")};  // within 12 months
  EXPECT_FALSE(arrangement_eligibility(policy, Money::from_cents(80'00), history, today).eligible);
  history.broken_on = {on("2025-11-23")};  // 12 months ago today
  EXPECT_TRUE(arrangement_eligibility(policy, Money::from_cents(80'00), history, today).eligible);
  history.arrangement_in_force = true;
  EXPECT_EQ(arrangement_eligibility(policy, Money::from_cents(80'00), history, today).reason,
            "an arrangement is already in force");
  history.account_open = false;
  EXPECT_EQ(arrangement_eligibility(policy, Money::from_cents(80'00), history, today).reason,
            "the account is closed");
}

TEST(ArrangementEligibility, EachReasonHasItsCode) {
  ArrangementPolicy policy;
  ArrangementHistory history;
  const LocalDate today = on("2026-11-23");
  auto code_for = [&](Money past_due) {
    return arrangement_eligibility(policy, past_due, history, today).reason_code;
  };
  EXPECT_EQ(code_for(Money::from_cents(80'00)), "");
  EXPECT_EQ(code_for(Money::from_cents(24'99)), "past-due-too-small");
  EXPECT_EQ(code_for(Money()), "nothing-past-due");
  history.broken_on = {on("2025-11-24")};
  EXPECT_EQ(code_for(Money::from_cents(80'00)), "arrangement-broken");
  history.arrangement_in_force = true;
  EXPECT_EQ(code_for(Money::from_cents(80'00)), "arrangement-in-force");
  history.account_open = false;
  EXPECT_EQ(code_for(Money::from_cents(80'00)), "account-closed");
}

TEST(ArrangementPolicyCheck, NamesWhatIsOutOfRange) {
  ArrangementPolicy policy;
  EXPECT_TRUE(check_arrangement_policy(policy).ok());
  policy.down_payment_bp = 10'001;
  EXPECT_EQ(check_arrangement_policy(policy).error().field, "down_payment_bp");
  policy = {};
  policy.most_installments = 13;
  EXPECT_EQ(check_arrangement_policy(policy).error().field, "installments");
  policy = {};
  policy.fewest_installments = 7;
  EXPECT_EQ(check_arrangement_policy(policy).error().field, "installments");
}

}  // namespace
}  // namespace rp::ledger
