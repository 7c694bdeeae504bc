// The daily usage watch over the database: thresholds crossed once per period, possible leaks once
// per episode, the notices they cause, and the customer's and staff's views of them.

#include "notify/usage_alerts.h"

#include <gtest/gtest.h>

#include "billing/testing/billing_fixture.h"
#include "notify/notices.h"
#include "notify/usage_thresholds.h"
#include "store/utility_settings.h"

namespace rp::notify {
namespace {

using billing::testing::on;
using store::testing::count;
using store::testing::query;

class UsageAlertsTest : public billing::testing::BillingFixture {
 protected:
  void SetUp() override {
    BillingFixture::SetUp();
    ASSERT_TRUE(start_notices(test_.database()).ok());
  }

  UsageAlertsRun watch(const char* today) {
    auto run = run_usage_alerts(test_.database(), on(today));
    EXPECT_TRUE(run.ok()) << run.error().message;
    return run.ok() ? *run : UsageAlertsRun{};
  }

  // Makes `serial`'s water register an interval channel of quarter hours.
  void make_interval(const std::string& serial) {
    const std::int64_t channel = channel_of(serial);
    ASSERT_TRUE(
        test_
            ->write_work([&](store::Session& session) -> Result<void> {
              RP_TRY(session.execute(
                  "UPDATE meter_channels SET interval_minutes = 15 WHERE id = :id", {channel}));
              return success();
            })
            .ok());
  }

  // The emails queued other than bills'.
  store::Rows mail() {
    return query(test_.database(),
                 "SELECT to_address, subject, body FROM email_outbox WHERE id IN (SELECT email_id "
                 "FROM notices WHERE kind NOT LIKE 'bill.%') ORDER BY id");
  }

  // Decides the notices of the events recorded since the test began (bills' too).
  void queue_mail() {
    auto passed = queue_notices(test_.database(), {.public_url = "https://portal.example.com"});
    ASSERT_TRUE(passed.ok()) << passed.error().message;
  }
};

TEST_F(UsageAlertsTest, AThresholdCrossedAlertsOncePerPeriodWithItsFigures) {
  auto [maria, ben] = two_accounts_billed_to_october();
  ASSERT_FALSE(HasFailure());
  ASSERT_TRUE(test_
                  ->write_work([](store::Session& session) -> Result<void> {
                    RP_TRY(session.execute("UPDATE accounts SET language = 'en'"));
                    return success();
                  })
                  .ok());
  // Fifteen days into the period from October 5: 15 x (0.50 + 48 kWh x 0.10) = 79.50 so far,
  // heading for 159.00 by the read on November 4.
  ASSERT_TRUE(
      set_thresholds(test_.database(), maria, {Money::from_cents(15000), {}, {}}, "customer:1")
          .ok());
  ASSERT_TRUE(
      set_thresholds(test_.database(), ben, {Money::from_cents(16000), {}, {}}, "customer:2").ok());
  UsageAlertsRun run = watch("2026-10-20");
  EXPECT_EQ(run.accounts, 2);
  EXPECT_EQ(run.thresholds, 2);
  EXPECT_EQ(run.high_usage, 1);  // Maria's; Ben's 160.00 is not reached
  auto rows = query(test_.database(),
                    "SELECT a.number, u.period_start, u.so_far_cents, u.projected_cents, "
                    "u.estimated, e.kind, e.actor FROM usage_alerts u JOIN accounts a ON a.id = "
                    "u.account_id JOIN account_events e ON e.id = u.event_id");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text(0), maria.digits());
  EXPECT_EQ(rows[0].text(1), "2026-10-05");
  EXPECT_EQ(rows[0].integer(2), 7950);
  EXPECT_EQ(rows[0].integer(3), 15900);
  EXPECT_EQ(rows[0].integer(4), 0);
  EXPECT_EQ(rows[0].text(5), "usage.high");
  EXPECT_EQ(rows[0].text(6), "system:usage-alerts");

  // The next days, and a second server, record nothing more in this period.
  EXPECT_EQ(watch("2026-10-20").high_usage, 0);
  EXPECT_EQ(watch("2026-10-21").high_usage, 0);
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM account_events WHERE kind = 'usage.high'"), 1);

