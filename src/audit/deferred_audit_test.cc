// Deferred audit records (staff reads): queued at once, written in batches, never dropped.

#include "audit/deferred_audit.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "audit/audit_search.h"
#include "core/request_origin.h"
#include "store/testing/test_database.h"

namespace rp::audit {
namespace {

AuditEntry read_by(int staff, int account) {
  return {"staff:" + std::to_string(staff),
          "account.read",
          "account:" + std::to_string(account),
          "done",
          "{}",
          "10.0.0.1",
          "desk",
          "req-" + std::to_string(account)};
}

std::int64_t records(store::Database& database) {
  return store::testing::query(database, "SELECT COUNT(*) AS n FROM audit_records")
      .at(0)
      .integer("n");
}

TEST(DeferredAudit, WritesWhatWasQueuedWhenFlushedAndKeepsTheChainIntact) {
  store::testing::TestDatabase test;
  DeferredAudit deferred(test.database());
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) deferred.record(read_by(t, i));
    });
  }
  for (auto& reader : readers) reader.join();
  ASSERT_TRUE(deferred.flush().ok());
  EXPECT_EQ(records(test.database()), 1200);
  auto verified = verify_audit_trail(test.database());
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->intact) << verified->problem;
}

TEST(DeferredAudit, WritesOnItsOwnWithinMomentsAndWritesTheRestWhenItStops) {
  store::testing::TestDatabase test;
  {
    DeferredAudit deferred(test.database());
    deferred.record(read_by(1, 17));
    for (int waited = 0; waited < 50 && records(test.database()) == 0; ++waited) {
      std::this_thread::sleep_for(DeferredAudit::kFlushInterval);
    }
    EXPECT_EQ(records(test.database()), 1);
    for (int i = 0; i < 10; ++i) deferred.record(read_by(2, i));
  }
  EXPECT_EQ(records(test.database()), 11);
}

TEST(DeferredAudit, KeepsTheOriginItWasGivenNotTheWritingThreads) {
  store::testing::TestDatabase test;
  DeferredAudit deferred(test.database());
  deferred.record(read_by(1, 17));
  ASSERT_TRUE(deferred.flush().ok());
  auto found = test->read<std::vector<AuditRecord>>(
      [](store::Session& session) { return search_audit(session, {.action = "account.read"}); });
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->at(0).entry.request_id, "req-17");
  EXPECT_EQ(found->at(0).entry.client_address, "10.0.0.1");
}

}  // namespace
}  // namespace rp::audit
