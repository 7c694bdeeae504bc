#include "ledger/budget_billing.h"

#include <gtest/gtest.h>

namespace rp::ledger {
namespace {

Money dollars(std::int64_t cents) {
  return Money::from_cents(cents);
}

std::vector<Money> months(std::initializer_list<std::int64_t> cents) {
  std::vector<Money> out;
  for (std::int64_t value : cents) out.push_back(dollars(value));
  return out;
}

TEST(BudgetBilling, TheInstallmentIsTheAverageOfTheLastTwelveBills) {
  // 14 bills: the first two (999.00 each) are older than a year and do not count.
  auto history = months({99900, 99900, 18000, 16000, 12000, 9000, 8000, 9000, 11000, 14000, 16000,
                         19000, 22000, 21001});
  auto installment = levelized_installment(history);
  ASSERT_TRUE(installment.ok());
  // 175,001 cents / 12 = 14,583.4 -> 145.83.
  EXPECT_EQ(*installment, dollars(14583));
  EXPECT_EQ(*levelized_installment(months({100, 100, 101})), dollars(100));  // 100.33 -> 100
  EXPECT_EQ(*levelized_installment(months({100, 100, 102})), dollars(101));  // 100.67 -> 101
}

TEST(BudgetBilling, TooLittleHistoryIsRefused) {
  auto refused = levelized_installment(months({12000, 13000}));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "history");
  EXPECT_EQ(refused.error().message,
            "budget billing needs at least 3 bills of history to level; the account has 2");
}

TEST(BudgetBilling, EachBillAsksTheInstallmentAndDefersTheDifference) {
  BudgetState state{dollars(12000), dollars(-1500), 0, 8, months({12000, 12000, 12000})};
  BudgetBill winter = budget_bill(state, dollars(18000));
  EXPECT_EQ(winter.asked, dollars(12000));
  EXPECT_EQ(winter.deferred_after, dollars(4500));  // -15.00 + 180.00 - 120.00
  EXPECT_EQ(winter.next_installment, dollars(12000));
  EXPECT_FALSE(winter.trued_up);
  EXPECT_EQ(winter.bills_since_review, 1);
}

TEST(BudgetBilling, AReviewChangesTheInstallmentOnlyBeyondTheThreshold) {
  // The third bill since the last review: the average of the 4 bills (130.00) plus the deferred
  // 80.00 over the 6 bills left (13.33) is 143.33, more than 10% above 120.00.
  BudgetState state{dollars(12000), dollars(4000), 2, 7, months({12000, 12000, 12000})};
  BudgetBill reviewed = budget_bill(state, dollars(16000));
  EXPECT_EQ(reviewed.deferred_after, dollars(8000));
  EXPECT_TRUE(reviewed.installment_changed);
  EXPECT_EQ(reviewed.bills_since_review, 0);
  EXPECT_EQ(reviewed.next_installment, dollars(12000 + 1000 + 1333));  // 130 + 80/6 = 143.33
  // Within 10%: the installment stays.
  BudgetState close{dollars(12000), dollars(0), 2, 7, months({12000, 12000, 12000})};
  BudgetBill kept = budget_bill(close, dollars(13000));
  EXPECT_FALSE(kept.installment_changed);
  EXPECT_EQ(kept.next_installment, dollars(12000));
}

TEST(BudgetBilling, TheTrueUpBillSettlesTheDeferredBalanceEitherWay) {
  BudgetState owed{dollars(12000), dollars(9500), 1, 1, months({12000, 14000, 10000})};
  BudgetBill true_up = budget_bill(owed, dollars(11000));
  EXPECT_TRUE(true_up.trued_up);
  EXPECT_EQ(true_up.asked, dollars(20500));  // 110.00 actual + 95.00 deferred
  EXPECT_EQ(true_up.deferred_after, dollars(0));
  EXPECT_EQ(true_up.next_installment, dollars(11750));  // (120 + 140 + 100 + 110) / 4
  BudgetState credit{dollars(12000), dollars(-6000), 1, 1, months({12000, 12000, 12000})};
  BudgetBill refund = budget_bill(credit, dollars(5000));
  EXPECT_EQ(refund.asked, dollars(-1000));  // 50.00 used, 60.00 collected ahead: a credit
}

}  // namespace
}  // namespace rp::ledger
