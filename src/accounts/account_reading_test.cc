#include <gtest/gtest.h>

#include "accounts/account_service.h"
#include "accounts/ledger.h"
#include "accounts/testing/account_fixtures.h"
#include "store/testing/test_database.h"

namespace rp::accounts {
namespace {

using store::testing::TestDatabase;

TEST(AccountSummary, ShowsBalanceServiceAddressAgreementsAndMeters) {
  TestDatabase test;
  AccountNumber number = testing::open_sample_account(test.database());
  auto posted = test->write<std::int64_t>([&](store::Session& session) -> Result<std::int64_t> {
    auto id = session.query("SELECT id FROM accounts WHERE number = :n", {number.digits()});
    if (!id.ok()) return id.error();
    std::int64_t account_id = id->at(0).integer(0);
    RP_TRY(post_ledger_entry(session, {account_id, LedgerEntryKind::bill, Money::from_cents(12345),
                                       "2026-10-01", "B-1", "October bill", 0}));
    return post_ledger_entry(session, {account_id, LedgerEntryKind::payment,
                                       Money::from_cents(-5000), "2026-10-15", "P-1", "", 0});
  });
  ASSERT_TRUE(posted.ok()) << posted.error().message;

  auto summary = find_account_summary(test.database(), number);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->balance.to_string(), "73.45");
  EXPECT_EQ(summary->status, "active");
  ASSERT_TRUE(summary->service_address.has_value());
  EXPECT_EQ(summary->service_address->line1, "1204 Elm St");
  ASSERT_EQ(summary->agreements.size(), 2u);
  EXPECT_EQ(summary->agreements[0].commodity, "electric");
  EXPECT_EQ(summary->agreements[0].rate_plan.code, "E-RES");
  ASSERT_EQ(summary->agreements[0].meters.size(), 1u);
  EXPECT_EQ(summary->agreements[0].meters[0].serial, "E1000017");
  EXPECT_EQ(summary->agreements[0].meters[0].channels, std::vector<std::string>{"kWh"});
  EXPECT_EQ(summary->agreements[1].commodity, "water");
  EXPECT_EQ(summary->agreements[1].meters[0].kind, "amr");
}

TEST(AccountSummary, AnUnknownNumberIsNotFound) {
  TestDatabase test;
  auto summary = find_account_summary(test.database(), AccountNumber::from_sequence(12345678));
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.error().kind, ErrorKind::not_found);
}

TEST(AccountDetail, ListsEveryEventNewestFirst) {
  TestDatabase test;
  AccountNumber number = testing::open_sample_account(test.database());
  auto detail = find_account_detail(test.database(), number);
  ASSERT_TRUE(detail.ok()) << detail.error().message;
  ASSERT_EQ(detail->events.size(), 3u);
  EXPECT_EQ(detail->events[0].kind, "service.started");
  EXPECT_EQ(detail->events[2].kind, "account.opened");
  EXPECT_EQ(detail->mailing_address.city, "Springfield");
  EXPECT_EQ(detail->bill_cycle, 3);
}

}  // namespace
}  // namespace rp::accounts
