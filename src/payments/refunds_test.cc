// Refunds of credit balances and same-day voids.

#include "payments/refunds.h"

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "core/testing/client_keys.h"
#include "payments/counter_payments.h"
#include "payments/payment_intake.h"
#include "payments/payment_voids.h"
#include "payments/testing/payment_processors.h"
#include "store/testing/test_database.h"

namespace rp::payments {
namespace {

using store::testing::count;
using store::testing::query;

class RefundsTest : public ::testing::Test {
 protected:
  RefundsTest()
      : account_(accounts::testing::open_sample_account(test_.database())),
        processors_(test_.database()) {}

  PaymentView pay(std::int64_t cents, const std::string& key) {
    auto paid =
        submit_payment(test_.database(), processors_.processors(),
                       {account_, Money::from_cents(cents), processors_.card("4242424242424242"),
                        PaymentChannel::web, rp::testing::client_key(key), "customer"});
    EXPECT_TRUE(paid.ok());
    return paid.ok() ? *paid : PaymentView{};
  }

  Result<Refund> refund(std::optional<Money> amount, const std::string& key) {
    return refund_credit_balance(test_.database(), {account_, amount, "overpayment",
                                                    rp::testing::client_key(key), "staff:ana"});
  }

  std::int64_t balance() {
    return count(test_.database(),
                 "SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM ledger_entries");
  }

