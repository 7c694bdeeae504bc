#include "billing/budget_enrolment.h"

#include <gtest/gtest.h>

#include "billing/bill_views.h"
#include "billing/testing/billing_fixture.h"
#include "ledger/late_fee_job.h"

namespace rp::billing {
namespace {

using store::testing::count;
using testing::on;

const accounts::CustomerConsent kByPhone{"Pat Level", "phone", "call 1"};

// Two electric accounts billed July to October (0.50 a day + 0.10 a kWh, 48 kWh a day), enrolled
// in budget billing before November's run.
class BudgetBillingTest : public testing::BillingFixture {
 protected:
  void SetUp() override {
    BillingFixture::SetUp();
    std::tie(level_, trued_) = two_accounts_billed_to_october();
    ASSERT_FALSE(HasFailure());
  }

  std::int64_t charges_before_november(const AccountNumber& account) {
    return count(test_.database(),
                 "SELECT CAST(SUM(b.charges_cents) AS BIGINT) FROM bills b JOIN accounts a ON "
                 "a.id = b.account_id WHERE a.number = '" +
                     account.digits() + "'");
  }

  AccountNumber level_ = AccountNumber::from_sequence(0);
  AccountNumber trued_ = AccountNumber::from_sequence(0);
};

TEST_F(BudgetBillingTest, BillsAskForTheInstallmentAndTheLedgerKeepsTheActualCharges) {
  const std::int64_t bills = count(test_.database(), "SELECT COUNT(*) FROM bills") / 2;
  const std::int64_t history = charges_before_november(level_);
  auto plan = enroll_budget_billing(test_.database(), {level_, 12, "staff:test", kByPhone});
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  // The average of the account's bills so far, rounded half away from zero.
  EXPECT_EQ(plan->installment.cents(), (history + bills / 2) / bills);
  auto again = enroll_budget_billing(test_.database(), {level_, 12, "staff:test", kByPhone});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);

  ASSERT_TRUE(run(3, "2026-11-04").ok());
  auto november = account_bills(test_.database(), level_, BillPage{0, 1});
  ASSERT_TRUE(november.ok());
  const BillSummary& bill = november->at(0);
  ASSERT_TRUE(bill.budget_asked);
  EXPECT_EQ(*bill.budget_asked, plan->installment);
  EXPECT_EQ(bill.charges.cents(), 15'920);  // the actual charges: 1,442 kWh and 30 days
  EXPECT_EQ(bill.budget_deferred.cents(), 15'920 - plan->installment.cents());
  EXPECT_EQ(bill.amount_due, bill.previous_balance + plan->installment);
  // The ledger posted the actual charges: the balance is still the sum of the entries.
  EXPECT_EQ(count(test_.database(),
                  "SELECT CAST(SUM(le.amount_cents) AS BIGINT) FROM "
                  "ledger_entries le JOIN accounts a ON a.id = le.account_id "
                  "WHERE a.number = '" +
                      level_.digits() + "'"),
            history + 15'920);

  // Nothing paid: the late fee is on what the bill asked for, not on the deferred usage.
  // (Run on that day: late fees are charged only for days that have passed.)
  const HistoryClock on_the_day(
      UtilityZone::find("America/Los_Angeles")->start_of_day(on("2026-12-20")) +
      std::chrono::hours(12));
  ledger::LateFeeRunRequest fees;
  fees.today = on("2026-12-20");
  auto assessed = ledger::assess_late_fees(test_.database(), fees);
  ASSERT_TRUE(assessed.ok()) << assessed.error().message;
  EXPECT_EQ(count(test_.database(),
                  "SELECT unpaid_cents FROM late_fees WHERE bill_id = " + std::to_string(bill.id)),
            plan->installment.cents());
}

TEST_F(BudgetBillingTest, TheTrueUpMonthAsksForTheActualChargesAndTheDeferredBalance) {
  auto plan = enroll_budget_billing(test_.database(), {trued_, 11, "staff:test", kByPhone});
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  ASSERT_TRUE(run(3, "2026-11-04").ok());  // billed in November: the true-up
  auto november = account_bills(test_.database(), trued_, BillPage{0, 1});
  ASSERT_TRUE(november.ok());
  const BillSummary& bill = november->at(0);
  ASSERT_TRUE(bill.budget_asked);
  EXPECT_EQ(bill.budget_asked->cents(), 15'920);  // nothing deferred yet: the actual charges
  EXPECT_EQ(bill.budget_deferred.cents(), 0);
  EXPECT_EQ(bill.amount_due, bill.previous_balance + bill.charges);
}

TEST_F(BudgetBillingTest, EnrolmentNeedsHistoryAndAMonth) {
  auto bad_month = enroll_budget_billing(test_.database(), {level_, 13, "staff:test", kByPhone});
  ASSERT_FALSE(bad_month.ok());
  EXPECT_EQ(bad_month.error().field, "true_up_month");
  AccountNumber newcomer = open("E3000017", false, "5 Ash Ct");
  auto no_history = enroll_budget_billing(test_.database(), {newcomer, {}, "staff:test", kByPhone});
  ASSERT_FALSE(no_history.ok());
  EXPECT_EQ(no_history.error().field, "history");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM budget_plans"), 0);
}

TEST_F(BudgetBillingTest, LeavingEndsThePlanAndTheDeferredBalanceFallsDueOnTheNextBill) {
  // One account leaves before November's bill: that bill is an ordinary one.
  ASSERT_TRUE(enroll_budget_billing(test_.database(), {trued_, 12, "staff:test", kByPhone}).ok());
  auto early = leave_budget_billing(test_.database(), trued_, "customer:1", std::nullopt);
  ASSERT_TRUE(early.ok()) << early.error().message;
  EXPECT_EQ(early->deferred_balance.cents(), 0);  // no budget bill yet: nothing deferred

  // The other leaves after November's budget bill deferred part of its charges.
  auto plan = enroll_budget_billing(test_.database(), {level_, 12, "staff:test", kByPhone});
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  ASSERT_TRUE(run(3, "2026-11-04").ok());
  auto november = account_bills(test_.database(), level_, BillPage{0, 1});
  ASSERT_TRUE(november.ok());
  ASSERT_TRUE(november->at(0).budget_asked);
  auto left = leave_budget_billing(test_.database(), level_, "customer:1", std::nullopt);
  ASSERT_TRUE(left.ok()) << left.error().message;
  EXPECT_EQ(left->deferred_balance, november->at(0).budget_deferred);
  EXPECT_EQ(left->deferred_balance.cents(), 15'920 - plan->installment.cents());
  EXPECT_EQ(left->ended_on.size(), 10u);

  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM budget_plans WHERE status = 'active'"),
            0);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM budget_plans WHERE status = 'ended' AND ended_on IS NOT "
                  "NULL"),
            2);
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM account_events WHERE kind = 'budget.ended'"),
      2);
  auto again = leave_budget_billing(test_.database(), level_, "customer:1", std::nullopt);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM account_events WHERE kind = 'budget.ended'"),
      2);

