// Payment arrangements carried by the bill run: an installment on each next bill, the rest
// deferred, and the arrangement broken by rule when a bill carrying one is not paid.

#include "billing/bill_arrangement.h"

#include <gtest/gtest.h>

#include "accounts/ledger.h"
#include "billing/bill_views.h"
#include "billing/testing/billing_fixture.h"
#include "ledger/arrangements.h"
#include "notify/due_reminders.h"
#include "notify/notices.h"

namespace rp::billing {
namespace {

using store::testing::count;

class ArrangementBillingTest : public testing::BillingFixture {
 protected:
  void SetUp() override {
    BillingFixture::SetUp();
    std::tie(behind_, other_) = two_accounts_billed_to_october();
    ASSERT_FALSE(HasFailure());
  }

  void pay(const AccountNumber& account, std::int64_t cents, const std::string& day) {
    auto paid = test_->write<std::int64_t>([&](store::Session& session) {
      return accounts::post_ledger_entry(session,
                                         {account_id(account), accounts::LedgerEntryKind::payment,
                                          Money::from_cents(-cents), day, "P-TEST", "Payment"});
    });
    ASSERT_TRUE(paid.ok()) << paid.error().message;
  }

  std::int64_t events(const char* kind) {
    return count(test_.database(),
                 std::string("SELECT COUNT(*) FROM account_events WHERE kind = '") + kind + "'");
  }