  store::testing::TestDatabase test_;
  AccountNumber account_;
  testing::TestPaymentProcessors processors_;
};

TEST_F(RefundsTest, ACreditBalanceIsRefundedByCheckOnce) {
  pay(100'00, "p1");
  EXPECT_EQ(balance(), -100'00);
  auto part = refund(Money::from_cents(40'00), "r1");
  ASSERT_TRUE(part.ok()) << part.error().message;
  EXPECT_EQ(part->amount, Money::from_cents(40'00));
  EXPECT_EQ(part->method, "check");
  EXPECT_NE(part->mail_to.find("Maria Lopez"), std::string::npos);
  EXPECT_EQ(balance(), -60'00);
  auto replay = refund(Money::from_cents(40'00), "r1");
  ASSERT_TRUE(replay.ok());
  EXPECT_TRUE(replay->replayed);
  EXPECT_EQ(balance(), -60'00);
  EXPECT_EQ(refund(Money::from_cents(41'00), "r1").error().field, "idempotency_key");
  auto too_much = refund(Money::from_cents(60'01), "r2");
  ASSERT_FALSE(too_much.ok());
  EXPECT_EQ(too_much.error().field, "amount");
  EXPECT_NE(too_much.error().message.find("$60.00"), std::string::npos);
  auto rest = refund(std::nullopt, "r3");  // the whole credit
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(rest->amount, Money::from_cents(60'00));
  EXPECT_EQ(balance(), 0);
  EXPECT_EQ(refund(Money::from_cents(0), "r5").error().field, "amount");
  EXPECT_EQ(refund_credit_balance(test_.database(), {account_, std::nullopt, "",
                                                     rp::testing::client_key("r6"), "staff:ana"})
                .error()
                .field,
            "reason");
  auto nothing = refund(std::nullopt, "r4");
  ASSERT_FALSE(nothing.ok());
  EXPECT_EQ(nothing.error().kind, ErrorKind::conflict);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM ledger_entries WHERE kind = 'refund'"),
            2);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = "
                  "'refund.issued'"),
            2);
}

TEST_F(RefundsTest, AClosedAccountsFinalCreditIsRefunded) {
  pay(25'00, "p1");
  ASSERT_TRUE(test_
                  ->write<std::int64_t>([&](store::Session& session) {
                    return session.execute("UPDATE accounts SET status = 'closed'");
                  })
                  .ok());
  auto refunded = refund(std::nullopt, "r1");
  ASSERT_TRUE(refunded.ok()) << refunded.error().message;
  EXPECT_EQ(refunded->amount, Money::from_cents(25'00));
  EXPECT_EQ(balance(), 0);
}

TEST_F(RefundsTest, APaymentIsVoidedTheSameDayOnlyAndOnce) {
  const PaymentView paid = pay(30'00, "p1");
  auto voided = void_payment(test_.database(), processors_.processors(), paid.confirmation,
                             "keyed twice", "staff:ana");
  ASSERT_TRUE(voided.ok()) << voided.error().message;
  EXPECT_EQ(voided->status, PaymentStatus::voided);
  EXPECT_EQ(balance(), 0);
  auto entries =
      query(test_.database(), "SELECT kind, reverses_entry_id FROM ledger_entries ORDER BY id");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].text(0), "reversal");
  EXPECT_EQ(entries[1].integer(1), count(test_.database(), "SELECT ledger_entry_id FROM payments"));
  auto again = void_payment(test_.database(), processors_.processors(), paid.confirmation,
                            "keyed twice", "staff:ana");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(balance(), 0);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = "
                  "'payment.voided'"),
            1);

  EXPECT_EQ(
      void_payment(test_.database(), processors_.processors(), "P999999999", "typo", "staff:ana")
          .error()
          .kind,
      ErrorKind::not_found);
  auto declined =
      submit_payment(test_.database(), processors_.processors(),
                     {account_, Money::from_cents(5'00), processors_.card("4000000000000002"),
                      PaymentChannel::web, rp::testing::client_key("d1"), "c"});
  ASSERT_EQ(declined->status, PaymentStatus::failed);
  EXPECT_EQ(void_payment(test_.database(), processors_.processors(), declined->confirmation, "typo",
                         "staff:ana")
                .error()
                .kind,
            ErrorKind::conflict);

  const PaymentView old = pay(10'00, "p2");
  ASSERT_TRUE(test_
                  ->write<std::int64_t>([&](store::Session& session) {
                    return session.execute(
                        "UPDATE payments SET effective_on = '2026-01-05' WHERE confirmation = '" +
                        old.confirmation + "'");
                  })
                  .ok());
  auto late = void_payment(test_.database(), processors_.processors(), old.confirmation, "late",
                           "staff:ana");
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().kind, ErrorKind::conflict);
  EXPECT_EQ(
      void_payment(test_.database(), processors_.processors(), old.confirmation, "", "staff:ana")
          .error()
          .field,
      "reason");
  EXPECT_EQ(balance(), -10'00);
}

TEST_F(RefundsTest, CashAtTheCounterVoidsAndASentBankPaymentDoesNot) {
  auto cash = take_counter_payment(
      test_.database(),
      {account_, Money::from_cents(20'00), "cash", "", "staff:ana", rp::testing::client_key("c1")});
  ASSERT_TRUE(cash.ok());
  ASSERT_TRUE(void_payment(test_.database(), processors_.processors(), cash->confirmation,
                           "wrong account", "staff:ana")
                  .ok());
  EXPECT_EQ(balance(), 0);

  auto bank = submit_payment(
      test_.database(), processors_.processors(),
      {account_, Money::from_cents(15'00), processors_.bank(test_.database(), "000123456789"),
       PaymentChannel::web, rp::testing::client_key("b1"), "customer"});
  ASSERT_TRUE(bank.ok());
  ASSERT_TRUE(test_
                  ->write<std::int64_t>([&](store::Session& session) -> Result<std::int64_t> {
                    RP_TRY(session.execute(
                        "INSERT INTO ach_files (created_on, file_id_modifier, effective_on, "
                        "entry_count, total_cents, content, created_at, created_by) VALUES "
                        "('2026-11-23', 'A', '2026-11-24', 1, 1500, 'x', 'x', 'test')"));
                    return session.execute(
                        "UPDATE payments SET ach_file_id = 1 WHERE method = "
                        "'bank'");
                  })
                  .ok());
  auto sent = void_payment(test_.database(), processors_.processors(), bank->confirmation,
                           "changed my mind", "customer");
  ASSERT_FALSE(sent.ok());
  EXPECT_NE(sent.error().message.find("ACH file"), std::string::npos);
  EXPECT_EQ(balance(), -15'00);
}

}  // namespace
}  // namespace rp::payments
