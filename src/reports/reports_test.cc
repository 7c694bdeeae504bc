// Every report's figures equal what the screen each summarises shows, over a generated utility
// (each engine): aging as each account's aging, bill runs as each run's progress, cashier drawers
// as each drawer, payments as the accounts' payment lists.

#include "reports/reports.h"

#include <gtest/gtest.h>

#include <map>

#include "accounts/ledger.h"
#include "app/generate.h"
#include "billing/bill_run.h"
#include "core/idempotency_key.h"
#include "ledger/account_aging.h"
#include "payments/counter_payments.h"
#include "payments/payment_intake.h"
#include "store/testing/test_database.h"
#include "store/utility_settings.h"

namespace rp::reports {
namespace {

using store::testing::query;
using store::testing::TestDatabase;

std::int64_t number(const ReportCell& cell) {
  return std::get<std::int64_t>(cell);
}
std::string text(const ReportCell& cell) {
  return std::get<std::string>(cell);
}

std::size_t column(const ReportTable& table, const std::string& key) {
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i].key == key) return i;
  }
  ADD_FAILURE() << "no column " << key << " in " << table.name;
  return 0;
}

class ReportsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    app::GenerateOptions options;
    options.accounts = 60;
    options.seed = 11;
    options.usage_months = 4;
    auto zone = UtilityZone::find(std::string(store::kDefaultTimeZone));
    ASSERT_TRUE(zone.ok());
    today_ = zone->local_date(now());
    options.as_of = today_;
    auto generated = app::generate_utility(test_.database(), options);
    ASSERT_TRUE(generated.ok()) << generated.error().message;
    for (const store::Row& row :
         query(test_.database(), "SELECT number FROM accounts ORDER BY id")) {
      accounts_.push_back(*AccountNumber::parse(row.text("number")));
    }
  }

  ReportTable run(const std::string& name, LocalDate from, LocalDate to) {
    auto table = run_report(test_.database(), {name, from, to});
    EXPECT_TRUE(table.ok()) << name << ": " << table.error().message;
    return table.ok() ? *table : ReportTable{};
  }

  LocalDate year_ago() const { return LocalDate{date::sys_days(today_) - date::days{365}}; }

  TestDatabase test_;
  LocalDate today_;
  std::vector<AccountNumber> accounts_;
};

