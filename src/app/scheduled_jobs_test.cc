#include "app/scheduled_jobs.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include "core/testing/client_keys.h"

#include "accounts/ledger.h"
#include "accounts/testing/account_fixtures.h"
#include "payments/payment_intake.h"
#include "payments/test_processor.h"
#include "store/testing/test_database.h"

namespace rp::app {
namespace {

using store::testing::count;

// The scheduler runs the late-fee job once the utility's jobs hour has come: a bill long past
// due gets its fee without anyone asking, and only once however often the scheduler wakes.
TEST(ScheduledJobs, RunTheLateFeeJobOnceADay) {
  store::testing::TestDatabase test;
  AccountNumber number = accounts::testing::open_sample_account(test.database());
  auto written = test->write<bool>([&](store::Session& session) -> Result<bool> {
    RP_TRY(session.execute(
        "INSERT INTO utility_settings (key, value) VALUES ('daily_jobs_hour', '0')"));
    auto account =
        session.query("SELECT id FROM accounts WHERE number = :number", {number.digits()});
    RP_TRY(account);
    const std::int64_t id = account->at(0).integer(0);
    RP_TRY(session.execute(
        "INSERT INTO bills (account_id, number, status, period_start, period_end, bill_date, "
        "due_date, charges_cents, created_at, released_at) VALUES (:account, 1, 'released', "
        "'2025-01-01', '2025-02-01', '2025-02-03', '2025-02-24', 10000, 'x', 'x')",
        {id}));
    RP_TRY(accounts::post_ledger_entry(
        session, {id, accounts::LedgerEntryKind::bill, Money::from_cents(10000), "2025-02-03", "1",
                  "Bill 1"}));
    return true;
  });
  ASSERT_TRUE(written.ok()) << written.error().message;
  {
    ScheduledJobs jobs(test.database(), nullptr, 1);
    for (int i = 0; i < 200 && count(test.database(), "SELECT COUNT(*) FROM late_fees") == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // at least one more wake-up
  }
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM late_fees"), 1);
  EXPECT_EQ(count(test.database(),
                  "SELECT CAST(SUM(amount_cents) AS BIGINT) FROM ledger_entries WHERE kind = "
                  "'late_fee'"),
            500);
}

}  // namespace
}  // namespace rp::app

namespace rp::app {
namespace {

// A payment left pending by a processor timeout is settled by the scheduler within a tick.
TEST(ScheduledJobs, SettleAPaymentLeftPendingByATimeout) {
  store::testing::TestDatabase test;
  AccountNumber number = accounts::testing::open_sample_account(test.database());
  payments::TestProcessor processor;
  auto token = processor.tokenize_card({"4000000000000408", 12, 2030, "123"},
                                       LocalDate{date::year{2026} / 11 / 23});
  ASSERT_TRUE(token.ok());
  auto pending = payments::submit_payment(
      test.database(), processor,
      {number, Money::from_cents(42'00), *token, payments::PaymentChannel::web,
       rp::testing::client_key("key-1"), "customer"});
  ASSERT_TRUE(pending.ok()) << pending.error().message;
  ASSERT_EQ(pending->status, payments::PaymentStatus::pending);
  ASSERT_TRUE(test->write<std::int64_t>([](store::Session& session) {
                    return session.execute(
                        "UPDATE payments SET created_at = '2026-01-01T00:00:00Z'");
                  })
                  .ok());
  {
    ScheduledJobs jobs(test.database(), &processor, 1);
    for (int i = 0; i < 200 && count(test.database(),
                                     "SELECT COUNT(*) FROM payments WHERE "
                                     "status = 'posted'") == 0;
         ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM payments WHERE status = 'posted'"), 1);
  EXPECT_EQ(count(test.database(),
                  "SELECT CAST(SUM(amount_cents) AS BIGINT) FROM ledger_entries WHERE kind = "
                  "'payment'"),
            -42'00);
}

}  // namespace
}  // namespace rp::app