  // A changed threshold is a new one: it may alert again.
  ASSERT_TRUE(
      set_thresholds(test_.database(), maria, {Money::from_cents(15500), {}, {}}, "customer:1")
          .ok());
  EXPECT_EQ(watch("2026-10-21").high_usage, 1);

  queue_mail();
  auto sent = mail();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].text(1), "Your Ratepayer Demo Utility bill is heading higher than you wanted");
  EXPECT_NE(sent[0].text(2).find("heading for about $159.00: more than the $150.00 you set"),
            std::string::npos)
      << sent[0].text(2);
  EXPECT_NE(sent[0].text(2).find("Charges so far: $79.50 in 15 days since October 5, 2026."),
            std::string::npos)
      << sent[0].text(2);
  EXPECT_NE(
      sent[0].text(2).find("by the meter read on November 4, 2026: about $159.00.\n\nSee what"),
      std::string::npos);
  EXPECT_EQ(sent[0].text(2).find("estimate"), std::string::npos);
}

TEST_F(UsageAlertsTest, ThresholdsAreCheckedAndEachChangeIsRecordedOnceByWhoMadeIt) {
  set_tariffs();
  AccountNumber maria = open("E1000017", true, "1204 Elm St");
  auto bad = set_thresholds(test_.database(), maria, {Money::from_cents(99), {}, {}}, "customer:1");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "amount");
  bad = set_thresholds(test_.database(), maria, {{}, 0, {}}, "customer:1");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "last_bill_percent");
  bad = set_thresholds(test_.database(), maria, {{}, {}, 1001}, "customer:1");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "last_year_percent");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM usage_thresholds"), 0);

  auto set =
      set_thresholds(test_.database(), maria, {Money::from_cents(15000), 25, {}}, "staff:ana");
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_EQ(set->thresholds.amount, Money::from_cents(15000));
  EXPECT_EQ(set->thresholds.last_bill_percent, 25);
  EXPECT_FALSE(set->thresholds.last_year_percent);
  // The same again changes nothing and records nothing.
  ASSERT_TRUE(
      set_thresholds(test_.database(), maria, {Money::from_cents(15000), 25, {}}, "staff:ana")
          .ok());
  auto events =
      query(test_.database(),
            "SELECT actor, details FROM account_events WHERE kind = 'thresholds.changed'");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].text(0), "staff:ana");
  EXPECT_NE(events[0].text(1).find(R"("amount":{"before":null,"after":"150.00"})"),
            std::string::npos)
      << events[0].text(1);
  // Leaving one out removes it.
  set = set_thresholds(test_.database(), maria, {{}, 25, {}}, "customer:1");
  ASSERT_TRUE(set.ok());
  EXPECT_FALSE(set->thresholds.amount);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM usage_thresholds"), 1);
}

