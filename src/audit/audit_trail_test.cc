// The audit trail on each engine: appended in order, refused any change, and checked: every kind
// of tampering a database administrator could do behind the server is named by the check.

#include "audit/audit_trail.h"

#include <gtest/gtest.h>

#include "store/testing/test_database.h"

namespace rp::audit {
namespace {

using store::testing::count;

class AuditTrailTest : public ::testing::Test {
 protected:
  void append(int records) {
    for (int i = 0; i < records; ++i) {
      auto id = append_audit(
          test_.database(),
          {"staff:" + std::to_string(i % 3 + 1), "adjustment.requested", "account:17", "done",
           R"({"amount":"-12.00"})", "10.0.0.1", "Mozilla/5.0", "req-" + std::to_string(i)});
      ASSERT_TRUE(id.ok()) << id.error().message;
    }
  }

  // What a database administrator could do behind the server: the guard triggers dropped first.
  void tamper(const std::string& sql) {
    auto done = test_->write_work([&](store::Session& session) -> Result<void> {
      if (session.engine() == store::Engine::postgresql) {
        RP_TRY(session.execute("DROP TRIGGER audit_records_append_only ON audit_records"));
      } else {
        RP_TRY(session.execute("DROP TRIGGER audit_records_no_update"));
        RP_TRY(session.execute("DROP TRIGGER audit_records_no_delete"));
      }
      RP_TRY(session.execute_script(sql));
      return success();
    });
    ASSERT_TRUE(done.ok()) << done.error().message;
  }

  VerifyReport verify() {
    auto report = verify_audit_trail(test_.database());
    EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
    return report.ok() ? *report : VerifyReport{};
  }

  store::testing::TestDatabase test_;
};

TEST_F(AuditTrailTest, RecordsAreNumberedWithoutGapsChainedAndIntact) {
  EXPECT_TRUE(verify().intact);  // an empty trail
  append(12);
  const VerifyReport report = verify();
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.records, 12);
  EXPECT_EQ(count(test_.database(), "SELECT MAX(id) FROM audit_records"), 12);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM audit_records a JOIN audit_records b "
                  "ON b.id = a.id + 1 WHERE b.previous_hash <> a.hash"),
            0);
}

TEST_F(AuditTrailTest, TheDatabaseRefusesToChangeOrRemoveARecord) {
  append(2);
  auto changed = test_->write_work([](store::Session& session) -> Result<void> {
    RP_TRY(session.execute("UPDATE audit_records SET actor = 'staff:99' WHERE id = 1"));
    return success();
  });
  EXPECT_FALSE(changed.ok());
  auto removed = test_->write_work([](store::Session& session) -> Result<void> {
    RP_TRY(session.execute("DELETE FROM audit_records WHERE id = 2"));
    return success();
  });
  EXPECT_FALSE(removed.ok());
  EXPECT_TRUE(verify().intact);
}

TEST_F(AuditTrailTest, AChangedRecordIsNamed) {
  append(8);
  tamper("UPDATE audit_records SET actor = 'staff:99' WHERE id = 4");
  const VerifyReport report = verify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_bad, 4);
  EXPECT_NE(report.problem.find("changed"), std::string::npos) << report.problem;
}

TEST_F(AuditTrailTest, ARemovedRecordIsNamed) {
  append(8);
  tamper("DELETE FROM audit_records WHERE id = 5");
  const VerifyReport report = verify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_bad, 5);
  EXPECT_NE(report.problem.find("removed"), std::string::npos) << report.problem;
}

TEST_F(AuditTrailTest, RecordsRemovedAtTheEndAreNamed) {
  append(6);
  tamper("DELETE FROM audit_records WHERE id = 6");
  VerifyReport report = verify();
  EXPECT_FALSE(report.intact);
  EXPECT_NE(report.problem.find("at its end"), std::string::npos) << report.problem;
}

TEST_F(AuditTrailTest, ARecordAddedAtTheEndIsNamed) {
  append(3);
  tamper(
      "INSERT INTO audit_records SELECT id + 1, at, actor, action, target, outcome, details, "
      "client_address, user_agent, request_id, hash, hash, NULL FROM audit_records WHERE id = 3");
  const VerifyReport report = verify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_bad, 4);
}

TEST_F(AuditTrailTest, ReorderedRecordsAreNamed) {
  append(8);
  // Reordered: records 3 and 4 trade places (their contents swapped under their numbers).
  tamper(
      "UPDATE audit_records SET request_id = CASE id WHEN 3 THEN 'req-3' ELSE 'req-2' END "
      "WHERE id IN (3, 4)");
  const VerifyReport report = verify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_bad, 3);
}

TEST_F(AuditTrailTest, ARecordInsertedInTheMiddleIsNamed) {
  append(8);
  // Inserted: a forged record 5 whose own hash is right, the later ones moved up one.
  tamper(
      "UPDATE audit_records SET id = id + 100 WHERE id >= 5;"
      "UPDATE audit_records SET id = id - 99 WHERE id >= 105;"
      "INSERT INTO audit_records SELECT 5, at, 'staff:99', action, target, outcome, details, "
      "client_address, user_agent, request_id, hash, hash, NULL FROM audit_records WHERE id = 4;");
  const VerifyReport report = verify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_bad, 5);
}

TEST_F(AuditTrailTest, AnEntryWithoutAnActionOrWithAnUnknownOutcomeIsRefused) {
  auto nameless = append_audit(test_.database(), {"staff:1", "", "", "done", "{}", "", "", ""});
  ASSERT_FALSE(nameless.ok());
  EXPECT_EQ(nameless.error().field, "action");
  auto odd = append_audit(test_.database(), {"staff:1", "x.y", "", "maybe", "{}", "", "", ""});
  ASSERT_FALSE(odd.ok());
  EXPECT_EQ(odd.error().field, "outcome");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM audit_records"), 0);
}

}  // namespace
}  // namespace rp::audit
