// Retention on each engine: records past it lose who, what to and the details and keep their
// hashes, so the trail and its checkpoints still verify; nothing younger is touched; the database
// allows no other change, and verify refuses a record pruned too early.

#include "audit/retention.h"

#include <gtest/gtest.h>

#include "audit/audit_search.h"
#include "audit/audit_trail.h"
#include "core/time.h"
#include "store/testing/test_database.h"

namespace rp::audit {
namespace {

using store::testing::count;

class RetentionTest : public ::testing::Test {
 protected:
  void append_at(Instant at, const std::string& action) {
    HistoryClock clock(at);
    auto id = append_audit(test_.database(), {"staff:3", action, "account:100000017", "done",
                                              R"({"amount":"-12.00"})", "10.0.0.1", "desk", "r"});
    ASSERT_TRUE(id.ok()) << id.error().message;
  }

  VerifyReport verify() {
    auto report = verify_audit_trail(test_.database());
    EXPECT_TRUE(report.ok());
    return report.ok() ? *report : VerifyReport{};
  }

  store::testing::TestDatabase test_;
};

TEST_F(RetentionTest, RecordsPastTheirRetentionLoseTheirDetailsAndTheTrailStillVerifies) {
  const Instant today = now();
  append_at(today - date::days(400), "staff.sign_in");      // access, past 365 days
  append_at(today - date::days(400), "adjustment.posted");  // a change: kept 7 years
  append_at(today - date::days(3000), "payment.received");  // a change past 7 years
  append_at(today - date::days(30), "account.read");        // access, young
  auto pruned = prune_audit_trail(test_.database(), {});
  ASSERT_TRUE(pruned.ok()) << pruned.error().message;
  EXPECT_EQ(pruned->access_records, 1);
  EXPECT_EQ(pruned->other_records, 1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM audit_records WHERE pruned_at IS NOT NULL "
                  "AND actor = '' AND details = '{}' AND client_address = ''"),
            2);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM audit_records WHERE action = 'adjustment.posted' AND "
                  "actor = 'staff:3'"),
            1);
  const VerifyReport report = verify();
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.records, 4);
  // Again: nothing more to prune.
  auto again = prune_audit_trail(test_.database(), {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->access_records + again->other_records, 0);
}

TEST_F(RetentionTest, RetentionBelowTheFloorsIsRefusedByName) {
  auto short_access = prune_audit_trail(test_.database(), {.access_days = 30, .money_years = 7});
  ASSERT_FALSE(short_access.ok());
  EXPECT_EQ(short_access.error().field, "access_days");
  auto short_money = prune_audit_trail(test_.database(), {.access_days = 365, .money_years = 2});
  ASSERT_FALSE(short_money.ok());
  EXPECT_EQ(short_money.error().field, "money_years");
}

TEST_F(RetentionTest, TheDatabaseAllowsPruningAndNothingElse) {
  append_at(now() - date::days(10), "payment.received");
  for (const char* change :
       {"UPDATE audit_records SET actor = 'staff:9'",
        "UPDATE audit_records SET actor = '', target = '', details = '{}', client_address = '', "
        "user_agent = '', request_id = '', pruned_at = '2030-01-01T00:00:00Z', action = 'x'",
        "UPDATE audit_records SET actor = 'staff:9', pruned_at = '2030-01-01T00:00:00Z'"}) {
    auto changed = test_->write_work([&](store::Session& session) -> Result<void> {
      RP_TRY(session.execute(change));
      return success();
    });
    EXPECT_FALSE(changed.ok()) << change;
  }
  EXPECT_TRUE(verify().intact);
}

TEST_F(RetentionTest, ARecordPrunedBeforeAnyRetentionEndedIsNamed) {
  append_at(now() - date::days(10), "payment.received");
  append_at(now() - date::days(5), "payment.received");
  // Someone with the database "prunes" a young record to hide who made it.
  auto hidden = test_->write_work([](store::Session& session) -> Result<void> {
    RP_TRY(session.execute(
        "UPDATE audit_records SET actor = '', target = '', details = '{}', client_address = '', "
        "user_agent = '', request_id = '', pruned_at = :now WHERE id = 2",
        {format_instant(now())}));
    return success();
  });
  ASSERT_TRUE(hidden.ok()) << hidden.error().message;
  const VerifyReport report = verify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_bad, 2);
  EXPECT_NE(report.problem.find("pruned"), std::string::npos) << report.problem;
}

}  // namespace
}  // namespace rp::audit
