#include "payments/payment_intake.h"

#include <gtest/gtest.h>

#include <regex>
#include <thread>
#include "core/testing/client_keys.h"

#include "accounts/testing/account_fixtures.h"
#include "payments/test_processor.h"
#include "store/testing/test_database.h"

namespace rp::payments {
namespace {

using store::testing::count;
using store::testing::query;

const LocalDate kToday{date::year{2026} / 11 / 23};

class PaymentIntakeTest : public ::testing::Test {
 protected:
  PaymentIntakeTest() : account_(accounts::testing::open_sample_account(test_.database())) {}

  std::string card(const char* number) {
    auto token = processor_.tokenize_card({number, 12, 2028, "123"}, kToday);
    EXPECT_TRUE(token.ok());
    return token.ok() ? *token : "";
  }

  PaymentRequest request(std::int64_t cents, const std::string& token, const std::string& key) {
    return PaymentRequest{account_,
                          Money::from_cents(cents),
                          token,
                          PaymentChannel::web,
                          rp::testing::client_key(key),
                          "customer"};
  }

  std::int64_t balance() {
    return count(test_.database(),
                 "SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM ledger_entries");
  }

  store::testing::TestDatabase test_;
  AccountNumber account_;
  TestProcessor processor_;
};

TEST_F(PaymentIntakeTest, AnApprovedPaymentPostsAtOnceWithAConfirmation) {
  auto paid = submit_payment(test_.database(), processor_,
                             request(84'50, card("4242424242424242"), "key-1"));
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  EXPECT_EQ(paid->status, PaymentStatus::posted);
  EXPECT_TRUE(std::regex_match(paid->confirmation, std::regex("P[0-9]{9}")));
  EXPECT_EQ(paid->method_label, "Visa •••• 4242");
  EXPECT_EQ(paid->balance_after, Money::from_cents(-84'50));  // nothing was owed: a credit
  auto entry = query(test_.database(), "SELECT kind, amount_cents, reference FROM ledger_entries");
  ASSERT_EQ(entry.size(), 1u);
  EXPECT_EQ(entry[0].text(0), "payment");
  EXPECT_EQ(entry[0].integer(1), -84'50);
  EXPECT_EQ(entry[0].text(2), paid->confirmation);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'payment.received'"),
            1);
  // Card numbers are nowhere in the database.
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM payments WHERE token LIKE '%4242424242%' OR "
                  "method_label LIKE '%4242424242%'"),
            0);
}

TEST_F(PaymentIntakeTest, ARetryWithTheSameKeyGetsTheFirstAnswerAndADifferentRequestIsRefused) {
  const std::string token = card("4242424242424242");
  auto first = submit_payment(test_.database(), processor_, request(50'00, token, "key-2"));
  ASSERT_TRUE(first.ok());
  auto retry = submit_payment(test_.database(), processor_, request(50'00, token, "key-2"));
  ASSERT_TRUE(retry.ok()) << retry.error().message;
  EXPECT_TRUE(retry->replayed);
  EXPECT_EQ(retry->confirmation, first->confirmation);
  EXPECT_EQ(retry->balance_after, first->balance_after);
  EXPECT_EQ(balance(), -50'00);
  auto other = submit_payment(test_.database(), processor_, request(60'00, token, "key-2"));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().field, "idempotency_key");
  EXPECT_EQ(balance(), -50'00);
}

TEST_F(PaymentIntakeTest, ARefusedChargeFailsWithItsReasonAndPostsNothing) {
  struct Case {
    const char* number;
    const char* reason;
  };
  int key = 0;
  for (const Case& refused :
       {Case{"4000000000000002", "the card was declined"},
        Case{"4000000000009995", "insufficient funds"},
        Case{"4000000000000119", "the processor had an error; nothing was charged"}}) {
    const std::string idempotency_key = "refused-" + std::to_string(++key);
    auto paid = submit_payment(test_.database(), processor_,
                               request(40'00, card(refused.number), idempotency_key));
    ASSERT_TRUE(paid.ok()) << paid.error().message;
    EXPECT_EQ(paid->status, PaymentStatus::failed);
    EXPECT_EQ(paid->failure_reason, refused.reason);
  }
  EXPECT_EQ(balance(), 0);
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM account_events WHERE kind = 'payment.failed'"),
      3);
}

// A processor that times out on the first charge of each key, and counts what it charged.
class FlakyProcessor : public PaymentProcessor {
 public:
  explicit FlakyProcessor(TestProcessor& inner) : inner_(inner) {}
  ChargeResult charge(const ChargeRequest& request) override {
    if (seen_.insert(request.idempotency_key).second) {
      charged_.insert(request.idempotency_key);  // it went through, but the answer was lost
      return {ChargeOutcome::timeout, "", "the processor did not answer in time"};
    }
    ChargeResult result = inner_.charge(request);
    if (result.outcome == ChargeOutcome::approved) charged_.insert(request.idempotency_key);
    return result;
  }
  std::optional<ChargeResult> lookup(const ChargeRequest& request) override {
    return inner_.lookup(request);
  }
  Result<TokenInfo> describe(const std::string& token) override { return inner_.describe(token); }
  Result<void> void_charge(const ChargeRequest& request) override {
    return inner_.void_charge(request);
  }
  std::size_t charges() const { return charged_.size(); }

 private:
  TestProcessor& inner_;
  std::set<std::string> seen_;
  std::set<std::string> charged_;  // by key: a gateway charges a key once
};

TEST_F(PaymentIntakeTest, ATimeoutLeavesThePaymentPendingUntilARetryOrTheReconciliationSettlesIt) {
  FlakyProcessor flaky(processor_);
  const std::string token = card("4242424242424242");
  auto pending = submit_payment(test_.database(), flaky, request(30'00, token, "key-3"));
  ASSERT_TRUE(pending.ok()) << pending.error().message;
  EXPECT_EQ(pending->status, PaymentStatus::pending);
  EXPECT_EQ(balance(), 0);
  // The customer's retry finishes it: charged once, posted once.
  auto retried = submit_payment(test_.database(), flaky, request(30'00, token, "key-3"));
  ASSERT_TRUE(retried.ok());
  EXPECT_EQ(retried->status, PaymentStatus::posted);
  EXPECT_EQ(retried->confirmation, pending->confirmation);
  EXPECT_EQ(balance(), -30'00);
  EXPECT_EQ(flaky.charges(), 1u);

  // Nobody retries this one: the reconciliation job asks the processor and posts it.
  auto abandoned =
      submit_payment(test_.database(), processor_, request(20'00, card("4000000000000408"), "k4"));
  ASSERT_TRUE(abandoned.ok());
  EXPECT_EQ(abandoned->status, PaymentStatus::pending);
  auto settled = settle_pending_payments(test_.database(), processor_, "9999-12-31T00:00:00Z");
  ASSERT_TRUE(settled.ok()) << settled.error().message;
  EXPECT_EQ(settled->posted, 1);
  EXPECT_EQ(balance(), -50'00);
  auto again = settle_pending_payments(test_.database(), processor_, "9999-12-31T00:00:00Z");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->posted, 0);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM ledger_entries"), 2);
}

TEST_F(PaymentIntakeTest, ConcurrentPaymentsAndRetriesOnOneAccountPostEachPaymentOnce) {
  const std::string token = card("4242424242424242");
  std::vector<std::thread> clients;
  for (int client = 0; client < 6; ++client) {
    clients.emplace_back([&, client] {
      for (int i = 0; i < 10; ++i) {
        // Clients 0-2 and 3-5 send the same ten keys: every payment is sent twice at once.
        const std::string key = "c" + std::to_string(client % 3) + "-" + std::to_string(i);
        auto paid = submit_payment(test_.database(), processor_, request(1'00 + i, token, key));
        EXPECT_TRUE(paid.ok()) << (paid.ok() ? "" : paid.error().message);
      }
    });
  }
  for (std::thread& client : clients) client.join();
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM payments WHERE status = 'posted'"), 30);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM ledger_entries"), 30);
  // 3 x (1.00 + 1.01 + ... + 1.09) = 3 x 10.45.
  EXPECT_EQ(balance(), -31'35);
  auto history = account_payments(test_.database(), account_, 0, 100);
  ASSERT_TRUE(history.ok());
  EXPECT_EQ(history->size(), 30u);
}

TEST_F(PaymentIntakeTest, BadRequestsAreNamedAndChangeNothing) {
  const std::string token = card("4242424242424242");
  auto zero = submit_payment(test_.database(), processor_, request(0, token, "k5"));
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.error().field, "amount");
  auto forged = submit_payment(test_.database(), processor_, request(10'00, "tok_abc", "k6"));
  ASSERT_FALSE(forged.ok());
  EXPECT_EQ(forged.error().field, "token");
  auto no_key = submit_payment(test_.database(), processor_, request(10'00, token, ""));
  ASSERT_FALSE(no_key.ok());
  EXPECT_EQ(no_key.error().field, "idempotency_key");
  PaymentRequest nobody = request(10'00, token, "k7");
  nobody.account = AccountNumber::from_sequence(4242);
  auto unknown = submit_payment(test_.database(), processor_, nobody);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM payments"), 0);
}

TEST_F(PaymentIntakeTest, AClosedAccountsPaymentIsTakenAsACreditToRefund) {
  ASSERT_TRUE(test_
                  ->write<std::int64_t>([](store::Session& session) {
                    return session.execute("UPDATE accounts SET status = 'closed'");
                  })
                  .ok());
  auto paid =
      submit_payment(test_.database(), processor_, request(25'00, card("4242424242424242"), "k8"));
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  EXPECT_EQ(paid->status, PaymentStatus::posted);
  EXPECT_EQ(paid->balance_after, Money::from_cents(-25'00));
}

}  // namespace
}  // namespace rp::payments
