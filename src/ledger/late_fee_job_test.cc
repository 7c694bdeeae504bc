#include "ledger/late_fee_job.h"

#include <gtest/gtest.h>

#include "accounts/ledger.h"
#include "accounts/testing/account_fixtures.h"
#include "store/testing/test_database.h"

namespace rp::ledger {
namespace {

using store::testing::count;
using store::testing::query;
using store::testing::TestDatabase;

LocalDate on(const char* text) {
  return *parse_local_date(text, "date");
}

// Accounts with one released bill each (numbered as given, dated 21 days before it is due) and
// the payments they made. The rule is the default: 5 days' grace, 1.5% of what is unpaid, at least
// $5.00, nothing on $10.00 or less.
class LateFeeJobTest : public ::testing::Test {
 protected:
  std::int64_t account(const std::string& serial) {
    accounts::testing::SampleAccount sample;
    sample.meter_serial = serial;
    sample.with_water = false;
    sample.line1 = serial + " Elm St";
    AccountNumber number = accounts::testing::open_sample_account(test_.database(), sample);
    return count(test_.database(),
                 "SELECT id FROM accounts WHERE number = '" + number.digits() + "'");
  }

  void bill(std::int64_t account_id, std::int64_t number, std::int64_t cents, const char* due) {
    auto written = test_->write<bool>([&](store::Session& session) -> Result<bool> {
      RP_TRY(session.execute(
          "INSERT INTO bills (account_id, number, status, period_start, period_end, bill_date, "
          "due_date, charges_cents, created_at, released_at) VALUES (:account, :number, "
          "'released', '2026-09-01', '2026-10-01', '2026-09-19', :due, :cents, 'x', 'x')",
          {account_id, number, std::string(due), cents}));
      RP_TRY(accounts::post_ledger_entry(
          session, {account_id, accounts::LedgerEntryKind::bill, Money::from_cents(cents),
                    "2026-09-19", std::to_string(number), "Bill"}));
      return true;
    });
    ASSERT_TRUE(written.ok()) << written.error().message;
  }

  void pay(std::int64_t account_id, std::int64_t cents, const char* day) {
    auto written = test_->write<std::int64_t>([&](store::Session& session) {
      return accounts::post_ledger_entry(session, {account_id, accounts::LedgerEntryKind::payment,
                                                   Money::from_cents(-cents), day, "PMT", ""});
    });
    ASSERT_TRUE(written.ok()) << written.error().message;
  }

  void set(const std::string& key, const std::string& value) {
    auto written = test_->write<std::int64_t>([&](store::Session& session) {
      return session.execute("INSERT INTO utility_settings (key, value) VALUES (:key, :value)",
                             {key, value});
    });
    ASSERT_TRUE(written.ok()) << written.error().message;
  }

  Result<LateFeeReport> run(const char* today) {
    LateFeeRunRequest request;
    request.today = on(today);
    request.chunk_bills = 2;
    return assess_late_fees(test_.database(), request);
  }

  std::int64_t fees_of(std::int64_t account_id) {
    return count(test_.database(),
                 "SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM ledger_entries "
                 "WHERE kind = 'late_fee' AND account_id = " +
                     std::to_string(account_id));
  }

