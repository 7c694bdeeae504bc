#include "app/generate.h"

#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/account_number.h"
#include "store/testing/test_database.h"

namespace rp::app {
namespace {

using store::Rows;
using store::Session;
using store::testing::TestDatabase;

GenerateOptions small_utility(std::uint64_t seed = 7) {
  GenerateOptions options;
  options.accounts = 300;
  options.seed = seed;
  options.utility_name = "Willamette Valley Utilities";
  return options;
}

GenerateReport generate(store::Database& database, const GenerateOptions& options) {
  auto report = generate_utility(database, options);
  EXPECT_TRUE(report.ok()) << report.error().message;
  return report.ok() ? *report : GenerateReport{};
}

using store::testing::count;
using store::testing::query;

// Each account as "number|name|balance", in number order: what a customer would notice.
// (PostgreSQL sums BIGINT to NUMERIC, which the store does not read: hence the CASTs.)
std::vector<std::string> accounts_with_balances(store::Database& database) {
  std::vector<std::string> accounts;
  for (const store::Row& row : query(database,
                                     "SELECT a.number, p.name, CAST(COALESCE((SELECT "
                                     "SUM(l.amount_cents) FROM ledger_entries l "
                                     "WHERE l.account_id = a.id), 0) AS BIGINT) FROM accounts a "
                                     "JOIN persons p ON p.id = a.person_id "
                                     "ORDER BY a.number")) {
    accounts.push_back(row.text(0) + "|" + row.text(1) + "|" + row.text(2));
  }
  return accounts;
}

TEST(GenerateUtility, TheReportCountsWhatIsInTheTables) {
  TestDatabase test;
  GenerateReport report = generate(test.database(), small_utility());
  EXPECT_EQ(report.accounts, 300u);
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM accounts"), 300);
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM persons"),
            static_cast<std::int64_t>(report.persons));
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM premises"),
            static_cast<std::int64_t>(report.premises));
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM service_points"),
            static_cast<std::int64_t>(report.service_points));
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM meters"),
            static_cast<std::int64_t>(report.meters));
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM meter_channels"),
            static_cast<std::int64_t>(report.meter_channels));
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM service_agreements"),
            static_cast<std::int64_t>(report.agreements));
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM ledger_entries"),
            static_cast<std::int64_t>(report.ledger_entries));
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM account_events"),
            static_cast<std::int64_t>(report.events));
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM accounts WHERE status = 'closed'"),
            static_cast<std::int64_t>(report.closed_accounts));
  EXPECT_EQ(report.events, report.accounts + report.closed_accounts);
  // One active account in five agreed to texts, with the words customers are shown.
  EXPECT_GT(report.text_consents, 0u);
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM text_consents WHERE granted = 1 AND wording LIKE "
                  "'%Reply STOP to stop%' OR wording LIKE '%Responda PARA%'"),
            static_cast<std::int64_t>(report.text_consents));
  // One active account in five has a high-usage threshold: half a bill amount, half a percent.
  EXPECT_GT(report.usage_thresholds, 0u);
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM usage_thresholds"),
            static_cast<std::int64_t>(report.usage_thresholds));
  EXPECT_GT(count(test.database(), "SELECT COUNT(*) FROM usage_thresholds WHERE basis = 'amount'"),
            0);
  EXPECT_GT(
      count(test.database(), "SELECT COUNT(*) FROM usage_thresholds WHERE basis = 'last_bill'"), 0);
  // One active account in fifty wrote to the utility; every other one was answered.
  EXPECT_GT(report.message_threads, 0u);
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM message_threads"),
            static_cast<std::int64_t>(report.message_threads));
  EXPECT_EQ(
      count(test.database(), "SELECT COUNT(*) FROM messages"),
      static_cast<std::int64_t>(report.message_threads) +
          count(test.database(), "SELECT COUNT(*) FROM message_threads WHERE status = 'waiting'"));
  ASSERT_EQ(report.sample_account_numbers.size(), 5u);
  EXPECT_EQ(report.sample_account_numbers[0], AccountNumber::from_sequence(10000001).digits());
  // The electric network: every electric service point on a transformer of at most 15, every
  // premise placed.
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM transformers"),
            static_cast<std::int64_t>(report.transformers));
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM feeders"),
            static_cast<std::int64_t>(report.feeders));
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM substations"),
            static_cast<std::int64_t>(report.substations));
  EXPECT_GE(report.transformers, 300u / 15);
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM service_points WHERE commodity = 'electric' AND "
                  "transformer_id IS NULL"),
            0);
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM (SELECT transformer_id FROM service_points WHERE "
                  "transformer_id IS NOT NULL GROUP BY transformer_id HAVING COUNT(*) > 15) "
                  "crowded"),
            0);
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM premises WHERE latitude_micro IS NULL"),
            0);
}

