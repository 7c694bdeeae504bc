// What an account owes, by when and why, read from a real database (each engine) after real bill
// runs, an arrangement and a late fee: the figures Home, Pay, the bill page and staff all show.

#include "billing/amount_owed_view.h"

#include <gtest/gtest.h>

#include "accounts/ledger.h"
#include "billing/bill_views.h"
#include "billing/testing/billing_fixture.h"
#include "ledger/arrangements.h"

namespace rp::billing {
namespace {

class AmountOwedViewTest : public testing::BillingFixture {
 protected:
  void SetUp() override {
    BillingFixture::SetUp();
    std::tie(behind_, other_) = two_accounts_billed_to_october();
    ASSERT_FALSE(HasFailure());
  }

  void post(const AccountNumber& account, accounts::LedgerEntryKind kind, std::int64_t cents,
            const std::string& day) {
    auto posted = test_->write<std::int64_t>([&](store::Session& session) {
      return accounts::post_ledger_entry(
          session, {account_id(account), kind, Money::from_cents(cents), day, "T-1", "test"});
    });
    ASSERT_TRUE(posted.ok()) << posted.error().message;
  }

  AmountOwed owed_on(const AccountNumber& account, const char* today) {
    auto owed = test_->read<AmountOwed>([&](store::Session& session) {
      return amount_owed(session, account_id(account), testing::on(today));
    });
    EXPECT_TRUE(owed.ok()) << owed.error().message;
    return owed.ok() ? *owed : AmountOwed{};
  }

  BillSummary latest(const AccountNumber& account) {
    auto bills = account_bills(test_.database(), account, BillPage{0, 1});
    EXPECT_TRUE(bills.ok() && !bills->empty());
    return bills->at(0);
  }

  AccountNumber behind_ = AccountNumber::from_sequence(0);
  AccountNumber other_ = AccountNumber::from_sequence(0);
};

Money sum_of(const AmountOwed& owed) {
  Money total;
  for (const OwedReason& reason : owed.reasons) total = total + reason.amount;
  return total;
}

TEST_F(AmountOwedViewTest, AnUnpaidBillIsOwedAndPastDueAfterItsDueDate) {
  // Nothing was ever paid: the latest bill carries the earlier bills forward, past due already;
  // its own charges are due by its due date.
  const BillSummary bill = latest(behind_);
  ASSERT_GT(bill.previous_balance.cents(), 0);
  const AmountOwed before = owed_on(behind_, bill.bill_date.c_str());
  EXPECT_EQ(before.now, bill.amount_due);
  EXPECT_EQ(before.past_due, bill.amount_due - bill.charges);
  ASSERT_TRUE(before.due_on);
  EXPECT_EQ(format_local_date(*before.due_on), bill.due_date);

  const LocalDate after =
      LocalDate(date::sys_days(testing::on(bill.due_date.c_str())) + date::days(1));
  const AmountOwed late = owed_on(behind_, format_local_date(after).c_str());
  EXPECT_EQ(late.now, bill.amount_due);
  EXPECT_EQ(late.past_due, bill.amount_due);
  EXPECT_FALSE(late.due_on);
  EXPECT_EQ(sum_of(late), late.now);
}

TEST_F(AmountOwedViewTest, ALateFeeIsOwedNowAndNamedNotLeftOut) {
  const BillSummary bill = latest(behind_);
  post(behind_, accounts::LedgerEntryKind::late_fee, 5'00, "2026-11-01");
  const AmountOwed owed = owed_on(behind_, "2026-11-02");
  EXPECT_EQ(owed.now, bill.amount_due + Money::from_cents(5'00));
  ASSERT_EQ(owed.reasons.size(), 2u);
  EXPECT_EQ(owed.reasons[0].kind, "bill");
  EXPECT_EQ(owed.reasons[0].bill_number, bill.number);
  EXPECT_EQ(owed.reasons[1].kind, "late_fee");
  EXPECT_EQ(owed.reasons[1].amount, Money::from_cents(5'00));
  EXPECT_EQ(owed.now, owed.balance);
}

TEST_F(AmountOwedViewTest, AfterAnArrangementOnlyTheDownPaymentIsOwedAndNothingIsPastDue) {
  auto made = ledger::make_arrangement(test_.database(), behind_, 4, "customer:1");
  ASSERT_TRUE(made.ok()) << made.error().message;
  const AmountOwed owed = owed_on(behind_, made->created_on.c_str());
  EXPECT_EQ(owed.now, made->down_payment);
  EXPECT_EQ(owed.past_due, Money());
  ASSERT_TRUE(owed.due_on);
  EXPECT_EQ(format_local_date(*owed.due_on), made->down_payment_due_on);
  EXPECT_EQ(owed.deferred, made->past_due - made->down_payment);
  EXPECT_EQ(owed.reasons.back().kind, "arranged");
  EXPECT_EQ(sum_of(owed), owed.now);

  // The down payment is paid: nothing is owed until the next bill asks for an installment.
  post(behind_, accounts::LedgerEntryKind::payment, -made->down_payment.cents(), made->created_on);
  EXPECT_EQ(owed_on(behind_, made->created_on.c_str()).now, Money());

  // The next bill carries one installment; what is owed is exactly what it asks.
  ASSERT_TRUE(run(3, "2026-11-04").ok());
  const BillSummary november = latest(behind_);
  ASSERT_TRUE(november.arrangement_installment);
  const AmountOwed billed = owed_on(behind_, november.bill_date.c_str());
  EXPECT_EQ(billed.now, november.amount_due);
  EXPECT_EQ(billed.deferred, november.arrangement_deferred);
}

TEST_F(AmountOwedViewTest, AnAccountWithoutABillOwesItsBalance) {
  auto fresh = open("E3000017", false, "9 Birch Ln");
  post(fresh, accounts::LedgerEntryKind::deposit, 75'00, "2026-11-02");
  const AmountOwed owed = owed_on(fresh, "2026-11-03");
  EXPECT_EQ(owed.now, Money::from_cents(75'00));
  ASSERT_EQ(owed.reasons.size(), 1u);
  EXPECT_EQ(owed.reasons[0].kind, "deposit");
}

}  // namespace
}  // namespace rp::billing
