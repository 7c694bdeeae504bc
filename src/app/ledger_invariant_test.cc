// The ledger's invariants over a generated utility (14 months of usage, bills and payments), after
// staff have worked it: held bills approved, a bill corrected by cancel/rebill, adjustments and
// the late-fee job. For every account:
//   * the balance every screen shows (the account summary) is the sum of its ledger entries;
//   * that sum is the charges of every bill ever sent, less the reversals of cancelled ones,
//     less payments, plus adjustments, late fees and the opening balance: each entry kind matches
//     the rows that caused it one for one;
//   * every sent bill's previous balance is the sum of the entries posted before its own entry,
//     so the amount due a bill printed was the ledger's balance at the time.

#include <gtest/gtest.h>

#include "accounts/account_service.h"
#include "app/generate.h"
#include "billing/bill_corrections.h"
#include "core/testing/client_keys.h"
#include "ledger/adjustments.h"
#include "ledger/late_fee_job.h"
#include "store/testing/test_database.h"

namespace rp::app {
namespace {

using store::testing::count;
using store::testing::query;
using store::testing::TestDatabase;

std::int64_t sum(store::Database& database, const std::string& from_where) {
  return count(database, "SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) " + from_where);
}

// Staff work on the generated utility (whose history already has the monthly late fees): every
// held bill approved (recalculated first when it waited past its cycle's next read), the latest
// bill of the first billed account cancelled and rebilled, a credit within the limit and a charge
// above it approved by a second person, and the late-fee job run again.
void work_the_utility(store::Database& database) {
  for (const store::Row& row :
       query(database, "SELECT id FROM bills WHERE status = 'held' ORDER BY id")) {
    auto approved =
        billing::approve_held_bill(database, {row.integer(0), "staff:ana", "looked right"});
    if (!approved.ok() && approved.error().code == "bill-overtaken") {
      // Waited past its cycle's next read: drafted again from today's data, then approved.
      auto recalculated =
          billing::recalculate_bill(database, {row.integer(0), "staff:ana", "re-checked"});
      ASSERT_TRUE(recalculated.ok()) << recalculated.error().message;
      if (recalculated->new_bill_id && recalculated->new_status == "held") {
        approved = billing::approve_held_bill(
            database, {*recalculated->new_bill_id, "staff:ana", "looked right"});
      } else {
        continue;
      }
    }
    ASSERT_TRUE(approved.ok()) << approved.error().message;
  }
  const std::int64_t latest =
      count(database,
            "SELECT MAX(b.id) FROM bills b WHERE b.status = 'released' AND b.account_id = (SELECT "
            "MIN(account_id) FROM bills)");
  auto rebilled = billing::recalculate_bill(database, {latest, "staff:ana", "rate correction"});
  ASSERT_TRUE(rebilled.ok()) << rebilled.error().message;
  ASSERT_EQ(rebilled->status, "cancelled");

  const std::string first = query(database, "SELECT MIN(number) FROM accounts")[0].text(0);
  const AccountNumber account = *AccountNumber::parse(first);
  auto credit =
      ledger::request_adjustment(database, {account, Money::from_cents(-40'00), "goodwill",
                                            "outage", "staff:ana", rp::testing::client_key("k1")});
  ASSERT_TRUE(credit.ok()) << credit.error().message;
  auto charge =
      ledger::request_adjustment(database, {account, Money::from_cents(300'00), "billing_error",
                                            "missed", "staff:ana", rp::testing::client_key("k2")});
  ASSERT_TRUE(charge.ok()) << charge.error().message;
  ASSERT_TRUE(ledger::approve_adjustment(database, charge->id, "staff:ben", "ok").ok());

  ledger::LateFeeRunRequest fees;
  fees.today = LocalDate{date::year{2026}, date::month{11}, date::day{1}};
  auto assessed = ledger::assess_late_fees(database, fees);
  ASSERT_TRUE(assessed.ok()) << assessed.error().message;
  ASSERT_GT(count(database, "SELECT COUNT(*) FROM ledger_entries WHERE kind = 'late_fee'"), 0)
      << "the generated payments leave some bills late";
}

TEST(LedgerInvariants, HoldForEveryAccountOfAGeneratedUtility) {
  TestDatabase test;
  store::Database& database = test.database();
  GenerateOptions options;
  options.accounts = 40;
  options.seed = 11;
  options.usage_months = 14;
  auto report = generate_utility(database, options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_GT(count(database, "SELECT COUNT(*) FROM bills WHERE status = 'released'"), 400);
  work_the_utility(database);

  for (const store::Row& row : query(database, "SELECT id, number FROM accounts ORDER BY id")) {
    const std::string id = std::to_string(row.integer(0));
    const std::int64_t ledger = sum(database, "FROM ledger_entries WHERE account_id = " + id);
    auto summary = accounts::find_account_summary(database, *AccountNumber::parse(row.text(1)));
    ASSERT_TRUE(summary.ok()) << summary.error().message;
    EXPECT_EQ(summary->balance.cents(), ledger) << row.text(1);

    const std::string of_account = " AND account_id = " + id;
    const std::int64_t sent = count(database,
                                    "SELECT CAST(COALESCE(SUM(charges_cents), 0) AS BIGINT) FROM "
                                    "bills WHERE number IS NOT NULL" +
                                        of_account);
    const std::int64_t withdrawn = count(database,
                                         "SELECT CAST(COALESCE(SUM(charges_cents), 0) AS BIGINT) "
                                         "FROM bills WHERE number IS NOT NULL AND status = "
                                         "'cancelled'" +
                                             of_account);
    const std::int64_t adjusted =
        sum(database, "FROM adjustments WHERE status = 'posted'" + of_account);
    const std::int64_t fees = count(database,
                                    "SELECT CAST(COALESCE(SUM(fee_cents), 0) AS BIGINT) FROM "
                                    "late_fees WHERE 1 = 1" +
                                        of_account);
    const std::int64_t paid =
        sum(database, "FROM ledger_entries WHERE kind = 'payment'" + of_account);
    const std::int64_t opening = sum(database,
                                     "FROM ledger_entries WHERE kind = "
                                     "'opening_balance'" +
                                         of_account);
    EXPECT_EQ(ledger, sent - withdrawn + paid + adjusted + fees + opening) << row.text(1);
    EXPECT_EQ(sum(database, "FROM ledger_entries WHERE kind = 'bill'" + of_account), sent);
    EXPECT_EQ(sum(database, "FROM ledger_entries WHERE kind = 'reversal'" + of_account),
              -withdrawn);
    EXPECT_EQ(sum(database, "FROM ledger_entries WHERE kind = 'adjustment'" + of_account),
              adjusted);
    EXPECT_EQ(sum(database, "FROM ledger_entries WHERE kind = 'late_fee'" + of_account), fees);
  }

  // Each sent bill followed the ledger: its previous balance is what was posted before it.
  auto mismatched = query(
      database,
      "SELECT b.number FROM bills b JOIN ledger_entries le ON le.account_id = b.account_id AND "
      "le.kind = 'bill' AND le.reference = CAST(b.number AS TEXT) WHERE b.previous_balance_cents "
      "<> (SELECT CAST(COALESCE(SUM(e.amount_cents), 0) AS BIGINT) FROM ledger_entries e WHERE "
      "e.account_id = b.account_id AND e.id < le.id)");
  EXPECT_TRUE(mismatched.empty()) << "bill " << mismatched[0].text(0);
  // Numbers are gapless: every number from 1 to the highest was sent exactly once.
  EXPECT_EQ(count(database, "SELECT COUNT(DISTINCT number) FROM bills WHERE number IS NOT NULL"),
            count(database, "SELECT MAX(number) FROM bills"));
}

}  // namespace
}  // namespace rp::app