TEST(GenerateAsOf, ADateOrTodayInTheZoneAndNothingElse) {
  EXPECT_EQ(format_local_date(*parse_as_of("2026-11-23", "America/Los_Angeles")), "2026-11-23");
  auto today = parse_as_of("today", "America/Los_Angeles");
  ASSERT_TRUE(today.ok());
  EXPECT_EQ(*today, UtilityZone::find("America/Los_Angeles")->local_date(now()));
  for (const char* bad : {"2026-13-01", "yesterday", "", "11/23/2026"}) {
    auto parsed = parse_as_of(bad, "America/Los_Angeles");
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().field, "as_of") << bad;
  }
  EXPECT_FALSE(parse_as_of("today", "Mars/Olympus_Mons").ok());
}

TEST(GenerateUtility, TheMixLooksLikeARealTerritory) {
  TestDatabase test;
  GenerateOptions options = small_utility();
  options.accounts = 1000;
  GenerateReport report = generate(test.database(), options);
  auto share = [&](const std::string& where) {
    return count(test.database(),
                 "SELECT COUNT(*) FROM accounts a JOIN persons p ON p.id = a.person_id "
                 "WHERE " +
                     where);
  };
  EXPECT_NEAR(share("a.language = 'es'"), 150, 45);
  EXPECT_NEAR(share("a.status = 'closed'"), 30, 20);
  EXPECT_NEAR(count(test.database(),
                    "SELECT COUNT(*) FROM service_agreements a JOIN rate_plans r ON "
                    "r.id = a.rate_plan_id WHERE r.code = 'E-COM'"),
              100, 35);
  EXPECT_NEAR(
      count(test.database(), "SELECT COUNT(*) FROM service_points WHERE commodity = 'water'"), 600,
      60);
  EXPECT_NEAR(count(test.database(), "SELECT COUNT(*) FROM meters WHERE kind = 'ami'"), 850, 50);
  EXPECT_NEAR(static_cast<double>(report.ledger_entries), 700, 60);
  EXPECT_EQ(share("p.email NOT LIKE '%@example.com' OR p.phone NOT LIKE '+1541555%'"), 0);
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM premises WHERE state <> 'OR' OR zip NOT LIKE '97%'"),
            0);
  EXPECT_EQ(share("a.bill_cycle < 1 OR a.bill_cycle > 20"), 0);
}

TEST(GenerateUtility, EveryAccountNumberHasAValidCheckDigit) {
  TestDatabase test;
  generate(test.database(), small_utility());
  Rows numbers = query(test.database(), "SELECT number FROM accounts ORDER BY number");
  ASSERT_EQ(numbers.size(), 300u);
  for (const store::Row& row : numbers) {
    auto parsed = AccountNumber::parse(row.text(0));
    EXPECT_TRUE(parsed.ok()) << row.text(0);
  }
  EXPECT_EQ(
      count(test.database(), "SELECT next_value FROM sequences WHERE name = 'account_number'"),
      10000001 + 300);
}

TEST(GenerateUtility, TheSameSeedGivesTheSameUtilityAndAnotherSeedDoesNot) {
  TestDatabase first;
  TestDatabase second;
  TestDatabase other;
  generate(first.database(), small_utility(7));
  generate(second.database(), small_utility(7));
  generate(other.database(), small_utility(8));
  std::vector<std::string> accounts = accounts_with_balances(first.database());
  ASSERT_EQ(accounts.size(), 300u);
  EXPECT_GT(std::count_if(accounts.begin(), accounts.end(),
                          [](const std::string& a) { return !a.ends_with("|0"); }),
            100)
      << "balances are compared, not only numbers and names";
  EXPECT_EQ(accounts, accounts_with_balances(second.database()));
  EXPECT_NE(accounts, accounts_with_balances(other.database()));
}

