#include "ledger/account_statement.h"

#include <gtest/gtest.h>

#include "accounts/account_service.h"
#include "accounts/testing/account_fixtures.h"
#include "store/testing/test_database.h"

namespace rp::ledger {
namespace {

using accounts::LedgerEntryKind;

LocalDate day(const char* text) {
  return *parse_local_date(text, "day");
}

class AccountStatementTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Posted in this order; the payment of the 15th was keyed late, after the late fee.
    post(LedgerEntryKind::bill, 10000, "2026-01-10", "Bill 7");
    post(LedgerEntryKind::payment, -6000, "2026-01-20", "Payment P00000001");
    post(LedgerEntryKind::late_fee, 500, "2026-02-01", "Late fee on bill 7");
    post(LedgerEntryKind::payment, -1000, "2026-01-15", "Payment P00000002");
    post(LedgerEntryKind::bill, 8000, "2026-02-10", "Bill 9");
  }

  void post(LedgerEntryKind kind, std::int64_t cents, const char* on, const char* memo) {
    auto posted = test_->write<std::int64_t>([&](store::Session& session) -> Result<std::int64_t> {
      auto key = accounts::find_account_key(session, account_);
      RP_TRY(key);
      return accounts::post_ledger_entry(
          session, {key->id, kind, Money::from_cents(cents), on, "", memo, 0});
    });
    ASSERT_TRUE(posted.ok()) << posted.error().message;
  }

  AccountStatement statement(const StatementQuery& query) {
    auto read = account_statement(test_.database(), account_, query);
    EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.error().message);
    return read.ok() ? *read : AccountStatement{};
  }

  static std::vector<std::string> lines(const AccountStatement& statement) {
    std::vector<std::string> out;
    for (const auto& line : statement.lines) {
      out.push_back(format_local_date(line.effective_on) + " " + line.description + " " +
                    line.amount.to_string() + " -> " + line.balance_after.to_string());
    }
    return out;
  }

  store::testing::TestDatabase test_;
  AccountNumber account_ = accounts::testing::open_sample_account(test_.database());
};

TEST_F(AccountStatementTest, EveryEntryInTheOrderItTookEffectWithTheBalanceAfterIt) {
  AccountStatement all = statement({});
  EXPECT_EQ(lines(all), (std::vector<std::string>{
                            "2026-01-10 Bill 7 100.00 -> 100.00",
                            "2026-01-15 Payment P00000002 -10.00 -> 90.00",
                            "2026-01-20 Payment P00000001 -60.00 -> 30.00",
                            "2026-02-01 Late fee on bill 7 5.00 -> 35.00",
                            "2026-02-10 Bill 9 80.00 -> 115.00",
                        }));
  EXPECT_EQ(all.opening_balance.to_string(), "0.00");
  EXPECT_EQ(all.closing_balance.to_string(), "115.00");
  EXPECT_EQ(all.charges.to_string(), "185.00");
  EXPECT_EQ(all.credits.to_string(), "-70.00");
  EXPECT_EQ(all.customer_name, "Maria Lopez");
}

TEST_F(AccountStatementTest, ADateRangeStartsFromTheBalanceBeforeIt) {
  AccountStatement january = statement({.from = day("2026-01-16"), .to = day("2026-01-31")});
  EXPECT_EQ(january.opening_balance.to_string(), "90.00");
  EXPECT_EQ(lines(january),
            std::vector<std::string>{"2026-01-20 Payment P00000001 -60.00 -> 30.00"});
  EXPECT_EQ(january.closing_balance.to_string(), "30.00");
}

TEST_F(AccountStatementTest, AKindFilterHidesLinesWithoutChangingTheBalances) {
  AccountStatement payments = statement({.kind = LedgerEntryKind::payment});
  EXPECT_EQ(lines(payments), (std::vector<std::string>{
                                 "2026-01-15 Payment P00000002 -10.00 -> 90.00",
                                 "2026-01-20 Payment P00000001 -60.00 -> 30.00",
                             }));
  EXPECT_EQ(payments.closing_balance.to_string(), "115.00");
  EXPECT_EQ(payments.charges.to_string(), "0.00");
}

TEST_F(AccountStatementTest, BadQueriesNameTheField) {
  auto backwards = account_statement(test_.database(), account_,
                                     {.from = day("2026-02-01"), .to = day("2026-01-01")});
  ASSERT_FALSE(backwards.ok());
  EXPECT_EQ(backwards.error().field, "to");
  auto kind = parse_ledger_entry_kind("bills", "kind");
  ASSERT_FALSE(kind.ok());
  EXPECT_NE(kind.error().message.find("late_fee"), std::string::npos);
  auto unknown = account_statement(test_.database(), AccountNumber::from_sequence(999), {});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace rp::ledger
