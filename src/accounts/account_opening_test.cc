#include <gtest/gtest.h>

#include "accounts/account_service.h"
#include "accounts/testing/account_fixtures.h"
#include "store/testing/test_database.h"

namespace rp::accounts {
namespace {

using store::testing::TestDatabase;
using testing::sample_new_account;

std::int64_t count(store::Database& database, const std::string& table) {
  auto rows = database.read<store::Rows>(
      [&](store::Session& session) { return session.query("SELECT COUNT(*) FROM " + table); });
  EXPECT_TRUE(rows.ok());
  return rows.ok() ? rows->at(0).integer(0) : -1;
}

// Makes every insert into account_events fail, as a full disk or a defect would.
void break_event_log(store::Database& database) {
  auto broken = database.write<void>([](store::Session& session) -> Result<void> {
    if (session.engine() == store::Engine::sqlite) {
      return session.execute_script(
          "CREATE TRIGGER events_fail BEFORE INSERT ON account_events "
          "BEGIN SELECT RAISE(ABORT, 'event log unavailable'); END;");
    }
    return session.execute_script(
        "CREATE FUNCTION events_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION 'event log unavailable'; END $$; "
        "CREATE TRIGGER events_fail BEFORE INSERT ON account_events FOR EACH ROW "
        "EXECUTE FUNCTION events_fail();");
  });
  ASSERT_TRUE(broken.ok()) << broken.error().message;
}

TEST(AccountOpening, WritesTheAccountAndItsEventTogether) {
  TestDatabase test;
  auto number = open_account(test.database(), sample_new_account(), "staff:jordan");
  ASSERT_TRUE(number.ok()) << number.error().message;
  EXPECT_TRUE(AccountNumber::parse(number->digits()).ok());

  auto detail = find_account_detail(test.database(), *number);
  ASSERT_TRUE(detail.ok()) << detail.error().message;
  ASSERT_EQ(detail->events.size(), 1u);
  EXPECT_EQ(detail->events[0].kind, "account.opened");
  EXPECT_EQ(detail->events[0].actor, "staff:jordan");
  EXPECT_EQ(detail->summary.customer_name, "Maria Lopez");
  EXPECT_EQ(detail->language, "es");
}

TEST(AccountOpening, AFailedEventWriteLeavesNeitherAccountNorEvent) {
  TestDatabase test;
  break_event_log(test.database());
  auto number = open_account(test.database(), sample_new_account(), "staff:jordan");
  ASSERT_FALSE(number.ok());
  EXPECT_NE(number.error().message.find("event log unavailable"), std::string::npos)
      << number.error().message;
  EXPECT_EQ(count(test.database(), "accounts"), 0);
  EXPECT_EQ(count(test.database(), "persons"), 0);
  EXPECT_EQ(count(test.database(), "account_events"), 0);
}

TEST(AccountOpening, InvalidInputChangesNothing) {
  TestDatabase test;
  NewAccount bad = sample_new_account();
  bad.mailing_address.zip = "ABCDE";
  auto number = open_account(test.database(), bad, "staff:jordan");
  ASSERT_FALSE(number.ok());
  EXPECT_EQ(number.error().field, "mailing_address.zip");
  EXPECT_EQ(count(test.database(), "persons"), 0);
}

TEST(AccountOpening, AccountNumbersAreGaplessAndDistinct) {
  TestDatabase test;
  auto first = open_account(test.database(), sample_new_account("A One"), "system");
  NewAccount bad = sample_new_account("B Two");
  bad.language = "xx";
  ASSERT_FALSE(open_account(test.database(), bad, "system").ok());
  auto second = open_account(test.database(), sample_new_account("C Three"), "system");
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(second->sequence(), first->sequence() + 1);
}

TEST(ServiceStart, AMeterSerialCanBeInstalledOnlyOnce) {
  TestDatabase test;
  auto number = testing::open_sample_account(test.database());
  NewService again{{"9 Oak St", "", "Eugene", "OR", "97401"},
                   "electric",
                   "E-RES",
                   "2025-01-01",
                   NewMeter{"E1000017", "ami", {{"kWh", "kWh", 15}}}};
  auto started = start_service(test.database(), number, again, "staff:test");
  ASSERT_FALSE(started.ok());
  EXPECT_EQ(started.error().kind, ErrorKind::conflict);
  EXPECT_EQ(started.error().field, "meter.serial");
  auto summary = find_account_summary(test.database(), number);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->agreements.size(), 2u) << "the failed start must leave no agreement";
}

TEST(ServiceStart, AnUnknownRatePlanIsNamed) {
  TestDatabase test;
  auto number = testing::open_sample_account(test.database());
  NewService gas{{"9 Oak St", "", "Eugene", "OR", "97401"}, "gas", "G-NOPE", "2025-01-01", {}};
  auto started = start_service(test.database(), number, gas, "staff:test");
  ASSERT_FALSE(started.ok());
  EXPECT_EQ(started.error().field, "rate_plan_code");
}

}  // namespace
}  // namespace rp::accounts