TEST_F(ReportsTest, AgingIsEveryAccountsAgingByCustomerClass) {
  // Charges left unpaid 45, 75 and 120 days ago on a few accounts, so every bucket has money.
  for (std::size_t i = 0; i < 6; ++i) {
    const int days = i % 3 == 0 ? 45 : (i % 3 == 1 ? 75 : 120);
    const std::string day = format_local_date(LocalDate{date::sys_days(today_) - date::days{days}});
    auto written = test_.database().write<void>([&](store::Session& session) -> Result<void> {
      return accounts::post_ledger_entry(
                 session,
                 {static_cast<std::int64_t>(i * 7 + 1), accounts::LedgerEntryKind::adjustment,
                  Money::from_cents(500'000 + static_cast<std::int64_t>(i)), day, "",
                  "a charge left unpaid"})
                     .ok()
                 ? success()
                 : internal_error("could not post");
    });
    ASSERT_TRUE(written.ok());
  }
  std::map<std::string, std::string> class_of;  // account number -> class
  for (const store::Row& row : query(test_.database(),
                                     "SELECT a.number, COALESCE((SELECT rp.customer_class FROM "
                                     "service_agreements sa JOIN rate_plans rp ON rp.id = "
                                     "sa.rate_plan_id WHERE sa.account_id = a.id ORDER BY sa.id "
                                     "LIMIT 1), 'none') AS customer_class FROM accounts a")) {
    class_of[row.text("number")] = row.text("customer_class");
  }
  std::map<std::string, std::array<std::int64_t, 6>> expected;  // owing, buckets..., credit
  for (const AccountNumber& account : accounts_) {
    auto aging = ledger::account_aging(test_.database(), account);
    ASSERT_TRUE(aging.ok()) << aging.error().message;
    auto& sums = expected[class_of[account.digits()]];
    const auto& b = aging->buckets;
    if (b.total().cents() > 0) sums[0] += 1;
    sums[1] += b.current.cents();
    sums[2] += b.days_30.cents();
    sums[3] += b.days_60.cents();
    sums[4] += b.days_90_plus.cents();
    sums[5] += b.credit.cents();
  }
  const ReportTable table = run("aging", today_, today_);
  ASSERT_GE(table.rows.size(), 2u) << "residential and commercial accounts";
  std::int64_t past_due = 0;
  for (const ReportRow& row : table.rows) {
    const auto& sums = expected[text(row[0])];
    for (std::size_t i = 0; i < 6; ++i)
      EXPECT_EQ(number(row[i + 1]), sums[i]) << text(row[0]) << " " << i;
    EXPECT_EQ(number(row[7]), sums[1] + sums[2] + sums[3] + sums[4] + sums[5]);
    past_due += number(row[3]) + number(row[4]) + number(row[5]);
  }
  EXPECT_GT(past_due, 0) << "a generated utility has accounts past due";
}

TEST_F(ReportsTest, BillRunsAreEachRunsProgressAndRevenueTheirReleasedCharges) {
  // Through next week: a run read today bills tomorrow.
  const ReportTable runs = run("bill_runs", LocalDate{date::sys_days(today_) - date::days{300}},
                               LocalDate{date::sys_days(today_) + date::days{7}});
  auto listed = billing::bill_runs(test_.database(), 0, 100);
  ASSERT_TRUE(listed.ok());
  ASSERT_FALSE(runs.rows.empty());
  ASSERT_EQ(runs.rows.size(), listed->size());
  std::int64_t released_charges = 0;
  for (const auto& run : *listed) {
    bool found = false;
    for (const ReportRow& row : runs.rows) {
      if (number(row[column(runs, "run")]) != run.run_id) continue;
      found = true;
      EXPECT_EQ(number(row[column(runs, "released")]), run.released);
      EXPECT_EQ(number(row[column(runs, "held")]), run.held);
      EXPECT_EQ(number(row[column(runs, "charges")]), run.charges_cents);
    }
    EXPECT_TRUE(found) << run.run_id;
    released_charges += run.charges_cents;
  }
  // Every released bill of the runs is billed revenue (no rebills in a generated utility).
  const ReportTable revenue = run("revenue", LocalDate{date::sys_days(today_) - date::days{300}},
                                  LocalDate{date::sys_days(today_) + date::days{7}});
  EXPECT_EQ(number(revenue.totals.at(0)[column(revenue, "charges")]), released_charges);
}

TEST_F(ReportsTest, PaymentsAreTheAccountsPaymentsAndDrawersTheCashiersDrawers) {
  // Two cashiers take a few payments today; one is moved to another account (still counted once).
  for (int i = 0; i < 3; ++i) {
    auto taken = payments::take_counter_payment(
        test_.database(), {accounts_[i], Money::from_cents(1000 + i), i == 1 ? "check" : "cash",
                           i == 1 ? "101" : "", i == 2 ? "staff:2" : "staff:1",
                           client_idempotency_key("test", "drawer-" + std::to_string(i))});
    ASSERT_TRUE(taken.ok()) << taken.error().message;
  }
  std::int64_t expected_count = 0;
  std::int64_t expected_cents = 0;
  for (const AccountNumber& account : accounts_) {
    auto listed = payments::account_payments(test_.database(), account, 0, 100);
    ASSERT_TRUE(listed.ok());
    for (const auto& payment : *listed) {
      if (payment.effective_on < format_local_date(year_ago())) continue;
      if (payment.status == payments::PaymentStatus::posted) {
        expected_count += 1;
        expected_cents += payment.amount.cents();
      }
    }
  }
  const ReportTable paid = run("payments", year_ago(), today_);
  EXPECT_EQ(number(paid.totals.at(0)[column(paid, "payments")]), expected_count);
  EXPECT_EQ(number(paid.totals.at(0)[column(paid, "amount")]), expected_cents);

  const ReportTable drawers = run("cashier_drawers", today_, today_);
  for (const char* cashier : {"staff:1", "staff:2"}) {
    auto drawer = payments::cashier_drawer(test_.database(), cashier, today_);
    ASSERT_TRUE(drawer.ok());
    std::int64_t cents = 0;
    std::int64_t count = 0;
    for (const ReportRow& row : drawers.rows) {
      if (text(row[column(drawers, "cashier")]) != cashier) continue;
      cents += number(row[column(drawers, "amount")]);
      count += number(row[column(drawers, "payments")]);
    }
    EXPECT_EQ(cents, drawer->total.cents()) << cashier;
    EXPECT_EQ(count, drawer->count) << cashier;
  }
}

TEST_F(ReportsTest, ABadRequestIsNamed) {
  auto unknown = run_report(test_.database(), {"profit", today_, today_});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
  auto backwards = run_report(test_.database(), {"payments", today_, year_ago()});
  ASSERT_FALSE(backwards.ok());
  EXPECT_EQ(backwards.error().field, "from");
  auto too_long =
      run_report(test_.database(),
                 {"payments", LocalDate{date::sys_days(year_ago()) - date::days{2}}, today_});
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().field, "to");
  const ReportTable portal = run("portal_adoption", year_ago(), today_);
  ASSERT_EQ(portal.rows.size(), 5u);
  for (const ReportRow& row : portal.rows)
    EXPECT_LE(number(row[1]), number(row[2])) << text(row[0]);
}

}  // namespace
}  // namespace rp::reports
