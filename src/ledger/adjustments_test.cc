#include "ledger/adjustments.h"

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "core/testing/client_keys.h"
#include "store/testing/test_database.h"

namespace rp::ledger {
namespace {

using store::testing::count;
using store::testing::TestDatabase;

class AdjustmentsTest : public ::testing::Test {
 protected:
  AdjustmentsTest() : account_(accounts::testing::open_sample_account(test_.database())) {}

  AdjustmentRequest credit(std::int64_t cents, const std::string& key) {
    return {account_,    Money::from_cents(-cents),   "leak_credit", "leak repaired 2026-11-02",
            "staff:ana", rp::testing::client_key(key)};
  }

  std::int64_t balance() {
    return count(test_.database(),
                 "SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM ledger_entries");
  }

  TestDatabase test_;
  AccountNumber account_;
};

TEST_F(AdjustmentsTest, AnAdjustmentWithinTheLimitPostsAtOnceAndARetryReturnsTheFirstAnswer) {
  auto posted = request_adjustment(test_.database(), credit(25'00, "key-1"));
  ASSERT_TRUE(posted.ok()) << posted.error().message;
  EXPECT_EQ(posted->status, "posted");
  EXPECT_FALSE(posted->replayed);
  ASSERT_TRUE(posted->ledger_entry_id);
  EXPECT_EQ(balance(), -25'00);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM ledger_entries WHERE kind = 'adjustment' AND reference = "
                  "'ADJ-" +
                      std::to_string(posted->id) + "'"),
            1);

  auto retried = request_adjustment(test_.database(), credit(25'00, "key-1"));
  ASSERT_TRUE(retried.ok()) << retried.error().message;
  EXPECT_TRUE(retried->replayed);
  EXPECT_EQ(retried->id, posted->id);
  EXPECT_EQ(balance(), -25'00);

  auto reused = request_adjustment(test_.database(), credit(30'00, "key-1"));
  ASSERT_FALSE(reused.ok());
  EXPECT_EQ(reused.error().field, "idempotency_key");
  EXPECT_EQ(balance(), -25'00);
}

TEST_F(AdjustmentsTest, ALargerAdjustmentWaitsForASecondPerson) {
  auto pending = request_adjustment(test_.database(), credit(250'00, "key-2"));
  ASSERT_TRUE(pending.ok()) << pending.error().message;
  EXPECT_EQ(pending->status, "pending");
  EXPECT_EQ(balance(), 0);
  auto queue = pending_adjustments(test_.database(), 0, 20);
  ASSERT_TRUE(queue.ok());
  ASSERT_EQ(queue->size(), 1u);

  auto self = approve_adjustment(test_.database(), pending->id, "staff:ana", "ok");
  ASSERT_FALSE(self.ok());
  EXPECT_EQ(self.error().kind, ErrorKind::conflict);
  EXPECT_EQ(self.error().message, "adjustment " + std::to_string(pending->id) +
                                      " needs a second person: it was requested by staff:ana");
  EXPECT_EQ(balance(), 0);

  auto approved =
      approve_adjustment(test_.database(), pending->id, "staff:ben", "checked the leak");
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  EXPECT_EQ(approved->status, "posted");
  EXPECT_EQ(approved->decided_by, "staff:ben");
  EXPECT_EQ(balance(), -250'00);
  auto twice = approve_adjustment(test_.database(), pending->id, "staff:cy", "");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
  EXPECT_EQ(balance(), -250'00);

  auto another = request_adjustment(test_.database(), credit(500'00, "key-3"));
  ASSERT_TRUE(another.ok());
  auto rejected = reject_adjustment(test_.database(), another->id, "staff:ben", "no evidence");
  ASSERT_TRUE(rejected.ok()) << rejected.error().message;
  EXPECT_EQ(rejected->status, "rejected");
  EXPECT_EQ(balance(), -250'00);
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM account_events WHERE kind LIKE 'adjustment.%'"),
      4);  // requested, posted, requested, rejected
}

TEST_F(AdjustmentsTest, TheApprovalLimitIsTheUtilitysSetting) {
  ASSERT_TRUE(test_
                  ->write<std::int64_t>([](store::Session& session) {
                    return session.execute(
                        "INSERT INTO utility_settings (key, value) VALUES "
                        "('adjustment_approval_cents', '0')");
                  })
                  .ok());
  auto pending = request_adjustment(test_.database(), credit(1, "key-4"));
  ASSERT_TRUE(pending.ok()) << pending.error().message;
  EXPECT_EQ(pending->status, "pending");
}

TEST_F(AdjustmentsTest, ABadRequestIsNamedAndWritesNothing) {
  auto zero = credit(0, "key-5");
  auto bad_reason = credit(10'00, "key-6");
  bad_reason.reason_code = "because";
  auto no_memo = credit(10'00, "key-7");
  no_memo.memo = " ";
  auto no_key = credit(10'00, "");
  auto nobody = credit(10'00, "key-8");
  nobody.account = AccountNumber::from_sequence(424242);
  for (auto [request, field] :
       {std::pair{zero, "amount"}, std::pair{bad_reason, "reason_code"}, std::pair{no_memo, "memo"},
        std::pair{no_key, "idempotency_key"}, std::pair{nobody, ""}}) {
    auto refused = request_adjustment(test_.database(), request);
    ASSERT_FALSE(refused.ok()) << field;
    EXPECT_EQ(refused.error().field, field);
  }
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM adjustments"), 0);
  EXPECT_EQ(balance(), 0);
}

}  // namespace
}  // namespace rp::ledger
