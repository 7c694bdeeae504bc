// Searching the audit trail on each engine: each filter alone and together, newest first, paged.

#include "audit/audit_search.h"

#include <gtest/gtest.h>

#include "store/testing/test_database.h"

namespace rp::audit {
namespace {

class AuditSearchTest : public ::testing::Test {
 protected:
  AuditSearchTest() {
    const std::vector<AuditEntry> entries = {
        {"staff:1", "account.read", "account:100000017", "done", "{}", "", "", ""},
        {"staff:2", "payment.received", "account:100000017", "done", "{}", "", "", ""},
        {"staff:1", "payment.voided", "account:100000025", "done", "{}", "", "", ""},
        {"staff:2", "payments.summary", "utility", "done", "{}", "", "", ""},
        {"anonymous", "access.refused", "GET /api/v1/staff/audit", "refused", "{}", "", "", ""},
    };
    for (const AuditEntry& entry : entries) {
      auto id = append_audit(test_.database(), entry);
      EXPECT_TRUE(id.ok());
    }
  }

  std::vector<std::int64_t> ids(const AuditQuery& query) {
    auto found = test_->read<std::vector<AuditRecord>>(
        [&](store::Session& session) { return search_audit(session, query); });
    EXPECT_TRUE(found.ok()) << found.error().message;
    std::vector<std::int64_t> out;
    if (found.ok()) {
      for (const AuditRecord& record : *found) out.push_back(record.id);
    }
    return out;
  }

  store::testing::TestDatabase test_;
};

using Ids = std::vector<std::int64_t>;

TEST_F(AuditSearchTest, EachFilterAloneNewestFirst) {
  EXPECT_EQ(ids({}), (Ids{5, 4, 3, 2, 1}));
  EXPECT_EQ(ids({.target = "account:100000017"}), (Ids{2, 1}));
  EXPECT_EQ(ids({.actor = "staff:1"}), (Ids{3, 1}));
  EXPECT_EQ(ids({.action = "payment.voided"}), (Ids{3}));
}

TEST_F(AuditSearchTest, AnActionPrefixTakesEverythingUnderItAndNothingThatMerelyStartsAlike) {
  EXPECT_EQ(ids({.action = "payment."}), (Ids{3, 2}));  // not "payments.summary"
}

TEST_F(AuditSearchTest, FiltersCombineAndPagesFollowOnFromTheLastId) {
  EXPECT_EQ(ids({.target = "account:100000017", .actor = "staff:2"}), (Ids{2}));
  EXPECT_EQ(ids({.limit = 2}), (Ids{5, 4}));
  EXPECT_EQ(ids({.before = 4, .limit = 2}), (Ids{3, 2}));
  EXPECT_EQ(ids({.before = 2, .limit = 2}), (Ids{1}));
}

TEST_F(AuditSearchTest, ATimeRangeIsFromInclusiveToExclusive) {
  EXPECT_EQ(ids({.from_at = "2000-01-01T00:00:00Z", .to_at = "2000-01-02T00:00:00Z"}), Ids{});
  EXPECT_EQ(ids({.from_at = "2000-01-01T00:00:00Z"}).size(), 5u);
  EXPECT_EQ(ids({.to_at = "9999-01-01T00:00:00Z"}).size(), 5u);
}

TEST_F(AuditSearchTest, ALimitOutsideItsRangeIsRefused) {
  for (std::int64_t limit : {std::int64_t{0}, kLongestAuditPage + 1}) {
    auto found = test_->read<std::vector<AuditRecord>>(
        [&](store::Session& session) { return search_audit(session, {.limit = limit}); });
    ASSERT_FALSE(found.ok());
    EXPECT_EQ(found.error().field, "limit");
  }
}

}  // namespace
}  // namespace rp::audit
