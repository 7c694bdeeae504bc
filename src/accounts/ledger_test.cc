#include "accounts/ledger.h"

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "store/testing/test_database.h"

namespace rp::accounts {
namespace {

using store::testing::TestDatabase;

TEST(Ledger, BalanceIsTheSumOfEntriesIncludingReversals) {
  TestDatabase test;
  AccountNumber number = testing::open_sample_account(test.database());
  auto balance = test->write<Money>([&](store::Session& session) -> Result<Money> {
    auto id = session.query("SELECT id FROM accounts WHERE number = :n", {number.digits()});
    if (!id.ok()) return id.error();
    std::int64_t account = id->at(0).integer(0);
    auto bill = post_ledger_entry(session, {account, LedgerEntryKind::bill,
                                            Money::from_cents(10001), "2026-10-01", "B-1", "", 0});
    if (!bill.ok()) return bill.error();
    RP_TRY(post_ledger_entry(session, {account, LedgerEntryKind::payment, Money::from_cents(-10001),
                                       "2026-10-02", "P-1", "", 0}));
    auto payment_id = session.query("SELECT MAX(id) FROM ledger_entries");
    if (!payment_id.ok()) return payment_id.error();
    RP_TRY(post_ledger_entry(
        session, {account, LedgerEntryKind::reversal, Money::from_cents(10001), "2026-10-05", "R01",
                  "returned: insufficient funds", payment_id->at(0).integer(0)}));
    return account_balance(session, account);
  });
  ASSERT_TRUE(balance.ok()) << balance.error().message;
  EXPECT_EQ(balance->to_string(), "100.01");
}

TEST(Ledger, AnEntryNeedsAValidDate) {
  TestDatabase test;
  AccountNumber number = testing::open_sample_account(test.database());
  auto posted = test->write<std::int64_t>([&](store::Session& session) -> Result<std::int64_t> {
    auto id = session.query("SELECT id FROM accounts WHERE number = :n", {number.digits()});
    if (!id.ok()) return id.error();
    return post_ledger_entry(session, {id->at(0).integer(0), LedgerEntryKind::adjustment,
                                       Money::from_cents(1), "10/01/2026", "", "", 0});
  });
  ASSERT_FALSE(posted.ok());
  EXPECT_EQ(posted.error().field, "effective_on");
}

}  // namespace
}  // namespace rp::accounts
