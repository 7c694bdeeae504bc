// Lockbox BAI2 files: matched by scan line or account number, the rest held in suspense, and a
// file imported twice posting nothing twice.

#include "payments/lockbox.h"

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "billing/document/scan_line.h"
#include "store/testing/test_database.h"

namespace rp::payments {
namespace {

using store::testing::count;

struct Detail {
  std::string type_code;
  std::int64_t cents = 0;
  std::string bank_reference;
  std::string customer_reference;
  std::string text;
};

// A one-group, one-account lockbox file with the right control totals and record counts.
std::string lockbox_file(const std::vector<Detail>& details, const std::string& file_id = "1",
                         const std::string& currency = "USD") {
  std::int64_t total = 0;
  std::vector<std::string> account_records = {"03,4410012345," + currency + "/"};
  for (const Detail& detail : details) {
    total += detail.cents;
    account_records.push_back("16," + detail.type_code + "," + std::to_string(detail.cents) +
                              ",0," + detail.bank_reference + "," + detail.customer_reference +
                              "," + detail.text + "/");
  }
  const std::string sum = std::to_string(total);
  account_records.push_back("49," + sum + "," + std::to_string(account_records.size() + 1) + "/");
  std::string text = "01,021000021,RATEPAYER,261124,0615," + file_id + ",80,10,2/\n";
  text += "02,RATEPAYER,021000021,1,261123,2400,,2/\n";
  for (const std::string& record : account_records) text += record + "\n";
  text += "98," + sum + ",1," + std::to_string(account_records.size() + 2) + "/\n";
  text += "99," + sum + ",1," + std::to_string(account_records.size() + 4) + "/\n";
  return text;
}

class LockboxTest : public ::testing::Test {
 protected:
  LockboxTest() : first_(open("E-101")), second_(open("E-102")) {}

  AccountNumber open(const std::string& serial) {
    accounts::testing::SampleAccount sample;
    sample.meter_serial = serial;
    sample.with_water = false;
    sample.line1 = serial + " Elm St";
    return accounts::testing::open_sample_account(test_.database(), sample);
  }

  std::int64_t balance_of(const AccountNumber& account) {
    return count(test_.database(),
                 "SELECT CAST(COALESCE(SUM(le.amount_cents), 0) AS BIGINT) FROM ledger_entries "
                 "le JOIN accounts a ON a.id = le.account_id WHERE a.number = '" +
                     account.digits() + "'");
  }

  store::testing::TestDatabase test_;
  AccountNumber first_;
  AccountNumber second_;
};

TEST_F(LockboxTest, ItemsPostByScanLineOrAccountNumberAndTheRestWaitInSuspense) {
  const std::string stub = billing::document::scan_line(first_, Money::from_cents(84'50));
  const std::string file = lockbox_file({
      {"115", 84'50, "LBX001", stub, "BATCH 7 ITEM 1"},
      {"115", 25'00, "LBX002", second_.digits(), "BATCH 7 ITEM 2"},
      {"115", 10'00, "LBX003", "", "NO STUB, PAID TO WATER CO"},
      {"115", 12'00, "LBX004", "999999999", "A MISTYPED ACCOUNT"},
      {"475", 3'00, "FEE1", "", "LOCKBOX FEE"},
  });
  auto imported = import_lockbox_file(test_.database(), file, "cli");
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  EXPECT_FALSE(imported->already_imported);
  EXPECT_EQ(imported->posted, 2);
  EXPECT_EQ(imported->suspense, 2);
  EXPECT_EQ(imported->total, Money::from_cents(131'50));
  ASSERT_EQ(imported->skipped.size(), 1u);
  EXPECT_NE(imported->skipped[0].find("type 475"), std::string::npos);
  ASSERT_EQ(imported->items.size(), 4u);
  EXPECT_EQ(imported->items[0].account_number, first_.digits());
  EXPECT_EQ(imported->items[0].status, "posted");
  EXPECT_FALSE(imported->items[0].confirmation.empty());
  EXPECT_EQ(imported->items[1].account_number, second_.digits());
  EXPECT_EQ(imported->items[2].status, "suspense");
  EXPECT_EQ(imported->items[2].reason, "the item has no scan line and no account number");
  EXPECT_EQ(imported->items[3].status, "suspense");
  EXPECT_NE(imported->items[3].reason.find("999999999"), std::string::npos);
  EXPECT_EQ(balance_of(first_), -84'50);
  EXPECT_EQ(balance_of(second_), -25'00);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM payments WHERE channel = 'lockbox' "
                  "AND method = 'check' AND status = 'posted' AND "
                  "effective_on = '2026-11-23'"),
            2);

  // Staff place a suspense item; it posts once.
  auto queue = lockbox_suspense(test_.database(), 0, 10);
  ASSERT_TRUE(queue.ok());
  ASSERT_EQ(queue->size(), 2u);
  auto applied = apply_lockbox_item(test_.database(), (*queue)[0].id, second_, "staff:ana");
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  EXPECT_EQ(applied->status, "applied");
  EXPECT_EQ(applied->account_number, second_.digits());
  EXPECT_EQ(balance_of(second_), -35'00);
  auto twice = apply_lockbox_item(test_.database(), (*queue)[0].id, first_, "staff:ana");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
  EXPECT_EQ(balance_of(first_), -84'50);
  EXPECT_EQ(lockbox_suspense(test_.database(), 0, 10)->size(), 1u);
  auto unknown = apply_lockbox_item(test_.database(), 9999, first_, "staff:ana");
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
}

TEST_F(LockboxTest, TheSameFileOrTheSameItemsAgainPostNothingTwice) {
  const std::string file = lockbox_file({{"115", 40'00, "LBX001", first_.digits(), ""}});
  ASSERT_TRUE(import_lockbox_file(test_.database(), file, "cli").ok());
  auto again = import_lockbox_file(test_.database(), file, "cli");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already_imported);
  EXPECT_EQ(again->posted, 0);
  EXPECT_EQ(again->items.size(), 1u);
  // The bank sends the deposit again under another file id, with one new item.
  const std::string resent = lockbox_file(
      {{"115", 40'00, "LBX001", first_.digits(), ""}, {"115", 5'00, "LBX002", first_.digits(), ""}},
      "2");
  auto next = import_lockbox_file(test_.database(), resent, "cli");
  ASSERT_TRUE(next.ok()) << next.error().message;
  EXPECT_FALSE(next->already_imported);
  EXPECT_EQ(next->duplicates, 1);
  EXPECT_EQ(next->posted, 1);
  EXPECT_EQ(balance_of(first_), -45'00);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM payments"), 2);
}

TEST_F(LockboxTest, ABadFileIsNamedAndPostsNothing) {
  std::string broken = lockbox_file({{"115", 40'00, "LBX001", first_.digits(), ""}});
  broken.replace(broken.find("49,4000,"), 8, "49,4001,");
  auto refused = import_lockbox_file(test_.database(), broken, "cli");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "file");
  EXPECT_NE(refused.error().message.find("line"), std::string::npos);
  auto euros = import_lockbox_file(
      test_.database(), lockbox_file({{"115", 40'00, "LBX001", first_.digits(), ""}}, "1", "EUR"),
      "cli");
  ASSERT_FALSE(euros.ok());
  EXPECT_NE(euros.error().message.find("EUR"), std::string::npos);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM payments"), 0);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM lockbox_imports"), 0);
}

}  // namespace
}  // namespace rp::payments
