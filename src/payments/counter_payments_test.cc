#include "payments/counter_payments.h"

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "core/testing/client_keys.h"
#include "store/testing/test_database.h"

namespace rp::payments {
namespace {

using store::testing::count;

class CounterPaymentsTest : public ::testing::Test {
 protected:
  CounterPaymentsTest() : account_(accounts::testing::open_sample_account(test_.database())) {}

  CounterPayment counter(std::int64_t cents, const std::string& method, const std::string& key,
                         const std::string& cashier = "staff:ana") {
    return {account_, Money::from_cents(cents),    method, method == "check" ? "1042" : "",
            cashier,  rp::testing::client_key(key)};
  }

  LocalDate today() { return UtilityZone::find("America/Los_Angeles")->local_date(now()); }

  store::testing::TestDatabase test_;
  AccountNumber account_;
};

TEST_F(CounterPaymentsTest, CashAndChecksPostAsTakenAndAddUpInTheDrawer) {
  auto cash = take_counter_payment(test_.database(), counter(60'00, "cash", "c1"));
  ASSERT_TRUE(cash.ok()) << cash.error().message;
  EXPECT_EQ(cash->status, PaymentStatus::posted);
  EXPECT_EQ(cash->channel, PaymentChannel::cashier);
  EXPECT_EQ(cash->method_label, "Cash");
  EXPECT_EQ(cash->balance_after, Money::from_cents(-60'00));
  auto check = take_counter_payment(test_.database(), counter(125'75, "check", "c2"));
  ASSERT_TRUE(check.ok()) << check.error().message;
  EXPECT_EQ(check->method_label, "Check 1042");
  ASSERT_TRUE(take_counter_payment(test_.database(), counter(10'00, "cash", "c3")).ok());
  ASSERT_TRUE(
      take_counter_payment(test_.database(), counter(99'00, "cash", "c4", "staff:ben")).ok());
  // A retry of the first is the first, not a second payment.
  auto retry = take_counter_payment(test_.database(), counter(60'00, "cash", "c1"));
  ASSERT_TRUE(retry.ok());
  EXPECT_TRUE(retry->replayed);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM ledger_entries"), 4);

  auto drawer = cashier_drawer(test_.database(), "staff:ana", today());
  ASSERT_TRUE(drawer.ok()) << drawer.error().message;
  ASSERT_EQ(drawer->lines.size(), 2u);
  EXPECT_EQ(drawer->lines[0].method, "cash");
  EXPECT_EQ(drawer->lines[0].count, 2);
  EXPECT_EQ(drawer->lines[0].total, Money::from_cents(70'00));
  EXPECT_EQ(drawer->lines[1].method, "check");
  EXPECT_EQ(drawer->lines[1].total, Money::from_cents(125'75));
  EXPECT_EQ(drawer->total, Money::from_cents(195'75));
  EXPECT_EQ(drawer->count, 3);
  auto yesterday = cashier_drawer(test_.database(), "staff:ana",
                                  LocalDate(date::sys_days(today()) - date::days(1)));
  ASSERT_TRUE(yesterday.ok());
  EXPECT_EQ(yesterday->count, 0);
}

TEST_F(CounterPaymentsTest, BadCounterPaymentsAreNamedAndWriteNothing) {
  auto no_number = counter(10'00, "check", "c5");
  no_number.check_number = "";
  for (auto [payment, field] :
       {std::pair{counter(10'00, "iou", "c6"), "method"}, std::pair{no_number, "check_number"},
        std::pair{counter(-5'00, "cash", "c7"), "amount"},
        std::pair{counter(10'00, "cash", ""), "idempotency_key"}}) {
    auto refused = take_counter_payment(test_.database(), payment);
    ASSERT_FALSE(refused.ok()) << field;
    EXPECT_EQ(refused.error().field, field);
  }
  ASSERT_TRUE(take_counter_payment(test_.database(), counter(10'00, "cash", "c8")).ok());
  auto changed = take_counter_payment(test_.database(), counter(11'00, "cash", "c8"));
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.error().field, "idempotency_key");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM payments"), 1);
}

}  // namespace
}  // namespace rp::payments