  auto ordinary = account_bills(test_.database(), trued_, BillPage{0, 1});
  ASSERT_TRUE(ordinary.ok());
  const BillSummary& bill = ordinary->at(0);
  EXPECT_FALSE(bill.budget_asked);
  EXPECT_EQ(bill.amount_due, bill.previous_balance + bill.charges);
  // Enrolling again after leaving is allowed.
  EXPECT_TRUE(enroll_budget_billing(test_.database(), {level_, 12, "staff:test", kByPhone}).ok());
}

TEST_F(BudgetBillingTest, StaffActOnlyWithTheCustomersConsentWhichTheHistoryRecords) {
  auto unasked = enroll_budget_billing(test_.database(), {level_, 12, "staff:test", std::nullopt});
  ASSERT_FALSE(unasked.ok());
  EXPECT_EQ(unasked.error().field, "consent");
  auto bad = enroll_budget_billing(
      test_.database(), {level_, 12, "staff:test", accounts::CustomerConsent{"", "phone", ""}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "consent.given_by");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM budget_plans"), 0);
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM account_events WHERE kind LIKE 'budget.%'"), 0);

  ASSERT_TRUE(enroll_budget_billing(test_.database(), {level_, 12, "staff:test", kByPhone}).ok());
  auto unasked_leave = leave_budget_billing(test_.database(), level_, "staff:test", std::nullopt);
  ASSERT_FALSE(unasked_leave.ok());
  EXPECT_EQ(unasked_leave.error().field, "consent");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM budget_plans WHERE status = 'active'"),
            1);
  const accounts::CustomerConsent at_counter{"Pat Level", "in_person", ""};
  ASSERT_TRUE(leave_budget_billing(test_.database(), level_, "staff:test", at_counter).ok());
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'budget.enrolled' AND actor "
                  "= 'staff:test' AND summary LIKE '%at the request of Pat Level, by phone "
                  "(call 1)' AND details LIKE '%\"given_by\":\"Pat Level\"%'"),
            1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'budget.ended' AND summary "
                  "LIKE '%at the request of Pat Level, in person'"),
            1);
}

TEST_F(BudgetBillingTest, LeavingNeedsAnAccountOnBudgetBilling) {
  auto unknown = leave_budget_billing(test_.database(), AccountNumber::from_sequence(99),
                                      "customer:1", std::nullopt);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
  auto never = leave_budget_billing(test_.database(), level_, "customer:1", std::nullopt);
  ASSERT_FALSE(never.ok());
  EXPECT_EQ(never.error().kind, ErrorKind::conflict);
  EXPECT_NE(never.error().message.find("not on budget billing"), std::string::npos);
}

}  // namespace
}  // namespace rp::billing