TEST(GenerateUtility, GeneratingAgainAppendsWithoutCollisions) {
  TestDatabase test;
  GenerateReport first = generate(test.database(), small_utility(7));
  GenerateReport second = generate(test.database(), small_utility(7));
  ASSERT_EQ(second.accounts, 300u);
  EXPECT_EQ(count(test.database(), "SELECT COUNT(DISTINCT number) FROM accounts"), 600);
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM persons"),
            static_cast<std::int64_t>(first.persons + second.persons));
  EXPECT_EQ(count(test.database(), "SELECT COUNT(DISTINCT serial) FROM meters"),
            static_cast<std::int64_t>(first.meters + second.meters));
  EXPECT_NE(first.sample_account_numbers, second.sample_account_numbers);
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM rate_plans"), 7)
      << "rate plans are not duplicated";
  EXPECT_EQ(count(test.database(), "SELECT COUNT(DISTINCT name) FROM substations"),
            static_cast<std::int64_t>(first.substations + second.substations))
      << "the second run's substations are numbered on";
  // An ordinary insert after the explicit-id loads still gets a fresh id.
  auto inserted = test->write<Rows>([](Session& session) {
    return session.query(
        "INSERT INTO persons (name, created_at) VALUES ('Walk-in', '2026-11-01T17:00:00Z') "
        "RETURNING id");
  });
  ASSERT_TRUE(inserted.ok()) << inserted.error().message;
  EXPECT_EQ(inserted->at(0).integer(0),
            static_cast<std::int64_t>(first.persons + second.persons) + 1);
}

TEST(GenerateUtility, TheLedgerHoldsExactlyTheReportedOpeningBalances) {
  TestDatabase test;
  GenerateReport report = generate(test.database(), small_utility());
  EXPECT_EQ(count(test.database(),
                  "SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM ledger_entries"),
            report.opening_balance_cents);
  EXPECT_GT(report.opening_balance_cents, 0);
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM ledger_entries WHERE kind <> 'opening_balance' "
                  "OR effective_on <> '2026-11-01' OR amount_cents > 40000"),
            0);
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM (SELECT account_id FROM ledger_entries GROUP BY "
                  "account_id HAVING COUNT(*) > 1) AS repeated"),
            0);
}

TEST(GenerateUtility, EveryActiveAccountHasAnOpenAgreementAndClosedOnesHaveNone) {
  TestDatabase test;
  generate(test.database(), small_utility());
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM accounts a WHERE a.status = 'active' AND NOT EXISTS "
                  "(SELECT 1 FROM service_agreements s WHERE s.account_id = a.id AND "
                  "s.end_date IS NULL)"),
            0);
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM accounts a JOIN service_agreements s ON "
                  "s.account_id = a.id WHERE a.status = 'closed' AND (s.end_date IS NULL "
                  "OR s.end_date <> a.closed_on)"),
            0);
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM accounts WHERE opened_on > '2026-11-01' OR "
                  "opened_on < '2016-11-01' OR closed_on < opened_on"),
            0);
}

TEST(GenerateUtility, EveryServicePointIsServedAndMeteredAsItsCommodityNeeds) {
  TestDatabase test;
  generate(test.database(), small_utility());
  EXPECT_EQ(
      count(test.database(), "SELECT COUNT(*) FROM service_points WHERE commodity = 'water'"),
      count(test.database(), "SELECT COUNT(*) FROM service_points WHERE commodity = 'sewer'"));
  // Electric and water points have one meter each, sewer points none.
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM service_points p WHERE (SELECT COUNT(*) FROM meters "
                  "m WHERE m.service_point_id = p.id) <> CASE p.commodity WHEN 'sewer' "
                  "THEN 0 ELSE 1 END"),
            0);
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM meters m WHERE NOT EXISTS (SELECT 1 FROM "
                  "meter_channels c WHERE c.meter_id = m.id)"),
            0);
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM meter_channels c JOIN meters m ON m.id = c.meter_id "
                  "WHERE (m.kind = 'ami') <> (c.interval_minutes IS NOT NULL)"),
            0);
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM service_points p WHERE NOT EXISTS (SELECT 1 FROM "
                  "service_agreements s JOIN rate_plans r ON r.id = s.rate_plan_id WHERE "
                  "s.service_point_id = p.id AND r.commodity = p.commodity)"),
            0);
}