  TestDatabase test_;
};

TEST_F(LateFeeJobTest, EachBillPastItsGracePeriodIsAnsweredOnceByTheRule) {
  const std::int64_t late = account("E1000017");
  const std::int64_t nearly_paid = account("E2000017");
  const std::int64_t exempt = account("E3000017");
  const std::int64_t not_yet = account("E4000017");
  bill(late, 1, 100'00, "2026-10-10");
  pay(late, 30'00, "2026-10-12");
  pay(late, 70'00, "2026-10-20");  // after the grace period: too late to count
  bill(nearly_paid, 2, 50'00, "2026-10-10");
  pay(nearly_paid, 45'00, "2026-10-15");  // the last day of grace still counts
  bill(exempt, 3, 200'00, "2026-10-10");
  ASSERT_TRUE(test_
                  ->write<std::int64_t>([&](store::Session& session) {
                    return session.execute(
                        "UPDATE accounts SET late_fee_exemption = 'medical certificate on file' "
                        "WHERE id = :id",
                        {exempt});
                  })
                  .ok());
  bill(not_yet, 4, 80'00, "2026-11-20");

  auto report = run("2026-11-23");
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->bills, 3);
  EXPECT_EQ(report->charged, 1);
  EXPECT_EQ(report->fee_cents, 5'00);
  // $70.00 unpaid: 1.5% is $1.05, so the $5.00 minimum.
  EXPECT_EQ(fees_of(late), 5'00);
  EXPECT_EQ(fees_of(nearly_paid), 0);
  EXPECT_EQ(fees_of(exempt), 0);
  auto answers = query(test_.database(),
                       "SELECT bill_id, unpaid_cents, fee_cents, reason, ledger_entry_id IS NULL "
                       "FROM late_fees ORDER BY bill_id");
  ASSERT_EQ(answers.size(), 3u);
  EXPECT_EQ(answers[0].integer(1), 70'00);
  EXPECT_EQ(answers[0].text(3),
            "1.50% of $70.00 unpaid 5 days after the due date 2026-10-10, at least $5.00");
  EXPECT_EQ(answers[0].integer(4), 0);
  EXPECT_EQ(answers[1].integer(1), 5'00);
  EXPECT_EQ(answers[1].text(3), "$5.00 unpaid is within the $10.00 allowed");
  EXPECT_EQ(answers[2].text(3), "exempt: medical certificate on file");
  auto entry = query(test_.database(),
                     "SELECT reference, effective_on FROM ledger_entries WHERE kind = 'late_fee'");
  ASSERT_EQ(entry.size(), 1u);
  EXPECT_EQ(entry[0].text(0), "1");
  EXPECT_EQ(entry[0].text(1), "2026-11-23");
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'late_fee.charged'"),
            1);

  // Running again (the next day, or twice the same day) charges nothing twice; the bill whose
  // grace ends later is answered when it has.
  auto again = run("2026-11-23");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->bills, 0);
  auto later = run("2026-11-26");
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->bills, 1);
  EXPECT_EQ(later->charged, 1);
  EXPECT_EQ(fees_of(not_yet), 5'00);
  EXPECT_EQ(fees_of(late), 5'00);
}

TEST_F(LateFeeJobTest, TheUtilitysRuleComesFromItsSettings) {
  const std::int64_t late = account("E1000017");
  bill(late, 1, 1'000'00, "2026-10-10");
  set("late_fee_percent_bp", "200");
  set("late_fee_maximum_cents", "1500");
  auto report = run("2026-11-23");
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(fees_of(late), 15'00);  // 2% of $1,000.00 is $20.00, capped at $15.00
}

TEST_F(LateFeeJobTest, ABadSettingIsNamedAndNothingIsCharged) {
  const std::int64_t late = account("E1000017");
  bill(late, 1, 100'00, "2026-10-10");
  set("late_fee_grace_days", "five");
  auto report = run("2026-11-23");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().field, "late_fee_grace_days");
  EXPECT_EQ(report.error().message,
            "setting late_fee_grace_days: 'five' is not a whole number from 0 to 60");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM late_fees"), 0);
  EXPECT_EQ(fees_of(late), 0);
}

TEST_F(LateFeeJobTest, ADateAfterTodayIsRefusedAndChargesNothing) {
  const std::int64_t late = account("E1000017");
  bill(late, 1, 100'00, "2026-10-10");
  const LocalDate tomorrow(date::floor<date::days>(now()) + date::days(2));
  LateFeeRunRequest request;
  request.today = tomorrow;
  auto report = assess_late_fees(test_.database(), request);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().field, "date");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM late_fees"), 0);
}

TEST_F(LateFeeJobTest, AClosedAccountStopsDrawingFeesAfterItsFinalBillsGracePeriod) {
  const std::int64_t closed = account("E1000017");
  bill(closed, 1, 100'00, "2026-10-10");
  ASSERT_TRUE(test_
                  ->write<std::int64_t>([&](store::Session& session) {
                    return session.execute(
                        "UPDATE accounts SET status = 'closed', closed_on = '2026-09-30' "
                        "WHERE id = :id",
                        {closed});
                  })
                  .ok());
  // No final bill: the day it closed stands for it, so the grace period ended 2026-10-05.
  auto report = run("2026-11-23");
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->bills, 1);
  EXPECT_EQ(report->charged, 0);
  EXPECT_EQ(fees_of(closed), 0);
}

}  // namespace
}  // namespace rp::ledger
