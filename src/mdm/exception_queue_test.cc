#include "mdm/exception_queue.h"

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "mdm/customer_reads.h"
#include "mdm/testing/meter_data_fixtures.h"
#include "store/testing/test_database.h"

namespace rp::mdm {
namespace {

using namespace testing;  // NOLINT: the meter data fixtures
using store::testing::TestDatabase;

Resolution by_staff(const std::string& note) {
  Resolution resolution;
  resolution.actor = "staff:jdoe";
  resolution.note = note;
  resolution.at = late_options().now;
  return resolution;
}

class ExceptionQueue : public ::testing::Test {
 protected:
  store::Database& database() { return db.database(); }

  // A day with a spike at slot 60 and a negative read at slot 20; returns the spike's id.
  std::int64_t queue_spike() {
    std::string rows = day_rows(kNov2, "0.400", 0, 19) + day_rows(kNov2, "-0.100", 20, 20) +
                       day_rows(kNov2, "0.400", 21, 59) + day_rows(kNov2, "75.000", 60, 60) +
                       day_rows(kNov2, "0.400", 61, 95);
    auto report = ingest_csv(database(), kReadsHeader + rows);
    EXPECT_TRUE(report.ok());
    auto page = list_exceptions(database(), {});
    EXPECT_TRUE(page.ok());
    for (const QueuedExceptionView& item : page->items) {
      if (item.rule == "spike_physical_max") return item.id;
    }
    ADD_FAILURE() << "no spike queued";
    return 0;
  }