TEST_F(UsageAlertsTest, WaterThatNeverStopsIsALeakForTheCustomerAndTheStaffQueueOnce) {
  set_tariffs();
  AccountNumber maria = open("E1000017", true, "1204 Elm St");
  make_interval("WE1000017");
  ASSERT_FALSE(HasFailure());
  // Half a gallon every quarter hour, day and night: 2 gallons an hour, 48 a day.
  store_intervals("WE1000017", "2026-11-17", "2026-11-22", 500);
  ASSERT_FALSE(HasFailure());

  UsageAlertsRun run = watch("2026-11-20");
  EXPECT_EQ(run.meters, 1);
  EXPECT_EQ(run.leaks, 1);
  auto leaks = account_alerts(test_.database(), maria);
  ASSERT_TRUE(leaks.ok());
  ASSERT_EQ(leaks->leaks.size(), 1u);
  const LeakAlertSeen& leak = leaks->leaks[0];
  EXPECT_EQ(leak.kind, "continuous_flow");
  EXPECT_EQ(leak.meter, "WE1000017");
  EXPECT_EQ(leak.found_on, "2026-11-19");
  EXPECT_EQ(leak.least_per_hour_milli, 2000);
  EXPECT_EQ(leak.use_per_day_milli, 48'000);
  EXPECT_EQ(leak.status, "open");

  auto queue = leak_queue(test_.database(), "open", 0, 50);
  ASSERT_TRUE(queue.ok());
  ASSERT_EQ(queue->alerts.size(), 1u);
  EXPECT_EQ(queue->alerts[0].account_number, maria.digits());
  EXPECT_EQ(queue->alerts[0].customer, "Maria Lopez");

  // Still leaking the next day: the open alert stands, nothing new is sent.
  EXPECT_EQ(watch("2026-11-20").leaks, 0);
  EXPECT_EQ(watch("2026-11-21").leaks, 0);

  // Closed once fixed: closing twice is refused, and no new alert for a week.
  auto closed =
      close_leak_alert(test_.database(), maria, leak.id, "toilet flapper replaced", "customer:1");
  ASSERT_TRUE(closed.ok()) << closed.error().message;
  EXPECT_EQ(closed->status, "closed");
  EXPECT_EQ(closed->closed_by, "customer:1");
  auto again = close_leak_alert(test_.database(), maria, leak.id, "again", "customer:1");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "leak-closed");
  EXPECT_EQ(watch("2026-11-22").leaks, 0);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM leak_alerts"), 1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind IN ('leak.suspected', "
                  "'leak.closed')"),
            2);

  queue_mail();
  auto sent = mail();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].text(0), "maria@example.com");
  // The sample account reads Spanish.
  EXPECT_EQ(sent[0].text(1), "Posible fuga de agua en su medidor de Ratepayer Demo Utility");
  EXPECT_NE(sent[0].text(2).find("no se detuvo el 19 de noviembre de 2026: durante 24 horas marcó "
                                 "siempre al menos 2 gal por hora"),
            std::string::npos)
      << sent[0].text(2);
  EXPECT_NE(sent[0].text(2).find("colorante"), std::string::npos);
  EXPECT_NE(sent[0].text(2).find("hay una fuga.\n\nVéalo en su cuenta"), std::string::npos);
}

TEST_F(UsageAlertsTest, AGasLeakIsASafetyNoticeOfItsOwn) {
  set_tariffs();
  AccountNumber maria = open("E1000017", true, "1204 Elm St");
  make_interval("WE1000017");
  ASSERT_TRUE(test_
                  ->write_work([&](store::Session& session) -> Result<void> {
                    RP_TRY(session.execute(
                        "UPDATE service_points SET commodity = 'gas' WHERE commodity = 'water'"));
                    RP_TRY(store::change_utility_setting(session, "leak_gas_least_flow_milli",
                                                         "100", "staff:test"));
                    return success();
                  })
                  .ok());
  store_intervals("WE1000017", "2026-11-17", "2026-11-22", 500);
  ASSERT_FALSE(HasFailure());
  ASSERT_EQ(watch("2026-11-20").leaks, 1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'leak.gas_suspected'"),
            1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT quiet_hours_exempt + 2 * may_turn_off FROM notice_kinds WHERE kind = "
                  "'leak.gas_suspected'"),
            1);  // sent at any hour, cannot be turned off
  queue_mail();
  auto sent = mail();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].text(1), "Posible fuga de gas en su medidor de Ratepayer Demo Utility");
  EXPECT_EQ(sent[0].text(2).rfind("Si huele a gas, salga del edificio ahora", 0), 0u)
      << sent[0].text(2);
  auto alerts = account_alerts(test_.database(), maria);
  ASSERT_TRUE(alerts.ok());
  ASSERT_EQ(alerts->leaks.size(), 1u);
  EXPECT_EQ(alerts->leaks[0].commodity, "gas");
}

TEST_F(UsageAlertsTest, AnotherAccountsLeakCannotBeClosed) {
  set_tariffs();
  AccountNumber maria = open("E1000017", true, "1204 Elm St");
  AccountNumber ben = open("E2000017", true, "17 Oak Ave");
  make_interval("WE1000017");
  store_intervals("WE1000017", "2026-11-17", "2026-11-22", 500);
  ASSERT_FALSE(HasFailure());
  ASSERT_EQ(watch("2026-11-20").leaks, 1);
  const std::int64_t id = count(test_.database(), "SELECT id FROM leak_alerts");
  auto closed = close_leak_alert(test_.database(), ben, id, "not mine", "customer:2");
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().kind, ErrorKind::not_found);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM leak_alerts WHERE status = 'open'"), 1);
  auto blank = close_leak_alert(test_.database(), maria, id, "", "customer:1");
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.error().field, "resolution");
}

}  // namespace
}  // namespace rp::notify