  AccountNumber behind_ = AccountNumber::from_sequence(0);
  AccountNumber other_ = AccountNumber::from_sequence(0);
};

TEST_F(ArrangementBillingTest, TheNextBillAsksForItsChargesAndOneInstallmentOnly) {
  auto offer = ledger::arrangement_offer(test_.database(), behind_);
  ASSERT_TRUE(offer.ok()) << offer.error().message;
  ASSERT_TRUE(offer->eligibility.eligible) << offer->eligibility.reason;
  const Money past_due = offer->past_due;
  EXPECT_GT(past_due.cents(), 0);
  ASSERT_EQ(offer->plans.size(), 5u);  // 2 to 6 installments by default

  auto made = ledger::make_arrangement(test_.database(), behind_, 4, "customer");
  ASSERT_TRUE(made.ok()) << made.error().message;
  EXPECT_EQ(made->status, "active");
  EXPECT_EQ(made->past_due, past_due);
  EXPECT_EQ(events("arrangement.made"), 1);
  auto twice = ledger::make_arrangement(test_.database(), behind_, 4, "customer");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
  EXPECT_NE(twice.error().message.find("already in force"), std::string::npos);

  ASSERT_TRUE(run(3, "2026-11-04").ok());
  auto november = account_bills(test_.database(), behind_, BillPage{0, 1});
  ASSERT_TRUE(november.ok());
  const BillSummary& bill = november->at(0);
  ASSERT_TRUE(bill.arrangement_installment);
  EXPECT_EQ(*bill.arrangement_installment, made->installment);
  EXPECT_EQ(bill.arrangement_deferred, past_due - made->down_payment - made->installment);
  // The balance less what stays deferred: the down payment (not paid), the charges and one
  // installment.
  EXPECT_EQ(bill.amount_due, made->down_payment + bill.charges + made->installment);
  // The other account has no arrangement: its bill is as always.
  auto others = account_bills(test_.database(), other_, BillPage{0, 1});
  EXPECT_FALSE(others->at(0).arrangement_installment);
  EXPECT_EQ(others->at(0).amount_due, others->at(0).previous_balance + others->at(0).charges);

  // Nothing is paid: the day after the bill's due date the arrangement is broken.
  const LocalDate after_due =
      LocalDate(date::sys_days(testing::on(bill.due_date.c_str())) + date::days(1));
  auto reviewed = ledger::review_arrangements(test_.database(), after_due);
  ASSERT_TRUE(reviewed.ok()) << reviewed.error().message;
  EXPECT_EQ(reviewed->broken, 1);
  EXPECT_EQ(events("arrangement.broken"), 1);
  auto listed = ledger::account_arrangements(test_.database(), behind_);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->at(0).status, "broken");
  EXPECT_FALSE(listed->at(0).end_reason.empty());
  // No arrangement is offered again for 12 months.
  auto again = ledger::arrangement_offer(test_.database(), behind_);
  EXPECT_FALSE(again->eligibility.eligible);
  EXPECT_NE(again->eligibility.reason.find("broken"), std::string::npos);
  EXPECT_TRUE(again->plans.empty());
}

TEST_F(ArrangementBillingTest, AnUnmadeDownPaymentAndEachInstallmentAreRemindedOnce) {
  ASSERT_TRUE(notify::start_notices(test_.database()).ok());
  ASSERT_TRUE(test_
                  ->write_work([](store::Session& session) -> Result<void> {
                    RP_TRY(session.execute("UPDATE accounts SET language = 'en'"));
                    return success();
                  })
                  .ok());
  auto made = ledger::make_arrangement(test_.database(), behind_, 4, "customer");
  ASSERT_TRUE(made.ok()) << made.error().message;
  pay(behind_, made->down_payment.cents() - 100, made->created_on);  // $1.00 short
  const LocalDate down_due = testing::on(made->down_payment_due_on.c_str());
  auto days_before = [&](int days) {
    return LocalDate(date::sys_days(down_due) - date::days(days));
  };
  EXPECT_EQ(notify::record_due_reminders(test_.database(), days_before(3))->at_risk, 0);
  auto warned = notify::record_due_reminders(test_.database(), days_before(2));
  ASSERT_TRUE(warned.ok()) << warned.error().message;
  EXPECT_EQ(warned->at_risk, 1);
  EXPECT_EQ(notify::record_due_reminders(test_.database(), days_before(1))->at_risk, 0);
  EXPECT_EQ(events("arrangement.at_risk"), 1);

  // The bill carrying the first installment is reminded of as the installment; the other
  // account's bill as a bill.
  ASSERT_TRUE(run(3, "2026-11-04").ok());
  auto november = account_bills(test_.database(), behind_, BillPage{0, 1});
  ASSERT_TRUE(november.ok());
  const LocalDate due = testing::on(november->at(0).due_date.c_str());
  auto reminded = notify::record_due_reminders(test_.database(),
                                               LocalDate(date::sys_days(due) - date::days(3)));
  ASSERT_TRUE(reminded.ok()) << reminded.error().message;
  EXPECT_EQ(reminded->installments, 1);
  EXPECT_EQ(reminded->recorded, 1);
  EXPECT_EQ(events("arrangement.installment_due"), 1);

  ASSERT_TRUE(
      notify::queue_notices(test_.database(), {.public_url = "https://portal.example.com"}).ok());
  auto mail = store::testing::query(
      test_.database(),
      "SELECT subject, body FROM email_outbox WHERE id IN (SELECT email_id FROM notices WHERE kind "
      "IN ('arrangement.at_risk', 'arrangement.installment_due')) ORDER BY id");
  ASSERT_EQ(mail.size(), 2u);
  EXPECT_NE(mail[0].text(0).find("down payment is due"), std::string::npos) << mail[0].text(0);
  EXPECT_NE(mail[0].text(1).find(": $1.00 is still owed."), std::string::npos) << mail[0].text(1);
  EXPECT_NE(mail[1].text(0).find("installment is due"), std::string::npos) << mail[1].text(0);
  EXPECT_NE(mail[1].text(1).find("installment of your payment arrangement ($" +
                                 made->installment.to_string() + ")"),
            std::string::npos)
      << mail[1].text(1);
}

TEST_F(ArrangementBillingTest, AKeptDownPaymentKeepsTheArrangementInForce) {
  auto made = ledger::make_arrangement(test_.database(), behind_, 2, "customer");
  ASSERT_TRUE(made.ok()) << made.error().message;
  pay(behind_, made->down_payment.cents(), made->created_on);
  const LocalDate after_down_due =
      LocalDate(date::sys_days(testing::on(made->down_payment_due_on.c_str())) + date::days(1));
  auto reviewed = ledger::review_arrangements(test_.database(), after_down_due);
  ASSERT_TRUE(reviewed.ok()) << reviewed.error().message;
  EXPECT_EQ(reviewed->kept, 1);
  EXPECT_EQ(reviewed->broken, 0);
  auto listed = ledger::account_arrangements(test_.database(), behind_);
  EXPECT_EQ(listed->at(0).status, "active");
  EXPECT_TRUE(listed->at(0).down_payment_kept);
  // Judged once: a second review changes nothing.
  EXPECT_EQ(ledger::review_arrangements(test_.database(), after_down_due)->kept, 0);
}

TEST_F(ArrangementBillingTest, AnUnpaidDownPaymentBreaksItAndBadRequestsAreRefused) {
  auto odd = ledger::make_arrangement(test_.database(), behind_, 7, "customer");
  ASSERT_FALSE(odd.ok());
  EXPECT_EQ(odd.error().field, "installments");
  pay(other_, 100'000'00, "2026-10-30");  // everything paid: nothing past due
  auto paid_up = ledger::make_arrangement(test_.database(), other_, 2, "customer");
  ASSERT_FALSE(paid_up.ok());
  EXPECT_NE(paid_up.error().message.find("nothing is past due"), std::string::npos);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM payment_arrangements"), 0);

  auto made = ledger::make_arrangement(test_.database(), behind_, 2, "customer");
  ASSERT_TRUE(made.ok());
  const LocalDate after_down_due =
      LocalDate(date::sys_days(testing::on(made->down_payment_due_on.c_str())) + date::days(1));
  auto reviewed = ledger::review_arrangements(test_.database(), after_down_due);
  EXPECT_EQ(reviewed->broken, 1);
  EXPECT_NE(ledger::account_arrangements(test_.database(), behind_)
                ->at(0)
                .end_reason.find("down payment"),
            std::string::npos);
}

}  // namespace
}  // namespace rp::billing