  TestDatabase db;
  AccountNumber account = accounts::testing::open_sample_account(db.database());
};

TEST_F(ExceptionQueue, ListsTheRuleEvidenceMeterDayAndTheAccountsItAffects) {
  queue_spike();
  auto page = list_exceptions(database(), {});
  ASSERT_TRUE(page.ok()) << page.error().message;
  ASSERT_EQ(page->items.size(), 2u);
  const QueuedExceptionView& first = page->items[0];
  EXPECT_EQ(first.meter_serial, "E1000017");
  EXPECT_EQ(first.day, "2026-11-02");
  EXPECT_EQ(first.interval_minutes, 15);
  EXPECT_EQ(first.status, "open");
  EXPECT_FALSE(first.evidence.empty());
  EXPECT_EQ(first.accounts, std::vector<std::string>{account.digits()});
  auto one = list_exceptions(database(), {"open", 0, 1});
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->items.size(), 1u);
  ASSERT_TRUE(one->next_after_id);
  auto rest = list_exceptions(database(), {"open", *one->next_after_id, 1});
  ASSERT_TRUE(rest.ok());
  EXPECT_NE(rest->items.at(0).id, one->items[0].id);
  EXPECT_EQ(list_exceptions(database(), {"opened", 0, 50}).error().field, "status");
  EXPECT_EQ(list_exceptions(database(), {"open", 0, 0}).error().field, "limit");
}

TEST_F(ExceptionQueue, AcceptingRecordsWhoAndWhyOnce) {
  std::int64_t id = queue_spike();
  EXPECT_EQ(accept_exception(database(), id, by_staff("")).error().field, "note");
  auto accepted = accept_exception(database(), id, by_staff("pool pump start-up, confirmed"));
  ASSERT_TRUE(accepted.ok()) << accepted.error().message;
  EXPECT_EQ(accepted->status, "accepted");
  EXPECT_EQ(accepted->resolved_by, "staff:jdoe");
  EXPECT_EQ(accepted->resolution_note, "pool pump start-up, confirmed");
  auto again = accept_exception(database(), id, by_staff("again"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(stored_day(database(), kNov2)->values[60], 75000);
  EXPECT_EQ(accept_exception(database(), 999999, by_staff("x")).error().kind, ErrorKind::not_found);
}

TEST_F(ExceptionQueue, EditingKeepsThePriorVersion) {
  std::int64_t id = queue_spike();
  Resolution edit = by_staff("meter reprogrammed; field read 0.420");
  edit.values = {{60, 420}};
  auto edited = edit_exception(database(), id, edit);
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_EQ(edited->status, "edited");
  auto day = stored_day(database(), kNov2);
  EXPECT_EQ(day->values[60], 420);
  EXPECT_EQ(day->quality[60], Quality::edited);
  EXPECT_EQ(day->version, 2);
  EXPECT_EQ(count(database(),
                  "SELECT COUNT(*) FROM interval_day_history WHERE version = 1 AND "
                  "replaced_by = 'staff:jdoe' AND reason LIKE 'staff edit%field read%'"),
            1);
  Resolution outside = by_staff("x");
  outside.values = {{96, 1}};
  auto negative = list_exceptions(database(), {});
  EXPECT_EQ(edit_exception(database(), negative->items.at(0).id, outside).error().field, "values");
}

TEST_F(ExceptionQueue, EstimatingFillsTheSlotsFromTheirNeighbours) {
  std::int64_t id = queue_spike();
  auto estimated = estimate_exception(database(), los_angeles(), id, by_staff("spike is a glitch"));
  ASSERT_TRUE(estimated.ok()) << estimated.error().message;
  EXPECT_EQ(estimated->status, "estimated");
  auto day = stored_day(database(), kNov2);
  EXPECT_EQ(day->quality[60], Quality::estimated);
  EXPECT_EQ(day->values[60], 400);  // interpolated between 0.400 and 0.400
  EXPECT_EQ(day->version, 2);
}

TEST_F(ExceptionQueue, CustomerReadingsAreAcceptedOrHeldWithAMessageForThem) {
  Instant now = late_options().now;
  auto first = submit_customer_read(database(), los_angeles(), account,
                                    {"", "1000", "2026-09-01T09:00:00-07:00"}, now);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->status, "accepted");
  EXPECT_EQ(first->meter, "WE1000017");
  auto second = submit_customer_read(database(), los_angeles(), account,
                                     {"WE1000017", "4000", "2026-10-01T09:00:00-07:00"}, now);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->status, "accepted");
  // 100 gallons a day, then 2,000 a day: held for staff.
  auto high = submit_customer_read(database(), los_angeles(), account,
                                   {"WE1000017", "24000", "2026-10-11T09:00:00-07:00"}, now);
  ASSERT_TRUE(high.ok()) << high.error().message;
  EXPECT_EQ(high->status, "held");
  EXPECT_NE(high->message.find("billing team will check it"), std::string::npos) << high->message;
  // Lower than the last accepted reading: held, and the message says what we compared with.
  auto lower = submit_customer_read(database(), los_angeles(), account,
                                    {"WE1000017", "3900", "2026-10-12T09:00:00-07:00"}, now);
  ASSERT_TRUE(lower.ok()) << lower.error().message;
  EXPECT_EQ(lower->status, "held");
  EXPECT_NE(lower->message.find("lower than the last reading we have, 4000.000"), std::string::npos)
      << lower->message;
  EXPECT_EQ(count(database(),
                  "SELECT COUNT(*) FROM vee_exceptions WHERE register_read_id IS NOT NULL "
                  "AND ingest_id IS NULL"),
            2);
  // Accepting the held high reading settles the read.
  auto page = list_exceptions(database(), {});
  ASSERT_TRUE(page.ok());
  std::int64_t high_exception = 0;
  for (const auto& item : page->items) {
    if (item.register_read_id == high->id) high_exception = item.id;
  }
  ASSERT_NE(high_exception, 0);
  ASSERT_TRUE(accept_exception(database(), high_exception, by_staff("new irrigation")).ok());
  EXPECT_EQ(count(database(), "SELECT COUNT(*) FROM register_reads WHERE status = 'accepted'"), 3);
}

TEST_F(ExceptionQueue, AReadingHoursAfterTheLastIsAllowedADaysUse) {
  Instant now = late_options().now;
  for (const auto& [reading, at] : {std::pair{"1000", "2026-09-01T09:00:00-07:00"},
                                    std::pair{"4000", "2026-10-01T09:00:00-07:00"}}) {
    auto taken =
        submit_customer_read(database(), los_angeles(), account, {"WE1000017", reading, at}, now);
    ASSERT_TRUE(taken.ok()) << taken.error().message;
  }
  // 100 gallons a day before; 150 gallons in three hours (a move-in read in the morning, the
  // move-out read that afternoon) is within a day's use, not "far above" a few hours' share.
  auto afternoon = submit_customer_read(database(), los_angeles(), account,
                                        {"WE1000017", "4150", "2026-10-01T12:00:00-07:00"}, now);
  ASSERT_TRUE(afternoon.ok()) << afternoon.error().message;
  EXPECT_EQ(afternoon->status, "accepted") << afternoon->message;
  // Many days' use in the next three hours still is held.
  auto flood = submit_customer_read(database(), los_angeles(), account,
                                    {"WE1000017", "20000", "2026-10-01T15:00:00-07:00"}, now);
  ASSERT_TRUE(flood.ok()) << flood.error().message;
  EXPECT_EQ(flood->status, "held");
}

TEST_F(ExceptionQueue, CustomerReadingsThatCannotBeTakenSayWhy) {
  Instant now = late_options().now;
  auto check = [&](CustomerRead read, const char* field) {
    auto outcome = submit_customer_read(database(), los_angeles(), account, read, now);
    ASSERT_FALSE(outcome.ok()) << read.reading;
    EXPECT_EQ(outcome.error().field, field) << outcome.error().message;
  };
  check({"", "12.3456", std::nullopt}, "reading");
  check({"", "-5", std::nullopt}, "reading");
  check({"", "abc", std::nullopt}, "reading");
  check({"", "100", "2027-01-01T00:00:00Z"}, "read_at");
  check({"", "100", "2020-01-01T00:00:00Z"}, "read_at");
  check({"E1000017", "100", std::nullopt}, "meter");
  check({"X1", "100", std::nullopt}, "meter");
  EXPECT_EQ(count(database(), "SELECT COUNT(*) FROM register_reads"), 0);
}

TEST_F(ExceptionQueue, WithoutHistoryEstimatingIsRefusedWithTheReason) {
  // Three hours of negative reads: too long to interpolate, and no weeks of history to fill from.
  std::string rows = day_rows(kNov2, "0.400", 0, 19) + day_rows(kNov2, "-0.100", 20, 31) +
                     day_rows(kNov2, "0.400", 32, 95);
  ASSERT_TRUE(ingest_csv(database(), kReadsHeader + rows).ok());
  auto page = list_exceptions(database(), {});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].rule, "negative_consumption");
  auto estimated = estimate_exception(database(), los_angeles(), page->items[0].id, by_staff("x"));
  ASSERT_FALSE(estimated.ok());
  EXPECT_EQ(estimated.error().kind, ErrorKind::conflict);
  EXPECT_NE(estimated.error().message.find("too little history"), std::string::npos)
      << estimated.error().message;
  EXPECT_EQ(stored_day(database(), kNov2)->version, 1);
  EXPECT_EQ(list_exceptions(database(), {})->items.at(0).status, "open");
}

