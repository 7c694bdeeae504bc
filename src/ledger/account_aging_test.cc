#include "ledger/account_aging.h"

#include <gtest/gtest.h>

#include "accounts/ledger.h"
#include "accounts/testing/account_fixtures.h"
#include "store/testing/test_database.h"

namespace rp::ledger {
namespace {

// Three bills due 95, 40 and 10 days before the day aged, a late fee posted 20 days before, and
// a payment that pays the oldest bill and part of the next.
TEST(AccountAging, BillsAgeFromTheirDueDatesAndPaymentsPayTheOldestFirst) {
  store::testing::TestDatabase test;
  AccountNumber number = accounts::testing::open_sample_account(test.database());
  auto written = test->write<bool>([&](store::Session& session) -> Result<bool> {
    auto found = session.query("SELECT id FROM accounts WHERE number = :n", {number.digits()});
    RP_TRY(found);
    const std::int64_t account = found->at(0).integer(0);
    struct Bill {
      std::int64_t number, cents;
      const char* due;
    };
    for (Bill bill : {Bill{1, 100'00, "2026-08-20"}, Bill{2, 80'00, "2026-10-14"},
                      Bill{3, 60'00, "2026-11-13"}}) {
      RP_TRY(session.execute(
          "INSERT INTO bills (account_id, number, status, period_start, period_end, bill_date, "
          "due_date, charges_cents, created_at, released_at) VALUES (:a, :n, 'released', "
          "'2026-07-01', '2026-08-01', '2026-07-30', :due, :c, 'x', 'x')",
          {account, bill.number, std::string(bill.due), bill.cents}));
      RP_TRY(accounts::post_ledger_entry(
          session, {account, accounts::LedgerEntryKind::bill, Money::from_cents(bill.cents),
                    "2026-07-30", std::to_string(bill.number), ""}));
    }
    RP_TRY(accounts::post_ledger_entry(session, {account, accounts::LedgerEntryKind::late_fee,
                                                 Money::from_cents(5'00), "2026-11-03", "1", ""}));
    RP_TRY(accounts::post_ledger_entry(
        session, {account, accounts::LedgerEntryKind::payment, Money::from_cents(-130'00),
                  "2026-11-01", "PMT-1", ""}));
    return true;
  });
  ASSERT_TRUE(written.ok()) << written.error().message;

  auto aging = account_aging(test.database(), number, LocalDate{date::year{2026} / 11 / 23});
  ASSERT_TRUE(aging.ok()) << aging.error().message;
  EXPECT_EQ(aging->buckets.days_90_plus.cents(), 0);  // bill 1, 95 days past due: paid
  EXPECT_EQ(aging->buckets.days_30.cents(), 50'00);   // bill 2, 40 days: 80.00 - 30.00 paid
  EXPECT_EQ(aging->buckets.current.cents(), 65'00);   // bill 3 (10 days) and the fee (20 days)
  EXPECT_EQ(aging->buckets.total().cents(), 115'00);  // the balance

  auto nobody = account_aging(test.database(), AccountNumber::from_sequence(999), std::nullopt);
  ASSERT_FALSE(nobody.ok());
  EXPECT_EQ(nobody.error().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace rp::ledger