TEST(GenerateUtility, StoresTheUtilitysNameAndTimeZone) {
  TestDatabase test;
  GenerateOptions options = small_utility();
  options.time_zone = "America/Boise";
  generate(test.database(), options);
  Rows settings = query(test.database(),
                        "SELECT key, value FROM utility_settings WHERE key IN ('name', "
                        "'time_zone') ORDER BY key");
  ASSERT_EQ(settings.size(), 2u);
  EXPECT_EQ(settings[0].text(1), "Willamette Valley Utilities");
  EXPECT_EQ(settings[1].text(1), "America/Boise");
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM utility_settings WHERE key LIKE "
                  "'utility_%'"),
            5);  // the address, phone and website bills print; the email and office hours
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM account_events WHERE actor <> 'generator' OR "
                  "details NOT LIKE '%rate_plans%' AND kind = 'account.opened'"),
            0);
}

TEST(GenerateUtility, AnUnknownTimeZoneIsRefusedBeforeAnythingIsWritten) {
  TestDatabase test;
  GenerateOptions options = small_utility();
  options.time_zone = "Oregon/Eugene";
  auto report = generate_utility(test.database(), options);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().field, "time_zone");
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM utility_settings"), 0);
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM accounts"), 0);
}

TEST(GenerateUtility, PaymentsAreRealPaymentRecordsInEveryChannelDatedWhenTheyHappened) {
  TestDatabase test;
  GenerateOptions options;
  options.accounts = 40;
  options.seed = 11;
  options.usage_months = 3;
  auto report = generate_utility(test.database(), options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_GT(report->billing.payments, 40u);
  // Every payment is a posted payment record with its ledger entry and its event.
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM payments WHERE status = 'posted'"),
            static_cast<std::int64_t>(report->billing.payments));
  EXPECT_EQ(count(test.database(), "SELECT CAST(SUM(amount_cents) AS BIGINT) FROM payments"),
            report->billing.payments_cents);
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM payments p JOIN ledger_entries l ON l.id = "
                  "p.ledger_entry_id WHERE l.kind = 'payment' AND l.reference = p.confirmation "
                  "AND l.amount_cents = -p.amount_cents AND l.effective_on = p.effective_on"),
            static_cast<std::int64_t>(report->billing.payments));
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM account_events e JOIN payments p ON e.account_id = "
                  "p.account_id AND e.occurred_at = p.created_at WHERE e.kind = "
                  "'payment.received'"),
            static_cast<std::int64_t>(report->billing.payments));
  // Each records the balance right after it posted, as a payment taken live does: the ledger up
  // to its entry.
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM payments p WHERE p.balance_after_cents = (SELECT "
                  "SUM(l.amount_cents) FROM ledger_entries l WHERE l.account_id = p.account_id "
                  "AND l.id <= p.ledger_entry_id)"),
            static_cast<std::int64_t>(report->billing.payments));
  // The mix of channels a utility sees.
  for (const char* channel : {"web", "autopay", "lockbox", "cashier", "phone"}) {
    EXPECT_GT(count(test.database(),
                    std::string("SELECT COUNT(*) FROM payments WHERE channel = '") + channel + "'"),
              0)
        << channel;
  }
  // Nothing happened after the data's today (its late-fee pass runs at 02:00 that day): events
  // are dated in the simulated history, not when generate ran.
  const Instant today = UtilityZone::find(options.time_zone)->start_of_day(options.as_of);
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM account_events WHERE occurred_at > '" +
                                       format_instant(today + std::chrono::hours(2)) + "'"),
            0);
  EXPECT_GT(count(test.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'bill.ready' AND occurred_at "
                  "< '" +
                      format_local_date(options.as_of) + "'"),
            0);
}

}  // namespace
}  // namespace rp::app