TEST_F(ExceptionQueue, AHeldRegisterReadIsEditedNotEstimated) {
  Instant now = late_options().now;
  ASSERT_TRUE(submit_customer_read(database(), los_angeles(), account,
                                   {"", "4000", "2026-10-01T09:00:00-07:00"}, now)
                  .ok());
  auto lower = submit_customer_read(database(), los_angeles(), account,
                                    {"", "3900", "2026-10-12T09:00:00-07:00"}, now);
  ASSERT_TRUE(lower.ok());
  ASSERT_EQ(lower->status, "held");
  std::int64_t id = list_exceptions(database(), {})->items.at(0).id;
  EXPECT_EQ(estimate_exception(database(), los_angeles(), id, by_staff("x")).error().field, "id");
  EXPECT_EQ(edit_exception(database(), id, by_staff("x")).error().field, "reading");
  Resolution edit = by_staff("customer read the wrong dial; photo shows 4390");
  edit.reading_milli_units = 4'390'000;
  auto edited = edit_exception(database(), id, edit);
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_EQ(edited->resolution_note,
            "customer read the wrong dial; photo shows 4390 (reading 3900.000 -> 4390.000)");
  EXPECT_EQ(count(database(),
                  "SELECT COUNT(*) FROM register_reads WHERE status = 'accepted' AND "
                  "milli_units = 4390000"),
            1);
}

TEST_F(ExceptionQueue, TheSameCustomerReadingTwiceIsAnsweredOnceAndAnotherIsAConflict) {
  Instant now = late_options().now;
  CustomerRead read{"", "1000", "2026-10-01T09:00:00-07:00"};
  auto first = submit_customer_read(database(), los_angeles(), account, read, now);
  ASSERT_TRUE(first.ok());
  auto again = submit_customer_read(database(), los_angeles(), account, read, now);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->id, first->id);
  EXPECT_EQ(again->message, "We already have this reading. Thank you.");
  read.reading = "1001";
  auto other = submit_customer_read(database(), los_angeles(), account, read, now);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().kind, ErrorKind::conflict);
  EXPECT_EQ(count(database(), "SELECT COUNT(*) FROM register_reads"), 1);
}

}  // namespace
}  // namespace rp::mdm
